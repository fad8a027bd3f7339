import { formatDate, plural } from '$lib/format';
import { groupedBy } from '$lib/grouped';
import type { SessionUser } from '../auth/session';
import type { Db } from '../db';
import { batches } from '../db/batches';
import { dateOnly, timestamp } from '../db/time';
import { sendMail } from '../mail/outbox';
import { cpdRule } from '../workforce';
import { registrationYear, reminderDue, type CpdRule } from '../workforce/cpd-rule';
import { cpdChecklist } from './checks';
import { cpdRecordsOf } from './records';

// Reminders that the registration year is ending (from 1 September), and again to those who
// have not yet recorded what the rule asks (from 1 November): on the home page while they
// apply, and by email once a person and reminder day. They go to everyone active with a
// registration number, whatever their roles: each of them keeps their CPD records here.

type Checklist = ReturnType<typeof cpdChecklist>;

/** "2 pieces of CPD, 1 of them reflected on with a peer", and what the rule asks, in words. */
export function progressInWords(rule: CpdRule, checklist: Checklist) {
	const done = `You have recorded ${plural(checklist.records, 'piece')} of CPD this year, ${checklist.peerReflected} of them reflected on with a peer`;
	return checklist.shortfall.met
		? `${done}: what Social Work England asks for.`
		: `${done}. Social Work England asks for at least ${rule.minimumRecords}, at least ${rule.minimumPeerReflected} of them reflected on with a peer.`;
}

/** What the home page says, while a reminder applies to this person; null otherwise. */
export async function cpdReminderFor(
	db: Db,
	user: SessionUser,
	today = dateOnly(),
	rule = cpdRule()
) {
	const person = await db
		.selectFrom('users')
		.select('swe_number')
		.where('id', '=', user.id)
		.executeTakeFirst();
	if (!person?.swe_number) return null;
	const year = registrationYear(rule, today);
	const checklist = cpdChecklist(rule, await cpdRecordsOf(db, [user.id], year.start, year.end));
	const due = reminderDue(rule, today, checklist.shortfall.met);
	if (!due) return null;
	return { kind: due.kind, yearEnds: year.end, progress: progressInWords(rule, checklist) };
}

/**
 * Emails each active person with a registration number the reminder due today, if not sent
 * before: marked first, so a crash between the two loses a reminder rather than sending it
 * twice. Safe to run as often as you like. The number sent.
 */
export async function sendCpdReminders(
	db: Db,
	origin: string,
	today = dateOnly(),
	rule = cpdRule()
) {
	if (!reminderDue(rule, today, false)) return 0;
	const year = registrationYear(rule, today);
	const people = await db
		.selectFrom('users')
		.select(['id', 'name', 'email'])
		.where('active', '=', 1)
		.where('swe_number', 'is not', null)
		.orderBy('id')
		.execute();
	// The days a reminder may be due on today: with the year's CPD recorded, or not yet.
	const days = [true, false].map((met) => reminderDue(rule, today, met)?.on ?? '');
	let sent = 0;
	for (const group of batches(people)) {
		const ids = group.map((p) => p.id);
		const records = groupedBy(await cpdRecordsOf(db, ids, year.start, year.end), (r) => r.ownerId);
		// Those reminded already are passed over without a statement each (40,000 at national size).
		const reminded = new Set(
			(
				await db
					.selectFrom('cpd_reminders')
					.select(['user_id', 'reminder_on'])
					.where('user_id', 'in', ids)
					.where('reminder_on', 'in', days)
					.execute()
			).map((r) => `${r.user_id} ${r.reminder_on}`)
		);
		for (const person of group) {
			const checklist = cpdChecklist(rule, records(person.id));
			const due = reminderDue(rule, today, checklist.shortfall.met)!;
			if (reminded.has(`${person.id} ${due.on}`)) continue;
			const marked = await db
				.insertInto('cpd_reminders')
				.values({ user_id: person.id, reminder_on: due.on, kind: due.kind, sent_at: timestamp() })
				.onConflict((oc) => oc.columns(['user_id', 'reminder_on']).doNothing())
				.executeTakeFirst();
			if (Number(marked.numInsertedOrUpdatedRows ?? 0) === 0) continue;
			await sendMail(db, reminderMail(rule, person, due.kind, year.end, checklist, origin));
			sent++;
		}
	}
	return sent;
}

function reminderMail(
	rule: CpdRule,
	person: { name: string; email: string },
	kind: 'first' | 'second',
	yearEnds: string,
	checklist: Checklist,
	origin: string
) {
	const ends = formatDate(yearEnds);
	return {
		to: person.email,
		subject:
			kind === 'first'
				? `Your registration year ends on ${ends}`
				: `Your CPD for this registration year is not yet complete`,
		body: [
			`Dear ${person.name},`,
			`Your Social Work England registration year ends on ${ends}. Renew your registration by then, and record your CPD for the year in your Social Work England online account.`,
			progressInWords(rule, checklist),
			`Your CPD this year, ready to download and copy into your account: ${origin}/portfolio/cpd`
		].join('\n\n')
	};
}
