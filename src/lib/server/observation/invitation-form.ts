import { addDays, dateOnly } from '../db/time';
import { observerKinds, type ObserverKind } from '../db/schema';
import { emailField, formValues, parseDateParts, textOf, type FieldErrors } from '../forms';
import type { InvitationInput } from './invitations';
import { observationSettings } from './observations';

// The practitioner's invitation form: who observes (`observer`: `assessor`, `colleague` or
// `external`), their email (`observerEmail`) and, from outside, name (`observerName`), the day
// (`date-day`, `-month`, `-year`) and the setting (`setting`, from the observation form's list).

/** How far back a day may be: an observation that has happened, not yet written up. */
export const daysBack = 28;
/** How far ahead: an outside observer's link lasts until 14 days after the day. */
export const daysAhead = 183;

export interface InvitationForm {
	values: Record<string, unknown>;
	errors: FieldErrors;
	input?: InvitationInput;
}

const isObserverKind = (value: string): value is ObserverKind =>
	(observerKinds as readonly string[]).includes(value);

/** Reads and checks the invitation form, as of `today`. */
export function readInvitationForm(form: FormData, today = dateOnly()): InvitationForm {
	const values = formValues(form);
	const errors: FieldErrors = {};
	const observer = textOf(form, 'observer');
	if (!isObserverKind(observer)) errors.observer = 'Choose who will observe you';
	const email = emailField('Enter their email address').safeParse(textOf(form, 'observerEmail'));
	if ((observer === 'colleague' || observer === 'external') && !email.success)
		errors.observerEmail = email.error.issues[0].message;
	const name = textOf(form, 'observerName');
	if (observer === 'external' && !name) errors.observerName = 'Enter their full name';
	else if (name.length > 200) errors.observerName = 'Their name must be 200 characters or fewer';
	const date = parseDateParts(form, 'date', 'date of the observation');
	values.date = date.parts;
	if (date.error) errors.date = date.error;
	else if (date.value! < addDays(today, -daysBack))
		errors.date = 'The date of the observation must be no more than 4 weeks ago';
	else if (date.value! > addDays(today, daysAhead))
		errors.date = 'The date of the observation must be within the next 6 months';
	const setting = textOf(form, 'setting');
	if (!observationSettings.includes(setting))
		errors.setting = 'Choose where the observation will take place';
	if (Object.keys(errors).length || !isObserverKind(observer)) return { values, errors };
	return {
		values,
		errors,
		input: {
			observer,
			observerEmail: email.success ? email.data : '',
			observerName: observer === 'external' ? name : '',
			plannedOn: date.value!,
			setting
		}
	};
}
