import type { Kysely } from 'kysely';

// Erasure (retention, or a person's request): a person's row stays, because others' records
// name them, but their name and email are replaced and `erased_at` says when. A sign-off entry
// of theirs keeps its hash while its rationale is erased: `erased_at` and `erasure_mac` (an HMAC
// with SIGNOFF_KEY over the entry's id, hash and that time) let the check vouch for the change.
// Neither column is part of the entry's hash. Frozen once released.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('users').addColumn('erased_at', 'text').execute();
	await db.schema.alterTable('signoffs').addColumn('erased_at', 'text').execute();
	await db.schema.alterTable('signoffs').addColumn('erasure_mac', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('signoffs').dropColumn('erasure_mac').execute();
	await db.schema.alterTable('signoffs').dropColumn('erased_at').execute();
	await db.schema.alterTable('users').dropColumn('erased_at').execute();
}
