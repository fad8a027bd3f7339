import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readStoredFile, storedFilePath, storeFile } from './file-store';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Every file and folder under `dir`, relative to it. */
const everything = (dir: string) =>
	(fs.readdirSync(dir, { recursive: true }) as string[])
		.map((p) => p.split(path.sep).join('/'))
		.sort();

describe('file store', () => {
	let root: string;
	let dir: string;

	beforeEach(() => {
		root = fs.mkdtempSync(path.join(os.tmpdir(), 'file-store-'));
		// Kept one level down so the tests can see nothing escapes it.
		dir = path.join(root, 'files');
	});
	afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

	it('stores bytes under their SHA-256 and reads them back', async () => {
		const bytes = new TextEncoder().encode('Reflection on supervision, Café 👍');
		const hash = await storeFile(dir, bytes);
		expect(hash).toBe(sha256(bytes));
		expect(everything(dir)).toEqual([hash.slice(0, 2), `${hash.slice(0, 2)}/${hash}`]);
		expect(storedFilePath(dir, hash)).toBe(path.resolve(dir, hash.slice(0, 2), hash));
		expect(await readStoredFile(dir, hash)).toEqual(Buffer.from(bytes));
		expect(fs.readFileSync(storedFilePath(dir, hash))).toEqual(Buffer.from(bytes));
	});

	it('keeps one file for the same bytes stored twice, and no temporary files', async () => {
		const bytes = Buffer.from('%PDF-1.7\nsame bytes');
		const first = await storeFile(dir, bytes);
		const file = storedFilePath(dir, first);
		// Backdated, so a second write would show.
		fs.utimesSync(file, new Date(0), new Date(0));
		expect(await storeFile(dir, bytes)).toBe(first);
		expect(fs.statSync(file).mtimeMs).toBe(0);
		expect(everything(dir)).toEqual([first.slice(0, 2), `${first.slice(0, 2)}/${first}`]);
	});

	it('stores several files side by side, even when stored at once', async () => {
		const contents = ['one', 'two', 'three', 'one'].map((s) => Buffer.from(s));
		const hashes = await Promise.all(contents.map((b) => storeFile(dir, b)));
		expect(new Set(hashes).size).toBe(3);
		expect(everything(dir).filter((p) => p.endsWith('.tmp'))).toEqual([]);
		for (const [i, hash] of hashes.entries()) {
			expect(await readStoredFile(dir, hash)).toEqual(contents[i]);
		}
	});

	it('replaces a stored file whose size is wrong', async () => {
		const bytes = Buffer.from('the whole file');
		const hash = sha256(bytes);
		fs.mkdirSync(path.join(dir, hash.slice(0, 2)), { recursive: true });
		fs.writeFileSync(storedFilePath(dir, hash), 'the wh');
		await storeFile(dir, bytes);
		expect(await readStoredFile(dir, hash)).toEqual(bytes);
	});

	it('stores an empty file', async () => {
		const hash = await storeFile(dir, new Uint8Array());
		expect(hash).toBe(sha256(new Uint8Array()));
		expect((await readStoredFile(dir, hash)).length).toBe(0);
	});

	it('throws when a well-formed hash was never stored', async () => {
		await expect(readStoredFile(dir, 'a'.repeat(64))).rejects.toMatchObject({ code: 'ENOENT' });
	});

	it('refuses malformed hashes without touching the file system', async () => {
		fs.mkdirSync(dir);
		fs.writeFileSync(path.join(root, 'x'), 'outside');
		const hash = await storeFile(dir, Buffer.from('inside'));
		const before = everything(root);
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
			expect(() => storedFilePath(dir, bad), bad).toThrow('not the hash of a stored file');
			await expect(readStoredFile(dir, bad), bad).rejects.toThrow('not the hash of a stored file');
		}
		expect(everything(root)).toEqual(before);
		expect(fs.readFileSync(path.join(root, 'x'), 'utf8')).toBe('outside');
	});
});
