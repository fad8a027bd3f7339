import type { Db } from '../db';
import { recordEvent } from '../db/events';
import { newId } from '../db/ids';
import { prepared } from '../db/prepared';
import { dateOnly, timestamp } from '../db/time';
import { meetNeedsOnAcceptance } from '../learning/needs';
import { sendMail } from '../mail/outbox';
import { FieldError } from '../errors';
import { currentRelationshipsOn, holderOf, holds } from '../people/relationships';

/**
 * The people whose records are reviewed: practitioners. Anyone else with records here keeps
 * them as their own CPD log, final once submitted, whatever relationship someone holds to them.
 */
const practitionerIds = (db: Db) =>
	db.selectFrom('user_roles').select('user_id').where('role', '=', 'practitioner');

/** Whether someone's submitted records wait for their assessor's review. */
export async function isReviewed(db: Db, ownerId: string) {
	const found = await practitionerIds(db).where('user_id', '=', ownerId).executeTakeFirst();
	return Boolean(found);
}

/** Submitted evidence from the people someone assesses today, oldest first. */
export function reviewQueue(db: Db, assessorId: string, today = dateOnly()) {
	return reviewQueueQuery(db, assessorId, today);
}

/** Asked on every assessor's home page, so built once. */
const reviewQueueQuery = prepared((db, assessorId: string, today: string) =>
	currentRelationshipsOn(db, today)
		.innerJoin('evidence', 'evidence.owner_id', 'supervisions.supervisee_id')
		.innerJoin('users', 'users.id', 'evidence.owner_id')
		.select([
			'evidence.id',
			'evidence.title',
			'evidence.submitted_at',
			'evidence.type',
			'users.name as ownerName',
			'users.id as ownerId'
		])
		.where('supervisions.supervisor_id', '=', assessorId)
		.where('supervisions.kind', '=', 'assessor')
		.where('evidence.status', '=', 'submitted')
		.where('evidence.owner_id', 'in', practitionerIds(db))
		.orderBy('evidence.submitted_at')
);

/**
 * The record, if `reviewerId` assesses its owner today and it is waiting for review; refused
 * beside `field`, the review form's field that the refusal belongs to.
 */
async function reviewable(db: Db, reviewerId: string, evidenceId: string, field: string) {
	const record = await db
		.selectFrom('evidence')
		.selectAll()
		.where('id', '=', evidenceId)
		.executeTakeFirst();
	if (!record) throw new FieldError(field, 'There is no such record');
	if (!(await holds(db, reviewerId, record.owner_id, ['assessor']))) {
		throw new FieldError(field, 'Only the practitioner’s assessor can review this record');
	}
	if (!(await isReviewed(db, record.owner_id)))
		throw new FieldError(
			field,
			'This is the CPD record of someone who is not a practitioner: nobody reviews it'
		);
	if (record.status !== 'submitted')
		throw new FieldError(field, `This record is ${record.status}, not waiting for review`);
	return record;
}

const link = (origin: string, id: string) => `${origin}/portfolio/${id}`;

/**
 * Accepts a record, confirming the statements it shows or narrowing them to `statementIds`
 * (a subset of those the practitioner chose). Accepted records are read-only.
 */
