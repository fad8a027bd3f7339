import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import Database from 'better-sqlite3';
import { ownServer } from './own-server';
import { apiAs, demoAccounts } from './session';

// Ten times: a burst of new records with files, the server killed (SIGKILL) once a few have
// been acknowledged while more are in flight, then restarted. After each restart, every
// acknowledged record has every file, byte for byte; a record that was not acknowledged is
// either absent or whole; the store holds exactly the files the database refers to (no
// temporary files, no orphans); and SQLite's integrity check passes.

const server = ownServer('crash', 1000);
const rounds = 10;
// The kill comes when this many saves in the round have been answered (a state, not a time).
const acknowledgedBeforeKill = 3;
const savesAtOnce = 6;

interface Save {
	title: string;
	files: { name: string; bytes: Buffer }[];
}

/** Text that passes the upload check, of a size between 20 KB and 300 KB. */
const someText = () =>
	Buffer.from(randomBytes(10_000 + Math.floor(Math.random() * 140_000)).toString('hex'));

function newSave(round: number, n: number, shared: Buffer): Save {
	return {
		title: `Crash ${round}.${n} ${randomBytes(4).toString('hex')}`,
		files: [
			{ name: `notes-${round}-${n}.txt`, bytes: someText() },
			{ name: `shared-${round}.txt`, bytes: shared }
		]
	};
}

/** Posts the new-record form; the new record's id when the server acknowledged it (a 303). */
async function post(api: APIRequestContext, save: Save) {
	const form = new FormData();
	const fields = {
		title: save.title,
		'activityDate-day': '2',
		'activityDate-month': '11',
		'activityDate-year': '2025',
		type: 'reflective-account',
		account: 'Written during a crash test.',
		reflectionModel: 'gibbs'
	};
	for (const [name, value] of Object.entries(fields)) form.set(name, value);
	for (const file of save.files)
		form.append('files', new File([new Uint8Array(file.bytes)], file.name, { type: 'text/plain' }));
	const answer = await api
		.post('/portfolio/new', { multipart: form, maxRedirects: 0, headers: { accept: 'text/html' } })
		.catch(() => undefined);
	if (!answer) return { answered: false as const };
	const location = answer.headers().location ?? '';
	const id =
		answer.status() === 303
			? /^\/portfolio\/([^/?]+)\?saved=created$/.exec(location)?.[1]
			: undefined;
	return { answered: true as const, id, status: answer.status() };
}

/** Saves at once until a few are acknowledged, then kills the server with more in flight. */
async function burst(api: APIRequestContext, round: number) {
	const shared = someText();
	const acknowledged: (Save & { id: string })[] = [];
	const unacknowledged: Save[] = [];
	const problems: string[] = [];
	let killed: Promise<void> | undefined;
	let n = 0;
	async function saving() {
		while (!killed) {
			const save = newSave(round, n++, shared);
			const result = await post(api, save);
			if (result.answered && result.id) acknowledged.push({ ...save, id: result.id });
			else unacknowledged.push(save);
			if (result.answered && !result.id) problems.push(`“${save.title}” answered ${result.status}`);
			if (!result.answered && !killed)
				problems.push(`“${save.title}” got no answer before the kill`);
			if (acknowledged.length >= acknowledgedBeforeKill) killed ??= server.stop('SIGKILL');
		}
	}
	await Promise.all(Array.from({ length: savesAtOnce }, saving));
	await killed;
	expect(problems).toEqual([]);
	return { acknowledged, unacknowledged };
}

/** Every file in the store but its marker (which says whose store it is). */
const storeContents = () =>
	readdirSync(server.files, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && entry.name !== '.golden-thread-store')
		.map((entry) => join(entry.parentPath, entry.name));

async function expectWhole(api: APIRequestContext, db: Database.Database, id: string, save: Save) {
	const rows = db
		.prepare(
			'select id, name from attachments where evidence_id = ? and removed_at is null order by name'
		)
		.all(id) as { id: string; name: string }[];
	const expected = [...save.files].sort((a, b) => a.name.localeCompare(b.name));
	expect(
		rows.map((r) => r.name),
		save.title
	).toEqual(expected.map((f) => f.name));
	for (const [i, row] of rows.entries()) {
		const download = await api.get(`/portfolio/${id}/files/${row.id}`);
		expect(download.status(), `${save.title}: ${row.name}`).toBe(200);
		expect((await download.body()).equals(expected[i].bytes), `${save.title}: ${row.name}`).toBe(
			true
		);
	}
}

/** The store holds exactly the files current attachments refer to: no temporary files, no orphans. */
function expectStoreMatches(db: Database.Database, round: number) {
	const stored = storeContents();
	expect(
		stored.filter((file) => file.endsWith('.tmp')),
		`round ${round}`
	).toEqual([]);
	const referenced = db
		.prepare('select distinct file_hash from attachments where removed_at is null')
		.all() as { file_hash: string }[];
	expect(stored.map((file) => file.split('/').at(-1)).sort(), `round ${round}`).toEqual(
		referenced.map((r) => r.file_hash).sort()
	);
}

test('records acknowledged before a crash are whole, and nothing is left over', async () => {
	server.reset();
	await server.start();
	const api = await apiAs(server.url, demoAccounts.practitioner);
	const everyAcknowledged: (Save & { id: string })[] = [];
	let unanswered = 0;
	try {
		for (let round = 1; round <= rounds; round++) {
			const { acknowledged, unacknowledged } = await burst(api, round);
			everyAcknowledged.push(...acknowledged);
			unanswered += unacknowledged.length;
			// The sweep runs before the server answers, so once it answers the store is clean.
			await server.start();
			const db = new Database(server.database, { readonly: true });
			try {
				expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
				for (const save of everyAcknowledged) await expectWhole(api, db, save.id, save);
				// Saves in flight at the kill: each is either not there at all or whole.
				for (const save of unacknowledged) {
					const row = db.prepare('select id from evidence where title = ?').get(save.title) as
						{ id: string } | undefined;
					if (row) await expectWhole(api, db, row.id, save);
				}
				expectStoreMatches(db, round);
			} finally {
				db.close();
			}
		}
	} finally {
		await server.stop();
	}
	// The kills came with saves in flight, or the test proved nothing about them.
	expect(unanswered).toBeGreaterThan(0);
});
