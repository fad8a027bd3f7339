import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { ownServer } from './own-server';
import { expectWhole, newSave, post } from './saves';
import { apiAs, demoAccounts } from './session';

// The backup's round trip: `npm start`'s server with the demo authority and a record saved
// with a file; `npm run backup` while it runs; `npm run restore` into an empty data folder;
// a server started on what was restored, where the practitioner signs in and reads the record
// and its file, and the sign-off chains verify.

const entry = 'server/index.js';
const original = ownServer('backup', 6300, {}, entry);
const restored = ownServer('backup-restored', 6301, {}, entry);
const archive = `data/e2e-backup-${original.url.split(':').at(-1)}.tar.gz`;

/** One of the app's commands (`npm run <name>`), on a server's data. */
function run(script: string, args: string[], server: typeof original) {
	const result = spawnSync(process.execPath, [script, ...args], {
		env: {
			...process.env,
			DATABASE_URL: `file:./${server.database}`,
			FILES_DIR: `./${server.files}`,
			FILES_STORE: '',
			SIGNOFF_KEY: ''
		},
		encoding: 'utf8'
	});
	return { status: result.status, out: result.stdout, err: result.stderr };
}

test.afterAll(async () => {
	for (const server of [original, restored]) {
		await server.stop();
		server.reset();
	}
	rmSync(archive, { force: true });
});

test('backed up while the server runs, restored into an empty folder, read on a new server', async () => {
	original.reset();
	restored.reset();
	rmSync(archive, { force: true });
	await original.start();
	const api = await apiAs(original.url, demoAccounts.practitioner);
	const save = newSave(1, 1, Buffer.from('Shared notes kept with every record of the round.'));
	const saved = await post(api, save);
	expect(saved.id, `the record was saved (${saved.answered && saved.status})`).toBeTruthy();

	const backup = run('src/lib/server/backup/backup.js', [archive], original);
	expect(backup, 'npm run backup').toMatchObject({ status: 0, err: '' });
	await original.stop();

	const restore = run('src/lib/server/backup/restore.js', [archive], restored);
	expect(restore, 'npm run restore').toMatchObject({ status: 0, err: '' });
	await restored.start();
	expect(restored.log()).not.toContain('Empty database');

	const reader = await apiAs(restored.url, demoAccounts.practitioner);
	const page = await reader.get(`/portfolio/${saved.id}`);
	expect(page.status()).toBe(200);
	expect(await page.text()).toContain(save.title);
	const db = new Database(restored.database, { readonly: true });
	try {
		await expectWhole(reader, db, saved.id!, save);
	} finally {
		db.close();
	}
	const verify = run('src/lib/server/signoff/verify-signoffs.js', [], restored);
	expect(verify, 'npm run verify-signoffs').toMatchObject({ status: 0 });
});
