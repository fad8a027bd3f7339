import type { EvidenceStatus, ReflectiveModel } from '$lib/portfolio/vocabulary';
import { reflectiveModels } from '$lib/portfolio/vocabulary';
import { inTransaction, type Db } from '../db';
import { recordEvent } from '../db/events';
import { newId } from '../db/ids';
import { FieldError } from '../errors';
import { timestamp } from '../db/time';
import { choiceOf, type MappedStandard } from '../standards/mapping';
import { replaceStandards } from './standards';

export { getEvidence, type EvidenceRecord } from './evidence-record';

export interface EvidenceInput {
	title: string;
	activityDate: string;
	type: string;
	account: string;
	reflectionModel: ReflectiveModel;
	reflection: Record<string, string>;
	cpdType: string | null;
	cpdRelevance: string;
	cpdLearning: string;
	cpdImpact: string;
	peerReflected: boolean | null;
	peerReflection: string;
	cpdMinutes: number | null;
}

/** The CPD fields a record made by the app rather than typed starts with: none filled in yet. */
export const blankCpdDetail = {
	cpdRelevance: '',
	cpdLearning: '',
	cpdImpact: '',
	peerReflected: null,
	peerReflection: ''
} satisfies Partial<EvidenceInput>;

export const editableStatuses: EvidenceStatus[] = ['draft', 'returned'];
export const isEditable = (status: string) => (editableStatuses as string[]).includes(status);

/** A record's fields as the evidence table holds them. */
export function evidenceColumns(input: EvidenceInput) {
	const prompts = reflectiveModels[input.reflectionModel].prompts.map((p) => p.key as string);
	const reflection = Object.fromEntries(prompts.map((key) => [key, input.reflection[key] ?? '']));
	return {
		title: input.title,
		activity_date: input.activityDate,
		type: input.type,
		account: input.account,
		reflection_model: input.reflectionModel,
		reflection: JSON.stringify(reflection),
		cpd_type: input.cpdType,
		cpd_relevance: input.cpdRelevance,
		cpd_learning: input.cpdLearning,
		cpd_impact: input.cpdImpact,
		peer_reflected: input.peerReflected === null ? null : input.peerReflected ? 1 : 0,
		peer_reflection: input.peerReflected ? input.peerReflection : '',
		cpd_minutes: input.cpdMinutes
	};
}

/** A new record's row: a draft of its owner's, never submitted or reviewed. */
export function draftRow(id: string, ownerId: string, input: EvidenceInput, now: Date) {
	return {
		id,
		owner_id: ownerId,
		...evidenceColumns(input),
		status: 'draft' as const,
		version: 1,
		created_at: timestamp(now),
		updated_at: timestamp(now),
		submitted_at: null,
		anonymity_confirmed_at: null,
		reviewed_by: null,
		reviewed_at: null,
		review_feedback: null
	};
}

export async function createEvidence(
	db: Db,
	ownerId: string,
	input: EvidenceInput,
	now = new Date()
) {
	const id = newId();
	await inTransaction(db, async (tx) => {
		await tx
			.insertInto('evidence')
			.values(draftRow(id, ownerId, input, now))
			.execute();
		await recordEvent(
			tx,
			{ actorId: ownerId, action: 'evidence.created', subjectType: 'evidence', subjectId: id },
			now
		);
	});
	return id;
}

/**
 * Moves a record on from the version the person was editing. Refused (a conflict, beside the
 * form's `field`) when someone (or another tab) saved since, or when the record is no longer
 * editable; the caller keeps the typed text.
 */
async function bumpVersion(
	tx: Db,
	field: 'editor' | 'mapping' | 'submit',
	id: string,
	expectedVersion: number,
	now: Date,
	set: Partial<ReturnType<typeof evidenceColumns>> = {}
) {
	const result = await tx
		.updateTable('evidence')
		.set({ ...set, version: expectedVersion + 1, updated_at: timestamp(now) })
		.where('id', '=', id)
		.where('version', '=', expectedVersion)
		.where('status', 'in', editableStatuses)
		.executeTakeFirst();
	if (Number(result.numUpdatedRows) === 1) return;
	const current = await tx
		.selectFrom('evidence')
		.select(['status', 'version'])
		.where('id', '=', id)
		.executeTakeFirst();
	const refuse = (message: string) => new FieldError(field, message, 409);
	if (!current) throw refuse('This record no longer exists.');
	if (!isEditable(current.status))
		throw refuse(`This record has been ${current.status} and can no longer be changed.`);
	throw refuse(
		'This record was changed in another tab or window after you opened it, so your changes were not saved. Your text is below: copy what you need, then open the record again.'
	);
}

