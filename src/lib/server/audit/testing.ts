import type { Grade } from '$lib/audit/grades';
import type { Db } from '../db';
import { newUser } from '../db/testing';
import { createTeam } from '../people/teams';
import { createAudit } from './audits';
import { finaliseAudit } from './finalise';
import { saveGrades } from './grading';
import { auditDefinition } from './index';
import { saveViews } from './views';

// Audits for database tests: a draft of a new practitioner's work, graded, and finalised.

export const definition = auditDefinition();

/** Every practice area graded `grade`, except those in `changes`. */
export const allAreas = (grade: Grade, changes: Record<string, Grade> = {}) =>
	Object.fromEntries(
		definition.areas.map((a) => [a.id, { grade: changes[a.id] ?? grade, evidence: 'Seen.' }])
	);

/** A draft audit, graded, of a practitioner in a new team with its manager; by a new auditor. */
export async function newAudit(db: Db, when = '2026-06-01', grades = allAreas('good')) {
	const manager = await newUser(db, { roles: ['supervisor'] });
	const team = await createTeam(db, null, `Team ${manager}`, manager);
	const practitioner = await newUser(db, { teamId: team });
	const auditor = await newUser(db, { roles: ['auditor'] });
	const id = await createAudit(
		db,
		auditor,
		{
			type: 'journey-and-impact',
			theme: null,
			caseRef: 'C-100001',
			practitionerId: practitioner,
			managerId: manager,
			coAuditorId: null,
			periodStart: '2025-12-01',
			periodEnd: when,
			auditedOn: when
		},
		new Date(`${when}T09:00:00Z`)
	);
	await saveGrades(db, definition, auditor, id, 'audit', { grades, grip: false, gripReason: '' });
	return { id, manager, practitioner, auditor, team };
}

export type TestAudit = Awaited<ReturnType<typeof newAudit>>;

/** Records the views and finalises it; the escalation it raised. */
export async function finaliseTestAudit(db: Db, a: TestAudit, when = '2026-06-02') {
	await saveViews(db, a.auditor, a.id, {
		child_view: 'Wants to be asked.',
		parent_view: 'Feels heard.',
		worker_view: 'Needs more pace.'
	});
	return finaliseAudit(
		db,
		definition,
		a.auditor,
		a.id,
		{ anonymityConfirmed: false, origin: 'http://localhost' },
		new Date(`${when}T09:00:00Z`)
	);
}
