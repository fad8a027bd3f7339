import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '../db';
import { newUser, testDatabases } from '../db/testing';
import { getEvidence } from '../portfolio/evidence';
import { pathwayImpact } from '../learning/impact';
import { learningNeedsOf } from '../learning/needs';
import { assignPathway, pathwayWork } from '../learning/assignments';
import { completePathway } from '../learning/progress';
import { allAreas, definition, finaliseTestAudit, newAudit, type TestAudit } from './testing';
import { countAudits, listAudits } from './access';
import type { Role } from '../db/schema';
import { caseRefProblem, createAudit, getAudit } from './audits';
import { addAction, markActionDone, signOffAction } from './actions';
import { addFinding } from './findings';
import { finaliseAudit } from './finalise';
import { recordResponse } from './follow-up';
import { saveGrades } from './grading';

describe('case references', () => {
	it('accepts codes and refuses names, with a message that says why', () => {
		expect(caseRefProblem('C-104829')).toBeUndefined();
		expect(caseRefProblem('LAC/2291')).toBeUndefined();
		expect(caseRefProblem('Jane Smith')).toMatch(/code of letters and digits/);
		expect(caseRefProblem('Smith')).toMatch(/not a name/);
		expect(caseRefProblem('')).toBe('Enter the case reference');
	});
});

