import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { newAttachment, testDatabases } from '../db/testing';
import { claimStore } from '../portfolio/file-store-owner';
import { storeFile } from '../portfolio/file-store';

// `npm run backup` and `npm run restore` as an operator runs them: plain Node, on a database
// the tests migrated and a store with a file a record refers to. The round trip through a
// running server is tests/e2e/backup.test.ts.

/** One of the commands, with the data places the environment gives. */
function command(name: 'backup' | 'restore', args: string[], env: Record<string, string>) {
	const result = spawnSync(process.execPath, [`src/lib/server/backup/${name}.js`, ...args], {
		env: { ...process.env, SIGNOFF_KEY: '', FILES_STORE: '', ...env },
		encoding: 'utf8'
	});
	return { status: result.status, out: result.stdout, err: result.stderr };
}

describe('backing up and restoring SQLite and its files', () => {
	const [sqlite] = testDatabases();
	let db: Db;
	let url: string;
	let close: () => Promise<void>;
	const root = mkdtempSync(join(tmpdir(), 'golden-thread-backup-'));
	const files = join(root, 'files');
	const bytes = new TextEncoder().encode('Notes from a home visit');
	let hash: string;
	const source = () => ({ DATABASE_URL: url, FILES_DIR: files });
	const target = (name: string) => ({
		DATABASE_URL: `file:${join(root, name, 'golden-thread.db')}`,
		FILES_DIR: join(root, name, 'files')
	});

	beforeAll(async () => {
		({ db, url, close } = await sqlite.open());
		writeFileSync(`${url.slice('file:'.length)}.signoff-key`, `${'k'.repeat(64)}\n`);
		hash = await storeFile(files, bytes);
		await newAttachment(db, hash, { size: bytes.length });
		await claimStore(db, files);
	});
	afterAll(async () => {
		await close();
		rmSync(root, { recursive: true, force: true });
	});

	it('brings the database, its sign-off key and its files back into an empty folder', async () => {
		const archive = join(root, 'backup.tar.gz');
		const backup = command('backup', [archive], source());
		expect(backup).toMatchObject({ status: 0, err: '' });
		expect(backup.out).toBe(`Backed up ${url.slice(5)} and 1 stored files to ${archive}\n`);
		expect(readdirSync(root).filter((n) => n.startsWith('backup.tar.gz'))).toEqual([
			'backup.tar.gz'
		]);

		const restore = command('restore', [archive], target('restored'));
		expect(restore).toMatchObject({ status: 0, err: '' });
		const restored = new SQLite(join(root, 'restored', 'golden-thread.db'), { readonly: true });
		const rows = restored.prepare('select file_hash from attachments').all();
		restored.close();
		expect(rows).toEqual([{ file_hash: hash }]);
		const file = join(root, 'restored', 'files', hash.slice(0, 2), hash);
		expect(readFileSync(file)).toEqual(Buffer.from(bytes));
		expect(readFileSync(join(root, 'restored', 'golden-thread.db.signoff-key'), 'utf8')).toBe(
			`${'k'.repeat(64)}\n`
		);
		expect(readFileSync(join(root, 'restored', 'files', '.golden-thread-store'), 'utf8')).toBe(
			readFileSync(join(files, '.golden-thread-store'), 'utf8')
		);

		// Again, into the same place: refused, and nothing there changed.
		const again = command('restore', [archive], target('restored'));
		expect(again.status).toBe(2);
		expect(again.err).toContain('Nothing restored:');
		expect(again.err).toContain('Restore into an empty data folder');
		expect(readFileSync(file)).toEqual(Buffer.from(bytes));
	});

	it('leaves nothing behind when the archive is damaged', () => {
		const archive = join(root, 'damaged.tar.gz');
		expect(command('backup', [archive], source()).status).toBe(0);
		const whole = readFileSync(archive);
		writeFileSync(archive, whole.subarray(0, whole.length - 40));
		const restore = command('restore', [archive], target('damaged'));
		expect(restore.status).toBe(2);
		expect(restore.err).toMatch(/^The archive cannot be read: /);
		expect(readdirSync(join(root, 'damaged'))).toEqual([]);
	});

	it('refuses PostgreSQL, a bucket, a backup already there, and wrong arguments', () => {
		const archive = join(root, 'backup.tar.gz');
		const cases = [
			{ args: [join(root, 'x.tar.gz')], env: { DATABASE_URL: 'postgres://h/db' }, status: 2 },
			{
				args: [join(root, 'x.tar.gz')],
				env: { ...source(), FILES_DIR: '', FILES_STORE: 's3://files?region=eu-west-2' },
				status: 2
			},
			{ args: [archive], env: source(), status: 2 },
			{ args: [], env: source(), status: 1 },
			{ args: ['--all'], env: source(), status: 1 }
		];
		for (const { args, env, status } of cases)
			expect(command('backup', args, env).status, JSON.stringify({ args, env })).toBe(status);
		expect(
			command('backup', [join(root, 'x.tar.gz')], { DATABASE_URL: 'postgres://h/db' }).err
		).toBe(
			'The backup commands are for a SQLite database (DATABASE_URL=file:…). For PostgreSQL and a bucket, use pg_dump and the bucket’s versioning: see docs/deploying.md#backups\n'
		);
		expect(existsSync(join(root, 'x.tar.gz'))).toBe(false);
	});
});
