import type { Kysely } from 'kysely';

// Single sign-on by OpenID Connect: the provider's subject for each person, so a person is
// found by it after their first sign-in (when they were matched by verified email), and how each
// session was signed in to, so a second factor can be asked of password sign-ins alone.
// The subject is kept per issuer and client: providers that give each application its own
// subjects (Entra ID does) would give everyone new ones under a new app registration, and
// people are then matched by email again rather than refused. Frozen once released.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('sso_identities')
		.addColumn('issuer', 'text', (c) => c.notNull())
		.addColumn('client_id', 'text', (c) => c.notNull())
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('sso_identities_pk', ['issuer', 'client_id', 'subject'])
		.addUniqueConstraint('sso_identities_user', ['issuer', 'client_id', 'user_id'])
		.execute();
	await db.schema
		.alterTable('sessions')
		.addColumn('method', 'text', (c) => c.notNull().defaultTo('password'))
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('sessions').dropColumn('method').execute();
	await db.schema.dropTable('sso_identities').execute();
}
