import { Migrator, PostgresAdapter, sql, type Migration } from 'kysely';
import type { Db } from './index';
import { migrations } from './migrations';

/**
 * Runs pending migrations. Kysely runs them in one transaction on SQLite and PostgreSQL, so a
 * failure leaves the database as it was; the error names the migration that failed.
 */
export async function migrateToLatest(
	db: Db,
	all: Record<string, Migration> = migrations
): Promise<string[]> {
	const migrator = new Migrator({
		db,
		provider: { getMigrations: async () => all },
		migrationTableSchema: await currentSchema(db)
	});
	const { error, results = [] } = await migrator.migrateToLatest();
	const failed = results.find((r) => r.status === 'Error');
	if (error) {
		const name = failed ? ` "${failed.migrationName}"` : '';
		const reason = error instanceof Error ? error.message : String(error);
		throw new Error(`Database migration${name} failed, so nothing was changed: ${reason}`, {
			cause: error
		});
	}
	return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * On PostgreSQL, the schema the app works in. Without it Kysely looks for its migration tables
 * in every schema, so a database holding two copies of the app (or tests, a schema each) could
 * see the other's tables and skip creating its own.
 */
async function currentSchema(db: Db) {
	if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return undefined;
	const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
	return rows[0].schema;
}
