import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompiledQuery, PostgresAdapter, sql, type Compilable, type Migration } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import { hashPassword } from '../auth/password';
import type { EvidenceInput } from '../portfolio/evidence';
import { startSignoffs } from '../signoff/heads';
import { newId } from './ids';
import { createDb, isPostgres, type Db } from './index';
import { migrateToLatest } from './migrate';
import { scratchSchemaLock, takingTurns, type MigrationStatement } from './test-templates';
import type { CareerStage, Role } from './schema';
import { timestamp } from './time';

// Files written by tests go to a scratch folder, never the app's data folder.
process.env.FILES_DIR ??= mkdtempSync(join(tmpdir(), 'golden-thread-files-'));
// Sign-offs need a key; a fixed one for tests, never used outside them.
process.env.SIGNOFF_KEY ??= 'golden-thread-tests-only-sign-off-key-0123456789';

// Test helpers: a real, migrated and sealed database per test file (a temporary SQLite file,
// and a scratch PostgreSQL schema when TEST_POSTGRES_URL is set), and small factories.

export interface TestDatabase {
	name: string;
	/** A fresh database, migrated with every migration (or those given, to test a later one). */
	open(migrations?: Record<string, Migration>): Promise<{
		db: Db;
		url: string;
		close(): Promise<void>;
	}>;
}

function sqlite(): TestDatabase {
	return {
		name: 'SQLite',
		async open(migrations) {
			const dir = mkdtempSync(join(tmpdir(), 'golden-thread-test-'));
			const url = `file:${join(dir, 'test.db')}`;
			const template = inject('sqliteTemplate');
			if (!migrations && template) copyFileSync(template, join(dir, 'test.db'));
			const db = createDb(url);
			if (migrations || !template) await migrateToLatest(db, migrations);
			await startSignoffs(db, url);
			return {
				db,
				url,
				async close() {
					await db.destroy();
					rmSync(dir, { recursive: true, force: true });
				}
			};
		}
	};
}

/** Sends the statements that migrate an empty schema, in one transaction (test-templates.ts). */
async function replay(url: string, statements: MigrationStatement[]) {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		await client.query('begin');
		for (const { sql, parameters } of statements) await client.query(sql, parameters);
		await client.query('commit');
	} finally {
		await client.end();
	}
}

function postgres(url: string): TestDatabase {
	return {
		name: 'PostgreSQL',
		async open(migrations) {
			const schema = `test_${newId().replaceAll('-', '')}`;
			const admin = new pg.Client({ connectionString: url });
			await admin.connect();
			await admin.query(`create schema ${schema}`);
			const scoped = new URL(url);
			scoped.searchParams.set('options', `-c search_path=${schema}`);
			const db = createDb(scoped.toString());
			const statements = inject('postgresMigration');
			if (!migrations && statements) await replay(scoped.toString(), JSON.parse(statements));
			else await takingTurns(admin, () => migrateToLatest(db, migrations));
			await startSignoffs(db, scoped.toString());
			return {
				db,
				url: scoped.toString(),
				async close() {
					await db.destroy();
					await takingTurns(admin, () => admin.query(`drop schema ${schema} cascade`));
					await admin.end();
				}
			};
		}
	};
}

/**
 * Runs `work`, which reads every schema's tables (Kysely's migrator and its introspection do),
 * taking turns on PostgreSQL with test files making and dropping their schemas, so that a schema
 * is never dropped while it is being read.
 */
export async function readingAllSchemas<T>(db: Db, work: () => Promise<T>): Promise<T> {
	if (!isPostgres(db)) return work();
	return db.connection().execute(async (connection) => {
		await sql`select pg_advisory_lock(${scratchSchemaLock})`.execute(connection);
		try {
			return await work();
		} finally {
			await sql`select pg_advisory_unlock(${scratchSchemaLock})`.execute(connection);
		}
	});
}

/**
 * The names of a test database's tables, Kysely's own left out. On PostgreSQL only its own
 * scratch schema's: Kysely's introspection lists every schema's tables, so other test files'
 * tables would come and go in the list (and fail to read once dropped).
 */
