import type { Reader } from './database';
import type { FuzzContext } from './setups';

// The demo authority as the fuzz test uses it: which accounts do what, and real ids.

export type Ids = Record<string, string>;

export const accounts = {
	practitioner: 'practitioner@demo.test',
	supervisor: 'supervisor@demo.test',
	auditor: 'auditor@demo.test',
	psw: 'psw@demo.test',
	admin: 'admin@demo.test',
	/** Has not signed the support and assessment agreement. */
	unsigned: 'tom.ellis@demo.test',
	/** The administration pages change, deactivate and reactivate this person. */
	administered: 'peter.lane@demo.test',
	/** Erased on request: the bodies that type this address erase her, once. */
	erased: 'isla.fraser@demo.test',
	/** Signs out over and over; nobody else uses the account. */
	signsOut: 'maya.joseph@demo.test',
	/** Sign-in bodies name this account, so some of them succeed. */
	signsIn: 'noah.bennett@demo.test',
	/** Sets up two-factor authentication: no body can know the app's code, so it stays off. */
	setsUpTwoFactor: 'sara.novak@demo.test',
	/** Has two-factor authentication on: its recovery codes made again, or turned off. */
	hasTwoFactor: 'kemi.afolabi@demo.test',
	/** Has two-factor authentication on, and signs in with a password, to be asked for a code. */
	signsInWithCode: 'liam.murphy@demo.test',
	/** Set-password links are made for this account. */
	resetsPassword: 'olivia.grant@demo.test',
	/** Not enrolled on a programme at first: enrolled and ended, by each who may. */
	enrolled: 'new.starter@demo.test',
	/**
	 * Social workers not on a programme: enrolled by the fuzz test, one for each action that
	 * changes an enrolment, so no action's bodies leave dates in another's way.
	 */
	enrolments: ['mark.fenton', 'joe.kelly', 'ruth.ambrose', 'ben.harris', 'jamal.ahmed']
		.concat(['hannah.reid', 'yasmin.haddad', 'george.evans', 'colleague', 'emma.clarke'])
		.concat(['zainab.ali', 'adam.wright'])
		.map((name) => `${name}@demo.test`)
};

/** Real ids from the demo authority, found once its server has started. */
export async function demoIds(reader: Reader): Promise<Ids> {
	const one = async (what: string, sql: string, params: unknown[] = []) => {
		const [row] = await reader.query<Record<string, string>>(sql, params);
		if (!row) throw new Error(`The demo data has no ${what}`);
		return row;
	};
	const user = async (email: string) =>
		(await one(email, 'select id from users where email = ?', [email])).id;
	const priya = await user(accounts.practitioner);
	const lucy = await user('lucy.chen@demo.test');
	const evidence = (status: string, offset = 0) =>
		one(
			`${status} record`,
			`select id from evidence where owner_id = ? and status = ? order by created_at, id limit 1 offset ${offset}`,
			[priya, status]
		);
	const followUp = await one(
		'finalised audit awaiting its response, receipt and actions',
		`select a.id, u.email as manager from audits a join users u on u.id = a.manager_id
		 where a.status = 'finalised' and a.escalation is not null and a.response is null
		   and a.receipt_at is null and a.moderator_id is null
		   and exists (select 1 from audit_actions x where x.audit_id = a.id and x.done_at is null)
		 order by a.created_at, a.id limit 1`
	);
	// One query at a time: the reader is one connection (pg warns of queries sent while one runs).
	const enrolled: Record<string, string> = {};
	for (const [n, email] of accounts.enrolments.entries())
		enrolled[`enrolment${n}`] = await user(email);
	return {
		priya,
		lucy,
		person: await user(accounts.administered),
		erased: await user(accounts.erased),
		resetsPassword: await user(accounts.resetsPassword),
		enrolled: await user(accounts.enrolled),
		...enrolled,
		draft: (await evidence('draft')).id,
		otherDraft: (await evidence('draft', 1)).id,
		submitted: (await evidence('submitted')).id,
		otherSubmitted: (await evidence('submitted', 1)).id,
		observed: (
			await one(
				'observation',
				'select evidence_id as id from observations where practitioner_id = ?',
				[priya]
			)
		).id,
		supervisionRecord: (
			await one(
				'supervision record',
				'select id from supervision_records where practitioner_id = ?',
				[priya]
			)
		).id,
		draftAudit: (
			await one(
				'draft audit',
				"select id from audits where practitioner_id = ? and status = 'draft' and auditor_id = ?",
				[priya, await user(accounts.auditor)]
			)
		).id,
		finalAudit: (
			await one(
				'finalised audit',
				"select id from audits where practitioner_id = ? and status = 'finalised' order by audited_on limit 1",
				[priya]
			)
		).id,
		followUpAudit: followUp.id,
		manager: followUp.manager,
		assignment: (
			await one(
				'service-wide pathway',
				"select id from pathway_assignments where scope = 'service'"
			)
		).id,
		lucysSignedOutcome: (
			await one(
				'signed-off outcome',
				"select outcome_id as id from signoffs where practitioner_id = ? and action = 'sign-off' order by sequence desc limit 1",
				[lucy]
			)
		).id,
		team: (await one('team', 'select id from teams order by name limit 1')).id
	};
}

