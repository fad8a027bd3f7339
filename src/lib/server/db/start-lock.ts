import { sql } from 'kysely';
import { isPostgres, type Db } from './index';

// The advisory-lock namespace for starting up ("GTst"); the second key is the schema's, so two
// copies of the app in two schemas of one database do not wait for each other.
const startLockSpace = 0x47547374;

/**
 * Runs `work` while no other server on this database runs its own: on PostgreSQL under a
 * session advisory lock, held on one connection of the pool and given back however `work`
 * ends. On SQLite, one machine's servers already take turns at its one write lock.
 */
export async function oneServerAtATime<T>(db: Db, work: () => Promise<T>): Promise<T> {
	if (!isPostgres(db)) return work();
	return db.connection().execute(async (connection) => {
		const key = sql`${startLockSpace}::int4, hashtext(current_schema())`;
		await sql`select pg_advisory_lock(${key})`.execute(connection);
		try {
			return await work();
		} finally {
			await sql`select pg_advisory_unlock(${key})`.execute(connection);
		}
	});
}
