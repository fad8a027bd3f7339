import type { DemoProgramme } from '../content/demo';
import { askForView } from '../audit/voices';
import { saveVoiceAnswer } from '../audit/voice-answer';
import type { Db } from '../db';
import { addDays, addMs, dateOnly, days, hours } from '../db/time';
import { createFeedbackRequest } from '../feedback/requests';
import { saveFeedbackAnswer } from '../feedback/save-answer';
import { saveHealthCheckAnswer } from '../health-check/answers';
import { listHealthChecks, openHealthCheck, questionsOf } from '../health-check/surveys';
import { publicOrigin } from '../http/origin.js';
import { openGuestLink, type GuestLinkPurpose } from '../links/guest-links';
import { inviteObservation, recordObservationByLink } from '../observation/invitations';
import { listEvidence } from '../portfolio/list';
import { random } from '$lib/random.js';
import { mappingOf, type Demo } from './authority';

// What people without an account give by link in the demo (content/demo/programme.yaml and
// voices.yaml), asked and answered through the same functions as the pages: an observation by
// someone outside the authority, a parent's feedback, views on the audit in progress, and last
// month's staff health check. The seed opens each link as its holder would on following it.

/** Opens a link emailed to someone outside, as they would on following it. */
async function openLink(db: Db, token: string, purpose: GuestLinkPurpose, now: Date) {
	const link = await openGuestLink(db, token, purpose, 'demo', now);
	if (link.state !== 'open') throw new Error(`the demo's ${purpose} link is ${link.state}`);
	return link;
}

/** The guest link a subject's email was sent with: the seed answers as its holder would. */
const linkOf = (db: Db, subjectId: string) =>
	db
		.selectFrom('guest_links')
		.select(['id', 'subject_id as subjectId'])
		.where('subject_id', '=', subjectId)
		.executeTakeFirstOrThrow();

/** Asked when the audit began yesterday; the parent answered this morning. */
export async function seedAuditVoices({ db, content, now, person, ago }: Demo, auditId: string) {
	const auditor = person(content.audits.inProgress.auditor).id;
	for (const { relationship, email, name = '', answer } of content.voices.auditVoices) {
		const id = await askForView(db, auditor, auditId, { relationship, email, name }, ago(1));
		if (answer)
			await saveVoiceAnswer(db, await linkOf(db, id), answer, false, addMs(now, -hours(2)));
	}
}

/** The staff health check as the demo plans it: the first in each team, by email, answered. */
export async function seedHealthCheck({ db, content, psw, team, ago }: Demo) {
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

/**
 * The demo ASYE's observations by invitation, through the app's own functions: one from outside
 * the authority, invited, emailed and recorded through its link; and one open to their assessor.
 */
export async function seedDemoInvitations({ db, content, now, today, asye, ago }: Demo) {
	const origin = publicOrigin();
	const { recorded, open } = content.programme.invitedObservations;
	const { observerName, observerEmail, setting, wentWell, toDevelop, statement } = recorded;
	const observedOn = addDays(today, -recorded.daysAgo);
	const observer = 'external' as const;
	const external = { observer, observerName, observerEmail, plannedOn: observedOn, setting };
	const invited = ago(recorded.invitedDaysAgo);
	const { token } = await inviteObservation(db, asye.id, external, origin, invited);
	const writtenUp = ago(recorded.daysAgo - 1);
	const link = await openLink(db, token!, 'observation', writtenUp);
	const input = { observedOn, setting, wentWell, toDevelop, ...mappingOf([], [statement]) };
	await recordObservationByLink(db, link, input, false, writtenUp);
	const plannedOn = addDays(today, open.daysAhead);
	const toAssessor = { observerEmail: '', observerName: '', plannedOn, setting: open.setting };
	await inviteObservation(db, asye.id, { observer: 'assessor', ...toAssessor }, origin, now);
}

/** The demo ASYE's feedback by link: a parent's answer (its link used) and a request waiting. */
export async function seedDemoFeedback({ db, content, asye, ago }: Demo) {
	const { answered, waiting } = content.programme.feedback;
	const records = await listEvidence(db, asye.id);
	// The loader has checked that a request is about one of the demo ASYE's records.
	const ask = ({ relationship, name = '', email, about, daysAgo }: DemoRequest) => {
		const evidence = about ? records.find((r) => r.title === about)!.id : null;
		return createFeedbackRequest(db, asye, { relationship, name, email, evidence }, ago(daysAgo));
	};
	const { token } = await ask(answered);
	const at = ago(answered.answeredDaysAgo);
	const link = await openLink(db, token, 'feedback', at);
	await saveFeedbackAnswer(db, link, { scale: null, texts: answered.answers }, { now: at });
	await ask(waiting);
}

type DemoRequest = DemoProgramme['feedback']['waiting'];
