import { accounts } from './demo';
import type { FuzzContext } from './setups';

// Invitations to observe for the fuzz test: an action that records, declines or withdraws one,
// or uses an observer's link, closes it, so each body starts from one still open.

/** Two days ahead, as the invitation form's date fields. */
function plannedDay() {
	const day = new Date(Date.now() + 2 * 86_400_000);
	return {
		'date-day': String(day.getUTCDate()),
		'date-month': String(day.getUTCMonth() + 1),
		'date-year': String(day.getUTCFullYear())
	};
}

const outsider = 'fuzz.observer@example.org';

async function isOpen({ reader }: FuzzContext, id: string | undefined) {
	if (!id) return false;
	const [row] = await reader.query<{ status: string }>(
		'select status from observation_invitations where id = ?',
		[id]
	);
	return row?.status === 'open';
}

/** The demo practitioner invites an observer, as her form does; the new invitation's id. */
async function invite({ ids, reader, people }: FuzzContext, fields: Record<string, string>) {
	await (
		await people.as(accounts.practitioner)
	).submit('/portfolio/observations/new', { ...plannedDay(), setting: 'Home visit', ...fields });
	const [made] = await reader.query<{ id: string }>(
		'select id from observation_invitations where practitioner_id = ? order by created_at desc, id limit 1',
		[ids.priya]
	);
	return made.id;
}

/** Makes sure `ids.invitation` is open to her assessor, supervisor@demo.test. */
export async function openInvitation(context: FuzzContext) {
	const { ids } = context;
	if (await isOpen(context, ids.invitation)) return;
	ids.invitation = await invite(context, { observer: 'assessor' });
}

/** Makes sure `ids.observeToken` is an unused link of an open invitation from outside. */
export async function freshObserverLink(context: FuzzContext) {
	const { ids, reader } = context;
	if (ids.observeToken && (await isOpen(context, ids.observedByLink))) return;
	ids.observedByLink = await invite(context, {
		observer: 'external',
		observerEmail: outsider,
		observerName: 'Fuzz Observer'
	});
	const [mail] = await reader.query<{ body: string }>(
		'select body from outbox where recipient = ? order by created_at desc limit 1',
		[outsider]
	);
	ids.observeToken = mail.body.match(/\/observe\/(\S+)/)![1];
}
