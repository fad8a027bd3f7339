import { askForView } from '../audit/voices';
import { saveVoiceAnswer } from '../audit/voice-answer';
import type { Db } from '../db';
import { addMs, dateOnly, days, hours } from '../db/time';
import { saveHealthCheckAnswer } from '../health-check/answers';
import { openHealthCheck, questionsOf, listHealthChecks } from '../health-check/surveys';
import type { Demo } from './authority';
import { random } from '$lib/random.js';

// Voices in the demo (content/demo/voices.yaml): views given by link on the audit in progress,
// and last month's staff health check with enough answers to show, some teams merged.

/** The guest link a subject's email was sent with: the seed answers as its holder would. */
async function linkOf(db: Db, subjectId: string) {
	const link = await db
		.selectFrom('guest_links')
		.select('id')
		.where('subject_id', '=', subjectId)
		.executeTakeFirstOrThrow();
	return { id: link.id, subjectId };
}

/** Asked when the audit began yesterday; the parent answered this morning. */
export async function seedAuditVoices(demo: Demo, auditId: string) {
	const { db, content, now, person, ago } = demo;
	const auditor = person(content.audits.inProgress.auditor).id;
	for (const { relationship, email, name = '', answer } of content.voices.auditVoices) {
		const id = await askForView(db, auditor, auditId, { relationship, email, name }, ago(1));
		if (answer)
			await saveVoiceAnswer(db, await linkOf(db, id), answer, false, addMs(now, -hours(2)));
	}
}

/** The staff health check as the demo plans it: the first in each team, by email, answered. */
export async function seedHealthCheck(demo: Demo) {
	const { db, content, psw, team, ago } = demo;
	const plan = content.voices.healthCheck;
	const opened = ago(plan.openedDaysAgo);
	const closesOn = dateOnly(ago(plan.closedDaysAgo));
	await openHealthCheck(db, psw, { year: Number(dateOnly(opened).slice(0, 4)), closesOn }, opened);
	const [survey] = await listHealthChecks(db);
	const scales = questionsOf(survey).questions.filter((q) => q.kind === 'scale');
	const next = random(20261203);
	// Each score varies about the statement's usual one.
	const score = (usual = 3) => Math.min(5, Math.max(1, Math.round(usual + (next() - 0.5) * 2.4)));
	const open = plan.openedDaysAgo - plan.closedDaysAgo;
	let comment = 0;
	for (const { name } of content.teams) {
		const invitations = await db
			.selectFrom('health_check_invitations')
			.innerJoin('users', 'users.id', 'health_check_invitations.user_id')
			.select('health_check_invitations.id')
			.where('health_check_invitations.health_check_id', '=', survey.id)
			.where('health_check_invitations.team_id', '=', team(name))
			.orderBy('users.email')
			.limit(plan.answered[name] ?? 0)
			.execute();
		for (const [n, invitation] of invitations.entries()) {
			const scores = Object.fromEntries(scales.map((q) => [q.id, score(plan.usual[q.id])]));
			const answer = { scores, comment: n % 2 === 0 ? (plan.comments[comment++] ?? '') : '' };
			const answered = addMs(opened, days(1 + ((n * 3) % open)));
			await saveHealthCheckAnswer(db, await linkOf(db, invitation.id), answer, answered);
		}
	}
}
