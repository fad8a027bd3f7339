import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

// Supervision becomes three relationships, each with its own history: line manager, practice
// supervisor and assessor. Until now one supervisor did all three jobs, so each existing row
// becomes three, one per kind, with the same dates: nobody gains or loses access.
// The column's default only lets SQLite add a NOT NULL column to a table with rows; the app
// always names the kind. Frozen once released.

const copied = ['practice-supervisor', 'assessor'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('supervisions')
		.addColumn('kind', 'text', (c) => c.notNull().defaultTo('line-manager'))
		.execute();
	const rows = await db.selectFrom('supervisions').selectAll().execute();
	const copies = rows.flatMap((row) => copied.map((kind) => ({ ...row, id: randomUUID(), kind })));
	// In batches, well under either database's limit on values in one statement.
	for (let i = 0; i < copies.length; i += 200) {
		await db
			.insertInto('supervisions')
			.values(copies.slice(i, i + 200))
			.execute();
	}
	await db.schema
		.createIndex('supervisions_supervisee_kind')
		.on('supervisions')
		.columns(['supervisee_id', 'kind', 'ends_on'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('supervisions_supervisee_kind').execute();
	await sql`delete from supervisions where kind <> 'line-manager'`.execute(db);
	await db.schema.alterTable('supervisions').dropColumn('kind').execute();
}
