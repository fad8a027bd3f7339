import { formatDate } from '$lib/format';
import { inTransaction, isPostgres, type Db } from '../db';
import { recordEvent } from '../db/events';
import { newId } from '../db/ids';
import type { EnrolmentEnding } from '$lib/programme/vocabulary';
import { timestamp } from '../db/time';
import { FieldError } from '../errors';
import { assignAssessor, endAssessorWith } from './assessor';
import { hoursOn } from './calendar';
import { checkHoursPercent, nameOf } from './enrol';
import type { Enrolment } from './enrolments';
import { extendProgramme } from './agreement';

// What happens to an enrolment after it starts: hours change from a date, it pauses and
// resumes, it is extended, the assessor changes, and it ends. Each change is one transaction
// on the locked enrolment, and each is in the event log.

/**
 * An active enrolment, locked against a change made at the same time (on SQLite every
 * transaction already holds the write lock); refused when it has ended.
 */
async function lockActiveEnrolment(tx: Db, enrolmentId: string) {
	const query = tx.selectFrom('enrolments').selectAll().where('id', '=', enrolmentId);
	const enrolment = await (isPostgres(tx) ? query.forUpdate() : query).executeTakeFirst();
	if (!enrolment) throw new FieldError('form', 'There is no such enrolment');
	if (enrolment.status !== 'active')
		throw new FieldError('form', 'This programme has ended: nothing more can change');
	return enrolment;
}

/** Runs a change on an active enrolment in one transaction, and logs it with what `work` says. */
async function changeEnrolment(
	db: Db,
	actorId: string,
	enrolmentId: string,
	action: string,
	work: (tx: Db, enrolment: Enrolment) => Promise<Record<string, unknown>>
) {
	await inTransaction(db, async (tx) => {
		const detail = await work(tx, await lockActiveEnrolment(tx, enrolmentId));
		await recordEvent(tx, {
			actorId,
			action,
			subjectType: 'enrolment',
			subjectId: enrolmentId,
			detail
		});
	});
}

const notBeforeStart = (date: string, enrolment: Enrolment, field: string) => {
	if (date < enrolment.starts_on)
		throw new FieldError(
			field,
			`The date must be on or after ${formatDate(enrolment.starts_on)}, when the programme started`
		);
};

/** Working hours from a date on; from the start date, the hours from the start. */
export function changeHours(
	db: Db,
	actorId: string,
	enrolmentId: string,
	input: { fromOn: string; ftePercent: number }
) {
	return changeEnrolment(db, actorId, enrolmentId, 'programme.hours-changed', async (tx, e) => {
		checkHoursPercent(input.ftePercent, 'hoursPercent');
		notBeforeStart(input.fromOn, e, 'hoursFrom');
		const changes = await tx
			.selectFrom('enrolment_hours')
			.select(['from_on', 'fte_percent'])
			.where('enrolment_id', '=', e.id)
			.orderBy('from_on')
			.execute();
		const last = changes.at(-1);
		if (last && input.fromOn <= last.from_on)
			throw new FieldError(
				'hoursFrom',
				`The date must be after the last change of hours, on ${formatDate(last.from_on)}`
			);
		const hours = changes.map((c) => ({ fromOn: c.from_on, fte: c.fte_percent / 100 }));
		if (Math.round(hoursOn(e.fte_percent / 100, hours, input.fromOn) * 100) === input.ftePercent)
			throw new FieldError('hoursPercent', `They already work ${input.ftePercent}% from then`);
		if (input.fromOn === e.starts_on)
			await tx
				.updateTable('enrolments')
				.set({ fte_percent: input.ftePercent })
				.where('id', '=', e.id)
				.execute();
		else
			await tx
				.insertInto('enrolment_hours')
				.values({
					id: newId(),
					enrolment_id: e.id,
					from_on: input.fromOn,
					fte_percent: input.ftePercent,
					created_by: actorId,
					created_at: timestamp()
				})
				.execute();
		return input;
	});
}

