import type { Db } from '../db';
import { addDays, dateOnly } from '../db/time';
import { recordObservation } from '../observation/observations';
import { holderOf } from '../people/relationships';
import { programmeFor } from '../programme';
import { addMonths, programmeMonth } from '../programme/month';
import { createAgreement, recordProtectedTime, signAgreement } from '../programme/agreement';
import { agreePlan, savePlan } from '../programme/plans';
import { saveReflection } from '../programme/reflections';
import { recordProgrammeReview } from '../programme/reviews';
import { mappingOf, type Demo } from './authority';

/** A demo ASYE, with their enrolment, current practice supervisor and assessor. */
export type Asye = Awaited<ReturnType<typeof asyes>>[number];

/** The enrolled ASYEs who have a practice supervisor and an assessor today, by email. */
export async function asyes(db: Db, today: string) {
	const enrolments = await db
		.selectFrom('enrolments')
		.innerJoin('users', 'users.id', 'enrolments.user_id')
		.select(['enrolments.id', 'enrolments.starts_on', 'users.id as userId', 'users.email'])
		.orderBy('users.email')
		.execute();
	const supervised = [];
	for (const enrolment of enrolments) {
		const supervisor = await holderOf(db, enrolment.userId, 'practice-supervisor', today);
		const assessor = await holderOf(db, enrolment.userId, 'assessor', today);
		if (supervisor && assessor) supervised.push({ ...enrolment, supervisor, assessor });
	}
	return supervised;
}

/** The demo ASYEs' programmes so far: each ASYE's reviews, plans, observations and agreement. */
export async function seedDemoProgrammes(demo: Demo) {
	for (const asye of await asyes(demo.db, demo.today)) {
		await seedReviews(demo, asye);
		await seedPlans(demo, asye);
		await seedObservations(demo, asye);
		await seedAgreement(demo, asye);
	}
}

/**
 * Every review already due, recorded on its due date by the assessor, with the ASYE's critical
 * reflection written three days before; except those the demo leaves overdue on purpose.
 */
async function seedReviews({ db, content, today }: Demo, { email, userId, assessor }: Asye) {
	const texts = content.programme;
	const { enrolmentId, reviews } = (await programmeFor(db, userId, today))!;
	for (const review of reviews.filter((r) => r.state === 'overdue' && !r.optional)) {
		if (texts.overdueReviews[email] === review.id) continue;
		const reflection = texts.reflections[review.id];
		const written = new Date(`${addDays(review.dueOn, -3)}T17:00:00Z`);
		if (reflection)
			await saveReflection(db, userId, enrolmentId, review.id, 0, reflection, written);
		const form = { ...texts.review, recommendation: 'on-track' as const };
		const at = new Date(`${review.dueOn}T15:00:00Z`);
		await recordProgrammeReview(db, assessor.id, enrolmentId, review.id, form, at);
	}
}

/**
 * A development plan for every stage reached: written by the ASYE three days into it (the start,
 * or the day of the review before) and agreed by their assessor three days later, never after
 * now; an ASYE who has just begun has not had theirs agreed.
 */
async function seedPlans({ db, content, now, today }: Demo, { email, userId, assessor }: Asye) {
	const at = (date: string) => new Date(Math.min(Date.parse(`${date}T12:00:00Z`), now.getTime()));
	const { enrolmentId, programme, reviews, startsOn } = (await programmeFor(db, userId, today))!;
	for (const plan of programme.plans) {
		const after = reviews.find((r) => r.id === plan.after);
		const from = after ? after.completed?.completed_at.slice(0, 10) : startsOn;
		const input = content.programme.plans[plan.id];
		if (!from || !input) continue;
		await savePlan(db, userId, enrolmentId, plan.id, 0, input, at(addDays(from, 3)));
		if (!content.programme.notYetAgreed.includes(email))
			await agreePlan(db, assessor.id, enrolmentId, plan.id, 1, at(addDays(from, 6)));
	}
}

/**
 * The support and assessment agreement, signed on the first day by the ASYE, their supervisor
 * and their assessor (the principal social worker, unless they have an assessor other than their
 * supervisor); for one just begun, by their supervisor only. The demo ASYE's protected time.
 */
async function seedAgreement({ db, content, now, psw, ago }: Demo, asye: Asye) {
	const { supervisor, assessor, userId, id: enrolmentId } = asye;
	const texts = content.programme;
	const signed = new Date(`${asye.starts_on}T12:00:00Z`);
	await createAgreement(db, supervisor.id, enrolmentId, texts.agreement, signed);
	const as = (id: string, practitioner: boolean, supervisor: boolean) => ({
		id,
		practitioner,
		supervisor
	});
	await signAgreement(db, as(supervisor.id, false, true), enrolmentId, 'supervisor', signed);
	if (!texts.notYetAgreed.includes(asye.email)) {
		const assessorId = assessor.id !== supervisor.id ? assessor.id : psw;
		await signAgreement(db, as(assessorId, false, false), enrolmentId, 'assessor', signed);
		await signAgreement(db, as(userId, true, false), enrolmentId, 'practitioner', signed);
	}
	if (asye.email === texts.demoAsye)
		for (const { weeksAgo, minutes, activity } of texts.protectedTime) {
			const takenOn = dateOnly(ago(weeksAgo * 7));
			await recordProtectedTime(db, userId, enrolmentId, { takenOn, minutes, activity }, now);
		}
}

/** Observations of practice by their assessor, as far as they are into their year. */
async function seedObservations({ db, content, now, today }: Demo, asye: Asye) {
	const month = programmeMonth(asye.starts_on, today);
	for (const { fromMonth, monthsIn, statement, ...observation } of content.programme.observations) {
		if (month < fromMonth) continue;
		const observedOn = addMonths(asye.starts_on, monthsIn);
		const form = { ...observation, observedOn, ...mappingOf([], [statement]) };
		await recordObservation(db, asye.assessor.id, asye.userId, form, now);
	}
}
