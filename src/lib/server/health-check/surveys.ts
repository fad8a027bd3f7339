import { formatDate } from '../../format';
import { bundledContent } from '../content/bundled';
import { inTransaction, type Db } from '../db';
import { batches } from '../db/batches';
import { recordEvent } from '../db/events';
import { newId } from '../db/ids';
import { addDays, dateOnly, timestamp } from '../db/time';
import { FieldError } from '../errors';
import { publicOrigin } from '../http/origin.js';
import { createGuestLinks, withdrawGuestLinks } from '../links/guest-links';
import { sendMails } from '../mail/outbox';
import { loadQuestionSets, questionsFor, type QuestionSet } from './questions';

// The yearly staff health check: a principal social worker opens it for a year with a closing
// date, and every active member of staff in a team gets a link of their own that works once.
// One survey a year; it can be closed early. Answers: answers.ts; results: results.ts.

let sets: QuestionSet[] | undefined;
/** The questions in content/health-check, as bundled at build. */
export const questionSets = () => (sets ??= loadQuestionSets(bundledContent));

/** The longest a survey may stay open. */
export const longestOpenDays = 92;

/** This year and next, less those that have a survey already. */
export async function yearsToOpen(db: Db, today = dateOnly()) {
	const year = Number(today.slice(0, 4));
	const taken = await db.selectFrom('health_checks').select('year').execute();
	return [year, year + 1].filter((y) => !taken.some((t) => t.year === y));
}

/** Whether answers are still taken on `today`: not closed early, and not past its closing date. */
export const isOpen = (survey: { closed_at: string | null; closes_on: string }, today: string) =>
	!survey.closed_at && survey.closes_on >= today;

/** The day answers stopped, or stop: the day it was closed early, or its closing date. */
export const closedOn = (survey: { closed_at: string | null; closes_on: string }) =>
	survey.closed_at ? survey.closed_at.slice(0, 10) : survey.closes_on;

/** Whoever is sent a link: active people in a team, with the team's service as it is now. */
function staff(db: Db) {
	return db
		.selectFrom('users')
		.innerJoin('teams', 'teams.id', 'users.team_id')
		.select(['users.id', 'users.name', 'users.email', 'users.team_id', 'teams.service'])
		.where('users.active', '=', 1)
		.where('users.erased_at', 'is', null)
		.orderBy('users.id')
		.execute();
}

/** How many would be sent a link if a survey opened now. */
export const countStaff = async (db: Db) => (await staff(db)).length;

/** Opens the year's survey and emails everyone their link; its id. */
export async function openHealthCheck(
	db: Db,
	actorId: string,
	input: { year: number; closesOn: string },
	now = new Date()
) {
	const today = dateOnly(now);
	if (input.closesOn <= today)
		throw new FieldError('closesOn', 'The closing date must be after today');
	if (input.closesOn > addDays(today, longestOpenDays))
		throw new FieldError('closesOn', 'The closing date must be within three months of today');
	return inTransaction(db, async (tx) => {
		if (!(await yearsToOpen(tx, today)).includes(input.year))
			throw new FieldError('year', `There is already a health check for ${input.year}`, 409);
		const people = await staff(tx);
		if (!people.length)
			throw new FieldError('year', 'Nobody is in a team yet, so there is nobody to ask');
		const id = newId();
		const questions = questionsFor(questionSets(), input.year);
		await tx
			.insertInto('health_checks')
			.values({
				id,
				year: input.year,
				questions: JSON.stringify(questions),
				opened_by: actorId,
				opened_at: timestamp(now),
				closes_on: input.closesOn,
				invited: people.length
			})
			.execute();
		await inviteStaff(tx, id, people, questions, input, now);
		await recordEvent(
			tx,
			{
				actorId,
				action: 'health-check.opened',
				subjectType: 'health-check',
				subjectId: id,
				detail: { year: input.year, invited: people.length, closesOn: input.closesOn }
			},
			now
		);
		return id;
	});
}