/** A pause from a date, until the day back if it is known; every later review moves by it. */
export function pauseEnrolment(
	db: Db,
	actorId: string,
	enrolmentId: string,
	input: { startsOn: string; endsOn: string | null }
) {
	return changeEnrolment(db, actorId, enrolmentId, 'programme.paused', async (tx, e) => {
		notBeforeStart(input.startsOn, e, 'pauseFrom');
		const pauses = await tx
			.selectFrom('enrolment_pauses')
			.select(['starts_on', 'ends_on'])
			.where('enrolment_id', '=', e.id)
			.orderBy('starts_on')
			.execute();
		if (pauses.some((p) => p.ends_on === null))
			throw new FieldError('pauseFrom', 'The programme is paused: record the day back first');
		const last = pauses.at(-1);
		if (last && input.startsOn < last.ends_on!)
			throw new FieldError(
				'pauseFrom',
				`The pause must start on or after ${formatDate(last.ends_on)}, the day back from the last one`
			);
		if (input.endsOn !== null && input.endsOn <= input.startsOn)
			throw new FieldError('pauseUntil', 'The day back must be after the first day of the pause');
		await tx
			.insertInto('enrolment_pauses')
			.values({
				id: newId(),
				enrolment_id: e.id,
				starts_on: input.startsOn,
				ends_on: input.endsOn,
				created_by: actorId,
				created_at: timestamp()
			})
			.execute();
		return input;
	});
}

/** The day back from the pause that is still going. */
export function resumeEnrolment(db: Db, actorId: string, enrolmentId: string, endsOn: string) {
	return changeEnrolment(db, actorId, enrolmentId, 'programme.resumed', async (tx, e) => {
		const open = await tx
			.selectFrom('enrolment_pauses')
			.select(['id', 'starts_on'])
			.where('enrolment_id', '=', e.id)
			.where('ends_on', 'is', null)
			.executeTakeFirst();
		if (!open) throw new FieldError('resumeOn', 'The programme is not paused');
		if (endsOn <= open.starts_on)
			throw new FieldError(
				'resumeOn',
				`The day back must be after ${formatDate(open.starts_on)}, when the pause began`
			);
		await tx
			.updateTable('enrolment_pauses')
			.set({ ends_on: endsOn })
			.where('id', '=', open.id)
			.execute();
		return { startsOn: open.starts_on, endsOn };
	});
}

/** Extends the programme by whole months; every date moves in proportion. */
export function extendEnrolment(
	db: Db,
	actorId: string,
	enrolmentId: string,
	input: { months: number; reason: string }
) {
	// `extendProgramme` logs the extension itself.
	return inTransaction(db, async (tx) => {
		await lockActiveEnrolment(tx, enrolmentId);
		await extendProgramme(tx, actorId, enrolmentId, input.months, input.reason);
	});
}

/** Another assessor from a date. */
export function transferAssessor(
	db: Db,
	actorId: string,
	enrolmentId: string,
	input: { assessorId: string; fromOn: string }
) {
	return changeEnrolment(db, actorId, enrolmentId, 'programme.assessor-changed', async (tx, e) => {
		notBeforeStart(input.fromOn, e, 'transferFrom');
		await assignAssessor(
			tx,
			actorId,
			{ assessorId: input.assessorId, practitionerId: e.user_id, startsOn: input.fromOn },
			'transferTo'
		);
		return { ...input, assessor: await nameOf(tx, input.assessorId) };
	});
}

/**
 * Ends the enrolment: passed, not passed, withdrawn or left. A pause still going ends with it,
 * and so does the assessor (`endAssessorWith`).
 */
export function endEnrolment(
	db: Db,
	actorId: string,
	enrolmentId: string,
	input: { ending: EnrolmentEnding; endedOn: string; note: string }
) {
	return changeEnrolment(db, actorId, enrolmentId, 'programme.ended', async (tx, e) => {
		notBeforeStart(input.endedOn, e, 'endedOn');
		const open = (q: typeof pauses) =>
			q.where('enrolment_id', '=', e.id).where('ends_on', 'is', null);
		const pauses = tx.updateTable('enrolment_pauses');
		await open(pauses)
			.set({ ends_on: input.endedOn })
			.where('starts_on', '<', input.endedOn)
			.execute();
		// One set to begin after the end never happens: it ends where it would have begun.
		await open(pauses)
			.set((eb) => ({ ends_on: eb.ref('starts_on') }))
			.execute();
		await tx
			.updateTable('enrolments')
			.set({ status: input.ending, ended_on: input.endedOn, end_note: input.note || null })
			.where('id', '=', e.id)
			.execute();
		await endAssessorWith(tx, actorId, e, input.endedOn);
		return input;
	});
}
