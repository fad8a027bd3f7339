import type { Db } from '../db';
import { newId } from '../db/ids';
import { addDays, dateOnly, days, timestamp } from '../db/time';
import { recordObservation } from '../observation/observations';
import { holderOf } from '../people/relationships';
import { programmeFor } from '../programme';
import { createAgreement, recordProtectedTime, signAgreement } from '../programme/agreement';
import { addMonths, programmeMonth } from '../programme/month';
import { agreePlan, savePlan } from '../programme/plans';
import { saveReflection } from '../programme/reflections';
import { recordProgrammeReview } from '../programme/reviews';
import { demoPeopleIn } from './authority';
import { demoFrameworkVersion } from './content';
import type { DemoProgramme } from './schema';

/** The demo ASYEs, with their enrolments, current practice supervisors and assessors. */
async function asyes(db: Db, today: string) {
	const enrolments = await db
		.selectFrom('enrolments')
		.innerJoin('users', 'users.id', 'enrolments.user_id')
		.select(['enrolments.id', 'enrolments.starts_on', 'users.id as userId', 'users.email'])
		.execute();
	const supervised = [];
	for (const enrolment of enrolments) {
		const supervisor = await holderOf(db, enrolment.userId, 'practice-supervisor', today);
		const assessor = await holderOf(db, enrolment.userId, 'assessor', today);
		if (supervisor && assessor) supervised.push({ ...enrolment, supervisor, assessor });
	}
	return supervised;
}

/**
 * Review points for the demo ASYEs: every review already due is recorded, with the ASYE's
 * critical reflection written three days before, except Sara Novak's 6-month review, left
 * overdue (and unreflected) on purpose. Maya Joseph works 0.6 of full time and Ryan Cole's
 * programme was extended, so their dates move.
 */
export async function seedDemoProgrammes(db: Db, texts: DemoProgramme, now = new Date()) {
	const today = dateOnly(now);
	const person = await demoPeopleIn(db);
	const enrolment = async (email: string) =>
		(
			await db
				.selectFrom('enrolments')
				.select('id')
				.where('user_id', '=', person(email).id)
				.executeTakeFirstOrThrow()
		).id;
	await db
		.updateTable('enrolments')
		.set({ fte_percent: 60 })
		.where('id', '=', await enrolment('maya.joseph@demo.test'))
		.execute();
	await db
		.insertInto('enrolment_extensions')
		.values({
			id: newId(),
			enrolment_id: await enrolment('ryan.cole@demo.test'),
			months: 3,
			reason: texts.extensionReason,
			created_by: null,
			created_at: timestamp(now)
		})
		.execute();
	for (const { email, userId, assessor } of await asyes(db, today)) {
		const programme = await programmeFor(db, userId, today);
		if (!programme) continue;
		for (const review of programme.reviews.filter((r) => r.state === 'overdue' && !r.optional)) {
			if (email === 'sara.novak@demo.test' && review.id === 'month-6') continue;
			const reflection = texts.reflections[review.id];
			const written = new Date(`${addDays(review.dueOn, -3)}T17:00:00Z`);
			if (reflection)
				await saveReflection(db, userId, programme.enrolmentId, review.id, 0, reflection, written);
			const { progress, strengths, areasToDevelop, practitionerComments } = texts.review;
			const form = {
				progress,
				strengths,
				areasToDevelop,
				practitionerComments,
				recommendation: 'on-track' as const
			};
			const at = new Date(`${review.dueOn}T15:00:00Z`);
			await recordProgrammeReview(db, assessor.id, programme.enrolmentId, review.id, form, at);
		}
	}
}

/**
 * Development plans for the demo ASYEs, for every stage they have reached: written by the ASYE
 * three days into it (the start, or the day of the review before) and agreed by their assessor
 * three days later, never after now. Tom Ellis's first plan is written but not yet agreed.
 */
export async function seedDemoPlans(db: Db, texts: DemoProgramme, now = new Date()) {
	const at = (date: string) => new Date(Math.min(Date.parse(`${date}T12:00:00Z`), now.getTime()));
	for (const { email, userId, assessor } of await asyes(db, dateOnly(now))) {
		const programme = await programmeFor(db, userId, dateOnly(now));
		if (!programme) continue;
		for (const plan of programme.programme.plans) {
			const after = programme.reviews.find((r) => r.id === plan.after);
			const from = after ? after.completed?.completed_at.slice(0, 10) : programme.startsOn;
			const input = texts.plans[plan.id];
			if (!from || !input) continue;
			const { enrolmentId } = programme;
			await savePlan(db, userId, enrolmentId, plan.id, 0, input, at(addDays(from, 3)));
			if (email !== 'tom.ellis@demo.test')
				await agreePlan(db, assessor.id, enrolmentId, plan.id, 1, at(addDays(from, 6)));
		}
	}
}

/** Observations of practice for ASYEs from month 4 (a second from month 9), by their assessors. */
export async function seedDemoObservations(db: Db, texts: DemoProgramme, now = new Date()) {
	for (const person of await asyes(db, dateOnly(now))) {
		const month = programmeMonth(person.starts_on, dateOnly(now));
		if (month < 4) continue;
		const observations = texts.observations.slice(0, month >= 9 ? 2 : 1);
		for (const [i, { statement, ...observation }] of observations.entries()) {
			const outcomeId = statement.split(' ')[0];
			const form = {
				...observation,
				observedOn: addMonths(person.starts_on, 2 + i * 4),
				frameworkVersion: demoFrameworkVersion,
				outcomes: [outcomeId],
				statements: [{ outcomeId, statementId: statement }]
			};
			await recordObservation(db, person.assessor.id, person.userId, form, now);
		}
	}
}

/**
 * Support and assessment agreements for the demo ASYEs, signed by the practitioner, their
 * supervisor and their assessor (the principal social worker, unless they have an assessor
 * other than their supervisor); neither Tom Ellis (month 2) nor his assessor has signed yet.
 * Protected development time for the demo ASYE.
 */
export async function seedDemoAgreements(db: Db, texts: DemoProgramme, now = new Date()) {
	const psw = (await demoPeopleIn(db))('psw@demo.test');
	for (const enrolment of await asyes(db, dateOnly(now))) {
		const { supervisor, assessor, userId } = enrolment;
		const signed = new Date(`${enrolment.starts_on}T12:00:00Z`);
		await createAgreement(db, supervisor.id, enrolment.id, texts.agreement, signed);
		const signers = [
			[{ id: supervisor.id, practitioner: false, supervisor: true }, 'supervisor'],
			[
				{
					id: assessor.id !== supervisor.id ? assessor.id : psw.id,
					practitioner: false,
					supervisor: false
				},
				'assessor'
			],
			[{ id: userId, practitioner: true, supervisor: false }, 'practitioner']
		] as const;
		for (const [signer, role] of signers)
			if (role === 'supervisor' || enrolment.email !== 'tom.ellis@demo.test')
				await signAgreement(db, signer, enrolment.id, role, signed);
		if (enrolment.email !== 'practitioner@demo.test') continue;
		for (const { weeksAgo, minutes, activity } of texts.protectedTime) {
			const takenOn = dateOnly(new Date(now.getTime() - days(weeksAgo * 7)));
			await recordProtectedTime(db, userId, enrolment.id, { takenOn, minutes, activity }, now);
		}
	}
}
