import type { Db } from '../db';
import { dateOnly } from '../db/time';
import { formValues, optionalDateParts, parseDateParts, type FieldErrors } from '../forms';
import { listPeopleWithRole } from '../people/users';
import { caseRefProblem, type AuditDetails } from './audits';
import type { AuditDefinition } from './definition';
import { addMonths } from '../programme/month';

/** The people an audit's form offers: practitioners, managers and fellow auditors. */
export async function auditFormChoices(db: Db) {
	const [practitioners, managers, auditors] = await Promise.all([
		listPeopleWithRole(db, 'practitioner'),
		listPeopleWithRole(db, 'supervisor'),
		listPeopleWithRole(db, 'auditor')
	]);
	const choice = (p: { id: string; name: string }) => ({ value: p.id, label: p.name });
	return {
		practitioners: practitioners.map(choice),
		managers: managers.map(choice),
		auditors: auditors.map(choice)
	};
}

/**
 * Reads the audit details form. The manager defaults to the practitioner's team manager and
 * the period to the months before the audit date that the authority audits.
 */
export async function parseAuditDetails(
	db: Db,
	definition: AuditDefinition,
	auditorId: string,
	form: FormData,
	today = dateOnly()
): Promise<{ values: Record<string, unknown>; errors: FieldErrors; details?: AuditDetails }> {
	const values = formValues(form);
	const text = (key: string) => String(values[key] ?? '');
	const errors: FieldErrors = {};
	const type = definition.types.find((t) => t.id === text('type'));
	if (!type) errors.type = 'Choose the kind of audit';
	if (type?.themed && !text('theme')) errors.theme = 'Enter the theme of the audit';
	if (text('theme').length > 200) errors.theme = 'The theme must be 200 characters or fewer';
	const caseProblem = caseRefProblem(text('caseRef'));
	if (caseProblem) errors.caseRef = caseProblem;

	Object.assign(errors, await peopleProblems(db, auditorId, text));
	const { audited, start, end } = readDates(form, values, errors, today);
	if (Object.keys(errors).length) return { values, errors };

	const auditedOn = audited.value!;
	const periodEnd = end.value ?? auditedOn;
	const periodStart = start.value ?? addMonths(periodEnd, -definition.periodMonths);
	if (periodStart >= periodEnd)
		return { values, errors: { periodStart: 'The period must start before it ends' } };
	if (periodEnd > auditedOn)
		return { values, errors: { periodEnd: 'The period cannot end after the date of the audit' } };

	const managerId = text('managerId') || (await teamManager(db, text('practitionerId')));
	if (!managerId)
		return {
			values,
			errors: {
				managerId: 'The practitioner’s team has no manager: choose the team manager from the list'
			}
		};
	return {
		values,
		errors,
		details: {
			type: type!.id,
			theme: type!.themed ? text('theme') : null,
			caseRef: text('caseRef').toUpperCase(),
			practitionerId: text('practitionerId'),
			managerId,
			coAuditorId: text('coAuditorId') || null,
			periodStart,
			periodEnd,
			auditedOn
		}
	};
}

/** Who the audit is of, and with: people from the lists, and never the auditor's own practice. */
async function peopleProblems(db: Db, auditorId: string, text: (key: string) => string) {
	const errors: FieldErrors = {};
	const choices = await auditFormChoices(db);
	const isIn = (list: { value: string }[], id: string) => list.some((c) => c.value === id);
	if (!isIn(choices.practitioners, text('practitionerId')))
		errors.practitionerId = 'Choose the practitioner whose work is audited';
	else if (text('practitionerId') === auditorId)
		errors.practitionerId = 'You cannot audit your own practice';
	if (text('managerId') && !isIn(choices.managers, text('managerId')))
		errors.managerId = 'Choose the team manager from the list';
	if (text('coAuditorId') && !isIn(choices.auditors, text('coAuditorId')))
		errors.coAuditorId = 'Choose the second auditor from the list';
	else if (text('coAuditorId') === auditorId)
		errors.coAuditorId = 'Choose someone else as the second auditor, or leave it blank';
	else if (text('coAuditorId') && text('coAuditorId') === text('practitionerId'))
		errors.coAuditorId = 'The second auditor cannot be the practitioner whose work is audited';

	return errors;
}

/** The date of the audit and the period it looks at, as typed; their problems go in `errors`. */
function readDates(
	form: FormData,
	values: Record<string, unknown>,
	errors: FieldErrors,
	today: string
) {
	const audited = parseDateParts(form, 'auditedOn', 'date of the audit');
	values.auditedOn = audited.parts;
	if (audited.error) errors.auditedOn = audited.error;
	else if (audited.value! > today)
		errors.auditedOn = 'The date of the audit must be today or in the past';
	const start = optionalDateParts(form, 'periodStart', 'start of the period');
	const end = optionalDateParts(form, 'periodEnd', 'end of the period');
	values.periodStart = start.parts;
	values.periodEnd = end.parts;
	if (start.error) errors.periodStart = start.error;
	if (end.error) errors.periodEnd = end.error;
	return { audited, start, end };
}

/** The manager of the practitioner's team, if it has one. */
async function teamManager(db: Db, practitionerId: string) {
	const team = await db
		.selectFrom('users')
		.innerJoin('teams', 'teams.id', 'users.team_id')
		.select('teams.manager_id')
		.where('users.id', '=', practitionerId)
		.executeTakeFirst();
	return team?.manager_id ?? null;
}