/**
 * Makes sure there is an unused set-password link for `accounts.resetsPassword`, in `ids.token`:
 * sent by an administrator, since the forgot-password form sends only a few an hour to one
 * address and this needs one for each body that sets the password.
 */
export async function freshResetLink({ ids, reader, people }: FuzzContext) {
	const open = await reader.query(
		'select id from one_time_tokens where user_id = ? and used_at is null and expires_at > ?',
		[ids.resetsPassword, new Date().toISOString()]
	);
	if (open.length && ids.token) return;
	await (await people.as(accounts.admin)).submit(`/admin/people/${ids.resetsPassword}?/resend`, {});
	const [mail] = await reader.query<{ body: string }>(
		'select body from outbox where recipient = ? order by created_at desc limit 1',
		[accounts.resetsPassword]
	);
	ids.token = mail.body.match(/\/set-password\/(\S+)/)![1];
}

/** Makes sure `ids.deletable` is a draft of Priya's that exists, writing a new one if need be. */
export async function freshDraft({ ids, reader, people }: FuzzContext) {
	if (ids.deletable) {
		const found = await reader.query('select id from evidence where id = ?', [ids.deletable]);
		if (found.length) return;
	}
	const today = new Date();
	const answer = await (
		await people.as(accounts.practitioner)
	).submit('/portfolio/new', {
		title: 'A draft to delete',
		'activityDate-day': String(today.getDate()),
		'activityDate-month': String(today.getMonth() + 1),
		'activityDate-year': String(today.getFullYear()),
		type: 'reflective-account',
		reflectionModel: 'free'
	});
	const id = String(answer.headers.location).match(/^\/portfolio\/([^/?]+)\?saved=created$/)?.[1];
	if (!id)
		throw new Error(`A new draft was not saved: ${answer.status} ${answer.headers.location}`);
	ids.deletable = id;
}

/** Checks a staff file of one new person, as an administrator would, into `ids.staffFile`. */
export async function checkStaffFile({ ids, people }: FuzzContext) {
	const { page } = await people.as(accounts.admin);
	await page.goto('/admin/import');
	await page.getByLabel('CSV file').setInputFiles({
		name: 'fuzz.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(
			'email,given_name,family_name,roles\nfuzz.import@demo.test,Fuzz,Import,practitioner\n'
		)
	});
	await Promise.all([
		page.waitForURL(/\/admin\/import\/[0-9a-f-]{36}/),
		page.getByRole('button', { name: 'Check the file' }).click()
	]);
	ids.staffFile = new URL(page.url()).pathname.split('/').at(-1)!;
}

/**
 * Makes sure `ids.feedbackToken` is a link to a child's feedback form, asked for by Priya, not
 * yet answered: a new request, read from its email, once an answer has used the last one.
 */
export async function freshFeedbackLink({ ids, reader, people }: FuzzContext) {
	const email = 'fuzz.child@example.com';
	const [waiting] = await reader.query<{ request_id: string }>(
		'select request_id from feedback_contacts where email = ?',
		[email]
	);
	if (waiting && ids.feedbackToken) return;
	await (
		await people.as(accounts.practitioner)
	).submit('/portfolio/feedback/new', { relationship: 'child', email });
	const [mail] = await reader.query<{ body: string }>(
		'select body from outbox where recipient = ? order by created_at desc limit 1',
		[email]
	);
	ids.feedbackToken = mail.body.match(/\/feedback\/(\S+)/)![1];
}
