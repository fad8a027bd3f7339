import type { Kysely } from 'kysely';

// A record's mapping to the authority's own practice standards, with the edition of the set it
// was mapped to, so a later edition does not silently re-point old evidence. Rows go with their
// record (on delete cascade), so deleting a draft need not know about this table.
// Frozen once released.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('evidence_standards')
		.addColumn('evidence_id', 'text', (c) =>
			c.notNull().references('evidence.id').onDelete('cascade')
		)
		.addColumn('set_id', 'text', (c) => c.notNull())
		.addColumn('set_version', 'text', (c) => c.notNull())
		.addColumn('item_ref', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('evidence_standards_pk', ['evidence_id', 'set_id', 'item_ref'])
		.execute();
	await db.schema
		.createIndex('evidence_standards_item')
		.on('evidence_standards')
		.columns(['set_id', 'set_version', 'item_ref'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('evidence_standards').execute();
}
