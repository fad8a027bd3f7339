import { gradeNames, type Grade } from '$lib/audit/grades';
import { inTransaction, type Db } from '../db';
import { recordEvent } from '../db/events';
import { newId } from '../db/ids';
import { dateOnly, timestamp } from '../db/time';
import { FieldError } from '../errors';
import type { AuditDefinition } from './definition';

/**
 * Why a change to an audit was refused, in words for the person: the audit moved on (finalised,
 * already recorded) since the page was opened, so a conflict, shown at the top of the page.
 */
export const auditRefusal = (message: string) => new FieldError('audit', message, 409);

export interface AuditDetails {
	type: string;
	theme: string | null;
	caseRef: string;
	practitionerId: string;
	managerId: string | null;
	coAuditorId: string | null;
	periodStart: string;
	periodEnd: string;
	auditedOn: string;
}

/**
 * A case reference is a pseudonymous code, such as `C-104829` or `LAC/2291`: letters, digits
 * and separators with at least one digit, so that a name can never be typed in its place.
 */
export function caseRefProblem(value: string): string | undefined {
	if (!value) return 'Enter the case reference';
	if (value.length > 24) return 'The case reference must be 24 characters or fewer';
	if (!/^[A-Za-z0-9][A-Za-z0-9/-]*$/.test(value) || !/\d/.test(value))
		return 'Enter the case reference as a code of letters and digits, such as C-104829, not a name';
	return undefined;
}

export const audited = (tx: Db, id: string) =>
	tx.selectFrom('audits').selectAll().where('id', '=', id).executeTakeFirst();

export async function draftAudit(tx: Db, id: string) {
	const audit = await audited(tx, id);
	if (!audit) throw auditRefusal('There is no such audit.');
	if (audit.status !== 'draft')
		throw auditRefusal('This audit has been finalised and can no longer be changed.');
	return audit;
}

async function touch(tx: Db, id: string, now: Date) {
	await tx
		.updateTable('audits')
		.set({ updated_at: timestamp(now) })
		.where('id', '=', id)
		.execute();
}

/** Changes a draft audit in one transaction and marks it updated; refused once it is finalised. */
export function changeDraft<T>(db: Db, auditId: string, now: Date, work: (tx: Db) => Promise<T>) {
	return inTransaction(db, async (tx) => {
		await draftAudit(tx, auditId);
		const result = await work(tx);
		await touch(tx, auditId, now);
		return result;
	});
}

export async function createAudit(db: Db, actorId: string, input: AuditDetails, now = new Date()) {
	const id = newId();
	await inTransaction(db, async (tx) => {
		const practitioner = await tx
			.selectFrom('users')
			.select('team_id')
			.where('id', '=', input.practitionerId)
			.executeTakeFirstOrThrow();
		await tx
			.insertInto('audits')
			.values({
				id,
				type: input.type,
				theme: input.theme,
				case_ref: input.caseRef,
				practitioner_id: input.practitionerId,
				team_id: practitioner.team_id,
				manager_id: input.managerId,
				auditor_id: actorId,
				co_auditor_id: input.coAuditorId,
				period_start: input.periodStart,
				period_end: input.periodEnd,
				audited_on: input.auditedOn,
				status: 'draft',
				overall_grade: null,
				escalation: null,
				response: null,
				response_by: null,
				response_at: null,
				receipt_by: null,
				receipt_at: null,
				moderator_id: null,
				moderated_overall_grade: null,
				moderated_by: null,
				moderated_at: null,
				anonymity_confirmed_at: null,
				finalised_at: null,
				created_by: actorId,
				created_at: timestamp(now),
				updated_at: timestamp(now)
			})
			.execute();
		await recordEvent(
			tx,
			{ actorId, action: 'audit.created', subjectType: 'audit', subjectId: id },
			now
		);
	});
	return id;
}

export async function updateAuditDetails(
	db: Db,
	actorId: string,
	id: string,
	input: AuditDetails,
	now = new Date()
) {
	await inTransaction(db, async (tx) => {
		await draftAudit(tx, id);
		const practitioner = await tx
			.selectFrom('users')
			.select('team_id')
			.where('id', '=', input.practitionerId)
			.executeTakeFirstOrThrow();
		await tx
			.updateTable('audits')
			.set({
				type: input.type,
				theme: input.theme,
				case_ref: input.caseRef,
				practitioner_id: input.practitionerId,
				team_id: practitioner.team_id,
				manager_id: input.managerId,
				co_auditor_id: input.coAuditorId,
				period_start: input.periodStart,
				period_end: input.periodEnd,
				audited_on: input.auditedOn,
				updated_at: timestamp(now)
			})
			.where('id', '=', id)
			.execute();
		await recordEvent(
			tx,
			{ actorId, action: 'audit.details-changed', subjectType: 'audit', subjectId: id },
			now
		);
	});
}

/**
 * Applies a change that may happen only once (the query's conditions say when it may), then logs
 * it against the audit; refused with `refusal` when the conditions no longer hold.
 */
