import { Migrator, PostgresAdapter, sql, type Migration } from 'kysely';
import type { Db } from './index';
import { migrations } from './migrations';

/**
 * On PostgreSQL, the schema in use. Kysely otherwise takes its bookkeeping tables in any schema
 * for its own, so migrating one schema while another holds them (test files on one database
 * at once) fails with `relation "kysely_migration_lock" does not exist`.
 */
async function migrationTableSchema(db: Db) {
	if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return undefined;
	const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
	return rows[0]?.schema;
}

async function migratorOf(db: Db, all: Record<string, Migration>) {
	return new Migrator({
		db,
		provider: { getMigrations: async () => all },
		migrationTableSchema: await migrationTableSchema(db)
	});
}

/** The migrations this code knows of that the database has not had yet, by name. */
export async function pendingMigrations(
	db: Db,
	all: Record<string, Migration> = migrations
): Promise<string[]> {
	const known = await (await migratorOf(db, all)).getMigrations();
	return known.filter((m) => m.executedAt === undefined).map((m) => m.name);
}

/**
 * Runs pending migrations. Kysely runs them in one transaction on SQLite and PostgreSQL, so a
 * failure leaves the database as it was; the error names the migration that failed.
 */
export async function migrateToLatest(
	db: Db,
	all: Record<string, Migration> = migrations
): Promise<string[]> {
	const { error, results = [] } = await (await migratorOf(db, all)).migrateToLatest();
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
