// `npm run -s create-token -- --scope scim --name "Entra ID"`: makes an API token in the
// database DATABASE_URL names (as the server does) and prints the token alone on standard
// output, for a deployment script to hand to the directory; what it did goes to standard error.
// The token belongs to an administrator, as one made at /admin/tokens does: `--owner <email>`,
// or else the first administrator (the earliest made who is still active). It is theirs in the
// event log, shown on their tokens page, and stops working if they leave or stop being an
// administrator. Exit status 0 with the token; 1 for wrong arguments; 2 when it cannot (no
// database, one the server has not brought up to date, no such administrator).
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { apiTokenHash, apiTokenScopes, newApiToken } from './api-token-format.js';

const usage =
	'Usage: npm run -s create-token -- --scope scim|api --name "<name>" [--owner <administrator’s email>]';
// The migration that gave tokens their scope: an older database would make a token for the API.
const needed = '2026-12-01-04-scim';

class CannotError extends Error {}

/** @param {string[]} argv */
function readArguments(argv) {
	const { values } = parseArgs({
		args: argv,
		options: { scope: { type: 'string' }, name: { type: 'string' }, owner: { type: 'string' } }
	});
	const scope = values.scope ?? '';
	const name = values.name?.trim() ?? '';
	if (!(/** @type {readonly string[]} */ (apiTokenScopes).includes(scope)))
		throw new Error(`--scope must be ${apiTokenScopes.join(' or ')}`);
	if (!name || name.length > 100) throw new Error('--name must be 1 to 100 characters');
	return { scope, name, owner: values.owner?.trim().toLowerCase() };
}

/**
 * The database, with `?` placeholders on both kinds.
 * @param {string} url
 */
async function open(url) {
	if (url.startsWith('file:')) {
		const { default: SQLite } = await import('better-sqlite3');
		const db = new SQLite(url.slice('file:'.length), { fileMustExist: true });
		db.pragma('busy_timeout = 5000');
		return {
			/** @type {(sql: string, params?: unknown[]) => Promise<any[]>} */
			all: async (sql, params = []) => {
				const statement = db.prepare(sql);
				if (statement.reader) return statement.all(...params);
				statement.run(...params);
				return [];
			},
			begin: 'begin immediate',
			close: async () => db.close()
		};
	}
	const { default: pg } = await import('pg');
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	return {
		/** @type {(sql: string, params?: unknown[]) => Promise<any[]>} */
		all: async (sql, params = []) => {
			let n = 0;
			return (
				await client.query(
					sql.replace(/\?/g, () => `$${++n}`),
					params
				)
			).rows;
		},
		begin: 'begin',
		close: async () => client.end()
	};
}

/** @typedef {Awaited<ReturnType<typeof open>>} Database */

/** @param {Database} db @param {() => Promise<void>} work */
async function inTransaction(db, work) {
	await db.all(db.begin);
	try {
		await work();
		await db.all('commit');
	} catch (error) {
		await db.all('rollback');
		throw error;
	}
}

/** @param {Database} db @param {string | undefined} email */
async function ownerOf(db, email) {
	const admins = `select u.id, u.email from users u join user_roles r on r.user_id = u.id
		where r.role = 'admin' and u.active = 1`;
	const [owner] = email
		? await db.all(`${admins} and lower(u.email) = ?`, [email])
		: await db.all(`${admins} order by u.created_at, u.id limit 1`);
	if (!owner)
		throw new CannotError(
			email
				? `${email} is not an active administrator: the token must belong to one`
				: 'There is no active administrator to own the token: give one with --owner'
		);
	return /** @type {{ id: string, email: string }} */ (owner);
}

/** @param {Database} db */
async function checkUpToDate(db) {
	const done = await db
		.all('select name from kysely_migration where name = ?', [needed])
		.catch(() => []);
	if (done.length === 0)
		throw new CannotError(
			'The database is not up to date: start the server on it once (it migrates the database), then run this again'
		);
}

/** @param {string[]} argv */
async function main(argv) {
	const url = process.env.DATABASE_URL || 'file:./data/golden-thread.db';
	let args;
	try {
		args = readArguments(argv);
	} catch (error) {
		console.error(`${/** @type {Error} */ (error).message}\n${usage}`);
		return 1;
	}
	let db;
	try {
		db = await open(url);
	} catch (error) {
		console.error(`Cannot open the database: ${/** @type {Error} */ (error).message}`);
		return 2;
	}
	try {
		await checkUpToDate(db);
		const owner = await ownerOf(db, args.owner);
		const token = newApiToken();
		const id = randomUUID();
		const now = new Date().toISOString();
		await inTransaction(db, async () => {
			await db.all(
				`insert into api_tokens (id, user_id, name, token_hash, created_at, last_used_at, revoked_at, scope)
				values (?, ?, ?, ?, ?, null, null, ?)`,
				[id, owner.id, args.name, apiTokenHash(token), now, args.scope]
			);
			await db.all(
				`insert into events (id, at, actor_id, action, subject_type, subject_id, detail)
				values (?, ?, ?, 'api-token.created', 'api_token', ?, ?)`,
				[randomUUID(), now, owner.id, id, JSON.stringify({ scope: args.scope, by: 'create-token' })]
			);
		});
		process.stdout.write(`${token}\n`);
		console.error(`Made the ${args.scope} token “${args.name}”, owned by ${owner.email}.`);
		return 0;
	} catch (error) {
		if (!(error instanceof CannotError)) throw error;
		console.error(error.message);
		return 2;
	} finally {
		await db.close();
	}
}

process.exitCode = await main(process.argv.slice(2));
