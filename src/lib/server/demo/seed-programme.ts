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
import { openActionsOf } from '../review/supervision-actions';
import { citableAudits } from '../review/supervision-audits';
import { createSupervisionRecord } from '../review/supervision-records';
import { supervisionScheduleOf } from '../review/supervision-schedule';
import { mappingOf, type Demo } from './authority';

/** A demo ASYE, with their enrolment, current practice supervisor and assessor. */
type Asye = Awaited<ReturnType<typeof asyes>>[number];

/** The enrolled ASYEs who have a practice supervisor and an assessor today, by email. */
async function asyes(db: Db, today: string) {
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
		const at = new Date(`${review.dueOn}T15:00:00Z`);
		await recordProgrammeReview(db, assessor.id, enrolmentId, review.id, texts.review, at);
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
	const sign = (id: string, as: 'practitioner' | 'supervisor' | 'assessor') => {
		const actor = { id, practitioner: as === 'practitioner', supervisor: as === 'supervisor' };
		return signAgreement(db, actor, enrolmentId, as, signed);
	};
	await sign(supervisor.id, 'supervisor');
	if (!texts.notYetAgreed.includes(asye.email)) {
		await sign(assessor.id !== supervisor.id ? assessor.id : psw, 'assessor');
		await sign(userId, 'practitioner');
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

/**
 * Supervision for the demo ASYEs, on their programme's schedule: every session due before today
 * is held on its due date (every third a day early), by the practice supervisor of the day, in
 * turn from the demo's texts; an action agreed at one session is done at the next, and the first
 * session after a finalised audit of their work discusses it. Some latest sessions were missed,
 * so they are overdue; the demo ASYE's latest session is the demo's `supervision`, with its
 * action still open.
 */
export async function seedDemoSupervision({ db, content, now, today }: Demo) {
	const texts = content.programme;
	let turn = 0;
	for (const { userId, email } of await asyes(db, today)) {
		const schedule = await supervisionScheduleOf(db, userId, today);
		const due = (schedule?.sessions ?? []).filter((s) => s.dueOn < today).map((s) => s.dueOn);
		if (texts.missedSupervision.includes(email)) due.pop();
		// The latest first. Each is finalised the day after it is audited (seed-audits.ts), so
		// the first audited on or after the session before was finalised since it.
		const audits = await citableAudits(db, userId);
		for (const [i, dueOn] of due.entries()) {
			const previous = due[i - 1] ?? '';
			const early = addDays(dueOn, -1);
			const heldOn = i % 3 === 2 && early >= previous ? early : dueOn;
			const supervisor = await holderOf(db, userId, 'practice-supervisor', heldOn);
			if (!supervisor) continue;
			const latest = email === texts.demoAsye && i === due.length - 1;
			const { action, ...text } = latest
				? texts.supervision
				: texts.supervisionSessions[turn++ % texts.supervisionSessions.length];
			const open = await openActionsOf(db, userId);
			const record = {
				...text,
				heldOn,
				actions: action ? [{ action, dueOn: due[i + 1] ?? addDays(heldOn, 14) }] : [],
				auditId: audits.findLast((a) => a.audited_on! >= previous && a.audited_on! < heldOn)?.id,
				earlierActions: Object.fromEntries(open.map((a) => [a.id, 'done' as const]))
			};
			await createSupervisionRecord(db, supervisor.id, userId, record, now);
		}
	}
}
