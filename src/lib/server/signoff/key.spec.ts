import { mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDb, type Db } from '../db';
import { migrateToLatest } from '../db/migrate';
import { startDatabase } from '../db/start';
import { newUser } from '../db/testing';
import { startSignoffs } from './heads';
import { readSignoffKey } from './key.js';
import { findings, newSupervisee, nextEntry, verifyCommand } from './testing';

// These start Node processes and databases; a shared, busy machine can take its time.
const slow = 60_000;

const postgresUrl = 'postgres://nobody@127.0.0.1:1/nowhere';

describe(
	'SIGNOFF_KEY on PostgreSQL',
	() => {
		beforeEach(() => vi.stubEnv('SIGNOFF_KEY', undefined));
		afterEach(() => vi.unstubAllEnvs());

		it('is required: the server will not start without it, and the command exits 2', async () => {
			expect(() => readSignoffKey(postgresUrl)).toThrow(
				'SIGNOFF_KEY is not set: it is required with a PostgreSQL database'
			);
			// It says so before it touches the database: this one would fail with another message.
			await expect(startDatabase({} as Db, postgresUrl)).rejects.toThrow('SIGNOFF_KEY is not set');
			const command = verifyCommand(postgresUrl, { SIGNOFF_KEY: undefined });
			expect(command.status).toBe(2);
			expect(command.output).toContain('Cannot verify the sign-offs: SIGNOFF_KEY is not set');
		});

		it('must be long enough', () => {
			vi.stubEnv('SIGNOFF_KEY', 'too short');
			expect(() => readSignoffKey(postgresUrl)).toThrow(
				'the sign-off key in SIGNOFF_KEY is too short: it must be at least 32 characters'
			);
		});
	},
	slow
);

describe(
	'the sign-off key file beside a SQLite database',
	() => {
		let dir: string;
		let url: string;
		let keyFile: string;
		let db: Db;
		beforeEach(async () => {
			dir = mkdtempSync(join(tmpdir(), 'golden-thread-key-'));
			url = `file:${join(dir, 'portfolio.db')}`;
			keyFile = join(dir, 'portfolio.db.signoff-key');
			db = createDb(url);
			await migrateToLatest(db);
			vi.stubEnv('SIGNOFF_KEY', undefined);
			vi.stubEnv('DATABASE_URL', url);
		});
		afterEach(async () => {
			vi.unstubAllEnvs();
			await db.destroy();
			rmSync(dir, { recursive: true, force: true });
		});

		it('is made once, readable by its owner only, and used by the service and the command', async () => {
			expect(await startSignoffs(db, url)).toBe(0);
			const key = readFileSync(keyFile, 'utf8');
			expect(key).toMatch(/^[0-9a-f]{64}\n$/);
			expect(statSync(keyFile).mode & 0o777).toBe(0o600);
			expect(await startSignoffs(db, url)).toBeNull();
			expect(readFileSync(keyFile, 'utf8')).toBe(key);

			const pat = await newSupervisee(
				db,
				await newUser(db, { roles: ['supervisor'] }),
				'Pat Practitioner',
				'pat@test.example'
			);
			await nextEntry(db, pat, 1);
			expect(await findings(db)).toEqual([]);
			expect(verifyCommand(url, { SIGNOFF_KEY: undefined }).status).toBe(0);
		});

		it('when lost, is not silently replaced: the server will not start and nothing can be checked', async () => {
			await startSignoffs(db, url);
			unlinkSync(keyFile);
			await expect(startSignoffs(db, url)).rejects.toThrow(
				`the sign-off key file ${keyFile} is missing, but the sign-off records were sealed with a key`
			);
			expect(await findings(db)).toBe(
				`SIGNOFF_KEY is not set and there is no sign-off key file at ${keyFile}`
			);
			const command = verifyCommand(url, { SIGNOFF_KEY: undefined });
			expect(command.status).toBe(2);
			expect(command.output).toContain('there is no sign-off key file');
		});

		it('when replaced by another key, stops the server and the command', async () => {
			await startSignoffs(db, url);
			writeFileSync(keyFile, `${'b'.repeat(64)}\n`);
			await expect(startSignoffs(db, url)).rejects.toThrow(
				`the sign-off key (${keyFile}) is not the one the sign-off records were sealed with`
			);
			expect(verifyCommand(url, { SIGNOFF_KEY: undefined }).status).toBe(2);
		});
	},
	slow
);
