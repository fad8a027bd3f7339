import type { Db } from '../db';
import { days } from '../db/time';
import { assignPathway, pathwayWork } from '../learning/assignments';
import { meetNeedsOnAcceptance } from '../learning/needs';
import { completePathway, saveProgress } from '../learning/progress';
import { suggestPathways } from '../pathways';
import { addMonths } from '../programme/month';

/**
 * Pathways assigned for demo learning needs: Chris Doyle's completed (his next audit shows the
 * difference), others in progress; and one assigned by the principal social worker to a team.
 */
export async function seedDemoPathways(db: Db, now: Date) {
	const needs = await db
		.selectFrom('learning_needs')
		.innerJoin('users', 'users.id', 'learning_needs.practitioner_id')
		.innerJoin('supervisions', 'supervisions.supervisee_id', 'users.id')
		.select([
			'learning_needs.id',
			'learning_needs.practitioner_id',
			'learning_needs.created_at',
			'users.email',
			'supervisions.supervisor_id'
		])
		.where('supervisions.kind', '=', 'practice-supervisor')
		.where('supervisions.ends_on', 'is', null)
		.where('learning_needs.status', '=', 'open')
		.orderBy('learning_needs.created_at')
		.execute();
	const outcomes = await db.selectFrom('learning_need_outcomes').selectAll().execute();
	const assigned = new Set<string>();
	let n = 0;
	for (const need of needs) {
		const ids = outcomes.filter((o) => o.need_id === need.id).map((o) => o.outcome_id);
		const suggestion = suggestPathways(ids)[0];
		const key = `${need.practitioner_id}:${suggestion?.pathway.id}`;
		if (!suggestion || assigned.has(key)) continue;
		// Half the needs older than two months get a pathway; the newest wait for supervision.
		const raised = new Date(need.created_at);
		if (now.getTime() - raised.getTime() < days(60)) continue;
		if (need.email !== 'colleague@demo.test' && n++ % 2 === 1) continue;
		assigned.add(key);
		const assignedAt = new Date(raised.getTime() + days(7));
		const assignmentId = await assignPathway(
			db,
			need.supervisor_id,
			{
				pathwayId: suggestion.pathway.id,
				scope: 'person',
				practitionerId: need.practitioner_id,
				needId: need.id
			},
			assignedAt
		);
		const work = (await pathwayWork(db, need.practitioner_id, assignmentId))!;
		const steps = work.pathway.steps.slice(0, -1).map((s) => s.number);
		const complete = need.email === 'colleague@demo.test' || n % 3 === 0;
		if (complete) {
			const completedAt = new Date(assignedAt.getTime() + days(35));
			const { evidenceId } = await completePathway(
				db,
				need.practitioner_id,
				work,
				{
					stepsDone: steps,
					reflection:
						'Working through the pathway changed how I write my analysis: I now set out what the information means for the child, test more than one explanation, and check the plan follows from it. My supervisor and I looked at two assessments before and after, and the difference was clear to both of us.',
					frameworkVersion: 'pqs-2025',
					anonymityConfirmed: false
				},
				completedAt
			);
			// Reviewed and accepted by the supervisor a few days later, which meets the need.
			const acceptedAt = new Date(completedAt.getTime() + days(4));
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
		} else {
			await saveProgress(
				db,
				need.practitioner_id,
				work,
				steps.slice(0, 1),
				'',
				new Date(assignedAt.getTime() + days(5))
			);
		}
	}
	const care = await db
		.selectFrom('teams')
		.select('id')
		.where('name', '=', 'Children in Care Team')
		.executeTakeFirstOrThrow();
	const psw = await db
		.selectFrom('users')
		.select('id')
		.where('email', '=', 'psw@demo.test')
		.executeTakeFirstOrThrow();
	await assignPathway(
		db,
		psw.id,
		{
			pathwayId: 'permanence-within-or-outside-family',
			scope: 'team',
			teamId: care.id,
			dueOn: addMonths(now.toISOString().slice(0, 10), 3)
		},
		new Date(now.getTime() - days(20))
	);
	await assignPathway(
		db,
		psw.id,
		{ pathwayId: 'using-supervision-well', scope: 'service' },
		new Date(now.getTime() - days(45))
	);
}