/** An invitation for each person, kept with their team and service, and their link by email. */
async function inviteStaff(
	tx: Db,
	id: string,
	people: Awaited<ReturnType<typeof staff>>,
	questions: QuestionSet,
	{ year, closesOn }: { year: number; closesOn: string },
	now: Date
) {
	const invitations = people.map((p) => ({
		id: newId(),
		health_check_id: id,
		user_id: p.id,
		team_id: p.team_id!,
		service: p.service
	}));
	for (const group of batches(invitations))
		await tx.insertInto('health_check_invitations').values(group).execute();
	// Each link works until the end of the closing day.
	const end = Date.parse(`${addDays(closesOn, 1)}T00:00:00Z`);
	const tokens = await createGuestLinks(
		tx,
		'health-check',
		invitations.map((i) => i.id),
		{ now, lifetime: end - now.getTime() }
	);
	const title = `${questions.title} ${year}`;
	const mails = people.map((p, n) => invitationMail(p, tokens[n], title, questions, closesOn));
	await sendMails(tx, mails, now);
}

function invitationMail(
	person: { name: string; email: string },
	token: string,
	title: string,
	questions: QuestionSet,
	closesOn: string
) {
	return {
		to: person.email,
		subject: `${title}: tell us what it is like to work here`,
		body: [
			`Dear ${person.name},`,
			`Please answer this year’s staff health check: ${questions.questions.length} short questions about workload, supervision, time for learning and wellbeing.`,
			`${publicOrigin()}/health-check/${token}`,
			`It is anonymous. Your answer is kept with your team and service, never your name, and results are shown only for groups of five or more answers. The link is yours alone and works once, until ${formatDate(closesOn)}.`
		].join('\n\n')
	};
}

/** Closes a survey before its closing date: the links not yet used stop working. */
export async function closeHealthCheck(db: Db, actorId: string, id: string, now = new Date()) {
	await inTransaction(db, async (tx) => {
		const survey = await tx
			.selectFrom('health_checks')
			.select(['id', 'year', 'closed_at', 'closes_on'])
			.where('id', '=', id)
			.executeTakeFirst();
		if (!survey) throw new FieldError('id', 'There is no such health check');
		if (!isOpen(survey, dateOnly(now)))
			throw new FieldError('id', `The ${survey.year} health check has closed already`, 409);
		await tx
			.updateTable('health_checks')
			.set({ closed_at: timestamp(now) })
			.where('id', '=', id)
			.execute();
		const unused = await tx
			.selectFrom('health_check_invitations')
			.select('id')
			.where('health_check_id', '=', id)
			.where('used', '=', 0)
			.execute();
		await withdrawGuestLinks(
			tx,
			'health-check',
			unused.map((i) => i.id),
			now
		);
		await recordEvent(
			tx,
			{ actorId, action: 'health-check.closed', subjectType: 'health-check', subjectId: id },
			now
		);
	});
}

/** Every survey, newest first, with how many were sent a link and how many answered. */
export async function listHealthChecks(db: Db) {
	const rows = await db
		.selectFrom('health_checks')
		.select(['id', 'year', 'questions', 'opened_at', 'closes_on', 'closed_at', 'invited'])
		.select((eb) =>
			eb
				.selectFrom('health_check_answers')
				.select((e) => e.fn.countAll<number>().as('n'))
				.whereRef('health_check_answers.health_check_id', '=', 'health_checks.id')
				.as('answered')
		)
		.orderBy('year', 'desc')
		.execute();
	return rows.map((row) => ({ ...row, answered: Number(row.answered) }));
}

export type HealthCheck = Awaited<ReturnType<typeof listHealthChecks>>[number];

/** A survey's questions, as it was opened with them. */
export const questionsOf = (survey: { questions: string }) =>
	JSON.parse(survey.questions) as QuestionSet;

/**
 * A survey's name: the questions' title and the survey's own year ("Staff health check 2027"),
 * since one file's questions serve every year until a newer file replaces them.
 */
export const surveyTitle = (survey: { questions: string; year: number }) =>
	`${questionsOf(survey).title} ${survey.year}`;
