import { addMs, days, timestamp } from '../db/time';
import { assignPathway, pathwayWork } from '../learning/assignments';
import { learningNeedsOf, meetNeedsOnAcceptance, type LearningNeed } from '../learning/needs';
import { completePathway, saveProgress } from '../learning/progress';
import { addMonths } from '../programme/month';
import type { Demo } from './authority';
import { demoFrameworkVersion as frameworkVersion } from '../content/demo';

/**
 * Pathways for the learning needs the demo's audits raised: half those older than two months
 * get one (the newest wait for supervision), and some are completed, those of the people the
 * demo names always; then two assigned by the principal social worker, to a team and to the
 * whole service.
 */
export async function seedDemoPathways(demo: Demo) {
	const { db, content, now, today, psw, team, ago } = demo;
	const { completedBy, reflection, inDays, toTeam, toService } = content.audits.pathways;
	const assigned = new Set<string>();
	let n = 0;
	for (const need of await openNeeds(demo)) {
		const pathwayId = need.suggestions[0]?.id;
		const key = `${need.practitioner_id}:${pathwayId}`;
		if (!pathwayId || assigned.has(key)) continue;
		if (now.getTime() - new Date(need.created_at).getTime() < days(inDays.needAge)) continue;
		const named = completedBy.includes(need.email);
		if (!named && n++ % 2 === 1) continue;
		assigned.add(key);
		const completion = named || n % 3 === 0 ? reflection : undefined;
		await followPathway(demo, { ...need, pathwayId }, completion);
	}
	const dueOn = addMonths(today, toTeam.dueInMonths);
	const teamId = team(toTeam.team);
	const forTeam = { pathwayId: toTeam.pathway, scope: 'team' as const, teamId, dueOn };
	await assignPathway(db, psw, forTeam, ago(toTeam.daysAgo));
	const forService = { pathwayId: toService.pathway, scope: 'service' as const };
	await assignPathway(db, psw, forService, ago(toService.daysAgo));
}

/** Open needs of supervised practitioners, oldest first, with their practice supervisor's id. */
async function openNeeds({ db, content, person }: Demo) {
	const needs: (LearningNeed & { email: string; supervisorId: string })[] = [];
	for (const { email, supervisor } of content.people.filter((p) => p.supervisor)) {
		const supervisorId = person(supervisor!).id;
		for (const need of await learningNeedsOf(db, person(email).id))
			if (need.status === 'open') needs.push({ ...need, email, supervisorId });
	}
	// Needs raised in one audit share a time: the description settles their order.
	const order = (need: LearningNeed) => `${need.created_at} ${need.description}`;
	return needs.sort((a, b) => (order(a) < order(b) ? -1 : 1));
}

/** An open need with the pathway it was suggested. */
type Need = Awaited<ReturnType<typeof openNeeds>>[number] & { pathwayId: string };

/**
 * The supervisor assigns the pathway a week after the need was raised. With a reflection, the
 * practitioner completes it five weeks later and the supervisor accepts the evidence, which
 * meets the need; without, the first step is done.
 */
async function followPathway({ db, content }: Demo, need: Need, reflection?: string) {
	const { inDays } = content.audits.pathways;
	const { practitioner_id: practitionerId, supervisorId, pathwayId } = need;
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
