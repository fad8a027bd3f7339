import { createHash } from 'node:crypto';
import { accounts } from './demo';
import type { Reader } from './database';
import type { FuzzContext } from './setups';

// Links for people without an account, for the fuzz test: an unused one whenever a body may use
// one up, found by hashing the tokens in the outbox (only hashes are stored).

/** Whether a token's link can still be used. */
async function isOpen(reader: Reader, token: string | undefined) {
	if (!token) return false;
	const id = createHash('sha256').update(token).digest('hex');
	const open = await reader.query(
		'select id from guest_links where id = ? and used_at is null and expires_at > ?',
		[id, new Date().toISOString()]
	);
	return open.length > 0;
}

/** The tokens in the emails of a kind, newest first. */
async function tokensIn(reader: Reader, page: string) {
	const mails = await reader.query<{ body: string }>(
		'select body from outbox where body like ? order by created_at desc',
		[`%/${page}/%`]
	);
	return mails.map((m) => new RegExp(`/${page}/(\\S+)`).exec(m.body)![1]);
}

/** The email address the auditor asks for a view, whose links the fuzz test answers. */
const respondent = 'fuzz.parent@example.com';

/** Makes sure `ids.voiceToken` opens an unanswered view, asking for another when it is used. */
export async function freshVoiceLink({ ids, reader, people }: FuzzContext) {
	if (await isOpen(reader, ids.voiceToken)) return;
	await (
		await people.as(accounts.auditor)
	).submit(`/audits/${ids.draftAudit}/views/ask`, {
		relationship: 'parent-carer',
		email: respondent,
		name: ''
	});
	const [mail] = await reader.query<{ body: string }>(
		'select body from outbox where recipient = ? order by created_at desc limit 1',
		[respondent]
	);
	ids.voiceToken = /\/have-your-say\/(\S+)/.exec(mail.body)![1];
}

/**
 * Makes sure `ids.healthToken` is an unused link of an open health check: the demo's has closed,
 * so one is opened for next year first. When every link has been used, the last stays (and
 * answers 410, as it should).
 */
export async function freshHealthLink({ ids, reader, people }: FuzzContext) {
	if (await isOpen(reader, ids.healthToken)) return;
	const today = new Date().toISOString().slice(0, 10);
	const open = await reader.query(
		'select id from health_checks where closed_at is null and closes_on >= ?',
		[today]
	);
	if (!open.length) {
		const closes = new Date(Date.now() + 14 * 86_400_000);
		await (
			await people.as(accounts.psw)
		).submit('/workforce/health-check?/open', {
			year: String(new Date().getUTCFullYear() + 1),
			'closesOn-day': String(closes.getUTCDate()),
			'closesOn-month': String(closes.getUTCMonth() + 1),
			'closesOn-year': String(closes.getUTCFullYear())
		});
	}
	for (const token of await tokensIn(reader, 'health-check'))
		if (await isOpen(reader, token)) {
			ids.healthToken = token;
			return;
		}
	if (!ids.healthToken) throw new Error('No health check could be opened to answer');
}
