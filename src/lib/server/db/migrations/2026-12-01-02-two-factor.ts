import type { Kysely } from 'kysely';

// A second factor for password sign-in: an authenticator app's key (TOTP) and ten single-use
// recovery codes, stored hashed; a sign-in waiting for its code between the password and the
// session; which kind of guess a refused attempt was; and the authority's settings, where the demo seed marks the demo authority. A database seeded with the
// demo before this migration is marked here, by the demo's administrator account. Frozen once
// released.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('two_factor')
		.addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
		.addColumn('totp_key', 'text', (c) => c.notNull())
		// The time step of the last code used, so a code cannot be used twice.
		.addColumn('last_step', 'integer', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createTable('recovery_codes')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('code_hash', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('used_at', 'text')
		.execute();
	await db.schema
		.createIndex('recovery_codes_user')
		.on('recovery_codes')
		.columns(['user_id', 'code_hash'])
		.execute();
	await db.schema
		.createTable('pending_sign_ins')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('pending_sign_ins_user')
		.on('pending_sign_ins')
		.column('user_id')
		.execute();
	await db.schema
		.alterTable('sign_in_failures')
		.addColumn('kind', 'text', (c) => c.notNull().defaultTo('password'))
		.execute();
	await db.schema
		.createTable('authority_settings')
		.addColumn('name', 'text', (c) => c.primaryKey())
		.addColumn('value', 'text', (c) => c.notNull())
		.execute();
	const demo = await db
		.selectFrom('users')
		.select('id')
		.where('email', '=', 'admin@demo.test')
		.executeTakeFirst();
	if (demo)
		await db.insertInto('authority_settings').values({ name: 'demo', value: 'yes' }).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('authority_settings').execute();
	await db.schema.alterTable('sign_in_failures').dropColumn('kind').execute();
	await db.schema.dropTable('pending_sign_ins').execute();
	await db.schema.dropTable('recovery_codes').execute();
	await db.schema.dropTable('two_factor').execute();
}
