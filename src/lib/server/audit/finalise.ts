import type { Grade } from '$lib/audit/grades';
import { inTransaction, type Db } from '../db';
import { recordEvent } from '../db/events';
import { newId } from '../db/ids';
import { timestamp } from '../db/time';
import { sendMail } from '../mail/outbox';
import { listPeopleWithRole } from '../people/users';
import { checkAnonymity, type CheckedField } from '../portfolio/anonymity';
import { auditRefusal, draftAudit, getAudit, type AuditView } from './audits';
import type { AuditDefinition } from './definition';
import { withdrawVoiceLinks } from './voices';

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
 * audit waits for a same-day response. Requires improvement is flagged for urgent review. Views
 * asked for by link and not yet given are no longer taken: their links stop working.
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
		if (Object.keys(problems).length) throw auditRefusal(Object.values(problems).join('. '));
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
		await raiseLearningNeeds(tx, audit, now);
		await withdrawVoiceLinks(tx, id, now);
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

/** A learning need for the practitioner from each development finding, on its tagged outcomes. */
async function raiseLearningNeeds(tx: Db, audit: AuditView, now: Date) {
	for (const finding of audit.findings.filter((f) => f.kind === 'development')) {
		const needId = newId();
		await tx
			.insertInto('learning_needs')
			.values({
				id: needId,
				practitioner_id: audit.practitioner_id,
				audit_id: audit.id,
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
