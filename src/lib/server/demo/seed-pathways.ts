import type { Db } from '../db';
import { addMs, dateOnly, days } from '../db/time';
import { assignPathway, pathwayWork } from '../learning/assignments';
import { meetNeedsOnAcceptance } from '../learning/needs';
import { completePathway, saveProgress } from '../learning/progress';
import { suggestPathways } from '../pathways';
import { addMonths } from '../programme/month';
import { demoPeopleIn } from './authority';
import { demoFrameworkVersion } from './content';

/**
 * Pathways assigned for demo learning needs: Chris Doyle's completed (his next audit shows the
 * difference), others in progress; and two assigned by the principal social worker, to a team
 * and to the whole service.
 */
export async function seedDemoPathways(db: Db, reflection: string, now: Date) {
	const assigned = new Set<string>();
	let n = 0;
	for (const need of await openNeeds(db)) {
		const pathwayId = suggestPathways(need.outcomes)[0]?.pathway.id;
		const key = `${need.practitioner_id}:${pathwayId}`;
		if (!pathwayId || assigned.has(key)) continue;
		// Half the needs older than two months get a pathway; the newest wait for supervision.
		if (now.getTime() - new Date(need.created_at).getTime() < days(60)) continue;
		const chris = need.email === 'colleague@demo.test';
		if (!chris && n++ % 2 === 1) continue;
		assigned.add(key);
		await followPathway(db, need, pathwayId, chris || n % 3 === 0 ? reflection : undefined);
	}
	await assignToTeamAndService(db, now);
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
	reflection: string | undefined
) {
	const practitioner = need.practitioner_id;
	const assignedAt = addMs(new Date(need.created_at), days(7));
	const assignment = {
		pathwayId,
		scope: 'person' as const,
		practitionerId: practitioner,
		needId: need.id
	};
	const assignmentId = await assignPathway(db, need.supervisor_id, assignment, assignedAt);
	const work = (await pathwayWork(db, practitioner, assignmentId))!;
	const steps = work.pathway.steps.slice(0, -1).map((s) => s.number);
	if (reflection === undefined) {
		await saveProgress(db, practitioner, work, steps.slice(0, 1), '', addMs(assignedAt, days(5)));
		return;
	}
	const completedAt = addMs(assignedAt, days(35));
	const completion = {
		stepsDone: steps,
		reflection,
		frameworkVersion: demoFrameworkVersion,
		anonymityConfirmed: false
	};
	const { evidenceId } = await completePathway(db, practitioner, work, completion, completedAt);
	const acceptedAt = addMs(completedAt, days(4));
	await db
		.updateTable('evidence')
		.set({
			status: 'accepted',
			reviewed_by: need.supervisor_id,
			reviewed_at: acceptedAt.toISOString()
		})
		.where('id', '=', evidenceId)
		.execute();
	await meetNeedsOnAcceptance(db, evidenceId, acceptedAt);
}

async function assignToTeamAndService(db: Db, now: Date) {
	const psw = (await demoPeopleIn(db))('psw@demo.test').id;
	const care = await db
		.selectFrom('teams')
		.select('id')
		.where('name', '=', 'Children in Care Team')
		.executeTakeFirstOrThrow();
	const dueOn = addMonths(dateOnly(now), 3);
	const toTeam = {
		pathwayId: 'permanence-within-or-outside-family',
		scope: 'team' as const,
		teamId: care.id,
		dueOn
	};
	await assignPathway(db, psw, toTeam, addMs(now, -days(20)));
	const toService = { pathwayId: 'using-supervision-well', scope: 'service' as const };
	await assignPathway(db, psw, toService, addMs(now, -days(45)));
}