describe.each(testDatabases())('case audits on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());
	afterEach(() => {
		vi.unstubAllEnvs();
	});

	const audit = (when?: string, grades?: ReturnType<typeof allAreas>) => newAudit(db, when, grades);
	const complete = (a: TestAudit, when?: string) => finaliseTestAudit(db, a, when);

	it('lists only the audits someone takes part in, a page at a time', async () => {
		const first = await audit();
		for (let i = 0; i < 2; i++)
			await createAudit(db, first.auditor, {
				type: 'dip-sample',
				theme: null,
				caseRef: `C-30000${i}`,
				practitionerId: first.practitioner,
				managerId: first.manager,
				coAuditorId: null,
				periodStart: '2025-12-01',
				periodEnd: '2026-06-01',
				auditedOn: `2026-06-0${i + 2}`
			});
		const as = (id: string, roles: Role[]) => ({
			id,
			roles,
			email: '',
			name: '',
			teamId: null,
			careerStage: null,
			registered: false
		});
		const mine = as(first.auditor, ['auditor']);
		expect(await countAudits(db, mine)).toBe(3);
		const pageOne = await listAudits(db, mine, {}, '2026-11-25', { limit: 2, offset: 0 });
		const pageTwo = await listAudits(db, mine, {}, '2026-11-25', { limit: 2, offset: 2 });
		expect(pageOne.map((a) => a.audited_on)).toEqual(['2026-06-03', '2026-06-02']);
		expect(pageTwo.map((a) => a.id)).toEqual([first.id]);
		expect(await countAudits(db, as(first.practitioner, ['practitioner']))).toBe(3);
		const stranger = await newUser(db, { roles: ['auditor'] });
		expect(await countAudits(db, as(stranger, ['auditor']))).toBe(0);
		expect(await listAudits(db, as(stranger, ['auditor']))).toEqual([]);
	});

	it('will not finalise without every area graded and the views recorded', async () => {
		const a = await audit('2026-06-01', {});
		const finalise = () =>
			finaliseAudit(db, definition, a.auditor, a.id, { anonymityConfirmed: false, origin: '' });
		await expect(finalise()).rejects.toThrow(/Grade every practice area/);
		await saveGrades(db, definition, a.auditor, a.id, 'audit', {
			grades: allAreas('good'),
			grip: false,
			gripReason: ''
		});
		await expect(finalise()).rejects.toThrow(/the child’s view/);
	});

	it('turns each development finding into a learning need with its outcomes, and flags Requires improvement for urgent review', async () => {
		vi.stubEnv('PRACTICE_LEARNING_EMAIL', 'plt@authority.test');
		const psw = await newUser(db, { roles: ['psw'] });
		const a = await audit(
			'2026-06-01',
			allAreas('good', { 'gloucestershire-4': 'requires-improvement' })
		);
		await addFinding(db, a.auditor, a.id, {
			kind: 'development',
			text: 'Plans lack a contingency.',
			frameworkVersion: 'pqs-2025',
			outcomes: ['3.3'],
			standards: ['gloucestershire-4']
		});
		await addFinding(db, a.auditor, a.id, {
			kind: 'strength',
			text: 'Seen alone every visit.',
			frameworkVersion: 'pqs-2025',
			outcomes: ['2.3'],
			standards: []
		});
		expect(await complete(a)).toBe('urgent-review');
		const view = (await getAudit(db, definition, a.id))!;
		expect(view.status).toBe('finalised');
		expect(view.overall_grade).toBe('requires-improvement');
		expect(
			view.grades.audit.find((g) => g.area_id === 'management-oversight')?.effective_grade
		).toBe('requires-improvement');
		const needs = await learningNeedsOf(db, a.practitioner);
		expect(needs.map((n) => [n.description, n.outcomes, n.status])).toEqual([
			['Plans lack a contingency.', ['3.3'], 'open']
		]);
		expect(needs[0].suggestions.map((s) => s.id)).toContain('planning-with-purpose');
		const mail = await db.selectFrom('outbox').select(['recipient', 'subject']).execute();
		const urgent = mail.filter((m) => m.subject.includes('urgent review'));
		const psws = await db
			.selectFrom('users')
			.innerJoin('user_roles', 'user_roles.user_id', 'users.id')
			.select('email')
			.where('role', '=', 'psw')
			.execute();
		expect(urgent.map((m) => m.recipient)).toEqual(
			expect.arrayContaining([
				`${a.manager}@test.example`,
				`${psw}@test.example`,
				'plt@authority.test',
				...psws.map((p) => p.email)
			])
		);
		// A finalised audit is frozen.
		await expect(
			addFinding(db, a.auditor, a.id, {
				kind: 'strength',
				text: 'Late.',
				frameworkVersion: 'pqs-2025',
				outcomes: ['2.3'],
				standards: []
			})
		).rejects.toMatchObject({ field: 'audit', status: 409 });
	});

	it('marks an Inadequate audit for a same-day response, recorded once', async () => {
		const a = await audit('2026-06-01', allAreas('good', { 'gloucestershire-1': 'inadequate' }));
		expect(await complete(a)).toBe('same-day');
		await recordResponse(db, a.manager, a.id, 'Strategy discussion held today.');
		await expect(recordResponse(db, a.manager, a.id, 'Again.')).rejects.toThrow(
			/already been recorded/
		);
		const view = (await getAudit(db, definition, a.id))!;
		expect(view.response).toBe('Strategy discussion held today.');
		expect(view.responseByName).toBe('Test Person');
	});

	it('keeps the original grades beside the moderated ones, each with the cascade', async () => {
		const a = await audit();
		await complete(a);
		const moderator = await newUser(db, { roles: ['psw'] });
		const derived = await saveGrades(db, definition, moderator, a.id, 'moderation', {
			grades: allAreas('good', { 'gloucestershire-5': 'requires-improvement' }),
			grip: false,
			gripReason: '',
			comments: 'Recording is behind.'
		});
		expect(derived.overall).toBe('requires-improvement');
		const view = (await getAudit(db, definition, a.id))!;
		expect(view.overall_grade).toBe('good');
		expect(view.moderated_overall_grade).toBe('requires-improvement');
		expect(view.grades.audit.every((g) => g.effective_grade === 'good')).toBe(true);
		expect(view.grades.moderation.find((g) => g.area_id === 'cp-iro')?.effective_grade).toBe(
			'requires-improvement'
		);
	});

	it('tracks actions to sign-off, and shows them overdue until done', async () => {
		const a = await audit();
		const action = await addAction(db, a.auditor, a.id, {
			description: 'Update the plan.',
			ownerId: a.practitioner,
			dueOn: '2026-06-15'
		});
		await complete(a);
		expect((await getAudit(db, definition, a.id))!.actions[0].overdue).toBe(true);
		await markActionDone(db, a.practitioner, a.id, action);
		await expect(markActionDone(db, a.practitioner, a.id, action)).rejects.toThrow(/not open/);
		await signOffAction(db, a.manager, a.id, action);
		await expect(signOffAction(db, a.manager, a.id, action)).rejects.toThrow(/already/);
		const [row] = (await getAudit(db, definition, a.id))!.actions;
		expect([row.status, row.overdue, row.signed_off_by]).toEqual(['signed-off', false, a.manager]);
	});

	it('completes a pathway: the reflection becomes submitted evidence for its outcomes, the need waits for its review, and later audits show the impact', async () => {
		const before = await audit(
			'2026-02-01',
			allAreas('good', { 'gloucestershire-4': 'requires-improvement' })
		);
		await addFinding(db, before.auditor, before.id, {
			kind: 'development',
			text: 'Plans lack a contingency.',
			frameworkVersion: 'pqs-2025',
			outcomes: ['3.3'],
			standards: []
		});
		await complete(before, '2026-02-02');
		const supervisor = await newUser(db, { roles: ['supervisor'] });
		const [need] = await learningNeedsOf(db, before.practitioner);
		const assignment = await assignPathway(db, supervisor, {
			pathwayId: 'planning-with-purpose',
			scope: 'person',
			practitionerId: before.practitioner,
			needId: need.id
		});
		await expect(
			assignPathway(db, supervisor, {
				pathwayId: 'planning-with-purpose',
				scope: 'person',
				practitionerId: before.practitioner
			})
		).rejects.toMatchObject({ field: 'scope', status: 409 });
		const work = (await pathwayWork(db, before.practitioner, assignment))!;
		await expect(
			completePathway(db, before.practitioner, work, {
				stepsDone: [1],
				reflection: '',
				frameworkVersion: 'pqs-2025',
				anonymityConfirmed: false
			})
		).rejects.toThrow(/Tick the steps you have done: 2\. .*Write your closing reflection/);
		const { evidenceId, needsSubmitted } = await completePathway(
			db,
			before.practitioner,
			work,
			{
				stepsDone: [1, 2, 3],
				reflection: 'Plans now say what changes for the child.',
				frameworkVersion: 'pqs-2025',
				anonymityConfirmed: false
			},
			new Date('2026-03-15T10:00:00Z')
		);
		expect(needsSubmitted).toBe(1);
		const evidence = (await getEvidence(db, evidenceId))!;
		expect([evidence.status, evidence.outcomes, evidence.reflection.text]).toEqual([
			'submitted',
			['3.3', '4.4'],
			'Plans now say what changes for the child.'
		]);
		// Met only once the supervisor accepts the evidence (see the learning tests).
		expect((await learningNeedsOf(db, before.practitioner))[0].status).toBe('submitted');

		// No later audit yet; then one on the same worker, Good on the plans standard.
		expect((await pathwayImpact(db, { practitionerId: before.practitioner }))[0].change).toBe(
			'no-later-audit'
		);
		const later = await createAudit(db, before.auditor, {
			type: 'journey-and-impact',
			theme: null,
			caseRef: 'C-100002',
			practitionerId: before.practitioner,
			managerId: before.manager,
			coAuditorId: null,
			periodStart: '2026-01-01',
			periodEnd: '2026-07-01',
			auditedOn: '2026-07-01'
		});
		await saveGrades(db, definition, before.auditor, later, 'audit', {
			grades: allAreas('good'),
			grip: false,
			gripReason: ''
		});
		await complete({ ...before, id: later }, '2026-07-02');
		const [impact] = await pathwayImpact(db, { teamId: before.team });
		expect(impact.measure).toBe('areas');
		expect([impact.before.score, impact.after.score, impact.change]).toEqual([2, 3, 'improved']);
		expect([impact.before.findingsOnOutcomes, impact.after.findingsOnOutcomes]).toEqual([1, 0]);
	});
});
