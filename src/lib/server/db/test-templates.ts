import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDb, type Database } from './index';
import { migrateToLatest } from './migrate';

// Vitest global setup: every database test starts from a database with every migration, and
// migrating one from nothing took about a second on SQLite and four on PostgreSQL, where test
// files also had to take turns (see `takingTurns` in testing.ts). So the migrations run once,
// here, and each test database starts from what they made:
// - on SQLite, a copy of a migrated file;
// - on PostgreSQL, the statements the migrations sent, replayed in one transaction in the test's
//   own schema. Reads are left out: on an empty database they only chose what to write, and
//   the choice is in the statements that follow. So is Kysely's migration lock, which is only
//   taken and given back.
// A test that gives its own migrations (to test a later one) still migrates from nothing.

declare module 'vitest' {
	export interface ProvidedContext {
		/** A migrated SQLite file to copy. */
		sqliteTemplate: string;
		/** The statements that migrate an empty PostgreSQL schema, in order ('' without TEST_POSTGRES_URL). */
		postgresMigration: string;
	}
}

/** A schema name the statements are read with, then written without. */
const templateSchema = `test_template_${process.pid}`;

/** One statement of a migration, with its parameters. */
export interface MigrationStatement {
	sql: string;
	parameters: unknown[];
}

async function sqliteTemplate(dir: string) {
	const file = join(dir, 'template.db');
	const db = createDb(`file:${file}`);
	await migrateToLatest(db);
	// Everything into the file itself, so that copying the file alone copies the database.
	await sql`pragma wal_checkpoint(truncate)`.execute(db);
	await db.destroy();
	return file;
}

/** Migrates a scratch schema, noting what it sends; the schema is dropped again. */
async function postgresStatements(url: string): Promise<MigrationStatement[]> {
	const admin = new pg.Client({ connectionString: url });
	await admin.connect();
	const scoped = new URL(url);
	scoped.searchParams.set('options', `-c search_path=${templateSchema}`);
	const sent: MigrationStatement[] = [];
	const db = new Kysely<Database>({
		dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: scoped.toString() }) }),
		log(event) {
			if (event.level === 'query')
				sent.push({ sql: event.query.sql, parameters: [...event.query.parameters] });
		}
	});
	try {
		await admin.query(`create schema ${templateSchema}`);
		await takingTurns(admin, () => migrateToLatest(db));
	} finally {
		await db.destroy();
		await takingTurns(admin, () => admin.query(`drop schema if exists ${templateSchema} cascade`));
		await admin.end();
	}
	// Kysely names its own tables with the schema; the test's search path names it instead.
	const qualifier = `"${templateSchema}".`;
	return sent
		.filter((s) => !/^\s*select\b/i.test(s.sql))
		.map((s) => ({ ...s, sql: s.sql.replaceAll(qualifier, '') }))
		.filter((s) => !/^(insert into|update|delete from) "kysely_migration_lock"/.test(s.sql));
}

/**
 * Kysely's migrator reads the tables of every schema in the database, and that read fails when
 * another test file drops its schema at the same moment ("schema … does not exist"). Migrating
 * a scratch schema and dropping one take turns under this advisory lock.
 */
export const scratchSchemaLock = 0x47545343; // "GTSC"

export async function takingTurns<T>(admin: pg.Client, work: () => Promise<T>): Promise<T> {
	await admin.query('select pg_advisory_lock($1)', [scratchSchemaLock]);
	try {
		return await work();
	} finally {
		await admin.query('select pg_advisory_unlock($1)', [scratchSchemaLock]);
	}
}

export default async function setup(project: TestProject) {
	const dir = mkdtempSync(join(tmpdir(), 'golden-thread-template-'));
	project.provide('sqliteTemplate', await sqliteTemplate(dir));
	const url = process.env.TEST_POSTGRES_URL;
	project.provide('postgresMigration', url ? JSON.stringify(await postgresStatements(url)) : '');
	return () => rmSync(dir, { recursive: true, force: true });
}
