import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { testDatabases } from '../db/testing';
import { allAreas, definition, finaliseTestAudit, newAudit } from '../audit/testing';
import { saveGrades } from '../audit/grading';
import { eraseAudits } from '../retention/erase-audits';
import { areaGradeCounts, moderationCounts, periodParts } from './audit-area-months';
import { parseFilters } from './filters';

describe('a period made of kept months and counted days', () => {
	it('counts at most half a month from the rows, adding the days from the start or taking away those before it', () => {
		expect(periodParts(undefined)).toEqual({ fromMonth: undefined });
		expect(periodParts('2026-02-01')).toEqual({ fromMonth: '2026-02' });
		// 11 days of February before the 12th, 17 from it: February kept, less 1 to 11 February.
		expect(periodParts('2026-02-12')).toEqual({
			fromMonth: '2026-02',
			takenAway: { from: '2026-02-01', before: '2026-02-12' }
		});
		// 17 days before the 18th, 11 from it: those 11 counted, and kept from March.
		expect(periodParts('2026-02-18')).toEqual({
			fromMonth: '2026-03',
			added: { from: '2026-02-18', before: '2026-03-01' }
		});
		// Across a year's end: 30 days before the 31st, one from it.
		expect(periodParts('2025-12-31')).toEqual({
			fromMonth: '2026-01',
			added: { from: '2025-12-31', before: '2026-01-01' }
		});
		expect(periodParts('2025-12-02').takenAway).toEqual({
			from: '2025-12-01',
			before: '2025-12-02'
		});
	});
});

