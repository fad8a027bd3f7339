import { addDays } from '../db/time';
import { publicOrigin } from '../http/origin.js';
import { recordObservation } from '../observation/observations';
import { inviteObservation, recordObservationByLink } from '../observation/invitations';
import { addMonths, programmeMonth } from '../programme/month';
import { mappingOf, openLink, type Demo } from './authority';
import type { Asye } from './seed-programme';

/** Observations of practice by their assessor, as far as they are into their year. */
export async function seedObservations({ db, content, now, today }: Demo, asye: Asye) {
	const month = programmeMonth(asye.starts_on, today);
	for (const { fromMonth, monthsIn, statement, ...observation } of content.programme.observations) {
		if (month < fromMonth) continue;
		const observedOn = addMonths(asye.starts_on, monthsIn);
		const form = { ...observation, observedOn, ...mappingOf([], [statement]) };
		await recordObservation(db, asye.assessor.id, asye.userId, form, now);
	}
}

/**
 * The demo ASYE's observations by invitation, through the app's own functions: one from outside
 * the authority, invited, emailed and recorded through its link; and one open to their assessor.
 */
export async function seedDemoInvitations({ db, content, now, today, person, ago }: Demo) {
	const practitioner = person(content.programme.demoAsye).id;
	const origin = publicOrigin();
	const { recorded, open } = content.programme.invitedObservations;
	const { observerName, observerEmail, setting, wentWell, toDevelop, statement } = recorded;
	const observedOn = addDays(today, -recorded.daysAgo);
	const observer = 'external' as const;
	const external = { observer, observerName, observerEmail, plannedOn: observedOn, setting };
	const invited = ago(recorded.invitedDaysAgo);
	const { token } = await inviteObservation(db, practitioner, external, origin, invited);
	const writtenUp = ago(recorded.daysAgo - 1);
	const link = await openLink(db, token!, 'observation', writtenUp);
	const input = { observedOn, setting, wentWell, toDevelop, ...mappingOf([], [statement]) };
	await recordObservationByLink(db, link, input, false, writtenUp);
	const plannedOn = addDays(today, open.daysAhead);
	const toAssessor = { observerEmail: '', observerName: '', plannedOn, setting: open.setting };
	await inviteObservation(db, practitioner, { observer: 'assessor', ...toAssessor }, origin, now);
}
