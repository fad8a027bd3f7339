import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Grade } from '$lib/audit/grades';
import { auditDefinition } from '../audit';
import { createAudit } from '../audit/audits';
import { finaliseAudit } from '../audit/finalise';
import { addFinding } from '../audit/findings';
import { saveGrades } from '../audit/grading';
import { saveViews } from '../audit/views';
import type { Db } from '../db';
import { figuresVersion } from '../db/kept-figures';
import { impactFigureSources } from '../db/migrations/2026-12-12-01-impact-figures';
import { newUser, queryPlan, testDatabases } from '../db/testing';
import { changesNotCounted, recordingReads } from '../db/testing-reads';
import { getFramework } from '../framework';
import { assignSupervisor } from '../people/relationships';
import { createTeam } from '../people/teams';
import { acceptEvidence, returnEvidence } from '../review/review';
import { learningFigures } from '../workforce/learning';
import { quarterlyReport } from '../workforce/report';
import { assignmentsReaching, assignPathway, pathwayWork } from './assignments';
import { pathwayImpact } from './impact';
import { everyPathwaysFigures } from './impact-query';
import { learningNeedsOf, needForAssignment } from './needs';
import * as needsMigration from '../db/migrations/2026-11-29-03-needs-met-on-acceptance';
import { completePathway, saveProgress } from './progress';
import { eraseAudits } from '../retention/erase-audits';

const definition = auditDefinition();
const grades = (grade: Grade, changes: Record<string, Grade>) =>
	Object.fromEntries(
		definition.areas.map((a) => [a.id, { grade: changes[a.id] ?? grade, evidence: 'Seen.' }])
	);

