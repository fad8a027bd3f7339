import { randomBytes } from 'node:crypto';
import { expect, type APIRequestContext } from '@playwright/test';
import type Database from 'better-sqlite3';

// Bursts of new records with files, saved at once while the server is stopped (killed by the
// crash test, told to stop by the shutdown test), and the checks that what it acknowledged is
// whole afterwards.

export interface Save {
	title: string;
	files: { name: string; bytes: Buffer }[];
}

export type Acknowledged = Save & { id: string };

/** Text that passes the upload check, of a size between 20 KB and 300 KB. */
const someText = () =>
	Buffer.from(randomBytes(10_000 + Math.floor(Math.random() * 140_000)).toString('hex'));

export function newSave(round: number, n: number, shared: Buffer): Save {
	return {
		title: `Burst ${round}.${n} ${randomBytes(4).toString('hex')}`,
		files: [
			{ name: `notes-${round}-${n}.txt`, bytes: someText() },
			{ name: `shared-${round}.txt`, bytes: shared }
		]
	};
}

/**
 * Posts the new-record form (to the context's server, or the one at `origin`); the new record's
 * id when the server acknowledged it (a 303).
 */
export async function post(api: APIRequestContext, save: Save, origin = '') {
	const form = new FormData();
	const fields = {
		title: save.title,
		'activityDate-day': '2',
		'activityDate-month': '11',
		'activityDate-year': '2025',
		type: 'reflective-account',
		account: 'Written during a burst of saves.',
		reflectionModel: 'gibbs'
	};
	for (const [name, value] of Object.entries(fields)) form.set(name, value);
	for (const file of save.files)
		form.append('files', new File([new Uint8Array(file.bytes)], file.name, { type: 'text/plain' }));
	const answer = await api
		.post(`${origin}/portfolio/new`, {
			multipart: form,
			maxRedirects: 0,
			headers: { accept: 'text/html' }
		})
		.catch(() => undefined);
	if (!answer) return { answered: false as const };
	const location = answer.headers().location ?? '';
	const id =
		answer.status() === 303
			? /^\/portfolio\/([^/?]+)\?saved=created$/.exec(location)?.[1]
			: undefined;
	return { answered: true as const, id, status: answer.status() };
}

/**
 * Saves `atOnce` records at a time until `stopAfter` are acknowledged, then calls `stop` with
 * more in flight, and waits for it. Every answer must be an acknowledgement; every save sent
 * before the stop must be answered. `finishedAfterStop` counts saves sent before the stop and
 * acknowledged after it: requests the server finished while stopping.
 */
export async function burst(
	api: APIRequestContext,
	round: number,
	options: { atOnce: number; stopAfter: number; stop: () => Promise<unknown> }
) {
	const shared = someText();
	const acknowledged: Acknowledged[] = [];
	const unacknowledged: Save[] = [];
	const problems: string[] = [];
	let stopped: Promise<unknown> | undefined;
	let finishedAfterStop = 0;
	let n = 0;
	async function saving() {
		while (!stopped) {
			const save = newSave(round, n++, shared);
			const result = await post(api, save);
			if (result.answered && result.id) {
				acknowledged.push({ ...save, id: result.id });
				if (stopped) finishedAfterStop += 1;
			} else unacknowledged.push(save);
			if (result.answered && !result.id) problems.push(`“${save.title}” answered ${result.status}`);
			if (!result.answered && !stopped)
				problems.push(`“${save.title}” got no answer before the stop`);
			if (acknowledged.length >= options.stopAfter) stopped ??= options.stop();
		}
	}
	await Promise.all(Array.from({ length: options.atOnce }, saving));
	await stopped;
	expect(problems).toEqual([]);
	return { acknowledged, unacknowledged, finishedAfterStop };
}

/** The record has exactly the save's files, and each downloads byte for byte. */
export async function expectWhole(
	api: APIRequestContext,
	db: Database.Database,
	id: string,
	save: Save
) {
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
