import type { Kysely } from 'kysely';

// Provisioning by SCIM: an API token says what it is for (`api`, the JSON API, as every token
// made before; or `scim`, provisioning people), and a person provisioned by SCIM keeps what the
// directory said of them that the app has no column for: its own id for them (`externalId`) and
// their given and family names, from which the app's one `name` is made. Frozen once released.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('api_tokens')
		.addColumn('scope', 'text', (c) => c.notNull().defaultTo('api'))
		.execute();
	await db.schema
		.createTable('scim_people')
		.addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
		.addColumn('external_id', 'text')
		.addColumn('given_name', 'text')
		.addColumn('family_name', 'text')
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('scim_people').execute();
	await db.schema.alterTable('api_tokens').dropColumn('scope').execute();
}
