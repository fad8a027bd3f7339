import { PostgresAdapter, type Kysely } from 'kysely';

// PDFs made in the background (`export/pdf-jobs.ts`), kept in the database rather than in one
// server's memory, so that any server can show how far one has got and hand it over once made.
// A row lives ten minutes after its PDF is made. Frozen once released.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
	await db.schema
		.createTable('pdf_jobs')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('viewer_id', 'text', (c) => c.notNull())
		.addColumn('document', 'text', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('href', 'text', (c) => c.notNull())
		.addColumn('back', 'text', (c) => c.notNull())
		.addColumn('filename', 'text', (c) => c.notNull())
		.addColumn('records', 'integer', (c) => c.notNull())
		.addColumn('stage', 'text', (c) => c.notNull())
		.addColumn('started_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('finished_at', 'text')
		.addColumn('bytes', bytes)
		.execute();
	await db.schema
		.createIndex('pdf_jobs_by_viewer')
		.on('pdf_jobs')
		.columns(['viewer_id', 'document'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('pdf_jobs').execute();
}
