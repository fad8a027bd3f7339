import type { Db } from '../db';
import { addMs, dateOnly, days, timestamp } from '../db/time';
import { assignPathway, pathwayWork } from '../learning/assignments';
import { meetNeedsOnAcceptance } from '../learning/needs';
import { completePathway, saveProgress } from '../learning/progress';
import { suggestPathways } from '../pathways';
import { addMonths } from '../programme/month';
import type { Demo } from './authority';
import { demoFrameworkVersion, type DemoAudits } from '../content/demo';

/**
 * Pathways for the learning needs the demo's audits raised: half those older than two months
 * get one (the newest wait for supervision), and some are completed, those of the people the
 * demo names always; then two assigned by the principal social worker, to a team and to the
 * whole service.
 */
export async function seedDemoPathways({ db, content, now, psw, team, ago }: Demo) {
	const { completedBy, reflection, inDays, toTeam, toService } = content.audits.pathways;
	const assigned = new Set<string>();
	let n = 0;
	for (const need of await openNeeds(db)) {
		const pathwayId = suggestPathways(need.outcomes)[0]?.pathway.id;
		const key = `${need.practitioner_id}:${pathwayId}`;
		if (!pathwayId || assigned.has(key)) continue;
		if (now.getTime() - new Date(need.created_at).getTime() < days(inDays.needAge)) continue;
		const named = completedBy.includes(need.email);
		if (!named && n++ % 2 === 1) continue;
		assigned.add(key);
		const completion = named || n % 3 === 0 ? reflection : undefined;
		await followPathway(db, need, pathwayId, completion, inDays);
	}
	const dueOn = addMonths(dateOnly(now), toTeam.dueInMonths);
	const teamId = team(toTeam.team);
	const forTeam = { pathwayId: toTeam.pathway, scope: 'team' as const, teamId, dueOn };
	await assignPathway(db, psw, forTeam, ago(toTeam.daysAgo));
	const forService = { pathwayId: toService.pathway, scope: 'service' as const };
	await assignPathway(db, psw, forService, ago(toService.daysAgo));
}

/** Open needs of supervised practitioners, oldest first, with their outcomes. */
async function openNeeds(db: Db) {
	const needs = await db
		.selectFrom('learning_needs')
		.innerJoin('users', 'users.id', 'learning_needs.practitioner_id')
		.innerJoin('supervisions', 'supervisions.supervisee_id', 'users.id')
		.select(['learning_needs.id', 'learning_needs.practitioner_id', 'learning_needs.created_at'])
		.select(['users.email', 'supervisions.supervisor_id'])
		.where('supervisions.kind', '=', 'practice-supervisor')
		.where('supervisions.ends_on', 'is', null)
		.where('learning_needs.status', '=', 'open')
		// Needs raised in one audit share a time: the description settles their order.
		.orderBy('learning_needs.created_at')
		.orderBy('learning_needs.description')
		.execute();
	const outcomes = await db.selectFrom('learning_need_outcomes').selectAll().execute();
	return needs.map((need) => ({
		...need,
		outcomes: outcomes.filter((o) => o.need_id === need.id).map((o) => o.outcome_id)
	}));
}

/**
 * The supervisor assigns the pathway a week after the need was raised. With a reflection, the
 * practitioner completes it five weeks later and the supervisor accepts the evidence, which
 * meets the need; without, the first step is done.
 */
async function followPathway(
	db: Db,
	need: Awaited<ReturnType<typeof openNeeds>>[number],
	pathwayId: string,
	reflection: string | undefined,
	inDays: DemoAudits['pathways']['inDays']
) {
	const { practitioner_id: practitionerId, supervisor_id: supervisorId } = need;
	const after = (date: Date, n: number) => addMs(date, days(n));
	const assignedAt = after(new Date(need.created_at), inDays.assigned);
	const assignment = { pathwayId, scope: 'person' as const, practitionerId, needId: need.id };
	const assignmentId = await assignPathway(db, supervisorId, assignment, assignedAt);
	const work = (await pathwayWork(db, practitionerId, assignmentId))!;
	const steps = work.pathway.steps.slice(0, -1).map((s) => s.number);
	const firstStepAt = after(assignedAt, inDays.firstStep);
	if (reflection === undefined)
		return saveProgress(db, practitionerId, work, steps.slice(0, 1), '', firstStepAt);
	const completedAt = after(assignedAt, inDays.completed);
	const frameworkVersion = demoFrameworkVersion;
	const completion = { stepsDone: steps, reflection, frameworkVersion, anonymityConfirmed: false };
	const { evidenceId } = await completePathway(db, practitionerId, work, completion, completedAt);
	const acceptedAt = after(completedAt, inDays.accepted);
	await db
		.updateTable('evidence')
		.set({ status: 'accepted', reviewed_by: supervisorId, reviewed_at: timestamp(acceptedAt) })
		.where('id', '=', evidenceId)
		.execute();
	await meetNeedsOnAcceptance(db, evidenceId, acceptedAt);
}