export async function changeOnce(
	db: Db,
	update: { executeTakeFirst(): Promise<{ numUpdatedRows: bigint }> },
	refusal: string,
	event: { actorId: string; action: string; auditId: string },
	now: Date
) {
	const result = await update.executeTakeFirst();
	if (Number(result.numUpdatedRows) !== 1) throw auditRefusal(refusal);
	await recordEvent(
		db,
		{
			actorId: event.actorId,
			action: event.action,
			subjectType: 'audit',
			subjectId: event.auditId
		},
		now
	);
}

export type AuditRow = NonNullable<Awaited<ReturnType<typeof audited>>>;

/** An audit with everything its page shows: names, both stages' grades, findings, actions. */
export async function getAudit(db: Db, definition: AuditDefinition, id: string) {
	const audit = await auditWithNames(db, id);
	if (!audit) return undefined;
	const gradeRows = await gradesOf(db, definition, id);
	return {
		...audit,
		overallGradeName: audit.overall_grade
			? gradeNames[audit.overall_grade as Grade]
			: 'not yet graded',
		grades: {
			audit: gradeRows.filter((g) => g.stage === 'audit'),
			moderation: gradeRows.filter((g) => g.stage === 'moderation')
		},
		findings: await findingsOf(db, id),
		actions: await actionsOf(db, id)
	};
}

/**
 * The audit's row and the names of everyone it involves: the practitioner and auditor joined,
 * the others and the team each by a subquery of its own (with all ten tables joined, PostgreSQL
 * spent about 10 ms planning the query on every read of an audit).
 */
function auditWithNames(db: Db, id: string) {
	type Column = 'co_auditor_id' | 'manager_id' | 'moderator_id' | 'moderated_by' | 'response_by';
	return db
		.selectFrom('audits')
		.innerJoin('users as practitioner', 'practitioner.id', 'audits.practitioner_id')
		.innerJoin('users as auditor', 'auditor.id', 'audits.auditor_id')
		.selectAll('audits')
		.select(['practitioner.name as practitionerName', 'auditor.name as auditorName'])
		.select((eb) => {
			const user = (column: Column | 'receipt_by') =>
				eb.selectFrom('users').whereRef('users.id', '=', `audits.${column}`);
			return [
				user('co_auditor_id').select('name').as('coAuditorName'),
				user('manager_id').select('name').as('managerName'),
				user('manager_id').select('email').as('managerEmail'),
				user('moderator_id').select('name').as('moderatorName'),
				user('moderated_by').select('name').as('moderatedByName'),
				user('response_by').select('name').as('responseByName'),
				user('receipt_by').select('name').as('receiptByName'),
				eb
					.selectFrom('teams')
					.select('teams.name')
					.whereRef('teams.id', '=', 'audits.team_id')
					.as('teamName')
			];
		})
		.where('audits.id', '=', id)
		.executeTakeFirst();
}

/** Both stages' grades, titled, in the order of the audit form's practice areas. */
async function gradesOf(db: Db, definition: AuditDefinition, id: string) {
	const areaTitles = new Map(definition.areas.map((a) => [a.id, a.title]));
	const order = new Map(definition.areas.map((a, i) => [a.id, i]));
	return (await db.selectFrom('audit_grades').selectAll().where('audit_id', '=', id).execute())
		.map((g) => ({ ...g, areaTitle: areaTitles.get(g.area_id) ?? g.area_id }))
		.sort((a, b) => (order.get(a.area_id) ?? 99) - (order.get(b.area_id) ?? 99));
}

/** The findings in the order they were written, each with its tags. */
export async function findingsOf(db: Db, id: string) {
	const findings = await db
		.selectFrom('audit_findings')
		.selectAll()
		.where('audit_id', '=', id)
		.orderBy('created_at')
		.orderBy('id')
		.execute();
	const tags = findings.length
		? await db
				.selectFrom('audit_finding_tags')
				.selectAll()
				.where(
					'finding_id',
					'in',
					findings.map((f) => f.id)
				)
				.orderBy('ref')
				.execute()
		: [];
	return findings.map((f) => ({ ...f, tags: tags.filter((t) => t.finding_id === f.id) }));
}

/** The actions by due date, with their owners, who signed them off, and whether overdue. */
async function actionsOf(db: Db, id: string) {
	const actions = await db
		.selectFrom('audit_actions')
		.innerJoin('users', 'users.id', 'audit_actions.owner_id')
		.leftJoin('users as signer', 'signer.id', 'audit_actions.signed_off_by')
		.select([
			'audit_actions.id',
			'audit_actions.audit_id',
			'audit_actions.description',
			'audit_actions.owner_id',
			'audit_actions.due_on',
			'audit_actions.status',
			'audit_actions.done_at',
			'audit_actions.signed_off_by',
			'audit_actions.signed_off_at',
			'audit_actions.created_at',
			'users.name as ownerName',
			'signer.name as signedOffByName'
		])
		.where('audit_id', '=', id)
		.orderBy('due_on')
		.orderBy('audit_actions.created_at')
		.execute();
	return actions.map((a) => ({ ...a, overdue: a.status === 'open' && a.due_on < dateOnly() }));
}

export type AuditView = NonNullable<Awaited<ReturnType<typeof getAudit>>>;
