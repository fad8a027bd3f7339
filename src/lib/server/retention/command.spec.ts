import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { newUser, testDatabases } from '../db/testing';
import { readArguments } from './command';

// `npm run retention` as an operator runs it, on a database the service made: a dry run that
// names ids only, then the run. These start Node processes; a busy machine takes its time.
const slow = 120_000;

/** The command on the database at `url`, as `npm run retention` runs it. */
function retention(url: string, args: string[], filesDir = process.env.FILES_DIR) {
	const result = spawnSync(process.execPath, ['src/lib/server/retention/retention.js', ...args], {
		env: { ...process.env, DATABASE_URL: url, FILES_DIR: filesDir },
		encoding: 'utf8'
	});
	return { status: result.status, out: result.stdout, err: result.stderr };
}

describe('the retention command’s arguments', () => {
	const now = new Date('2026-12-02T03:00:00.000Z');
	it('runs for today, or looks at another day in a dry run only', () => {
		expect(readArguments([], now)).toEqual({ dryRun: false, now });
		expect(readArguments(['--dry-run', '--today', '2027-01-31'], now)).toEqual({
			dryRun: true,
			now: new Date('2027-01-31T12:00:00.000Z')
		});
		expect(() => readArguments(['--today', '2027-01-31'], now)).toThrow(
			'--today is for a dry run only: add --dry-run'
		);
		expect(() => readArguments(['--dry-run', '--today', '2027-02-30'], now)).toThrow(
			'--today must be a date written YYYY-MM-DD, like 2026-12-01; it is "2027-02-30"'
		);
		expect(() => readArguments(['--force'], now)).toThrow("Unknown option '--force'");
	});
});

describe.each(testDatabases())('npm run retention on $name', (database) => {
	let db: Db;
	let url: string;
	let close: () => Promise<void>;
	// Each database its own file store, as the command checks.
	const files = mkdtempSync(join(tmpdir(), 'golden-thread-retention-'));
	beforeAll(async () => ({ db, url, close } = await database.open()));
	afterAll(() => close());

	/** Someone who left on 31 January 2019, whose portfolio's time is up. */
	async function newLeaver(name: string, email: string) {
		const id = await newUser(db, { name, email });
		await db
			.updateTable('users')
			.set({ active: 0, deactivated_at: '2019-01-31T17:00:00.000Z' })
			.where('id', '=', id)
			.execute();
		return id;
	}

	it(
		'lists a leaver of 2019 by id in a dry run, then erases them',
		async () => {
			const id = await newLeaver('Lena Leaver', 'lena@test.example');

			const dry = retention(url, ['--dry-run'], files);
			expect(dry).toMatchObject({ status: 0, err: '' });
			expect(dry.out).toContain(`  ${id}  left 31 January 2019`);
			expect(dry.out).toContain('nothing has been erased');
			expect(dry.out).not.toContain('Lena');
			const name = () =>
				db.selectFrom('users').select('name').where('id', '=', id).executeTakeFirstOrThrow();
			expect(await name()).toEqual({ name: 'Lena Leaver' });

			const run = retention(url, [], files);
			expect(run).toMatchObject({ status: 0, err: '' });
			expect(run.out).toMatch(/^Erased on \d{1,2} [A-Z][a-z]+ \d{4}:$/m);
			expect(run.out).toContain(`  ${id}  left 31 January 2019`);
			expect(await name()).toEqual({ name: 'Erased person' });
		},
		slow
	);

	it(
		'erases nothing while another server is running it, and says so',
		async () => {
			const id = await newLeaver('Lou Leaver', 'lou@test.example');
			const until = '2999-01-01T00:00:00.000Z';
			await db
				.insertInto('leases')
				.values({ name: 'retention', holder: 'app-2:4242:abcd', expires_at: until })
				.execute();
			const run = retention(url, [], files);
			expect(run).toMatchObject({ status: 0, err: '' });
			expect(run.out).toBe(
				`Another server is applying the retention policy (app-2:4242:abcd, until ${until}): nothing done here\n`
			);
			const row = await db
				.selectFrom('users')
				.select('name')
				.where('id', '=', id)
				.executeTakeFirst();
			expect(row).toEqual({ name: 'Lou Leaver' });
			await db.deleteFrom('leases').execute();
		},
		slow
	);
});

describe('npm run retention where it cannot run', () => {
	it(
		'says so for a database that is not there, and for wrong arguments',
		() => {
			expect(retention('file:/nonexistent/golden-thread.db', ['--dry-run'])).toMatchObject({
				status: 2,
				err: 'There is no database at /nonexistent/golden-thread.db\n'
			});
			expect(retention('file:/nonexistent/golden-thread.db', ['--today', 'soon'])).toMatchObject({
				status: 1
			});
		},
		slow
	);
});
