import type { Kysely } from 'kysely';

// Portfolios brought from another authority. An import keeps where the file came from and what
// it carried; each record it made keeps its history there (its review, comments, observation)
// as read-only text, and the sign-offs made there are kept as history only, never as sign-offs
// here. A draft made by an import may be deleted: its history goes with it. Frozen once released.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('portfolio_imports')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('file_name', 'text', (c) => c.notNull())
		.addColumn('file_sha256', 'text', (c) => c.notNull())
		.addColumn('origin', 'text', (c) => c.notNull())
		.addColumn('exported_at', 'text', (c) => c.notNull())
		.addColumn('imported_at', 'text', (c) => c.notNull())
		.addColumn('summary', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('portfolio_imports_user')
		.on('portfolio_imports')
		.column('user_id')
		.execute();
	await db.schema
		.createTable('imported_evidence')
		.addColumn('evidence_id', 'text', (c) =>
			c.primaryKey().references('evidence.id').onDelete('cascade')
		)
		.addColumn('import_id', 'text', (c) => c.notNull().references('portfolio_imports.id'))
		.addColumn('original_id', 'text', (c) => c.notNull())
		.addColumn('history', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('imported_evidence_import')
		.on('imported_evidence')
		.column('import_id')
		.execute();
	await db.schema
		.createTable('imported_signoffs')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('import_id', 'text', (c) => c.notNull().references('portfolio_imports.id'))
		.addColumn('origin', 'text', (c) => c.notNull())
		.addColumn('sequence', 'integer', (c) => c.notNull())
		.addColumn('framework_version', 'text', (c) => c.notNull())
		.addColumn('outcome_id', 'text', (c) => c.notNull())
		.addColumn('signed_at', 'text', (c) => c.notNull())
		.addColumn('evidence_ids', 'text', (c) => c.notNull())
		.addColumn('entry', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('imported_signoffs_import')
		.on('imported_signoffs')
		.column('import_id')
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('imported_signoffs').execute();
	await db.schema.dropTable('imported_evidence').execute();
	await db.schema.dropTable('portfolio_imports').execute();
}
