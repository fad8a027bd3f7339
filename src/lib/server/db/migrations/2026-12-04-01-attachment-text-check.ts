import type { Kysely } from 'kysely';

// What the anonymity check found in an attachment's text when it was added: JSON, by page
// (`portfolio/file-check.ts`), or why the file was not checked. Files added before, or brought
// in by an import, have none. Frozen once released.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('attachments').addColumn('text_check', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('attachments').dropColumn('text_check').execute();
}
