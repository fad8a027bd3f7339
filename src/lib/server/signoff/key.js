// The secret that MACs the sign-off chains' heads, in plain JavaScript so that the app and
// `npm run verify-signoffs` find it the same way: SIGNOFF_KEY, or on SQLite a key generated
// once and kept in a file beside the database. Never in the database itself: a MAC is only
// worth something against someone who can edit the database but cannot read the key.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const minimumLength = 32;
const howToMake = 'make one with: openssl rand -hex 32';

/** Why there is no usable key; the message says what to do. */
export class SignoffKeyError extends Error {}

/** The file that holds the generated key for a SQLite database; null for PostgreSQL. */
export function signoffKeyFile(/** @type {string} */ databaseUrl) {
	return databaseUrl.startsWith('file:')
		? `${databaseUrl.slice('file:'.length)}.signoff-key`
		: null;
}

/** @param {string} key @param {string} source */
function checked(key, source) {
	const trimmed = key.trim();
	if (trimmed.length < minimumLength)
		throw new SignoffKeyError(
			`the sign-off key in ${source} is too short: it must be at least ${minimumLength} characters (${howToMake})`
		);
	return trimmed;
}

/**
 * SIGNOFF_KEY when set; otherwise, on SQLite, the key in the file beside the database. Throws
 * a SignoffKeyError naming SIGNOFF_KEY when there is none.
 * @param {string} databaseUrl
 * @param {Record<string, string | undefined>} env
 */
export function readSignoffKey(databaseUrl, env = process.env) {
	if (env.SIGNOFF_KEY) return checked(env.SIGNOFF_KEY, 'SIGNOFF_KEY');
	const file = signoffKeyFile(databaseUrl);
	if (!file)
		throw new SignoffKeyError(
			`SIGNOFF_KEY is not set: it is required with a PostgreSQL database (${howToMake})`
		);
	if (!existsSync(file))
		throw new SignoffKeyError(
			`SIGNOFF_KEY is not set and there is no sign-off key file at ${file}`
		);
	return checked(readFileSync(file, 'utf8'), file);
}

/**
 * Writes a new random key beside a SQLite database, readable by its owner only, unless one is
 * there already (another process may have written it first); returns the key in the file.
 * @param {string} databaseUrl
 */
export function createSignoffKeyFile(databaseUrl) {
	const file = signoffKeyFile(databaseUrl);
	if (!file) throw new SignoffKeyError('a sign-off key file is kept only beside a SQLite database');
	try {
		writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
	} catch (error) {
		if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
	}
	return checked(readFileSync(file, 'utf8'), file);
}