describe.each(testDatabases())('the kept counts of area grades on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());

	/** The kept rows, and the same counted afresh from the audits. */
	async function keptAndCounted() {
		const kept = await db
			.selectFrom('audit_area_months')
			.select(['month', 'team_key', 'area_id', 'grade', sql<number>`n`.as('n')])
			.orderBy(['month', 'team_key', 'area_id', 'grade'])
			.execute();
		const counted = await db
			.selectFrom('audits as a')
			.innerJoin('audit_grades as g', 'g.audit_id', 'a.id')
			.select([
				sql<string>`substr(a.audited_on, 1, 7)`.as('month'),
				sql<string>`coalesce(a.team_id, '')`.as('team_key'),
				'g.area_id',
				'g.effective_grade as grade',
				(eb) => eb.fn.countAll<number>().as('n')
			])
			.where('a.status', '=', 'finalised')
			.where(
				sql<boolean>`g.stage = case when a.moderated_at is null then 'audit' else 'moderation' end`
			)
			.where('g.effective_grade', '<>', 'not-applicable')
			.groupBy([
				sql`substr(a.audited_on, 1, 7)`,
				sql`coalesce(a.team_id, '')`,
				'g.area_id',
				'g.effective_grade'
			])
			.orderBy(['month', 'team_key', 'area_id', 'grade'])
			.execute();
		const plain = (rows: typeof kept) => rows.map((r) => ({ ...r, n: Number(r.n) }));
		return { kept: plain(kept), counted: plain(counted) };
	}

	/** The kept moderation rows, and the same counted afresh from the audits' two stages. */
	async function moderationKeptAndCounted() {
		const kept = await db
			.selectFrom('audit_moderation_months')
			.select(['month', 'team_key', 'area_id', 'moderated', 'changed'])
			.orderBy(['month', 'team_key', 'area_id'])
			.execute();
		const counted = await db
			.selectFrom('audits as a')
			.innerJoin('audit_grades as m', 'm.audit_id', 'a.id')
			.innerJoin('audit_grades as g', (join) =>
				join.onRef('g.audit_id', '=', 'a.id').onRef('g.area_id', '=', 'm.area_id')
			)
			.select([
				sql<string>`substr(a.audited_on, 1, 7)`.as('month'),
				sql<string>`coalesce(a.team_id, '')`.as('team_key'),
				'm.area_id',
				(eb) => eb.fn.countAll<number>().as('moderated'),
				sql<number>`sum(case when m.effective_grade <> g.effective_grade then 1 else 0 end)`.as(
					'changed'
				)
			])
			.where('a.status', '=', 'finalised')
			.where('a.moderated_at', 'is not', null)
			.where('m.stage', '=', 'moderation')
			.where('g.stage', '=', 'audit')
			.groupBy([sql`substr(a.audited_on, 1, 7)`, sql`coalesce(a.team_id, '')`, 'm.area_id'])
			.execute();
		const key = (r: (typeof kept)[number]) => `${r.month} ${r.team_key} ${r.area_id}`;
		const plain = (rows: typeof kept) =>
			rows
				.map((r) => ({ ...r, moderated: Number(r.moderated), changed: Number(r.changed) }))
				.sort((x, y) => (key(x) < key(y) ? -1 : 1));
		return { kept: plain(kept), counted: plain(counted) };
	}

	async function expectAgreement() {
		const { kept, counted } = await keptAndCounted();
		expect(kept).toEqual(counted);
		const moderation = await moderationKeptAndCounted();
		expect(moderation.kept).toEqual(moderation.counted);
		return kept;
	}

	const count = (
		rows: { month: string; area_id: string; grade: string; n: number }[],
		month: string,
		grade: string
	) =>
		rows
			.filter((r) => r.month === month && r.area_id === 'cp-iro' && r.grade === grade)
			.reduce((n, r) => n + r.n, 0);

	it('agree with the audits after finalising, moderating, reopening, moving and erasing', async () => {
		const first = await newAudit(db, '2026-05-20');
		const second = await newAudit(db, '2026-06-03', allAreas('requires-improvement'));
		// A draft counts nowhere.
		expect(count(await expectAgreement(), '2026-05', 'good')).toBe(0);

		await finaliseTestAudit(db, first, '2026-05-21');
		await finaliseTestAudit(db, second, '2026-06-04');
		let rows = await expectAgreement();
		expect(count(rows, '2026-05', 'good')).toBe(1);
		expect(count(rows, '2026-06', 'requires-improvement')).toBe(1);

		// Moderation's grades stand for a moderated audit.
		await saveGrades(db, definition, first.auditor, first.id, 'moderation', {
			grades: allAreas('outstanding'),
			grip: false,
			gripReason: '',
			comments: 'Higher.'
		});
		rows = await expectAgreement();
		expect(count(rows, '2026-05', 'good')).toBe(0);
		expect(count(rows, '2026-05', 'outstanding')).toBe(1);
		// …and moderation's change to each area is kept: the IRO's grade, good to outstanding.
		const iro = async () =>
			(await moderationKeptAndCounted()).kept.filter((r) => r.area_id === 'cp-iro');
		expect(await iro()).toEqual([
			{ month: '2026-05', team_key: first.team, area_id: 'cp-iro', moderated: 1, changed: 1 }
		]);

		// Reopened (whatever writes it), it counts nowhere; finalised again, it counts again.
		await db.updateTable('audits').set({ status: 'draft' }).where('id', '=', second.id).execute();
		expect(count(await expectAgreement(), '2026-06', 'requires-improvement')).toBe(0);
		await db
			.updateTable('audits')
			.set({ status: 'finalised' })
			.where('id', '=', second.id)
			.execute();
		expect(count(await expectAgreement(), '2026-06', 'requires-improvement')).toBe(1);

		// Moved to another team and month, and a grade changed after finalising.
		await db
			.updateTable('audits')
			.set({ team_id: first.team, audited_on: '2026-04-30' })
			.where('id', '=', second.id)
			.execute();
		await db
			.updateTable('audit_grades')
			.set({ effective_grade: 'inadequate' })
			.where('audit_id', '=', second.id)
			.where('area_id', '=', 'cp-iro')
			.execute();
		rows = await expectAgreement();
		expect(count(rows, '2026-06', 'requires-improvement')).toBe(0);
		expect(count(rows, '2026-04', 'inadequate')).toBe(1);

		// Moved to another month, the moderated audit's change moves with it.
		await db
			.updateTable('audits')
			.set({ audited_on: '2026-03-31' })
			.where('id', '=', first.id)
			.execute();
		await expectAgreement();
		expect((await iro()).map((r) => r.month)).toEqual(['2026-03']);

		await db.transaction().execute((tx) => eraseAudits(tx, [first.id, second.id]));
		expect(await expectAgreement()).toEqual([]);
		expect(await iro()).toEqual([]);
	});

	it('give the same figures as counting the audits, for a period starting early or late in a month', async () => {
		const a = await newAudit(db, '2026-02-10', allAreas('good', { 'cp-iro': 'inadequate' }));
		const b = await newAudit(db, '2026-02-20');
		const c = await newAudit(db, '2026-03-05', allAreas('requires-improvement'));
		for (const audit of [a, b, c])
			await finaliseTestAudit(db, audit, audit === c ? '2026-03-06' : '2026-02-21');
		// From the 12th, February kept less the days before (a); from the 18th, its days counted (b).
		for (const since of ['2026-02-12', '2026-02-18'])
			for (const grain of ['month', 'quarter'] as const) {
				const filters = parseFilters(new URLSearchParams({ period: 'all' }));
				const kept = await areaGradeCounts(db, filters, since, grain);
				// One team's: each audit here is of a team of its own.
				const ofTeam = await areaGradeCounts(db, { ...filters, teamId: b.team }, since, grain);
				const ofA = await areaGradeCounts(db, { ...filters, teamId: a.team }, since, grain);
				const sorted = <T extends { area_id: string; period: string; grade: string }>(rows: T[]) =>
					rows
						.map((r) => ({ ...r, n: Number((r as unknown as { n: number }).n) }))
						.sort((x, y) =>
							`${x.area_id}|${x.period}|${x.grade}`.localeCompare(
								`${y.area_id}|${y.period}|${y.grade}`
							)
						);
				const iro = (rows: typeof kept) => sorted(rows.filter((r) => r.area_id === 'cp-iro'));
				const feb = grain === 'month' ? '2026-02' : '2026-Q1';
				const mar = grain === 'month' ? '2026-03' : '2026-Q1';
				// a (10 February) is before the period; b and c are in it.
				expect(iro(kept)).toEqual(
					sorted([
						{ area_id: 'cp-iro', period: feb, grade: 'good', n: 1 },
						{ area_id: 'cp-iro', period: mar, grade: 'requires-improvement', n: 1 }
					])
				);
				expect(iro(ofTeam)).toEqual([{ area_id: 'cp-iro', period: feb, grade: 'good', n: 1 }]);
				// Taken away to nothing: no row, as counting a's audits in the period finds none.
				expect(ofA).toEqual([]);
			}
	});
	it('count moderation as the audits do, for a period starting mid-month and for a team', async () => {
		const a = await newAudit(db, '2026-08-10');
		const b = await newAudit(db, '2026-08-20');
		const c = await newAudit(db, '2026-09-05');
		for (const audit of [a, b, c]) {
			await finaliseTestAudit(db, audit, audit === c ? '2026-09-06' : '2026-08-21');
			// Moderation agrees with every grade but the IRO's, which it lowers in b alone.
			const lowered: Record<string, 'requires-improvement'> =
				audit === b ? { 'cp-iro': 'requires-improvement' } : {};
			await saveGrades(db, definition, audit.auditor, audit.id, 'moderation', {
				grades: allAreas('good', lowered),
				grip: false,
				gripReason: '',
				comments: 'Moderated.'
			});
		}
		const filters = parseFilters(new URLSearchParams({ period: 'all' }));
		const iro = async (over: Partial<typeof filters>) =>
			(await moderationCounts(db, { ...filters, ...over }, '2026-08-15')).find(
				(r) => r.area_id === 'cp-iro'
			);
		// a (10 August) is before the period; b and c are in it: b counted from the audits (part of
		// August), c from the kept counts (September). Other tests' audits are earlier.
		expect(await iro({})).toEqual({ area_id: 'cp-iro', moderated: 2, changed: 1 });
		expect(await iro({ teamId: b.team })).toEqual({ area_id: 'cp-iro', moderated: 1, changed: 1 });
		expect(await iro({ teamId: c.team })).toEqual({ area_id: 'cp-iro', moderated: 1, changed: 0 });
		expect(await iro({ teamId: a.team })).toBeUndefined();
	});
});
