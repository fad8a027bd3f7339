import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { newUser, testDatabases } from '../db/testing';
import {
	allAreas,
	definition,
	finaliseTestAudit,
	newAudit,
	type TestAudit
} from '../audit/testing';
import { addFinding } from '../audit/findings';
import { saveGrades } from '../audit/grading';
import { eraseAudits } from '../retention/erase-audits';
import { overallGrades, teamGrades } from './audit-grades';
import { scoped } from './audit-scope';
import { parseFilters, type WorkforceFilters } from './filters';
import { recurringThemes } from './themes';

// The overall grades and development findings' tags kept by month and team (2026-12-10-01),
// against the same counted afresh from the audits after every kind of change.

describe.each(testDatabases())('the kept overall grades and themes on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());

	const month = sql<string>`substr(a.audited_on, 1, 7)`;
	const team = sql<string>`coalesce(a.team_id, '')`;
	const grade = sql<string>`coalesce(a.moderated_overall_grade, a.overall_grade, '')`;

	/** Both kept tables, and each counted afresh from the audits, in one order. */
	async function expectAgreement() {
		const keptGrades = await db
			.selectFrom('audit_grade_months')
			.select(['month', 'team_key', 'grade', 'n'])
			.execute();
		const countedGrades = await db
			.selectFrom('audits as a')
			.select([
				month.as('month'),
				team.as('team_key'),
				grade.as('grade'),
				(eb) => eb.fn.countAll<number>().as('n')
			])
			.where('a.status', '=', 'finalised')
			.groupBy([month, team, grade])
			.execute();
		const keptThemes = await db
			.selectFrom('audit_theme_months')
			.select(['month', 'team_key', 'kind', 'ref', 'n'])
			.execute();
		const countedThemes = await db
			.selectFrom('audits as a')
			.innerJoin('audit_findings as f', 'f.audit_id', 'a.id')
			.innerJoin('audit_finding_tags as tg', 'tg.finding_id', 'f.id')
			.select([
				month.as('month'),
				team.as('team_key'),
				'tg.kind',
				'tg.ref',
				(eb) => eb.fn.countAll<number>().as('n')
			])
			.where('a.status', '=', 'finalised')
			.where('f.kind', '=', 'development')
			.groupBy([month, team, 'tg.kind', 'tg.ref'])
			.execute();
		const plain = <T extends { n: number | string }>(rows: T[]) =>
			rows
				.map((r) => ({ ...r, n: Number(r.n) }))
				.sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
		expect(plain(keptGrades)).toEqual(plain(countedGrades));
		expect(plain(keptThemes)).toEqual(plain(countedThemes));
		return { grades: plain(keptGrades), themes: plain(keptThemes) };
	}

	const development = (outcomes: string[], standards: string[] = []) => ({
		kind: 'development' as const,
		text: 'Plans could say more about what changes for the child.',
		frameworkVersion: 'pqs-2025',
		outcomes,
		standards
	});

	/** A finalised audit with one development finding tagged `refs`. */
	async function auditWithThemes(when: string, refs: string[], grades = allAreas('good')) {
		const audit = await newAudit(db, when, grades);
		await addFinding(db, audit.auditor, audit.id, development(refs));
		await addFinding(db, audit.auditor, audit.id, {
			...development(['X-strength']),
			kind: 'strength'
		});
		await finaliseTestAudit(db, audit, when);
		return audit;
	}

	const findingOf = (audit: TestAudit) =>
		db
			.selectFrom('audit_findings')
			.select('id')
			.where('audit_id', '=', audit.id)
			.where('kind', '=', 'development')
			.executeTakeFirstOrThrow();

	it('agree with the audits after finalising, moderating, reopening, retagging, moving and erasing', async () => {
		const first = await newAudit(db, '2027-05-20');
		await addFinding(db, first.auditor, first.id, development(['T-1', 'T-2']));
		// A draft counts nowhere.
		expect(await expectAgreement()).toEqual({ grades: [], themes: [] });

		await finaliseTestAudit(db, first, '2027-05-21');
		const second = await auditWithThemes('2027-06-03', ['T-1'], allAreas('requires-improvement'));
		let kept = await expectAgreement();
		expect(kept.themes.map((r) => `${r.month} ${r.ref} ${r.n}`)).toEqual([
			'2027-05 T-1 1',
			'2027-05 T-2 1',
			'2027-06 T-1 1'
		]);

		// Moderation's overall grade stands.
		await saveGrades(db, definition, first.auditor, first.id, 'moderation', {
			grades: allAreas('outstanding'),
			grip: false,
			gripReason: '',
			comments: 'Higher.'
		});
		kept = await expectAgreement();
		expect(kept.grades.find((r) => r.month === '2027-05')?.grade).toBe('outstanding');

		// Reopened (whatever writes it), it counts nowhere; finalised again, it counts again.
		await db.updateTable('audits').set({ status: 'draft' }).where('id', '=', second.id).execute();
		expect((await expectAgreement()).themes).toHaveLength(2);
		await db
			.updateTable('audits')
			.set({ status: 'finalised' })
			.where('id', '=', second.id)
			.execute();
		expect((await expectAgreement()).themes).toHaveLength(3);

		// A finding's kind, a tag's reference and a tag's finding changed after finalising.
		const finding = await findingOf(first);
		await db
			.updateTable('audit_findings')
			.set({ kind: 'strength' })
			.where('id', '=', finding.id)
			.execute();
		expect((await expectAgreement()).themes).toHaveLength(1);
		await db
			.updateTable('audit_findings')
			.set({ kind: 'development' })
			.where('id', '=', finding.id)
			.execute();
		await db
			.updateTable('audit_finding_tags')
			.set({ ref: 'T-3' })
			.where('finding_id', '=', finding.id)
			.where('ref', '=', 'T-2')
			.execute();
		await expectAgreement();
		await db
			.updateTable('audit_finding_tags')
			.set({ finding_id: (await findingOf(second)).id })
			.where('finding_id', '=', finding.id)
			.where('ref', '=', 'T-3')
			.execute();
		kept = await expectAgreement();
		expect(kept.themes.find((r) => r.ref === 'T-3')?.month).toBe('2027-06');

		// A finding's tags deleted after finalising (erasure, below, deletes findings); a tag added.
		await db.deleteFrom('audit_finding_tags').where('finding_id', '=', finding.id).execute();
		await expectAgreement();
		await db
			.insertInto('audit_finding_tags')
			.values({
				finding_id: (await findingOf(second)).id,
				kind: 'standard',
				ref: 'S-9',
				framework_version: null
			})
			.execute();
		await expectAgreement();

		// Moved to another team and month; its overall grade changed after finalising.
		const elsewhere = await newAudit(db, '2027-01-01');
		await db
			.updateTable('audits')
			.set({ team_id: elsewhere.team, audited_on: '2027-04-30', overall_grade: 'inadequate' })
			.where('id', '=', second.id)
			.execute();
		kept = await expectAgreement();
		expect(kept.grades.find((r) => r.month === '2027-04')).toMatchObject({
			team_key: elsewhere.team,
			grade: 'inadequate',
			n: 1
		});

		await db.transaction().execute((tx) => eraseAudits(tx, [first.id, second.id, elsewhere.id]));
		expect(await expectAgreement()).toEqual({ grades: [], themes: [] });
	});

	it('give the audit analysis the figures counted from the audits, for a period starting mid-month, a team and a stage', async () => {
		const practitionerOfStage = await newUser(db, { careerStage: 'advanced-practitioner' });
		const a = await auditWithThemes('2027-08-10', ['U-1'], allAreas('good'));
		const b = await auditWithThemes('2027-08-20', ['U-1', 'U-2'], allAreas('inadequate'));
		const c = await auditWithThemes('2027-10-05', ['U-2'], allAreas('requires-improvement'));
		await db
			.updateTable('audits')
			.set({ practitioner_id: practitionerOfStage })
			.where('id', '=', c.id)
			.execute();
		const since = '2027-08-15';
		const all = parseFilters(new URLSearchParams({ period: 'all' }));
		const scopes: WorkforceFilters[] = [
			all,
			{ ...all, teamId: b.team },
			{ ...all, teamId: a.team }
		];
		for (const filters of scopes)
			for (const grain of ['month', 'quarter'] as const) {
				// A career stage is counted from the audits (only c's practitioner has one).
				const ofStage = await overallGrades(
					db,
					{ filters: { ...filters, stage: 'advanced-practitioner' }, since },
					grain
				);
				expect(ofStage.rows).toEqual(
					filters.teamId ? [] : [expect.objectContaining({ 'requires-improvement': 1, total: 1 })]
				);
				const teams = await teamGrades(db, { filters, since }, grain);
				const rowOf = (t: TestAudit) => teams.rows.filter((r) => r.teamId === t.team);
				// a (10 August) is before the period; b (part of August, counted) and c (kept) in it.
				expect(rowOf(a)).toEqual([]);
				expect(rowOf(b)).toEqual(
					filters.teamId === a.team
						? []
						: [
								expect.objectContaining({
									inadequate: 1,
									total: 1,
									period: grain === 'month' ? '2027-08' : '2027-Q3'
								})
							]
				);
			}
		// The same periods, by month, from the kept rows and from the audits for every audit here.
		const where = scoped(all, since);
		const countedByMonth = await db
			.selectFrom('audits')
			.select([
				sql<string>`substr(audits.audited_on, 1, 7)`.as('period'),
				(eb) => eb.fn.countAll<number>().as('n')
			])
			.where(where)
			.groupBy(sql`substr(audits.audited_on, 1, 7)`)
			.execute();
		const keptByMonth = (await overallGrades(db, { filters: all, since }, 'month')).rows;
		expect(keptByMonth.map((r) => [r.period, r.total])).toEqual(
			countedByMonth
				.map((r) => [r.period, Number(r.n)])
				.sort((x, y) => String(x[0]).localeCompare(String(y[0])))
		);

		// Themes: 2027-Q3 against 2027-Q4, all, one team, and a stage (counted).
		const themes = async (filters: WorkforceFilters) =>
			(await recurringThemes(db, filters, '2027-Q3', '2027-Q4')).filter((t) =>
				t.ref.startsWith('U-')
			);
		expect(await themes(all)).toEqual([
			{ kind: 'outcome', ref: 'U-2', thisQuarter: 1, lastQuarter: 1 },
			{ kind: 'outcome', ref: 'U-1', thisQuarter: 0, lastQuarter: 2 }
		]);
		expect(await themes({ ...all, teamId: b.team })).toEqual([
			{ kind: 'outcome', ref: 'U-1', thisQuarter: 0, lastQuarter: 1 },
			{ kind: 'outcome', ref: 'U-2', thisQuarter: 0, lastQuarter: 1 }
		]);
		expect(await themes({ ...all, stage: 'advanced-practitioner' })).toEqual([
			{ kind: 'outcome', ref: 'U-2', thisQuarter: 1, lastQuarter: 0 }
		]);
	});
});