export async function updateEvidence(
	db: Db,
	actorId: string,
	id: string,
	expectedVersion: number,
	input: EvidenceInput,
	now = new Date()
) {
	await inTransaction(db, async (tx) => {
		await bumpVersion(tx, 'editor', id, expectedVersion, now, evidenceColumns(input));
		await recordEvent(
			tx,
			{ actorId, action: 'evidence.updated', subjectType: 'evidence', subjectId: id },
			now
		);
	});
}

/** A record's mapping to the outcomes and statements of one framework version. */
export interface OutcomeMapping {
	frameworkVersion: string;
	outcomes: string[];
	statements: { outcomeId: string; statementId: string }[];
}

/**
 * Replaces the record's mapping to outcomes and statements in one framework version, and to
 * local practice standards when `standards` is given (left as they are when it is not).
 */
export async function setMapping(
	db: Db,
	actorId: string,
	id: string,
	expectedVersion: number,
	mapping: OutcomeMapping & { standards?: MappedStandard[] },
	now = new Date()
) {
	await inTransaction(db, async (tx) => {
		await bumpVersion(tx, 'mapping', id, expectedVersion, now);
		await replaceMapping(tx, id, mapping);
		if (mapping.standards) await replaceStandards(tx, id, mapping.standards);
		await recordEvent(
			tx,
			{
				actorId,
				action: 'evidence.mapped',
				subjectType: 'evidence',
				subjectId: id,
				detail: {
					outcomes: mapping.outcomes,
					statements: mapping.statements.map((s) => s.statementId),
					...(mapping.standards && { standards: mapping.standards.map((s) => choiceOf(s)) })
				}
			},
			now
		);
	});
}

/** The record's outcomes and statements in one framework version, in place of those it had. */
async function replaceMapping(tx: Db, id: string, mapping: OutcomeMapping) {
	await tx.deleteFrom('evidence_statements').where('evidence_id', '=', id).execute();
	await tx.deleteFrom('evidence_outcomes').where('evidence_id', '=', id).execute();
	await addMapping(tx, id, mapping);
}

/** Maps a record with no mapping yet to outcomes and statements in one framework version. */
export async function addMapping(tx: Db, id: string, mapping: OutcomeMapping) {
	const version = mapping.frameworkVersion;
	if (mapping.outcomes.length) {
		await tx
			.insertInto('evidence_outcomes')
			.values(
				mapping.outcomes.map((outcome_id) => ({
					evidence_id: id,
					framework_version: version,
					outcome_id
				}))
			)
			.execute();
	}
	if (mapping.statements.length) {
		await tx
			.insertInto('evidence_statements')
			.values(
				mapping.statements.map((s) => ({
					evidence_id: id,
					framework_version: version,
					outcome_id: s.outcomeId,
					statement_id: s.statementId
				}))
			)
			.execute();
	}
}

/** What a record still needs before it can be submitted, as messages keyed by field. */
export function submissionProblems(
	record: { account: string; reflection: Record<string, string> },
	outcomeCount: number
) {
	const problems: Record<string, string> = {};
	if (!record.account.trim())
		problems.account = 'Write the account of the activity before you submit the record';
	if (!Object.values(record.reflection).some((text) => text.trim()))
		problems.reflection = 'Write your reflection before you submit the record';
	if (outcomeCount === 0)
		problems.mapping = 'Map the record to at least one outcome before you submit it';
	return problems;
}

export async function submitEvidence(
	db: Db,
	actorId: string,
	id: string,
	expectedVersion: number,
	anonymityConfirmed: boolean,
	now = new Date()
) {
	await inTransaction(db, async (tx) => {
		await bumpVersion(tx, 'submit', id, expectedVersion, now);
		await tx
			.updateTable('evidence')
			.set({
				status: 'submitted',
				submitted_at: timestamp(now),
				anonymity_confirmed_at: anonymityConfirmed ? timestamp(now) : null
			})
			.where('id', '=', id)
			.execute();
		await recordEvent(
			tx,
			{
				actorId,
				action: 'evidence.submitted',
				subjectType: 'evidence',
				subjectId: id,
				detail: { anonymityConfirmed }
			},
			now
		);
	});
}
