import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readTar, tarChunks } from './tar.js';

const entry = (name: string, text: string | Buffer) => {
	const bytes = Buffer.from(text);
	return { name, size: bytes.length, body: [bytes] };
};

async function archiveOf(entries: ReturnType<typeof entry>[]) {
	const chunks: Uint8Array[] = [];
	for await (const chunk of tarChunks(entries)) chunks.push(chunk);
	return Buffer.concat(chunks);
}

/** What `readTar` finds in an archive, read in pieces of `piece` bytes. */
async function contents(archive: Buffer, piece = archive.length) {
	const pieces = [];
	for (let i = 0; i < archive.length; i += piece) pieces.push(archive.subarray(i, i + piece));
	const found: Record<string, string> = {};
	await readTar(Readable.from(pieces), async ({ name }) => {
		const parts: Buffer[] = [];
		return {
			write: async (chunk) => void parts.push(Buffer.from(chunk)),
			end: async () => void (found[name] = Buffer.concat(parts).toString())
		};
	});
	return found;
}

describe('tar archives', () => {
	let dir: string;
	beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'golden-thread-tar-'))));
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	const files = {
		'manifest.json': '{"format":1}',
		'files/ab/empty': '',
		'files/cd/block': 'x'.repeat(512),
		'files/ef/odd': 'Café 👍 '.repeat(300)
	};
	const entries = () => Object.entries(files).map(([name, text]) => entry(name, text));

	it('reads back what it wrote, however the bytes arrive', async () => {
		const archive = await archiveOf(entries());
		expect(archive.length % 512).toBe(0);
		expect(await contents(archive)).toEqual(files);
		expect(await contents(archive, 7)).toEqual(files);
		expect(await contents(archive, 512)).toEqual(files);
	});

	it('writes archives tar itself reads, and reads archives tar wrote', async () => {
		const archive = join(dir, 'a.tar');
		writeFileSync(archive, await archiveOf(entries()));
		const listed = spawnSync('tar', ['-tvf', archive], { encoding: 'utf8' });
		expect(listed.status, listed.stderr).toBe(0);
		expect(listed.stdout).toContain('files/ef/odd');
		const out = join(dir, 'out');
		spawnSync('mkdir', [out]);
		expect(spawnSync('tar', ['-xf', archive, '-C', out]).status).toBe(0);
		expect(readFileSync(join(out, 'files/ef/odd'), 'utf8')).toBe(files['files/ef/odd']);

		writeFileSync(join(dir, 'hello.txt'), 'hello');
		const made = join(dir, 'made.tar');
		expect(spawnSync('tar', ['--format=ustar', '-cf', made, '-C', dir, 'hello.txt']).status).toBe(
			0
		);
		expect(await contents(readFileSync(made))).toEqual({ 'hello.txt': 'hello' });
	});

	it('refuses a damaged archive, or one cut short', async () => {
		const archive = await archiveOf(entries());
		const damaged = Buffer.from(archive);
		damaged[10] ^= 1;
		await expect(contents(damaged)).rejects.toThrow('a header does not match its checksum');
		await expect(contents(archive.subarray(0, 1536))).rejects.toThrow('cut short');
	});

	it('refuses an entry whose bytes are not as long as it said', async () => {
		const wrong = { name: 'files/short', size: 10, body: [Buffer.from('12345')] };
		await expect(archiveOf([wrong])).rejects.toThrow('files/short changed while it was archived');
	});
});
