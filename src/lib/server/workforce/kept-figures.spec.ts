import { sql, type KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAction } from '../audit/actions';
import { addFinding } from '../audit/findings';
import { assignModerator } from '../audit/follow-up';
import { saveGrades } from '../audit/grading';
import {
	allAreas,
	definition,
	finaliseTestAudit,
	newAudit,
	type TestAudit
} from '../audit/testing';
import type { Db } from '../db';
import { auditFigureSources } from '../db/migrations/2026-12-11-01-figure-versions';
import { newEnrolment, newUser, testDatabases } from '../db/testing';
import { changesNotCounted, recordingReads } from '../db/testing-reads';
import { updateTeam } from '../people/teams';
import { workforceView } from './index';
import { figuresVersion, keptAtMost, keptFigures } from '../db/kept-figures';

const today = '2026-06-20';
const rowsIn = (tables: { rows: unknown[] }[]) => tables.reduce((n, t) => n + t.rows.length, 0);

describe.each(testDatabases())('the audit analysis kept between changes on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	let audit: TestAudit;
	beforeAll(async () => {
		({ db, close } = await database.open());
		audit = await newAudit(db, '2026-06-01');
		await addFinding(db, audit.auditor, audit.id, {
			kind: 'development',
			text: 'Plans lack a contingency.',
			frameworkVersion: 'pqs-2025',
			outcomes: ['3.3'],
			standards: []
		});
		const action = { description: 'Write a contingency plan.', ownerId: audit.practitioner };
		await addAction(db, audit.auditor, audit.id, { ...action, dueOn: '2026-06-10' });
		await finaliseTestAudit(db, audit, '2026-06-02');
		// Moderated, a grade lowered: so that every table the analysis reads has a row.
		const psw = await newUser(db, { roles: ['psw'] });
		await assignModerator(db, psw, audit.id, psw);
		const moderation = { grades: allAreas('requires-improvement'), grip: false, gripReason: '' };
		await saveGrades(db, definition, psw, audit.id, 'moderation', moderation);
		await newEnrolment(db, audit.practitioner, '2026-01-05');
	});
	afterAll(() => close());

	const params = (query = '') => new URLSearchParams(query);
	const analysis = (on: Db, query = '') => workforceView(on, 'audits', params(query), today);

	it('reads nothing whose changes it does not count, whatever it is asked', async () => {
		const recording = recordingReads(db, auditFigureSources);
		const team = `team=${audit.team}`;
		const asked = ['', 'grain=month', `${team}&stage=asye&programme=asye&period=all`];
		for (const query of asked) {
			const { tables } = await analysis(recording.db, query);
			for (const { id } of tables) await analysis(recording.db, `${query}&table=${id}`);
		}
		expect(recording.unwatched()).toEqual([]);
	});

	it('counts a change to every table it reads', async () => {
		expect(await changesNotCounted(db, 'audits', auditFigureSources)).toEqual([]);
	});

	it('counts no change where a statement changes no row, as a refused update', async () => {
		const before = await figuresVersion(db, 'audits');
		await sql`update audits set status = status where id = ${'no such audit'}`.execute(db);
		await sql`delete from audit_actions where id = ${'no such action'}`.execute(db);
		expect(await figuresVersion(db, 'audits')).toBe(before);
	});

	if (database.name === 'PostgreSQL')
		it('lets a change commit while another is under way: the version is taken at commit', async () => {
			const other = await newAudit(db, '2026-06-07');
			await db.transaction().execute(async (tx) => {
				await sql`update audits set case_ref = case_ref where id = ${audit.id}`.execute(tx);
				// On a connection of its own: it would wait for this transaction's end, and so
				// never end, were the version's row taken as the row above changed.
				await db.transaction().execute(async (another) => {
					await sql`set local lock_timeout = '10s'`.execute(another);
					await sql`update audits set case_ref = case_ref where id = ${other.id}`.execute(another);
				});
			});
		});

	if (database.name === 'PostgreSQL')
		it('counts a transaction once however many rows it changes: the version is not updated for each', async () => {
			// Each update of one row in one transaction costs PostgreSQL more than the last: a
			// count for each of 20,000 rows took 4.5 s at commit.
			const people = await db.selectFrom('users').select('id').execute();
			expect(people.length).toBeGreaterThan(2);
			for (const round of [1, 2]) {
				const before = Number(await figuresVersion(db, 'audits'));
				await db.transaction().execute(async (tx) => {
					await sql`update users set name = name`.execute(tx);
					await sql`update teams set name = name`.execute(tx);
				});
				expect(Number(await figuresVersion(db, 'audits')), `round ${round}`).toBe(before + 1);
			}
		});

	it('makes its figures again after a change, and only then', async () => {
		let made = 0;
		const make = async () => (made++, []);
		await keptFigures(db, 'audits', 'a key', make, rowsIn);
		await Promise.all([1, 2, 3].map(() => keptFigures(db, 'audits', 'a key', make, rowsIn)));
		expect(made).toBe(1);
		await sql`update users set email = email`.execute(db);
		await keptFigures(db, 'audits', 'a key', make, rowsIn);
		expect(made).toBe(1);
		await updateTeam(db, audit.manager, audit.team, 'Renamed team', audit.manager);
		await keptFigures(db, 'audits', 'a key', make, rowsIn);
		expect(made).toBe(2);
	});

	it('shows a change at once, as a fresh analysis would', async () => {
		const kept = (await analysis(db)).tables;
		expect((await analysis(db)).tables).toBe(kept);
		const again = await newAudit(db, '2026-06-05');
		await finaliseTestAudit(db, again, '2026-06-06');
		const after = (await analysis(db)).tables;
		expect(after).not.toEqual(kept);
		// A database object of its own keeps nothing: the figures made afresh.
		expect(after).toEqual((await analysis(db.withPlugin(noPlugin))).tables);
	});

	it('keeps the sets, and the rows, most recently asked for within bounds', async () => {
		const bounds = { ...keptAtMost };
		const made: string[] = [];
		const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ i }));
		const figures = (key: string, n = 1) =>
			keptFigures(
				db,
				'audits',
				key,
				async () => {
					made.push(key);
					return [{ id: key, title: key, columns: [], rows: rows(n) }];
				},
				rowsIn
			);
		try {
			Object.assign(keptAtMost, { sets: 2, rows: 5 });
			for (const key of ['a', 'b', 'a', 'c', 'a', 'b']) await figures(key);
			// c put b out, as the least recently asked; then b put c out.
			expect(made).toEqual(['a', 'b', 'c', 'b']);
			Object.assign(keptAtMost, { sets: 3, rows: 4 });
			made.length = 0;
			await figures('d', 5);
			await figures('d', 5);
			// Kept though over the bound alone, a and b let go for its rows.
			expect(made).toEqual(['d']);
			for (const key of ['a', 'b', 'd']) await figures(key);
			// a's row put d out in turn.
			expect(made).toEqual(['d', 'a', 'b', 'd']);
		} finally {
			Object.assign(keptAtMost, bounds);
		}
	});

	it('refuses to be changed where it is kept', async () => {
		const { tables } = await analysis(db);
		expect(() => (tables[0].rows as unknown[]).push({})).toThrow(TypeError);
	});
});

const noPlugin: KyselyPlugin = {
	transformQuery: ({ node }) => node,
	transformResult: async ({ result }) => result
};
