import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { newUser, testDatabases } from '../db/testing';
import { auditDefinition } from '../audit';
import { createAudit } from '../audit/audits';
import { addFinding } from '../audit/findings';
import { finaliseAudit } from '../audit/finalise';
import { saveGrades } from '../audit/grading';
import { saveViews } from '../audit/views';
import { getFramework } from '../framework';
import { signOffOutcome, withdrawSignOff } from '../signoff/signoffs';
import { auditAnalysis } from './audit-analysis';
import { teamsByNeed } from './audit-teams';
import { quarterDates, quarterOf, previousQuarter } from './audit-scope';
import { practitionerCoverage, teamCoverage } from './coverage';
import { cpdFigures } from './cpd';
import { registrationYear } from './cpd-rule';
import { csvFileName, toCsv } from './figures';
import { parseFilters } from './filters';
import type { Grade } from '$lib/audit/grades';
import { testCpdRule } from '../cpd/testing';
import { newAcceptedEvidence, newTeam } from './testing';

type Tail<T extends unknown[]> = T extends [unknown, ...infer Rest] ? Rest : never;

const framework = getFramework()!;
const definition = auditDefinition();
const rule = testCpdRule;

describe('dates and CSV', () => {
	it('names quarters and their days', () => {
		expect(quarterOf('2026-11-25')).toBe('2026-Q4');
		expect(quarterOf('2026-01-01')).toBe('2026-Q1');
		expect(previousQuarter('2026-Q1')).toBe('2025-Q4');
		expect(quarterDates('2026-Q3')).toEqual({ start: '2026-07-01', end: '2026-09-30' });
	});
	it('runs the registration year from 1 December to 30 November', () => {
		expect(registrationYear(rule, '2026-11-25')).toEqual({
			start: '2025-12-01',
			end: '2026-11-30',
			name: 2026
		});
		expect(registrationYear(rule, '2026-12-01')).toEqual({
			start: '2026-12-01',
			end: '2027-11-30',
			name: 2027
		});
	});
	it('quotes CSV fields that need it and defuses formulas', () => {
		const csv = toCsv({
			id: 't',
			title: 'T',
			columns: [
				{ key: 'a', label: 'A, with comma' },
				{ key: 'b', label: 'B' }
			],
			rows: [
				{ a: 'say "hi"', b: null },
				{ a: '=SUM(A1)', b: 3 }
			]
		});
		// A byte order mark first, so that Excel reads it as UTF-8.
		expect(csv).toBe('\ufeff"A, with comma",B\r\n"say ""hi""",\r\n\'=SUM(A1),3\r\n');
	});
	it('names a CSV by its view, its table where that says more, its filters and the day', () => {
		const view = (name: string, filters: Record<string, string>) => ({
			view: name,
			title: '',
			filters,
			tables: []
		});
		expect(csvFileName(view('progress', { period: 'all' }), 'progress', '2026-11-29')).toBe(
			'progress-2026-11-29.csv'
		);
		expect(
			csvFileName(
				view('audits', { team: 'a1b2', period: '12m', grain: 'month' }),
				'areas',
				'2026-11-29',
				'North Assessment Team'
			)
		).toBe('audits-areas-north-assessment-team-by-month-last-12-months-2026-11-29.csv');
		expect(
			csvFileName(
				view('audits', { period: '3m', grain: 'quarter' }),
				'overall-by-month',
				'2026-11-29'
			)
		).toBe('audits-overall-by-month-last-3-months-2026-11-29.csv');
		expect(
			csvFileName(view('report', { period: 'all', quarter: '2026-Q3' }), 'actions', '2026-11-29')
		).toBe('report-actions-2026-q3-2026-11-29.csv');
	});
});

