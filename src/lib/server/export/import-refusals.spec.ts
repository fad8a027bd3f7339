import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '../db';
import { newUser, testDatabases } from '../db/testing';
import { FieldError } from '../errors';
import { importPortfolio, type ImportOptions } from './import';
import { zipLimits } from './import-zip';
import { exportedZip, freshFileStore, pngBytes, samplePortfolio, snapshot } from './testing';
import { unzip, zipOf } from './zip-buffers';

// Every bad ZIP is refused with a message saying what is wrong, and leaves nothing behind: no
// row in any table, and no file in the store.

/** The same ZIP with one entry's name changed (to one of the same length) wherever it is written. */
function renamed(zip: Buffer, from: string, to: string) {
	expect(to.length).toBe(from.length);
	const out = Buffer.from(zip);
	for (let at = out.indexOf(from); at !== -1; at = out.indexOf(from, at + 1))
		out.write(to, at, 'latin1');
	return out;
}

/** The same ZIP with the size its table of contents declares for an entry, unpacked, changed. */
function declaredSize(zip: Buffer, name: string, size: number) {
	const out = Buffer.from(zip);
	const central = out.indexOf(Buffer.concat([Buffer.from([0x50, 0x4b, 0x01, 0x02])]), 0);
	for (
		let at = central;
		at !== -1;
		at = out.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 1)
	) {
		const length = out.readUInt16LE(at + 28);
		if (out.toString('latin1', at + 46, at + 46 + length) === name)
			out.writeUInt32LE(size, at + 24);
	}
	return out;
}

