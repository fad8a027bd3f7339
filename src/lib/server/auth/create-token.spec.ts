import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { newUser, testDatabases } from '../db/testing';
import { holderOfApiToken } from './api-tokens';

// `npm run -s create-token`, run as a deployment script would, on a real migrated database.

const run = (url: string, ...args: string[]) =>
	promisify(execFile)('node', ['src/lib/server/auth/create-token.js', ...args], {
		env: { ...process.env, DATABASE_URL: url }
	}).then(
		({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
		(error: { code: number; stdout: string; stderr: string }) => error
	);

describe.each(testDatabases())('npm run create-token on $name', (database) => {
	let db: Db;
	let url: string;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, url, close } = await database.open()));
	afterAll(() => close());

	it('refuses when there is no administrator to own the token, and makes nothing', async () => {
		await newUser(db, { roles: ['admin'], active: false });
		const { code, stdout, stderr } = await run(url, '--scope', 'scim', '--name', 'Entra ID');
		expect(code).toBe(2);
		expect(stdout).toBe('');
		expect(stderr).toContain('There is no active administrator');
		expect(await db.selectFrom('api_tokens').select('id').execute()).toEqual([]);
	});

	it('prints a SCIM token alone, owned by the first administrator, that works for SCIM', async () => {
		const first = await newUser(db, { roles: ['admin'], email: 'first.admin@test.example' });
		await newUser(db, { roles: ['admin'], email: 'second.admin@test.example' });
		// Made in the same millisecond, perhaps: the first is made first.
		await db
			.updateTable('users')
			.set({ created_at: '2026-01-05T09:00:00.000Z' })
			.where('id', '=', first)
			.execute();
		const { code, stdout, stderr } = await run(url, '--scope', 'scim', '--name', 'Entra ID');
		expect(code).toBe(0);
		expect(stdout).toMatch(/^gt_[a-z2-7]{32}\n$/);
		expect(stderr).toContain('first.admin@test.example');
		const holder = await holderOfApiToken(db, stdout.trim());
		expect(holder).toMatchObject({ scope: 'scim', user: { id: first, roles: ['admin'] } });
		const event = await db
			.selectFrom('events')
			.select(['actor_id', 'detail'])
			.where('action', '=', 'api-token.created')
			.where('subject_id', '=', holder!.tokenId)
			.executeTakeFirstOrThrow();
		expect(event).toEqual({
			actor_id: first,
			detail: JSON.stringify({ scope: 'scim', by: 'create-token' })
		});
	});

	it('makes an API token for the administrator named, and refuses anyone else', async () => {
		const { stdout } = await run(
			url,
			'--scope',
			'api',
			'--name',
			'HR',
			'--owner',
			'SECOND.admin@test.example'
		);
		expect(await holderOfApiToken(db, stdout.trim())).toMatchObject({
			scope: 'api',
			user: { email: 'second.admin@test.example' }
		});
		await newUser(db, { email: 'pat@test.example' });
		const refused = await run(url, '--scope', 'scim', '--name', 'X', '--owner', 'pat@test.example');
		expect(refused).toMatchObject({ code: 2, stdout: '' });
		expect(refused.stderr).toContain('pat@test.example is not an active administrator');
	});

	it('refuses wrong arguments with the usage, and a database that is not there', async () => {
		for (const args of [
			[],
			['--scope', 'all', '--name', 'X'],
			['--scope', 'scim'],
			['--nonsense']
		]) {
			const refused = await run(url, ...args);
			expect(refused, args.join(' ')).toMatchObject({ code: 1, stdout: '' });
			expect(refused.stderr).toContain('Usage: npm run -s create-token');
		}
		const missing = await run(
			'file:/nonexistent/golden-thread.db',
			'--scope',
			'scim',
			'--name',
			'X'
		);
		expect(missing).toMatchObject({ code: 2, stdout: '' });
	});
});