describe.each(testDatabases())('learning needs and pathways on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());

	/**
	 * A worker in a team of their own, supervised by its manager, with a finalised audit of 1 June
	 * 2026 whose plans standard requires improvement and whose one development finding (tagged
	 * 3.3) raised a learning need; "Planning with purpose" (3.3, 4.4; the plans standard) assigned.
	 */
	async function workerWithNeed() {
		const manager = await newUser(db, { roles: ['supervisor'] });
		const team = await createTeam(db, null, `Team ${manager}`, manager);
		const practitioner = await newUser(db, { teamId: team });
		const auditor = await newUser(db, { roles: ['auditor'] });
		await assignSupervisor(db, null, {
			supervisorId: manager,
			superviseeId: practitioner,
			startsOn: '2026-01-01'
		});
		const audit = await createAudit(db, auditor, {
			type: 'journey-and-impact',
			theme: null,
			caseRef: 'C-200001',
			practitionerId: practitioner,
			managerId: manager,
			coAuditorId: null,
			periodStart: '2025-12-01',
			periodEnd: '2026-06-01',
			auditedOn: '2026-06-01'
		});
		await saveGrades(db, definition, auditor, audit, 'audit', {
			grades: grades('good', { 'gloucestershire-4': 'requires-improvement' }),
			grip: false,
			gripReason: ''
		});
		await addFinding(db, auditor, audit, {
			kind: 'development',
			text: 'Plans lack a contingency.',
			frameworkVersion: 'pqs-2025',
			outcomes: ['3.3'],
			standards: []
		});
		await saveViews(db, auditor, audit, {
			child_view: 'Wants to be asked.',
			parent_view: 'Feels heard.',
			worker_view: 'Needs more pace.'
		});
		const when = new Date('2026-06-02T09:00:00Z');
		await finaliseAudit(
			db,
			definition,
			auditor,
			audit,
			{ anonymityConfirmed: false, origin: 'http://localhost' },
			when
		);
		const assignment = await assignPathway(
			db,
			manager,
			{ pathwayId: 'planning-with-purpose', scope: 'person', practitionerId: practitioner },
			when
		);
		const work = async () => (await pathwayWork(db, practitioner, assignment))!;
		return { manager, team, practitioner, work };
	}

	const reflection = 'Plans now say what changes for the child, by when, and what if not.';
	const complete = async (
		who: Awaited<ReturnType<typeof workerWithNeed>>,
		when = new Date('2026-07-01T10:00:00Z')
	) =>
		completePathway(
			db,
			who.practitioner,
			await who.work(),
			{ stepsDone: [1, 2, 3], reflection, frameworkVersion: 'pqs-2025', anonymityConfirmed: false },
			when
		);

	it('keeps the before score when no audit has followed the pathway yet', async () => {
		const who = await workerWithNeed();
		await complete(who);
		const [impact] = await pathwayImpact(db, { practitionerId: who.practitioner });
		expect(impact.measure).toBe('areas');
		expect(impact.before).toEqual({
			audits: 1,
			score: 2, // the plans standard, Requires improvement
			latestOverall: 'requires-improvement',
			findingsOnOutcomes: 1
		});
		expect(impact.after).toEqual({
			audits: 0,
			score: null,
			latestOverall: null,
			findingsOnOutcomes: 0
		});
		expect(impact.change).toBe('no-later-audit');
	});

	/** A finalised audit of the worker's practice, graded Good but for the plans standard. */
	async function laterAudit(who: { practitioner: string; manager: string }, plans: Grade) {
		const auditor = await newUser(db, { roles: ['auditor'] });
		const audit = await createAudit(db, auditor, {
			type: 'journey-and-impact',
			theme: null,
			caseRef: 'C-200002',
			practitionerId: who.practitioner,
			managerId: who.manager,
			coAuditorId: null,
			periodStart: '2026-02-01',
			periodEnd: '2026-08-01',
			auditedOn: '2026-08-01'
		});
		const form = { grades: grades('good', { 'gloucestershire-4': plans }), grip: false };
		await saveGrades(db, definition, auditor, audit, 'audit', { ...form, gripReason: '' });
		const views = { child_view: 'Asked.', parent_view: 'Heard.', worker_view: 'Calmer.' };
		await saveViews(db, auditor, audit, views);
		const options = { anonymityConfirmed: false, origin: 'http://localhost' };
		const when = new Date('2026-08-02T09:00:00Z');
		await finaliseAudit(db, definition, auditor, audit, options, when);
		return audit;
	}

	it('keeps a team’s impact figures only until an audit or a pathway that moves them changes', async () => {
		const who = await workerWithNeed();
		await complete(who);
		// A team's figures are kept between requests; one person's are read afresh each time.
		const impact = async () => {
			const [team, own] = await Promise.all([
				pathwayImpact(db, { teamId: who.team }),
				pathwayImpact(db, { practitionerId: who.practitioner })
			]);
			expect(team).toEqual(own);
			return team.map((row) => [row.after.audits, row.after.score, row.change]);
		};
		expect(await impact()).toEqual([[0, null, 'no-later-audit']]);
		expect(await impact()).toEqual([[0, null, 'no-later-audit']]);
		const later = await laterAudit(who, 'good');
		expect(await impact()).toEqual([[1, 3, 'improved']]);
		// Moderated down: the moderator's grade for the plans standard stands.
		const moderator = await newUser(db, { roles: ['psw'] });
		const moderated = grades('good', { 'gloucestershire-4': 'inadequate' });
		const moderation = { grades: moderated, grip: false, gripReason: '', comments: 'Lowered.' };
		await saveGrades(db, definition, moderator, later, 'moderation', moderation);
		expect(await impact()).toEqual([[1, 1, 'declined']]);
		// Another pathway completed, and the later audit erased.
		await db.transaction().execute((tx) => eraseAudits(tx, [later]));
		expect(await impact()).toEqual([[0, null, 'no-later-audit']]);
		const second = await workerWithNeed();
		await complete(second);
		const [row] = await pathwayImpact(db, { teamId: second.team });
		expect([row.practitionerId, row.before.audits, row.change]).toEqual([
			second.practitioner,
			1,
			'no-later-audit'
		]);
	});

	it('keeps a team’s impact figures exactly until what they read changes, however it changes', async () => {
		const who = await workerWithNeed();
		await complete(who);
		const later = await laterAudit(who, 'good');
		const change = async () =>
			(await pathwayImpact(db, { teamId: who.team })).map((row) => row.change);
		expect(await change()).toEqual(['improved']);
		// Graded down by hand in the database, leaving the audit's time of change as it was: the
		// triggers count it all the same.
		await db
			.updateTable('audit_grades')
			.set({ effective_grade: 'inadequate' })
			.where('audit_id', '=', later)
			.where('area_id', '=', 'gloucestershire-4')
			.execute();
		expect(await change()).toEqual(['declined']);
	});

	it('reads nothing for the impact figures whose changes it does not count', async () => {
		const who = await workerWithNeed();
		await complete(who);
		await laterAudit(who, 'requires-improvement');
		const recording = recordingReads(db, impactFigureSources);
		await everyPathwaysFigures(recording.db);
		expect(recording.unwatched()).toEqual([]);
		expect(await changesNotCounted(db, 'impact', impactFigureSources)).toEqual([]);
	});

	it('keeps the impact figures while a pathway is followed: ticked steps change nothing they read', async () => {
		const who = await workerWithNeed();
		// The first save begins the pathway's progress: a row the figures may join.
		await saveProgress(db, who.practitioner, await who.work(), [1], 'Read the guide.');
		const before = await figuresVersion(db, 'impact');
		await saveProgress(db, who.practitioner, await who.work(), [1, 2], 'Read and tried it.');
		expect(await figuresVersion(db, 'impact')).toBe(before);
		await complete(who);
		expect(await figuresVersion(db, 'impact')).not.toBe(before);
	});

	it('names the need a pathway is assigned for, to those who may assign for that person only', async () => {
		const who = await workerWithNeed();
		const [need] = await learningNeedsOf(db, who.practitioner);
		expect(await needForAssignment(db, need.id, [who.practitioner])).toMatchObject({
			description: 'Plans lack a contingency.',
			practitioner_id: who.practitioner,
			practitionerName: 'Test Person',
			case_ref: 'C-200001',
			audited_on: '2026-06-01',
			outcomes: ['3.3']
		});
		expect(await needForAssignment(db, need.id, [await newUser(db)])).toBeUndefined();
		expect(await needForAssignment(db, need.id, [])).toBeUndefined();
	});

	it('keeps ticked steps as they are ticked, and leaves the need open until the pathway is done', async () => {
		const who = await workerWithNeed();
		await saveProgress(db, who.practitioner, await who.work(), [2, 1, 2, 9], 'Half way.');
		const work = await who.work();
		expect([work.stepsDone, work.reflection, work.completed_at]).toEqual([
			[1, 2],
			'Half way.',
			null
		]);
		expect((await learningNeedsOf(db, who.practitioner)).map((n) => n.status)).toEqual(['open']);
	});

	it('meets the need when the supervisor accepts the evidence, not when the pathway is completed', async () => {
		const who = await workerWithNeed();
		const framework = getFramework()!;
		const figures = async () => {
			const tables = await learningFigures(db, framework, {
				teamId: who.team,
				period: 'all'
			});
			const row = tables.find((t) => t.id === 'needs-by-team')!.rows[0];
			return [row.open, row.submitted, row.met];
		};
		expect(await figures()).toEqual([1, 0, 0]);

		const { evidenceId } = await complete(who);
		const [waiting] = await learningNeedsOf(db, who.practitioner);
		expect([waiting.status, waiting.met_at, waiting.evidenceId, waiting.evidenceStatus]).toEqual([
			'submitted',
			null,
			evidenceId,
			'submitted'
		]);
		expect(await figures()).toEqual([0, 1, 0]);

		// Returned for changes, it still waits; accepted, the need is met.
		await returnEvidence(db, who.manager, evidenceId, 'Say what the child said.', 'http://x');
		expect((await learningNeedsOf(db, who.practitioner))[0]).toMatchObject({
			status: 'submitted',
			evidenceStatus: 'returned'
		});
		await db
			.updateTable('evidence')
			.set({ status: 'submitted' })
			.where('id', '=', evidenceId)
			.execute();
		await acceptEvidence(
			db,
			who.manager,
			evidenceId,
			[],
			'http://x',
			new Date('2026-07-08T12:00:00Z')
		);
		const [met] = await learningNeedsOf(db, who.practitioner);
		expect([met.status, met.met_at, met.evidenceStatus]).toEqual([
			'met',
			'2026-07-08T12:00:00.000Z',
			'accepted'
		]);
		expect(await figures()).toEqual([0, 0, 1]);
	});

	it('counts a need met in the quarter its evidence was accepted, in the quarterly report', async () => {
		const who = await workerWithNeed();
		const { evidenceId } = await complete(who, new Date('2026-09-28T10:00:00Z'));
		await acceptEvidence(
			db,
			who.manager,
			evidenceId,
			[],
			'http://x',
			new Date('2026-10-02T09:00:00Z')
		);
		const headlines = async (quarter: string, teamId = who.team) => {
			const filters = { teamId, period: 'all' as const };
			const tables = await quarterlyReport(
				db,
				definition,
				getFramework()!,
				filters,
				quarter,
				'2026-11-29'
			);
			return (measure: string) => {
				const row = tables[0].rows.find((r) => r.measure === measure)!;
				return [row.lastQuarter, row.thisQuarter];
			};
		};
		const q4 = await headlines('2026-Q4');
		expect(q4('Learning pathways completed')).toEqual([1, 0]);
		expect(q4('Learning needs met')).toEqual([0, 1]);
		// Raised in June, by the audit finalised then: in Q2, counted for the team's Q3 report.
		expect((await headlines('2026-Q3'))('Learning needs raised')).toEqual([1, 0]);
		// Another team's report counts none of it.
		const other = await createTeam(db, null, `Other team ${who.team}`, who.manager);
		const elsewhere = await headlines('2026-Q4', other);
		expect(['Learning needs met', 'Learning pathways completed'].map(elsewhere)).toEqual([
			[0, 0],
			[0, 0]
		]);
		expect((await headlines('2026-Q3', other))('Learning needs raised')).toEqual([0, 0]);
	});

	it('puts back, in its migration, needs met before their evidence was accepted', async () => {
		const who = await workerWithNeed();
		const { evidenceId } = await complete(who);
		// As the app used to leave it: met on completion.
		const metEarly = () =>
			db
				.updateTable('learning_needs')
				.set({ status: 'met', met_at: '2026-07-01T10:00:00.000Z' })
				.where('practitioner_id', '=', who.practitioner)
				.execute();
		const need = async () => (await learningNeedsOf(db, who.practitioner))[0];
		await metEarly();
		await needsMigration.up(db);
		expect([(await need()).status, (await need()).met_at]).toEqual(['submitted', null]);

		await db
			.updateTable('evidence')
			.set({ status: 'accepted', reviewed_at: '2026-07-09T15:00:00.000Z' })
			.where('id', '=', evidenceId)
			.execute();
		await metEarly();
		await needsMigration.up(db);
		expect([(await need()).status, (await need()).met_at]).toEqual([
			'met',
			'2026-07-09T15:00:00.000Z'
		]);
	});
});

describe('the pathways that reach a practitioner, on SQLite', () => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await testDatabases()[0].open()));
	afterAll(() => close());

	it('are found by index, each way, not by reading every assignment there is', async () => {
		const practitioner = await newUser(db);
		const plan = await queryPlan(db, assignmentsReaching(db, practitioner));
		expect(plan.filter((d) => /^SCAN pathway_assignments\b/.test(d))).toEqual([]);
		expect(plan).toContain('MULTI-INDEX OR');
	});
});