describe.each(testDatabases())('a bad portfolio ZIP on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	let good: { json: Record<string, unknown>; entries: [string, Buffer][]; zip: Buffer };
	beforeAll(async () => {
		({ db, close } = await database.open());
		const sample = await samplePortfolio(db);
		const { zip } = await exportedZip(db, sample.id);
		const entries = [...(await unzip(zip))];
		good = { json: JSON.parse(entries[0][1].toString()), entries, zip };
	});
	afterAll(async () => {
		vi.unstubAllEnvs();
		await close();
	});

	/** Imports the ZIP as a newcomer and expects it refused with the message, having changed nothing. */
	async function refused(zip: Buffer, message: string | RegExp, options: ImportOptions = {}) {
		const userId = await newUser(db);
		const before = await snapshot(db);
		const attempt = importPortfolio(db, userId, { name: 'bad.zip', bytes: zip }, options);
		await expect(attempt).rejects.toThrow(FieldError);
		await expect(attempt).rejects.toThrow(message);
		await expect(attempt).rejects.toThrow(/Nothing was imported\.$/);
		expect(await snapshot(db)).toEqual(before);
	}

	const withJson = (json: unknown) =>
		zipOf([['portfolio.json', JSON.stringify(json)], ...good.entries.slice(1)]);

	it('refuses a truncated ZIP, and a file that is not a ZIP', async () => {
		await refused(good.zip.subarray(0, good.zip.length - 100), 'not a complete ZIP file');
		await refused(Buffer.from('just some text'), 'not a complete ZIP file');
	});

	it('refuses a path outside its folder: going up, absolute, or with backslashes', async () => {
		const path = good.entries.find(([name]) => name.endsWith('plan.png'))![0];
		const up = `../../${'x'.repeat(path.length - 6)}`;
		await refused(renamed(good.zip, path, up), `“${up}”, a path outside its folder`);
		const absolute = `/${'x'.repeat(path.length - 1)}`;
		await refused(renamed(good.zip, path, absolute), 'a path outside its folder');
		const drive = `C:${'x'.repeat(path.length - 2)}`;
		await refused(renamed(good.zip, path, drive), 'a path outside its folder');
		const backslashes = path.replaceAll('/', '\\');
		await refused(renamed(good.zip, path, backslashes), 'Names with a backslash');
		// Unpacked and zipped again in a folder of its own: nothing may sit beside that folder.
		const inFolder = good.entries.map(
			([name, bytes]) => [`mine/${name}`, bytes] as [string, Buffer]
		);
		await refused(
			await zipOf([...inFolder, ['other.txt', 'x']]),
			'“other.txt”, outside the portfolio’s folder'
		);
	});

	it('refuses a file over the upload limit, or of a kind the portfolio does not take', async () => {
		const records = good.json.records as {
			files: { path: string; size: number; sha256: string }[];
		}[];
		const listed = records[0].files[1];
		const big = Buffer.alloc(zipLimits.fileBytes + 1, 0x41);
		const entries = good.entries.map(
			([name, bytes]) => [name, name === listed.path ? big : bytes] as [string, Buffer]
		);
		await refused(
			await zipOf(entries),
			/plan\.png” is 10\.1 MB once unpacked: it can be up to 10 MB/
		);
		const html = Buffer.from('<html><script>alert(1)</script></html>');
		const { createHash } = await import('node:crypto');
		const json = structuredClone(good.json) as typeof good.json & { records: typeof records };
		Object.assign(json.records[0].files[1], {
			size: html.length,
			sha256: createHash('sha256').update(html).digest('hex')
		});
		await refused(
			await zipOf([
				['portfolio.json', JSON.stringify(json)],
				...entries.slice(1).map(([n, b]) => [n, n === listed.path ? html : b] as [string, Buffer])
			]),
			'plan.png'
		);
	});

	it('refuses too many entries, and more unpacked than the limits, before unpacking it', async () => {
		const many = Array.from(
			{ length: 20 },
			(_, i) => [`files/x/${i}.txt`, 'x'] as [string, string]
		);
		const limits = { ...zipLimits, entries: good.entries.length + 19 };
		await refused(
			await zipOf([...good.entries, ...many]),
			`The ZIP holds ${good.entries.length + 20} files and folders: a portfolio can hold up to ${limits.entries}.`,
			{ limits }
		);
		const bomb = await zipOf([
			...good.entries,
			['files/bomb/zeros.txt', Buffer.alloc(3 * 1024 * 1024)]
		]);
		await refused(bomb, 'once unpacked: a portfolio can hold up to 2 MB', {
			limits: { ...zipLimits, totalBytes: 2 * 1024 * 1024 }
		});
	});

	it('refuses an entry that unpacks to more than it declares', async () => {
		await refused(
			declaredSize(good.zip, 'portfolio.json', 100),
			'The ZIP file is damaged: “portfolio.json” could not be unpacked'
		);
		const path = good.entries.find(([name]) => name.endsWith('plan.png'))![0];
		// A file stored as it is (not compressed) is found out from the table of contents alone.
		await refused(declaredSize(good.zip, path, pngBytes.length - 10), 'The ZIP file is damaged');
	});

	it('refuses portfolio.json of another schema, another version, or not matching it', async () => {
		await refused(await zipOf(good.entries.slice(1)), 'The ZIP has no portfolio.json');
		await refused(await zipOf([['portfolio.json', '{"schema":']]), 'is not valid JSON');
		await refused(
			await withJson({ ...good.json, schema: 'mahara/leap2a' }),
			'is not a Golden Thread portfolio'
		);
		await refused(
			await withJson({ ...good.json, version: 2 }),
			'is version 2 of the portfolio schema: this service reads version 1'
		);
		const records = good.json.records as Record<string, unknown>[];
		await refused(
			await withJson({
				...good.json,
				records: [{ ...records[0], title: '', type: 'gossip' }, records[1]]
			}),
			/does not match version 1 of the portfolio schema: records\[0\]\.title: .*; records\[0\]\.type: /
		);
		const file = (records[0].files as Record<string, unknown>[])[0];
		const moved = { ...records[0], files: [{ ...file, path: 'files/../portfolio.json' }] };
		await refused(
			await withJson({ ...good.json, records: [moved, records[1]] }),
			'must stay in files/'
		);
	});

	it('refuses a file that is missing, or not the one listed', async () => {
		const records = good.json.records as { files: { path: string }[] }[];
		const path = records[0].files[0].path;
		await refused(
			await zipOf(good.entries.filter(([name]) => name !== path)),
			`The ZIP has no ${path}`
		);
		await refused(
			await zipOf(
				good.entries.map(
					([name, bytes]) =>
						[name, name === path ? Buffer.from('Other notes.\n') : bytes] as [string, Buffer]
				)
			),
			'is not the file portfolio.json lists'
		);
	});

	it('refuses the same file twice', async () => {
		const userId = await newUser(db);
		await importPortfolio(db, userId, { name: 'mine.zip', bytes: good.zip });
		const before = await snapshot(db);
		await expect(
			importPortfolio(db, userId, { name: 'again.zip', bytes: good.zip })
		).rejects.toThrow(/You imported this file on .*: its records are in your portfolio already/);
		expect(await snapshot(db)).toEqual(before);
	});

	it('keeps no row and no file when the import fails after its files were stored', async () => {
		// A database and store of their own, where no record refers to these files yet.
		const other = await database.open();
		freshFileStore();
		const before = await snapshot(other.db);
		expect(before.store).toEqual([]);
		// Nobody to own the records: the transaction fails once the files are in the store.
		await expect(
			importPortfolio(other.db, 'nobody', { name: 'x.zip', bytes: good.zip })
		).rejects.toThrow();
		expect(await snapshot(other.db)).toEqual(before);
		await other.close();
	});
});