export async function ownTables(db: Db): Promise<string[]> {
	if (!(db.getExecutor().adapter instanceof PostgresAdapter))
		return (await db.introspection.getTables()).map((t) => t.name);
	const { rows } = await sql<{ name: string }>`
		select table_name as name from information_schema.tables
		where table_schema = current_schema() and table_type = 'BASE TABLE'
			and table_name not in ('kysely_migration', 'kysely_migration_lock')`.execute(db);
	return rows.map((r) => r.name);
}

/** How SQLite would answer a query: each step of its plan (`SCAN table` reads all of it). */
export async function queryPlan(db: Db, query: Compilable<unknown>) {
	const { sql: text, parameters } = query.compile();
	const { rows } = await db.executeQuery<{ detail: string }>(
		CompiledQuery.raw(`explain query plan ${text}`, [...parameters])
	);
	return rows.map((row) => row.detail);
}

/** SQLite always; PostgreSQL too when TEST_POSTGRES_URL is set (CI sets it). */
export function testDatabases(): TestDatabase[] {
	const url = process.env.TEST_POSTGRES_URL;
	return url ? [sqlite(), postgres(url)] : [sqlite()];
}

let passwordHash: Promise<string> | undefined;
export const testPassword = 'a long test password';

export async function newUser(
	db: Db,
	overrides: Partial<{
		email: string;
		name: string;
		roles: Role[];
		teamId: string;
		careerStage: CareerStage;
		sweNumber: string;
		active: boolean;
		password: boolean;
	}> = {}
) {
	const id = newId();
	passwordHash ??= hashPassword(testPassword);
	await db
		.insertInto('users')
		.values({
			id,
			email: overrides.email ?? `${id}@test.example`,
			name: overrides.name ?? 'Test Person',
			password_hash: overrides.password === false ? null : await passwordHash,
			career_stage: overrides.careerStage ?? null,
			swe_number: overrides.sweNumber ?? null,
			team_id: overrides.teamId ?? null,
			active: overrides.active === false ? 0 : 1,
			created_at: timestamp(),
			deactivated_at: null
		})
		.execute();
	const roles = overrides.roles ?? ['practitioner'];
	if (roles.length)
		await db
			.insertInto('user_roles')
			.values(roles.map((role) => ({ user_id: id, role })))
			.execute();
	return id;
}

/** Enrols someone on a programme (the ASYE unless told), from 9 o'clock on its first day. */
export async function newEnrolment(db: Db, userId: string, startsOn: string, programme = 'asye') {
	const id = newId();
	await db
		.insertInto('enrolments')
		.values({
			id,
			user_id: userId,
			programme,
			starts_on: startsOn,
			created_at: `${startsOn}T09:00:00.000Z`
		})
		.execute();
	return id;
}

/** A record's fields, with everyday text (and case work) unless told otherwise. */
export function evidenceInput(
	overrides: Partial<{ title: string; account: string; activityDate: string; type: string }> = {}
): EvidenceInput {
	return {
		title: overrides.title ?? 'A visit',
		activityDate: overrides.activityDate ?? '2026-10-01',
		type: overrides.type ?? 'case-work',
		account: overrides.account ?? 'An account.',
		reflectionModel: 'free',
		reflection: { text: 'A reflection.' },
		cpdType: null,
		cpdRelevance: '',
		cpdLearning: '',
		cpdImpact: '',
		peerReflected: null,
		peerReflection: '',
		cpdMinutes: null
	};
}

/** A draft record of someone's, with everyday text (and case work) unless told otherwise. */
export async function newEvidence(
	db: Db,
	ownerId: string,
	overrides: Partial<{ title: string; account: string; activityDate: string; type: string }> = {}
) {
	const { createEvidence } = await import('../portfolio/evidence');
	return createEvidence(db, ownerId, evidenceInput(overrides));
}

/** An attachment naming stored bytes, on a new draft of a new person's; removed when told when. */
export async function newAttachment(
	db: Db,
	hash: string,
	options: { size?: number; removedAt?: string } = {}
) {
	const owner = await newUser(db);
	const evidenceId = await newEvidence(db, owner);
	const id = newId();
	await db
		.insertInto('attachments')
		.values({
			id,
			evidence_id: evidenceId,
			file_hash: hash,
			name: 'notes.txt',
			mime: 'text/plain',
			size: options.size ?? 1,
			created_at: '2026-11-02T09:00:00.000Z',
			created_by: owner,
			removed_at: options.removedAt ?? null
		})
		.execute();
	return { id, evidenceId, owner };
}