export async function acceptEvidence(
	db: Db,
	reviewerId: string,
	evidenceId: string,
	statementIds: string[],
	origin: string,
	now = new Date()
) {
	const record = await reviewable(db, reviewerId, evidenceId, 'review');
	await db.transaction().execute(async (tx) => {
		const mapped = await tx
			.selectFrom('evidence_statements')
			.select('statement_id')
			.where('evidence_id', '=', evidenceId)
			.execute();
		const dropped = mapped.map((m) => m.statement_id).filter((id) => !statementIds.includes(id));
		if (dropped.length) {
			await tx
				.deleteFrom('evidence_statements')
				.where('evidence_id', '=', evidenceId)
				.where('statement_id', 'in', dropped)
				.execute();
		}
		await tx
			.updateTable('evidence')
			.set({
				status: 'accepted',
				reviewed_by: reviewerId,
				reviewed_at: timestamp(now),
				review_feedback: null,
				version: record.version + 1,
				updated_at: timestamp(now)
			})
			.where('id', '=', evidenceId)
			.execute();
		const needsMet = await meetNeedsOnAcceptance(tx, evidenceId, now);
		await recordEvent(
			tx,
			{
				actorId: reviewerId,
				action: 'evidence.accepted',
				subjectType: 'evidence',
				subjectId: evidenceId,
				detail: { narrowed: dropped, ...(needsMet.length ? { needsMet } : {}) }
			},
			now
		);
	});
	const owner = await db
		.selectFrom('users')
		.select(['email', 'name'])
		.where('id', '=', record.owner_id)
		.executeTakeFirstOrThrow();
	await sendMail(db, {
		to: owner.email,
		subject: `Evidence accepted: ${record.title}`,
		body: `Dear ${owner.name},\n\nYour assessor has accepted “${record.title}”.\n\n${link(origin, evidenceId)}`
	});
}

export async function returnEvidence(
	db: Db,
	reviewerId: string,
	evidenceId: string,
	feedback: string,
	origin: string,
	now = new Date()
) {
	if (!feedback.trim()) throw new FieldError('feedback', 'Write feedback saying what to change');
	const record = await reviewable(db, reviewerId, evidenceId, 'feedback');
	await db.transaction().execute(async (tx) => {
		await tx
			.updateTable('evidence')
			.set({
				status: 'returned',
				reviewed_by: reviewerId,
				reviewed_at: timestamp(now),
				review_feedback: feedback.trim(),
				version: record.version + 1,
				updated_at: timestamp(now)
			})
			.where('id', '=', evidenceId)
			.execute();
		await recordEvent(
			tx,
			{
				actorId: reviewerId,
				action: 'evidence.returned',
				subjectType: 'evidence',
				subjectId: evidenceId
			},
			now
		);
	});
	const owner = await db
		.selectFrom('users')
		.select(['email', 'name'])
		.where('id', '=', record.owner_id)
		.executeTakeFirstOrThrow();
	await sendMail(db, {
		to: owner.email,
		subject: `Evidence returned with feedback: ${record.title}`,
		body: `Dear ${owner.name},\n\nYour assessor has returned “${record.title}” with feedback:\n\n${feedback.trim()}\n\n${link(origin, evidenceId)}`
	});
}

/** Tells the practitioner's assessor that a record is waiting for them. */
export async function notifySubmitted(db: Db, evidenceId: string, origin: string) {
	const record = await db
		.selectFrom('evidence')
		.innerJoin('users', 'users.id', 'evidence.owner_id')
		.select(['evidence.title', 'evidence.owner_id', 'users.name'])
		.where('evidence.id', '=', evidenceId)
		.executeTakeFirstOrThrow();
	const assessor = (await isReviewed(db, record.owner_id))
		? await holderOf(db, record.owner_id, 'assessor')
		: undefined;
	if (!assessor) return;
	await sendMail(db, {
		to: assessor.email,
		subject: `Evidence to review from ${record.name}`,
		body: `Dear ${assessor.name},\n\n${record.name} has submitted “${record.title}” for review.\n\n${link(origin, evidenceId)}`
	});
}

export async function addComment(
	db: Db,
	authorId: string,
	evidenceId: string,
	body: string,
	now = new Date()
) {
	await db
		.insertInto('evidence_comments')
		.values({
			id: newId(),
			evidence_id: evidenceId,
			author_id: authorId,
			body,
			created_at: timestamp(now)
		})
		.execute();
}

export function listComments(db: Db, evidenceId: string) {
	return db
		.selectFrom('evidence_comments')
		.innerJoin('users', 'users.id', 'evidence_comments.author_id')
		.select([
			'evidence_comments.id',
			'evidence_comments.body',
			'evidence_comments.created_at',
			'users.name as authorName'
		])
		.where('evidence_id', '=', evidenceId)
		.orderBy('evidence_comments.created_at')
		.execute();
}