describe.each(testDatabases())('workforce figures on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());

	const team = (size: number) => newTeam(db, size);
	const accepted = (...args: Tail<Parameters<typeof newAcceptedEvidence>>) =>
		newAcceptedEvidence(db, ...args);

	it('counts practitioners with accepted evidence and with sign-off, by team and by person', async () => {
		const t = await team(4);
		const e1 = await accepted(t.people[0], t.manager, '2.3', '2026-10-01');
		await accepted(t.people[1], t.manager, '2.3', '2026-10-02');
		await accepted(t.people[1], t.manager, '2.3', '2026-10-03');
		const e3 = await accepted(t.people[2], t.manager, '3.1', '2024-01-01');
		await signOffOutcome(db, t.manager, t.people[0], {
			frameworkVersion: 'pqs-2025',
			outcomeId: '2.3',
			rationale: 'Met.',
			evidenceIds: [e1]
		});
		// A sign-off later withdrawn does not count.
		await signOffOutcome(db, t.manager, t.people[2], {
			frameworkVersion: 'pqs-2025',
			outcomeId: '3.1',
			rationale: 'Met.',
			evidenceIds: [e3]
		});
		await withdrawSignOff(db, t.manager, t.people[2], {
			frameworkVersion: 'pqs-2025',
			outcomeId: '3.1',
			reason: 'Signed off too early.'
		});

		const filters = parseFilters(new URLSearchParams({ team: t.id }));
		const teams = await teamCoverage(db, framework, filters, '2026-11-25');
		expect(teams.rows).toHaveLength(1);
		expect(teams.rows[0]).toMatchObject({
			practitioners: 4,
			'evidence:2.3': 50,
			'signedOff:2.3': 25,
			'evidence:3.1': 25,
			'signedOff:3.1': 0,
			'evidence:1.1': 0
		});
		// The period counts evidence from the last 12 months only.
		const recent = await teamCoverage(db, framework, { ...filters, period: '12m' }, '2026-11-25');
		expect(recent.rows[0]['evidence:3.1']).toBe(0);
		// And the career stage filter narrows the people counted.
		const asyes = await teamCoverage(db, framework, { ...filters, stage: 'asye' }, '2026-11-25');
		expect(asyes.rows[0]).toMatchObject({
			practitioners: 1,
			'evidence:2.3': 100,
			'signedOff:2.3': 100
		});

		const people = await practitionerCoverage(
			db,
			framework,
			{ ...filters, teamId: t.id },
			'2026-11-25'
		);
		const first = people.rows.find((r) => r.practitionerId === t.people[0])!;
		const third = people.rows.find((r) => r.practitionerId === t.people[2])!;
		expect([first['2.3'], first.signedOff, first.withEvidence]).toEqual(['Signed off', 1, 1]);
		expect([third['3.1'], third.signedOff]).toEqual(['Accepted', 0]);
	});

	it('counts CPD in the registration year and finds who is short of the requirement', async () => {
		const t = await team(2);
		await accepted(t.people[0], t.manager, '5.3', '2026-01-10', { minutes: 90, peer: true });
		await accepted(t.people[0], t.manager, '5.3', '2026-03-10', { minutes: 30, peer: false });
		await accepted(t.people[1], t.manager, '5.3', '2025-11-30', { minutes: 600, peer: true }); // last year
		await accepted(t.people[1], t.manager, '5.3', '2026-02-01', { minutes: 60, peer: false });
		const { year, tables } = await cpdFigures(
			db,
			rule,
			parseFilters(new URLSearchParams({ team: t.id })),
			'2026-11-25'
		);
		expect(year).toEqual({ start: '2025-12-01', end: '2026-11-30' });
		const [teamRow] = tables[0].rows;
		expect(teamRow).toMatchObject({ practitioners: 2, meeting: 1, short: 1, hours: 3 });
		const people = tables[1].rows;
		expect(people[0]).toMatchObject({
			practitionerId: t.people[1],
			records: 1,
			peerReflected: 0,
			hours: 1,
			meets: 'Not yet'
		});
		expect(people[1]).toMatchObject({
			practitionerId: t.people[0],
			records: 2,
			peerReflected: 1,
			hours: 2,
			meets: 'Yes'
		});
	});

	it('analyses audits by period, area and team, counts moderation changes and recurring themes', async () => {
		const t = await team(1);
		const auditor = await newUser(db, { roles: ['auditor'] });
		const grades = (g: Grade, changes: Record<string, Grade> = {}) =>
			Object.fromEntries(
				definition.areas.map((a) => [a.id, { grade: changes[a.id] ?? g, evidence: 'Seen.' }])
			);
		async function audit(on: string, g: ReturnType<typeof grades>, tag?: string) {
			const id = await createAudit(db, auditor, {
				type: 'journey-and-impact',
				theme: null,
				caseRef: 'C-200001',
				practitionerId: t.people[0],
				managerId: t.manager,
				coAuditorId: null,
				periodStart: '2025-01-01',
				periodEnd: on,
				auditedOn: on
			});
			await saveGrades(db, definition, auditor, id, 'audit', {
				grades: g,
				grip: false,
				gripReason: ''
			});
			await saveViews(db, auditor, id, { child_view: 'x', parent_view: 'y', worker_view: 'z' });
			if (tag)
				await addFinding(db, auditor, id, {
					kind: 'development',
					text: 'Needs work.',
					frameworkVersion: 'pqs-2025',
					outcomes: [tag],
					standards: []
				});
			await finaliseAudit(db, definition, auditor, id, { anonymityConfirmed: false, origin: '' });
			return id;
		}
		await audit('2026-08-10', grades('good'), '3.3');
		await audit(
			'2026-10-05',
			grades('good', { 'gloucestershire-4': 'requires-improvement' }),
			'3.3'
		);
		const moderated = await audit('2026-11-02', grades('good'), '3.3');
		await saveGrades(db, definition, auditor, moderated, 'moderation', {
			grades: grades('good', { 'gloucestershire-1': 'inadequate' }),
			grip: false,
			gripReason: '',
			comments: 'Lower.'
		});
		const filters = parseFilters(new URLSearchParams({ team: t.id }));
		const tables = await auditAnalysis(db, definition, framework, filters, 'quarter', '2026-11-25');
		const table = (id: string) => tables.find((x) => x.id === id)!;
		expect(table('overall-by-quarter').rows).toEqual([
			{
				period: '2026-Q3',
				outstanding: 0,
				good: 1,
				'requires-improvement': 0,
				inadequate: 0,
				total: 1,
				goodOrBetter: 100
			},
			// The moderated grade stands for the moderated audit.
			{
				period: '2026-Q4',
				outstanding: 0,
				good: 0,
				'requires-improvement': 1,
				inadequate: 1,
				total: 2,
				goodOrBetter: 0
			}
		]);
		expect(table('overall-by-month').rows.map((r) => [r.period, r.total])).toEqual([
			['2026-08', 1],
			['2026-10', 1],
			['2026-11', 1]
		]);
		const plans = table('areas').rows.filter((r) => r.areaId === 'gloucestershire-4');
		expect(plans.map((r) => [r.period, r.good, r['requires-improvement']])).toEqual([
			['2026-Q3', 1, 0],
			['2026-Q4', 1, 1]
		]);
		// Each team's rows carry its id, which the page's table of teams links by.
		expect(table('teams').rows.map((r) => [r.teamId, r.period, r.total])).toEqual([
			[t.id, '2026-Q3', 1],
			[t.id, '2026-Q4', 2]
		]);
		expect(teamsByNeed(table('teams')).rows).toMatchObject([
			{ teamId: t.id, total: 3, goodOrBetter: 33 }
		]);
		// Moderation changed the first standard and, by the cascade, the two cascading areas.
		const changed = table('moderation')
			.rows.filter((r) => Number(r.changed) > 0)
			.map((r) => r.areaId);
		expect(changed.sort()).toEqual(['cp-iro', 'gloucestershire-1', 'management-oversight']);
		expect(table('themes').rows[0]).toMatchObject({
			ref: '3.3',
			thisQuarter: 2,
			lastQuarter: 1,
			change: 1
		});
		expect(
			table('awaiting-response')
				.rows.map((r) => r.escalation)
				.sort()
		).toEqual(['Urgent review']);
		// A table's page of its own asks for that table alone, and gets the same figures.
		expect(tables.map((t) => t.id)).toHaveLength(8);
		for (const whole of tables) {
			const alone = await auditAnalysis(
				db,
				definition,
				framework,
				filters,
				'quarter',
				'2026-11-25',
				whole.id
			);
			expect(alone).toEqual([whole]);
		}
		expect(
			await auditAnalysis(db, definition, framework, filters, 'quarter', '2026-11-25', 'none')
		).toEqual([]);
	});
});
