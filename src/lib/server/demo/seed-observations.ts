import { addDays, days } from '../db/time';
import { openGuestLink } from '../links/guest-links';
import { inviteObservation, recordObservationByLink } from '../observation/invitations';
import type { Demo } from './authority';
import { demoFrameworkVersion as frameworkVersion } from '../content/demo';

const origin = 'http://localhost:3000';

/**
 * The demo ASYE's observations by invitation, through the app's own functions: one from outside
 * the authority, invited, emailed and recorded through its link; and one open to their assessor.
 */
export async function seedDemoInvitations({ db, content, now, today, person }: Demo) {
	const practitioner = person(content.programme.demoAsye).id;
	const { recorded, open } = content.programme.invitedObservations;
	const ago = (n: number) => new Date(now.getTime() - days(n));
	const observedOn = addDays(today, -recorded.daysAgo);
	const { token } = await inviteObservation(
		db,
		practitioner,
		{
			observer: 'external',
			observerName: recorded.observerName,
			observerEmail: recorded.observerEmail,
			plannedOn: observedOn,
			setting: recorded.setting
		},
		origin,
		ago(recorded.invitedDaysAgo)
	);
	const writtenUp = ago(recorded.daysAgo - 1);
	const link = await openGuestLink(db, token!, 'observation', 'demo', writtenUp);
	if (link.state !== 'open') throw new Error(`the demo's observation link is ${link.state}`);
	const outcomeId = recorded.statement.split(' ')[0];
	const input = {
		observedOn,
		setting: recorded.setting,
		wentWell: recorded.wentWell,
		toDevelop: recorded.toDevelop,
		frameworkVersion,
		outcomes: [outcomeId],
		statements: [{ outcomeId, statementId: recorded.statement }]
	};
	await recordObservationByLink(db, link, input, false, writtenUp);
	const plannedOn = addDays(today, open.daysAhead);
	const invitation = { observerEmail: '', observerName: '', plannedOn, setting: open.setting };
	await inviteObservation(db, practitioner, { observer: 'assessor', ...invitation }, origin, now);
}
