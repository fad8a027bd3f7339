import { sql, type Kysely } from 'kysely';

// The impact of learning keeps its audit figures until a finalised audit is added, changed or
// removed (`learning/impact-query.ts`), which it checks on every call by counting finalised
// audits and taking the latest change: from this index alone, not from every audit's row.
// Frozen once released.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createIndex('audits_status_updated')
		.on('audits')
		.columns(['status', 'updated_at'])
		.execute();
	await sql`analyze audits`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('audits_status_updated').execute();
}
