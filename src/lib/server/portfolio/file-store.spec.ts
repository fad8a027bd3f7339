import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testStores } from '../storage/testing';
import {
	deleteStoredFile,
	hasStoredFile,
	listStore,
	openStoredFile,
	readStoredFile,
	storedFilePath,
	storeFile
} from './file-store';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe.each(testStores())('the file store in $name', (kind) => {
	let where: string;
	beforeEach(async () => (where = await kind.open()));
	afterAll(() => kind.close());

	const hashes = async () => (await listStore(where)).map((e) => e.hash).sort();

	it('stores bytes under their SHA-256 and reads them back, whole or as a stream', async () => {
		const bytes = new TextEncoder().encode('Reflection on supervision, Café 👍');
		const hash = await storeFile(where, bytes);
		expect(hash).toBe(sha256(bytes));
		expect(await readStoredFile(where, hash)).toEqual(Buffer.from(bytes));
		expect(await text(await openStoredFile(where, hash))).toBe(
			'Reflection on supervision, Café 👍'
		);
		expect(await hasStoredFile(where, hash, bytes.length)).toBe(true);
		expect(await hasStoredFile(where, hash, bytes.length - 1)).toBe(false);
		expect(await hashes()).toEqual([hash]);
	});

	it('keeps one file for the same bytes stored twice, even when stored at once', async () => {
		const contents = ['one', 'two', 'three', 'one'].map((s) => Buffer.from(s));
		const stored = await Promise.all(contents.map((b) => storeFile(where, b)));
		expect(new Set(stored).size).toBe(3);
		expect(await hashes()).toEqual([...new Set(stored)].sort());
		for (const [i, hash] of stored.entries())
			expect(await readStoredFile(where, hash)).toEqual(contents[i]);
	});

	it('stores an empty file', async () => {
		const hash = await storeFile(where, new Uint8Array());
		expect(hash).toBe(sha256(new Uint8Array()));
		expect((await readStoredFile(where, hash)).length).toBe(0);
	});

	it('deletes a file, and deleting it again does nothing', async () => {
		const kept = await storeFile(where, Buffer.from('kept'));
		const gone = await storeFile(where, Buffer.from('gone'));
		await deleteStoredFile(where, gone);
		await deleteStoredFile(where, gone);
		expect(await hashes()).toEqual([kept]);
		expect(await hasStoredFile(where, gone, 4)).toBe(false);
	});

	it('says ENOENT for a well-formed hash that was never stored', async () => {
		const never = 'a'.repeat(64);
		await expect(readStoredFile(where, never)).rejects.toMatchObject({ code: 'ENOENT' });
		await expect(openStoredFile(where, never)).rejects.toMatchObject({ code: 'ENOENT' });
		expect(await hasStoredFile(where, never, 0)).toBe(false);
	});

	it('refuses malformed hashes before reaching the store', async () => {
		const hash = await storeFile(where, Buffer.from('inside'));
		const malformed = [
			'../x',
			'../../x',
			hash.toUpperCase(),
			hash.slice(0, 63),
			`${hash}0`,
			`${hash.slice(0, 62)}/x`,
			` ${hash.slice(1)}`,
			'',
			`${hash}\n`
		];
		for (const bad of malformed) {
			await expect(readStoredFile(where, bad), bad).rejects.toThrow(
				'not the hash of a stored file'
			);
			await expect(openStoredFile(where, bad), bad).rejects.toThrow(
				'not the hash of a stored file'
			);
			await expect(deleteStoredFile(where, bad), bad).rejects.toThrow(
				'not the hash of a stored file'
			);
		}
		expect(await hashes()).toEqual([hash]);
	});

	it('lists nothing where nothing was stored yet', async () => {
		expect(await listStore(where)).toEqual([]);
	});
});

/** Every file and folder under `dir`, relative to it. */
const everything = (dir: string) =>
	(fs.readdirSync(dir, { recursive: true }) as string[])
		.map((p) => p.split(path.sep).join('/'))
		.sort();

describe('the file store in a folder, on disk', () => {
	let root: string;
	let dir: string;

	beforeEach(() => {
		root = fs.mkdtempSync(path.join(os.tmpdir(), 'file-store-'));
		// Kept one level down so the tests can see nothing escapes it.
		dir = path.join(root, 'files');
	});
	afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

	it('keeps a file at <first two hex digits>/<hash>, readable by this user only', async () => {
		const bytes = new TextEncoder().encode('Reflection on supervision');
		const hash = await storeFile(dir, bytes);
		expect(everything(dir)).toEqual([hash.slice(0, 2), `${hash.slice(0, 2)}/${hash}`]);
		expect(storedFilePath(dir, hash)).toBe(path.resolve(dir, hash.slice(0, 2), hash));
		expect(storedFilePath(`file:${dir}`, hash)).toBe(path.resolve(dir, hash.slice(0, 2), hash));
		expect(fs.readFileSync(storedFilePath(dir, hash))).toEqual(Buffer.from(bytes));
		expect(fs.statSync(storedFilePath(dir, hash)).mode & 0o777).toBe(0o600);
	});

	it('does not write the same bytes again, and leaves no temporary files', async () => {
		const bytes = Buffer.from('%PDF-1.7\nsame bytes');
		const first = await storeFile(dir, bytes);
		const file = storedFilePath(dir, first);
		// Backdated, so a second write would show.
		fs.utimesSync(file, new Date(0), new Date(0));
		expect(await storeFile(dir, bytes)).toBe(first);
		expect(fs.statSync(file).mtimeMs).toBe(0);
		expect(everything(dir)).toEqual([first.slice(0, 2), `${first.slice(0, 2)}/${first}`]);
	});

	it('replaces a stored file whose size is wrong', async () => {
		const bytes = Buffer.from('the whole file');
		const hash = sha256(bytes);
		fs.mkdirSync(path.join(dir, hash.slice(0, 2)), { recursive: true });
		fs.writeFileSync(storedFilePath(dir, hash), 'the wh');
		await storeFile(dir, bytes);
		expect(await readStoredFile(dir, hash)).toEqual(bytes);
	});

	it('refuses malformed hashes without touching the file system', async () => {
		fs.mkdirSync(dir);
		fs.writeFileSync(path.join(root, 'x'), 'outside');
		const hash = await storeFile(dir, Buffer.from('inside'));
		const before = everything(root);
		for (const bad of ['../x', '../../x', `${hash.slice(0, 62)}/x`, ''])
			expect(() => storedFilePath(dir, bad), bad).toThrow('not the hash of a stored file');
		expect(everything(root)).toEqual(before);
		expect(fs.readFileSync(path.join(root, 'x'), 'utf8')).toBe('outside');
	});

	it('gives no path for a file in a bucket', () => {
		expect(() => storedFilePath('s3://files?region=eu-west-2', 'a'.repeat(64))).toThrow(
			'Files in a bucket have no path'
		);
	});
});
