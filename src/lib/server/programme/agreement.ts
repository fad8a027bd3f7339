import type { Db } from '../db';
import { recordEvent } from '../db/events';
import { newId } from '../db/ids';
import { daysBetween, timestamp } from '../db/time';
import { FieldError } from '../errors';

export function getAgreement(db: Db, enrolmentId: string) {
	return db
		.selectFrom('agreements')
		.leftJoin('users as supervisor', 'supervisor.id', 'agreements.supervisor_id')
		.leftJoin('users as assessor', 'assessor.id', 'agreements.assessor_id')
		.selectAll('agreements')
		.select(['supervisor.name as supervisorName', 'assessor.name as assessorName'])
		.where('enrolment_id', '=', enrolmentId)
		.executeTakeFirst();
}

/** The supervisor sets out the agreement's terms; the three people then sign it. */
export async function createAgreement(
	db: Db,
	actorId: string,
	enrolmentId: string,
	terms: string,
	now = new Date()
) {
	if (!terms.trim()) throw new FieldError('terms', 'Write the terms of the agreement');
	if (await getAgreement(db, enrolmentId))
		throw new FieldError('terms', 'There is already an agreement');
	await db
		.insertInto('agreements')
		.values({
			enrolment_id: enrolmentId,
			terms: terms.trim(),
			created_by: actorId,
			created_at: timestamp(now)
		})
		.execute();
	await recordEvent(
		db,
		{ actorId, action: 'agreement.created', subjectType: 'enrolment', subjectId: enrolmentId },
		now
	);
}

/**
 * Signs the agreement as the practitioner, their supervisor, or the assessor (a third person,
 * neither of the other two). Each signature is given once.
 */
export async function signAgreement(
	db: Db,
	actor: { id: string; practitioner: boolean; supervisor: boolean },
	enrolmentId: string,
	as: 'practitioner' | 'supervisor' | 'assessor',
	now = new Date()
) {
	const agreement = await getAgreement(db, enrolmentId);
	if (!agreement) throw new FieldError('agreement', 'There is no agreement to sign');
	const at = timestamp(now);
	if (as === 'practitioner') {
		if (!actor.practitioner)
			throw new FieldError('agreement', 'Only the practitioner signs as the practitioner');
		if (agreement.practitioner_signed_at)
			throw new FieldError('agreement', 'The practitioner has already signed');
		await db
			.updateTable('agreements')
			.set({ practitioner_signed_at: at })
			.where('enrolment_id', '=', enrolmentId)
			.execute();
	} else if (as === 'supervisor') {
		if (!actor.supervisor)
			throw new FieldError('agreement', 'Only the current supervisor signs as the supervisor');
		if (agreement.supervisor_signed_at)
			throw new FieldError('agreement', 'The supervisor has already signed');
		await db
			.updateTable('agreements')
			.set({ supervisor_id: actor.id, supervisor_signed_at: at })
			.where('enrolment_id', '=', enrolmentId)
			.execute();
	} else {
		if (agreement.assessor_signed_at)
			throw new FieldError('agreement', 'The assessor has already signed');
		if (actor.practitioner || actor.id === agreement.supervisor_id)
			throw new FieldError('agreement', 'The assessor must be a third person');
		await db
			.updateTable('agreements')
			.set({ assessor_id: actor.id, assessor_signed_at: at })
			.where('enrolment_id', '=', enrolmentId)
			.execute();
	}
	await recordEvent(
		db,
		{
			actorId: actor.id,
			action: `agreement.signed-as-${as}`,
			subjectType: 'enrolment',
			subjectId: enrolmentId
		},
		now
	);
}

const fullTimeMinutesPerWeek = 37 * 60;

/**
 * Protected development time recorded, against what was due: the programme's percentage of
 * the practitioner's working week (37 hours at full time), for the weeks since the start.
 */
export async function protectedTimeSummary(
	db: Db,
	enrolmentId: string,
	startsOn: string,
	fte: number,
	percent: number,
	today: string
) {
	const rows = await db
		.selectFrom('protected_time')
		.selectAll()
		.where('enrolment_id', '=', enrolmentId)
		.orderBy('taken_on', 'desc')
		.execute();
	const weeks = Math.max(0, daysBetween(startsOn, today) / 7);
	const dueMinutes = Math.round(weeks * fullTimeMinutesPerWeek * fte * (percent / 100));
	return {
		entries: rows,
		recordedMinutes: rows.reduce((sum, r) => sum + Number(r.minutes), 0),
		dueMinutes
	};
}

export async function recordProtectedTime(
	db: Db,
	actorId: string,
	enrolmentId: string,
	entry: { takenOn: string; minutes: number; activity: string },
	now = new Date()
) {
	await db
		.insertInto('protected_time')
		.values({
			id: newId(),
			enrolment_id: enrolmentId,
			taken_on: entry.takenOn,
			minutes: entry.minutes,
			activity: entry.activity,
			created_at: timestamp(now)
		})
		.execute();
	await recordEvent(
		db,
		{
			actorId,
			action: 'protected-time.recorded',
			subjectType: 'enrolment',
			subjectId: enrolmentId
		},
		now
	);
}

/** Extends the programme; every due date moves in proportion, and the page says why. */
export async function extendProgramme(
	db: Db,
	actorId: string,
	enrolmentId: string,
	months: number,
	reason: string,
	now = new Date()
) {
	await db
		.insertInto('enrolment_extensions')
		.values({
			id: newId(),
			enrolment_id: enrolmentId,
			months,
			reason,
			created_by: actorId,
			created_at: timestamp(now)
		})
		.execute();
	await recordEvent(
		db,
		{
			actorId,
			action: 'programme.extended',
			subjectType: 'enrolment',
			subjectId: enrolmentId,
			detail: { months, reason }
		},
		now
	);
}

/** The id of a practitioner's enrolment on a programme, if they have one. */
export async function enrolmentIdOf(db: Db, practitionerId: string) {
	const enrolment = await db
		.selectFrom('enrolments')
		.select('id')
		.where('user_id', '=', practitionerId)
		.orderBy('starts_on', 'desc')
		.executeTakeFirst();
	return enrolment?.id;
}
