import { z } from 'zod';
import { inTransaction, type Db } from '../db';
import { recordEvent } from '../db/events';
import { newId } from '../db/ids';
import { dateOnly } from '../db/time';
import { spendGuestLink } from '../links/guest-links';
import { checkAnonymity } from '../portfolio/anonymity';
import type { HealthCheckQuestion } from './questions';
import { isOpen, questionsOf } from './surveys';

// An answer to the staff health check, given by someone's own link. It is kept with the team
// and service they were in when the survey opened, and the day: never their name, never a finer
// time, and nothing joins it to their invitation (the invitation only notes that its link was
// used). So the link, the invitation and the event log are all stamped with the day alone.

/** The survey a link belongs to, and the team and service of its invitation. */
export async function healthCheckForLink(db: Db, invitationId: string) {
	const found = await db
		.selectFrom('health_check_invitations')
		.innerJoin('health_checks', 'health_checks.id', 'health_check_invitations.health_check_id')
		.select([
			'health_checks.id',
			'health_checks.year',
			'health_checks.questions',
			'health_checks.closes_on',
			'health_checks.closed_at',
			'health_check_invitations.team_id',
			'health_check_invitations.service'
		])
		.where('health_check_invitations.id', '=', invitationId)
		.executeTakeFirst();
	return found && { ...found, questionSet: questionsOf(found) };
}

const scale = (q: HealthCheckQuestion) =>
	z.enum(['1', '2', '3', '4', '5'], {
		error: `Choose how far you agree: ${q.label.toLowerCase()}`
	});
const words = z.string().trim().max(5000, 'Must be 5,000 characters or fewer').default('');

/** The form for these questions: every scale question answered; the question in words optional. */
export function answerSchema(questions: HealthCheckQuestion[]) {
	return z.object(
		Object.fromEntries(questions.map((q) => [q.id, q.kind === 'scale' ? scale(q) : words]))
	);
}

export interface HealthCheckAnswer {
	scores: Record<string, number>;
	comment: string;
}

/** The scores and the words from a parsed form. */
export function answerOf(
	questions: HealthCheckQuestion[],
	parsed: Record<string, string>
): HealthCheckAnswer {
	const scores = Object.fromEntries(
		questions.filter((q) => q.kind === 'scale').map((q) => [q.id, Number(parsed[q.id])])
	);
	const text = questions.find((q) => q.kind === 'text');
	return { scores, comment: text ? parsed[text.id] : '' };
}

/** Names, addresses and other details in the words that may identify someone. */
export function commentFindings(questions: HealthCheckQuestion[], comment: string) {
	const text = questions.find((q) => q.kind === 'text');
	return text ? checkAnonymity([{ name: text.id, label: text.label, text: comment }]) : [];
}

/**
 * Keeps the answer and uses the link up, in one transaction. False, with nothing kept, when the
 * link was used meanwhile, has stopped working, or the survey has closed.
 */
export async function saveHealthCheckAnswer(
	db: Db,
	link: { id: string; subjectId: string },
	answer: HealthCheckAnswer,
	now = new Date()
) {
	const day = dateOnly(now);
	const dayStart = new Date(`${day}T00:00:00Z`);
	return inTransaction(db, async (tx) => {
		const survey = await healthCheckForLink(tx, link.subjectId);
		if (!survey || !isOpen(survey, day)) return false;
		// The survey's own state, checked above, stops a link withdrawn earlier today.
		if (!(await spendGuestLink(tx, link.id, dayStart))) return false;
		await tx
			.updateTable('health_check_invitations')
			.set({ used: 1 })
			.where('id', '=', link.subjectId)
			.execute();
		await tx
			.insertInto('health_check_answers')
			.values({
				id: newId(),
				health_check_id: survey.id,
				team_id: survey.team_id,
				service: survey.service,
				answered_on: day,
				scores: JSON.stringify(answer.scores),
				comment: answer.comment
			})
			.execute();
		await recordEvent(
			tx,
			{
				actorId: null,
				action: 'health-check.answered',
				subjectType: 'health-check',
				subjectId: survey.id
			},
			dayStart
		);
		return true;
	});
}
