import { deriveGrades, gradeNames, type AreaGrade, type Grade } from '$lib/audit/grades';
import { inTransaction, type Db } from '../db';
import { recordEvent } from '../db/events';
import { newId } from '../db/ids';
import { dateOnly, timestamp } from '../db/time';
import { sendMail } from '../mail/outbox';
import { listPeopleWithRole } from '../people/users';
import { checkAnonymity, type CheckedField } from '../portfolio/anonymity';
import type { AuditDefinition } from './definition';

/** Why a change to an audit was refused, in words for the person. */
export class AuditError extends Error {}

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

const audited = (tx: Db, id: string) =>
	tx.selectFrom('audits').selectAll().where('id', '=', id).executeTakeFirst();

async function draftAudit(tx: Db, id: string) {
	const audit = await audited(tx, id);
	if (!audit) throw new AuditError('There is no such audit.');
	if (audit.status !== 'draft')
		throw new AuditError('This audit has been finalised and can no longer be changed.');
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
function changeDraft<T>(db: Db, auditId: string, now: Date, work: (tx: Db) => Promise<T>) {
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

export interface AreaGradeInput {
	grade: AreaGrade;
	evidence: string;
}

/**
 * Saves one stage's grades (the auditor's, or the moderator's) with the cascade applied, and
 * returns the derived overall grade. The auditor's grades can change only while in draft.
 */
export async function saveGrades(
	db: Db,
	definition: AuditDefinition,
	actorId: string,
	id: string,
	stage: 'audit' | 'moderation',
	input: {
		grades: Record<string, AreaGradeInput>;
		grip: boolean;
		gripReason: string;
		comments?: string;
	},
	now = new Date()
) {
	return inTransaction(db, async (tx) => {
		const audit = stage === 'audit' ? await draftAudit(tx, id) : await audited(tx, id);
		if (!audit) throw new AuditError('There is no such audit.');
		if (stage === 'moderation' && audit.status !== 'finalised')
			throw new AuditError('Only a finalised audit can be moderated.');
		const grip = stage === 'audit' ? input.grip : Boolean(audit.grip);
		const recorded = Object.fromEntries(
			Object.entries(input.grades).map(([area, g]) => [area, g.grade])
		);
		const derived = deriveGrades(definition.areas, recorded, grip);
		await tx
			.deleteFrom('audit_grades')
			.where('audit_id', '=', id)
			.where('stage', '=', stage)
			.execute();
		const rows = definition.areas
			.filter((area) => input.grades[area.id])
			.map((area) => ({
				audit_id: id,
				stage,
				area_id: area.id,
				grade: input.grades[area.id].grade,
				effective_grade: derived.areas[area.id]!,
				evidence: input.grades[area.id].evidence
			}));
		if (rows.length) await tx.insertInto('audit_grades').values(rows).execute();
		if (stage === 'audit') {
			await tx
				.updateTable('audits')
				.set({
					grip: grip ? 1 : 0,
					grip_reason: grip ? input.gripReason : '',
					overall_grade: derived.overall ?? null,
					updated_at: timestamp(now)
				})
				.where('id', '=', id)
				.execute();
		} else {
			await tx
				.updateTable('audits')
				.set({
					moderated_overall_grade: derived.overall ?? null,
					moderation_comments: input.comments ?? '',
					moderated_by: actorId,
					moderated_at: timestamp(now),
					updated_at: timestamp(now)
				})
				.where('id', '=', id)
				.execute();
		}
		await recordEvent(
			tx,
			{
				actorId,
				action: stage === 'audit' ? 'audit.graded' : 'audit.moderated',
				subjectType: 'audit',
				subjectId: id,
				detail: { overall: derived.overall ?? null, cascaded: derived.cascaded }
			},
			now
		);
		return derived;
	});
}

export const viewFields = [
	'child_view',
	'parent_view',
	'views_not_obtained',
	'worker_view',
	'manager_view'
] as const;
export type ViewField = (typeof viewFields)[number];

/** Saves the triangulation: whichever of the views this person may write. */
export async function saveViews(
	db: Db,
	actorId: string,
	id: string,
	views: Partial<Record<ViewField, string>>,
	now = new Date()
) {
	await inTransaction(db, async (tx) => {
		await draftAudit(tx, id);
		await tx
			.updateTable('audits')
			.set({ ...views, updated_at: timestamp(now) })
			.where('id', '=', id)
			.execute();
		await recordEvent(
			tx,
			{
				actorId,
				action: 'audit.views-saved',
				subjectType: 'audit',
				subjectId: id,
				detail: { fields: Object.keys(views) }
			},
			now
		);
	});
}

export interface FindingInput {
	kind: 'strength' | 'development';
	text: string;
	frameworkVersion: string;
	outcomes: string[];
	standards: string[];
}

export async function addFinding(
	db: Db,
	actorId: string,
	auditId: string,
	input: FindingInput,
	now = new Date()
) {
	const id = newId();
	await changeDraft(db, auditId, now, async (tx) => {
		await tx
			.insertInto('audit_findings')
			.values({
				id,
				audit_id: auditId,
				kind: input.kind,
				text: input.text,
				created_at: timestamp(now)
			})
			.execute();
		const tags = [
			...input.outcomes.map((ref) => ({
				finding_id: id,
				kind: 'outcome' as const,
				ref,
				framework_version: input.frameworkVersion
			})),
			...input.standards.map((ref) => ({
				finding_id: id,
				kind: 'standard' as const,
				ref,
				framework_version: null
			}))
		];
		if (tags.length) await tx.insertInto('audit_finding_tags').values(tags).execute();
	});
	return id;
}

export async function removeFinding(db: Db, auditId: string, findingId: string, now = new Date()) {
	await changeDraft(db, auditId, now, async (tx) => {
		const finding = await tx
			.selectFrom('audit_findings')
			.select('id')
			.where('id', '=', findingId)
			.where('audit_id', '=', auditId)
			.executeTakeFirst();
		if (!finding) return;
		await tx.deleteFrom('audit_finding_tags').where('finding_id', '=', findingId).execute();
		await tx.deleteFrom('audit_findings').where('id', '=', findingId).execute();
	});
}

export interface ActionInput {
	description: string;
	ownerId: string;
	dueOn: string;
}

export async function addAction(
	db: Db,
	actorId: string,
	auditId: string,
	input: ActionInput,
	now = new Date()
) {
	const id = newId();
	await changeDraft(db, auditId, now, async (tx) => {
		await tx
			.insertInto('audit_actions')
			.values({
				id,
				audit_id: auditId,
				description: input.description,
				owner_id: input.ownerId,
				due_on: input.dueOn,
				status: 'open',
				done_at: null,
				signed_off_by: null,
				signed_off_at: null,
				created_at: timestamp(now)
			})
			.execute();
	});
	return id;
}

export async function removeAction(db: Db, auditId: string, actionId: string, now = new Date()) {
	await changeDraft(db, auditId, now, async (tx) => {
		await tx
			.deleteFrom('audit_actions')
			.where('id', '=', actionId)
			.where('audit_id', '=', auditId)
			.execute();
	});
}

/**
 * Applies a change that may happen only once (the query's conditions say when it may), then logs
 * it against the audit; refused with `refusal` when the conditions no longer hold.
 */
async function changeOnce(
	db: Db,
	update: { executeTakeFirst(): Promise<{ numUpdatedRows: bigint }> },
	refusal: string,
	event: { actorId: string; action: string; auditId: string },
	now: Date
) {
	const result = await update.executeTakeFirst();
	if (Number(result.numUpdatedRows) !== 1) throw new AuditError(refusal);
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

/** The action's owner says it is done; it then waits for the manager's sign-off. */
export async function markActionDone(
	db: Db,
	actorId: string,
	auditId: string,
	actionId: string,
	now = new Date()
) {
	await changeOnce(
		db,
		db
			.updateTable('audit_actions')
			.set({ status: 'done', done_at: timestamp(now) })
			.where('id', '=', actionId)
			.where('audit_id', '=', auditId)
			.where('status', '=', 'open'),
		'This action is not open, so it cannot be marked done.',
		{ actorId, action: 'audit.action-done', auditId },
		now
	);
}

/** The team manager signs off a completed action (an open one too, when they have seen it done). */
export async function signOffAction(
	db: Db,
	actorId: string,
	auditId: string,
	actionId: string,
	now = new Date()
) {
	await changeOnce(
		db,
		db
			.updateTable('audit_actions')
			.set({ status: 'signed-off', signed_off_by: actorId, signed_off_at: timestamp(now) })
			.where('id', '=', actionId)
			.where('audit_id', '=', auditId)
			.where('status', '!=', 'signed-off'),
		'This action has already been signed off.',
		{ actorId, action: 'audit.action-signed-off', auditId },
		now
	);
}

/** Every text in the audit, for the anonymity checker. */
export function auditTexts(audit: AuditView): CheckedField[] {
	return [
		{ name: 'child_view', label: 'The child’s view', text: audit.child_view },
		{ name: 'parent_view', label: 'The parent’s or carer’s view', text: audit.parent_view },
		{
			name: 'views_not_obtained',
			label: 'Why a view could not be obtained',
			text: audit.views_not_obtained
		},
		{ name: 'worker_view', label: 'The worker’s reflections', text: audit.worker_view },
		{ name: 'manager_view', label: 'The manager’s view', text: audit.manager_view },
		{ name: 'grip_reason', label: 'Evident and exceptional grip', text: audit.grip_reason },
		...audit.grades.audit.map((g) => ({
			name: `grade:${g.area_id}`,
			label: `Evidence for ${g.areaTitle}`,
			text: g.evidence
		})),
		...audit.findings.map((f, i) => ({
			name: `finding:${f.id}`,
			label: `Finding ${i + 1}`,
			text: f.text
		})),
		...audit.actions.map((a, i) => ({
			name: `action:${a.id}`,
			label: `Action ${i + 1}`,
			text: a.description
		}))
	];
}

export function anonymityFindings(audit: AuditView) {
	return checkAnonymity(auditTexts(audit), {
		allowedNames: [
			audit.practitionerName,
			audit.auditorName,
			audit.coAuditorName,
			audit.managerName,
			...audit.actions.map((a) => a.ownerName)
		].filter((n): n is string => Boolean(n))
	});
}

/** What still stands between a draft audit and finalising it, as messages keyed by section. */
export function finaliseProblems(definition: AuditDefinition, audit: AuditView) {
	const problems: Record<string, string> = {};
	const graded = new Map(audit.grades.audit.map((g) => [g.area_id, g]));
	const missing = definition.areas.filter((a) => !graded.has(a.id));
	if (missing.length)
		problems.grades = `Grade every practice area: ${missing.map((a) => a.title).join(', ')} ${missing.length === 1 ? 'has' : 'have'} no grade yet`;
	if (!audit.child_view.trim() && !audit.views_not_obtained.trim())
		problems.child_view = 'Record the child’s view, or why it could not be obtained';
	if (!audit.parent_view.trim() && !audit.views_not_obtained.trim())
		problems.parent_view = 'Record the parent’s or carer’s view, or why it could not be obtained';
	if (!audit.worker_view.trim()) problems.worker_view = 'Record the worker’s reflections';
	return problems;
}

/** The people told at once when an audit is finalised with an escalating grade. */
export const practiceLearningTeamEmail = () => process.env.PRACTICE_LEARNING_EMAIL || '';

/**
 * Finalises a draft: freezes it, raises a learning need for each development finding, and
 * escalates. Inadequate means a child may be at immediate risk: the team manager, the heads of
 * service (principal social worker role) and the practice learning team are told at once and the
 * audit waits for a same-day response. Requires improvement is flagged for urgent review.
 */
export async function finaliseAudit(
	db: Db,
	definition: AuditDefinition,
	actorId: string,
	id: string,
	options: { anonymityConfirmed: boolean; origin: string },
	now = new Date()
) {
	return inTransaction(db, async (tx) => {
		await draftAudit(tx, id);
		const audit = (await getAudit(tx, definition, id))!;
		const problems = finaliseProblems(definition, audit);
		if (Object.keys(problems).length) throw new AuditError(Object.values(problems).join('. '));
		const grade = audit.overall_grade as Grade;
		const escalation =
			grade === 'inadequate'
				? 'same-day'
				: grade === 'requires-improvement'
					? 'urgent-review'
					: null;
		await tx
			.updateTable('audits')
			.set({
				status: 'finalised',
				finalised_at: timestamp(now),
				escalation,
				anonymity_confirmed_at: options.anonymityConfirmed ? timestamp(now) : null,
				updated_at: timestamp(now)
			})
			.where('id', '=', id)
			.execute();
		for (const finding of audit.findings.filter((f) => f.kind === 'development')) {
			const needId = newId();
			await tx
				.insertInto('learning_needs')
				.values({
					id: needId,
					practitioner_id: audit.practitioner_id,
					audit_id: id,
					finding_id: finding.id,
					description: finding.text,
					status: 'open',
					met_by: null,
					met_at: null,
					created_at: timestamp(now)
				})
				.execute();
			const outcomes = finding.tags.filter((t) => t.kind === 'outcome');
			if (outcomes.length)
				await tx
					.insertInto('learning_need_outcomes')
					.values(
						outcomes.map((t) => ({
							need_id: needId,
							framework_version: t.framework_version!,
							outcome_id: t.ref
						}))
					)
					.execute();
		}
		await recordEvent(
			tx,
			{
				actorId,
				action: 'audit.finalised',
				subjectType: 'audit',
				subjectId: id,
				detail: { overall: grade, escalation }
			},
			now
		);
		await notifyFinalised(tx, audit, escalation, options.origin, now);
		return escalation;
	});
}

async function notifyFinalised(
	tx: Db,
	audit: AuditView,
	escalation: 'same-day' | 'urgent-review' | null,
	origin: string,
	now: Date
) {
	const link = `${origin}/audits/${audit.id}`;
	const people = await tx
		.selectFrom('users')
		.select(['id', 'name', 'email'])
		.where('id', 'in', [audit.practitioner_id, audit.manager_id ?? audit.practitioner_id])
		.execute();
	const grade = audit.overallGradeName;
	for (const person of people)
		await sendMail(
			tx,
			{
				to: person.email,
				subject: `Case audit ${audit.case_ref} finalised: ${grade}`,
				body: `Dear ${person.name},\n\nThe case audit ${audit.case_ref} of ${audit.practitionerName}’s practice has been finalised with the overall grade ${grade}.\n\n${link}`
			},
			now
		);
	if (!escalation) return;
	const recipients = [
		...(audit.managerEmail ? [{ name: audit.managerName!, email: audit.managerEmail }] : []),
		...(await listPeopleWithRole(tx, 'psw')),
		...(practiceLearningTeamEmail()
			? [{ name: 'Practice Learning Team', email: practiceLearningTeamEmail() }]
			: [])
	];
	const subject =
		escalation === 'same-day'
			? `Inadequate case audit ${audit.case_ref}: same-day response needed`
			: `Case audit ${audit.case_ref} requires improvement: urgent review needed`;
	const body =
		escalation === 'same-day'
			? `The case audit ${audit.case_ref} (${audit.teamName ?? 'no team'}) was graded Inadequate: the child may be at immediate risk of significant harm. The team manager and head of service must respond today; record the response on the audit.`
			: `The case audit ${audit.case_ref} (${audit.teamName ?? 'no team'}) was graded Requires improvement: the child’s needs or risks are not being met as expected. The team manager and head of service must review it urgently; record the response on the audit.`;
	for (const person of new Map(recipients.map((r) => [r.email, r])).values())
		await sendMail(
			tx,
			{ to: person.email, subject, body: `Dear ${person.name},\n\n${body}\n\n${link}` },
			now
		);
}

/** The response to an escalated audit: recorded once, by the team manager or head of service. */
export async function recordResponse(
	db: Db,
	actorId: string,
	id: string,
	response: string,
	now = new Date()
) {
	await changeOnce(
		db,
		db
			.updateTable('audits')
			.set({ response, response_by: actorId, response_at: timestamp(now) })
			.where('id', '=', id)
			.where('escalation', 'is not', null)
			.where('response_at', 'is', null),
		'A response has already been recorded for this audit.',
		{ actorId, action: 'audit.responded', auditId: id },
		now
	);
}

/** The team manager records receipt of the finalised audit, with any management directions. */
export async function recordReceipt(
	db: Db,
	actorId: string,
	id: string,
	directions: string,
	now = new Date()
) {
	await changeOnce(
		db,
		db
			.updateTable('audits')
			.set({ receipt_by: actorId, receipt_at: timestamp(now), management_directions: directions })
			.where('id', '=', id)
			.where('status', '=', 'finalised')
			.where('receipt_at', 'is', null),
		'Receipt of this audit has already been recorded.',
		{ actorId, action: 'audit.received', auditId: id },
		now
	);
}

export async function assignModerator(
	db: Db,
	actorId: string,
	id: string,
	moderatorId: string,
	now = new Date()
) {
	await db
		.updateTable('audits')
		.set({ moderator_id: moderatorId, updated_at: timestamp(now) })
		.where('id', '=', id)
		.execute();
	await recordEvent(
		db,
		{
			actorId,
			action: 'audit.moderator-assigned',
			subjectType: 'audit',
			subjectId: id,
			detail: { moderatorId }
		},
		now
	);
}

export type AuditRow = NonNullable<Awaited<ReturnType<typeof audited>>>;

/** An audit with everything its page shows: names, both stages' grades, findings, actions. */
export async function getAudit(db: Db, definition: AuditDefinition, id: string) {
	const audit = await db
		.selectFrom('audits')
		.innerJoin('users as practitioner', 'practitioner.id', 'audits.practitioner_id')
		.innerJoin('users as auditor', 'auditor.id', 'audits.auditor_id')
		.leftJoin('users as co', 'co.id', 'audits.co_auditor_id')
		.leftJoin('users as manager', 'manager.id', 'audits.manager_id')
		.leftJoin('users as moderator', 'moderator.id', 'audits.moderator_id')
		.leftJoin('users as moderated', 'moderated.id', 'audits.moderated_by')
		.leftJoin('users as responder', 'responder.id', 'audits.response_by')
		.leftJoin('users as receiver', 'receiver.id', 'audits.receipt_by')
		.leftJoin('teams', 'teams.id', 'audits.team_id')
		.selectAll('audits')
		.select([
			'practitioner.name as practitionerName',
			'auditor.name as auditorName',
			'co.name as coAuditorName',
			'manager.name as managerName',
			'manager.email as managerEmail',
			'moderator.name as moderatorName',
			'moderated.name as moderatedByName',
			'responder.name as responseByName',
			'receiver.name as receiptByName',
			'teams.name as teamName'
		])
		.where('audits.id', '=', id)
		.executeTakeFirst();
	if (!audit) return undefined;
	const areaTitles = new Map(definition.areas.map((a) => [a.id, a.title]));
	const order = new Map(definition.areas.map((a, i) => [a.id, i]));
	const gradeRows = (
		await db.selectFrom('audit_grades').selectAll().where('audit_id', '=', id).execute()
	)
		.map((g) => ({ ...g, areaTitle: areaTitles.get(g.area_id) ?? g.area_id }))
		.sort((a, b) => (order.get(a.area_id) ?? 99) - (order.get(b.area_id) ?? 99));
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
	const actions = await db
		.selectFrom('audit_actions')
		.innerJoin('users', 'users.id', 'audit_actions.owner_id')
		.leftJoin('users as signer', 'signer.id', 'audit_actions.signed_off_by')
		.selectAll('audit_actions')
		.select(['users.name as ownerName', 'signer.name as signedOffByName'])
		.where('audit_id', '=', id)
		.orderBy('due_on')
		.orderBy('audit_actions.created_at')
		.execute();
	return {
		...audit,
		overallGradeName: audit.overall_grade
			? gradeNames[audit.overall_grade as Grade]
			: 'not yet graded',
		grades: {
			audit: gradeRows.filter((g) => g.stage === 'audit'),
			moderation: gradeRows.filter((g) => g.stage === 'moderation')
		},
		findings: findings.map((f) => ({ ...f, tags: tags.filter((t) => t.finding_id === f.id) })),
		actions: actions.map((a) => ({
			...a,
			overdue: a.status === 'open' && a.due_on < dateOnly()
		}))
	};
}

export type AuditView = NonNullable<Awaited<ReturnType<typeof getAudit>>>;
