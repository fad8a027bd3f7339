import { askForView } from '../audit/voices';
import { saveVoiceAnswer } from '../audit/voice-answer';
import { addMs, dateOnly, days, hours } from '../db/time';
import { saveHealthCheckAnswer } from '../health-check/answers';
import { openHealthCheck, questionsOf, listHealthChecks } from '../health-check/surveys';
import type { Demo } from './authority';
import { random } from './random';

// Voices in the demo (content/demo/voices.yaml): views given by link on the audit in progress,
// and last month's staff health check with enough answers to show, some teams merged.

export async function seedDemoVoices(demo: Demo) {
	await seedAuditVoices(demo);
	await seedHealthCheck(demo);
}

/** The guest link a subject's email was sent with: the seed answers as its holder would. */
async function linkOf({ db }: Demo, subjectId: string) {
	const link = await db
		.selectFrom('guest_links')
		.select('id')
		.where('subject_id', '=', subjectId)
		.executeTakeFirstOrThrow();
	return { id: link.id, subjectId };
}

async function seedAuditVoices(demo: Demo) {
	const { db, content, now, person } = demo;
	const { caseRef, auditor } = content.audits.inProgress;
	const audit = await db
		.selectFrom('audits')
		.select('id')
		.where('case_ref', '=', caseRef)
		.executeTakeFirstOrThrow();
	// Asked when the audit began yesterday; the parent answered this morning.
	const asked = addMs(now, -days(1));
	for (const voice of content.voices.auditVoices) {
		const request = {
			relationship: voice.relationship,
			email: voice.email,
			name: voice.name ?? ''
		};
		const id = await askForView(db, person(auditor).id, audit.id, request, asked);
		if (voice.answer)
			await saveVoiceAnswer(db, await linkOf(demo, id), voice.answer, false, addMs(now, -hours(2)));
	}
}

async function seedHealthCheck(demo: Demo) {
	const { db, content, now, psw } = demo;
	const plan = content.voices.healthCheck;
	const opened = addMs(now, -days(plan.openedDaysAgo));
	const closesOn = dateOnly(addMs(now, -days(plan.closedDaysAgo)));
	const year = Number(dateOnly(opened).slice(0, 4));
	await openHealthCheck(db, psw, { year, closesOn }, opened);
	const [survey] = await listHealthChecks(db);
	const questions = questionsOf(survey).questions;
	const next = random(20261203);
	let comment = 0;
	for (const team of content.teams) {
		// The first in each team, by email, answered.
		const invitations = await db
			.selectFrom('health_check_invitations')
			.innerJoin('users', 'users.id', 'health_check_invitations.user_id')
			.innerJoin('teams', 'teams.id', 'health_check_invitations.team_id')
			.select('health_check_invitations.id')
			.where('health_check_invitations.health_check_id', '=', survey.id)
			.where('teams.name', '=', team.name)
			.orderBy('users.email')
			.limit(plan.answered[team.name] ?? 0)
			.execute();
		for (const [n, invitation] of invitations.entries()) {
			const scores = Object.fromEntries(
				questions
					.filter((q) => q.kind === 'scale')
					.map((q) => {
						const score = Math.round((plan.usual[q.id] ?? 3) + (next() - 0.5) * 2.4);
						return [q.id, Math.min(5, Math.max(1, score))];
					})
			);
			const words = n % 2 === 0 ? (plan.comments[comment++] ?? '') : '';
			const answered = addMs(
				opened,
				days(1 + ((n * 3) % (plan.openedDaysAgo - plan.closedDaysAgo)))
			);
			await saveHealthCheckAnswer(
				db,
				await linkOf(demo, invitation.id),
				{ scores, comment: words },
				answered
			);
		}
	}
}
