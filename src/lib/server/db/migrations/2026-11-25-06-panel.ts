import type { Kysely } from 'kysely';

// The moderation panel's decision on a final review. Frozen once released.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('programme_reviews').addColumn('panel_decision', 'text').execute();
	await db.schema.alterTable('programme_reviews').addColumn('panel_reasons', 'text').execute();
	await db.schema
		.alterTable('programme_reviews')
		.addColumn('panel_by', 'text', (c) => c.references('users.id'))
		.execute();
	await db.schema.alterTable('programme_reviews').addColumn('panel_at', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	for (const column of ['panel_at', 'panel_by', 'panel_reasons', 'panel_decision']) {
		await db.schema.alterTable('programme_reviews').dropColumn(column).execute();
	}
}
