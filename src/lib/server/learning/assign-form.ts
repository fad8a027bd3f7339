import { error } from '@sveltejs/kit';
import type { SessionUser } from '../auth/session';
import { hasRole } from '../auth/access';
import type { Db } from '../db';
import { dateOnly } from '../db/time';
import { optionalDateParts, formValues, type FieldErrors } from '../forms';
import { practitionersOf, supervisingKinds } from '../people/relationships';
import { listPeopleWithRole } from '../people/users';
import type { AssignmentInput, AssignmentScope } from './assignments';

/**
 * Whom someone may assign a pathway to: a supervisor, the people they line-manage or supervise
 * and the teams they manage; a principal social worker, anyone, any team, or the whole service.
 */
export async function assignableTo(db: Db, user: SessionUser) {
	const psw = hasRole(user, 'psw');
	if (!psw && !hasRole(user, 'supervisor'))
		error(403, 'Only supervisors and principal social workers assign learning pathways.');
	const people = psw
		? await listPeopleWithRole(db, 'practitioner')
		: await practitionersOf(db, user.id, supervisingKinds);
	let teams = db.selectFrom('teams').select(['id', 'name']).orderBy('name');
	if (!psw) teams = teams.where('manager_id', '=', user.id);
	const scopes: AssignmentScope[] = ['person'];
	const teamList = await teams.execute();
	if (teamList.length) scopes.push('team');
	if (psw) scopes.push('service');
	return {
		scopes,
		people: people.map((p) => ({ value: p.id, label: p.name })),
		teams: teamList.map((t) => ({ value: t.id, label: t.name }))
	};
}

export type Assignable = Awaited<ReturnType<typeof assignableTo>>;

/** Reads the assignment form against what this person may assign. */
export async function parseAssignment(
	db: Db,
	allowed: Assignable,
	pathwayId: string,
	form: FormData,
	today = dateOnly()
): Promise<{ values: Record<string, unknown>; errors: FieldErrors; input?: AssignmentInput }> {
	const values = formValues(form);
	const text = (key: string) => String(values[key] ?? '');
	const errors: FieldErrors = {};
	const scope = text('scope') as AssignmentScope;
	if (!allowed.scopes.includes(scope)) errors.scope = 'Choose whom to assign the pathway to';
	if (scope === 'person' && !allowed.people.some((p) => p.value === text('practitionerId')))
		errors.practitionerId = 'Choose the person';
	if (scope === 'team' && !allowed.teams.some((t) => t.value === text('teamId')))
		errors.teamId = 'Choose the team';
	const due = optionalDateParts(form, 'dueOn', 'date to complete it by');
	values.dueOn = due.parts;
	if (due.error) errors.dueOn = due.error;
	else if (due.value && due.value < today)
		errors.dueOn = 'The date to complete it by must be today or in the future';
	let needId: string | null = text('needId') || null;
	if (needId && scope === 'person') {
		const need = await db
			.selectFrom('learning_needs')
			.select('id')
			.where('id', '=', needId)
			.where('practitioner_id', '=', text('practitionerId'))
			.executeTakeFirst();
		if (!need) needId = null;
	} else needId = null;
	if (Object.keys(errors).length) return { values, errors };
	return {
		values,
		errors,
		input: {
			pathwayId,
			scope,
			practitionerId: text('practitionerId'),
			teamId: text('teamId'),
			needId,
			dueOn: due.value ?? null
		}
	};
}
