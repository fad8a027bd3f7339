import { expect, test } from '@playwright/test';
import { formActions } from './form-actions';
import type { Reader } from './fuzz/database';
import { People } from './fuzz/people';
import { fuzzAction } from './fuzz/run';
import { startPostgres, startSqlite, type FuzzServer } from './fuzz/server';
import { accounts, demoIds } from './fuzz/demo';
import { setups } from './fuzz/setups';
import { demoPassword } from './session';

// Issue 12: every form action, sent bodies a careless person or an attacker might send, on
// SQLite and on PostgreSQL, answers 2xx/3xx, or 4xx with a message the person can read and
// no record changed; never 5xx. Each database gets a server of its own (fuzzing changes and
// destroys records), E2E_PORT + 3000 and + 3001.
//
// FUZZ_RUNS (200 unless set) is the number of bodies per action; FUZZ_SEED replays a run;
// FUZZ_SURVEY=1 lists every kind of fault each action shows rather than the first, shrunk.

const numRuns = Number(process.env.FUZZ_RUNS ?? 200);
const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const postgresUrl = process.env.TEST_POSTGRES_URL;
const survey = Boolean(process.env.FUZZ_SURVEY);
const only = process.env.FUZZ_ONLY;

test('every form action has a fuzz setup, and every fuzz setup an action', () => {
	const keys = formActions();
	// A new action needs a line in tests/e2e/fuzz/setups.ts saying who posts to it, and where.
	expect(
		keys.filter((key) => !(key in setups)),
		'form actions without a fuzz setup'
	).toEqual([]);
	expect(
		Object.keys(setups).filter((key) => !keys.includes(key)),
		'setups of no action'
	).toEqual([]);
});

/** Ids of records of every kind, nearly all of them other people's: foreign ids to send. */
async function recordIds(reader: Reader) {
	const tables = ['users', 'teams', 'evidence', 'attachments', 'audits', 'audit_findings'];
	tables.push('audit_actions', 'supervisions', 'supervision_records', 'observations');
	tables.push('pathway_assignments', 'learning_needs', 'signoffs', 'enrolments', 'api_tokens');
	const ids: string[] = [];
	for (const table of tables)
		for (const row of await reader.query<{ id: string }>(
			`select id from ${table} order by id limit 3`
		))
			ids.push(row.id);
	return ids;
}

const databases: { name: string; start?: () => Promise<FuzzServer> }[] = [
	{ name: 'SQLite', start: () => startSqlite(3000) },
	{ name: 'PostgreSQL', start: postgresUrl ? () => startPostgres(3001, postgresUrl) : undefined }
];

for (const database of databases) {
	test(`every form action on ${database.name}, ${numRuns} bodies each: no 5xx, and a refusal says why and changes nothing`, async ({
		browser
	}) => {
		// As the database tests do: a run without PostgreSQL says so, never passes for one with it.
		const notRun = 'TEST_POSTGRES_URL is not set: not fuzzed on PostgreSQL (CI sets it)';
		if (!database.start) console.log(notRun);
		test.skip(!database.start, notRun);
		// Only a guard against a hung run: a normal run takes a fraction of it.
		test.setTimeout((Math.max(numRuns, 50) / 200) * 45 * 60_000);
		const started = Date.now();
		const cpuBefore = process.cpuUsage();
		const server = await database.start!();
		const people = new People(browser, server.origin);
		const failures: string[] = [];
		const lines: string[] = [];
		try {
			const ids = await demoIds(server.reader);
			const pools = {
				ids: await recordIds(server.reader),
				email: accounts.signsIn,
				password: demoPassword
			};
			const actions = formActions();
			for (const [key, setup] of Object.entries(setups)) {
				if (!actions.includes(key)) continue; // the test above names it
				if (only && !key.includes(only)) continue;
				try {
					const run = { ids, reader: server.reader, people, server, pools, numRuns, seed, survey };
					const outcome = await fuzzAction(key, setup, run);
					const statuses = Object.entries(outcome.statuses).map(([s, n]) => `${n}×${s}`);
					const succeeded = Object.keys(outcome.statuses).some((s) => +s < 400);
					const why = succeeded ? '' : `; none succeeded, most said “${outcome.commonRefusal}”`;
					lines.push(`${key}: ${statuses.join(' ')} in ${outcome.seconds}s${why}`);
					if (outcome.failure) failures.push(`${key} on ${database.name}\n${outcome.failure}`);
					else if (Object.keys(outcome.statuses).every((s) => [401, 403, 404, 410].includes(+s)))
						failures.push(`${key}: every answer refused or missed the record: fix its setup`);
				} catch (error) {
					failures.push(`${key}: could not be fuzzed: ${(error as Error).stack}`);
				}
			}
		} finally {
			await people.close();
			const appSeconds = server.cpuSeconds();
			const digests = server.reader.digests();
			await server.stop();
			const testSeconds = Object.values(process.cpuUsage(cpuBefore)).reduce((a, b) => a + b) / 1e6;
			const cpu = `the app used ${appSeconds ?? '?'} s of processor time, this test ${Math.round(testSeconds)} s; ${digests.count} database digests took ${digests.seconds} s`;
			lines.push(
				`${database.name}, seed ${seed} (FUZZ_SEED=${seed} replays it): ${lines.length} actions in ${Math.round((Date.now() - started) / 1000)} s; ${cpu}`
			);
			console.log(lines.join('\n'));
		}
		const names = failures.map((failure) => failure.split(/[\n:]/)[0]);
		expect(failures.length, [`Failed: ${names.join(', ')}`, ...failures].join('\n\n')).toBe(0);
	});
}
