import { expect } from '@playwright/test';
import type { Reader } from './database';
import { completeForm, type Field } from './forms';
import type { People } from './people';

// How to fuzz each form action: who is entitled to use it, which real record it acts on, and
// what must be true first. Listed in the order they run: actions that use up or close what
// others need (finalising, ending supervision, signing out) come after those others.

export interface FuzzContext {
	ids: Ids;
	reader: Reader;
	people: People;
}

export interface Setup {
	/** Who posts: a demo account's email, or null for someone signed out. */
	as: string | null | ((ids: Ids) => string);
	/** The action's page with real ids: its form is read there, and bodies are posted to it. */
	path: (ids: Ids) => string;
	/** Brings a record into the state the action needs, once, before its form is read. */
	prepare?: (context: FuzzContext) => Promise<void>;
	/** Runs before every body, for actions that use up what they act on. */
	eachRun?: (context: FuzzContext) => Promise<void>;
	/**
	 * The form's fields, only for a form the page cannot show because the app has no way to
	 * reach the state it needs (say which); otherwise they are read from the page.
	 */
	fields?: Field[];
	/** Sign-in: each body from an address of its own, as an attacker spreading guesses would. */
	freshAddress?: boolean;
	/** Tables a refusal is meant to change (say why); any other change with a 4xx fails. */
	refusalChanges?: string[];
}

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
	/** Signs out over and over; nobody else uses the account. */
	signsOut: 'maya.joseph@demo.test',
	/** Sign-in bodies name this account, so some of them succeed. */
	signsIn: 'noah.bennett@demo.test',
	/** Set-password links are made for this account. */
	resetsPassword: 'olivia.grant@demo.test'
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
	return {
		priya,
		lucy,
		person: await user(accounts.administered),
		resetsPassword: await user(accounts.resetsPassword),
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

const { practitioner, supervisor, auditor, psw, admin } = accounts;

/** Makes sure there is an unused set-password link for `accounts.resetsPassword`, in `ids.token`. */
async function freshResetLink({ ids, reader, people }: FuzzContext) {
	const open = await reader.query(
		'select id from one_time_tokens where user_id = ? and used_at is null and expires_at > ?',
		[ids.resetsPassword, new Date().toISOString()]
	);
	if (open.length && ids.token) return;
	await (await people.as(null)).submit('/forgot-password', { email: accounts.resetsPassword });
	const [mail] = await reader.query<{ body: string }>(
		'select body from outbox where recipient = ? order by created_at desc limit 1',
		[accounts.resetsPassword]
	);
	ids.token = mail.body.match(/\/set-password\/(\S+)/)![1];
}

export const setups: Record<string, Setup> = {
	// A practitioner's own portfolio.
	'/portfolio/new': { as: practitioner, path: () => '/portfolio/new' },
	'/portfolio/[id]?/save': { as: practitioner, path: (ids) => `/portfolio/${ids.draft}` },
	'/portfolio/[id]/mapping': { as: practitioner, path: (ids) => `/portfolio/${ids.draft}/mapping` },
	'/portfolio/[id]?/comment': { as: practitioner, path: (ids) => `/portfolio/${ids.draft}` },
	'/portfolio/[id]?/removeFile': {
		as: practitioner,
		path: (ids) => `/portfolio/${ids.draft}`,
		prepare: async ({ ids, people }) => {
			// A file to remove, attached as a person would: in the browser, with the form as it is.
			const { page } = await people.as(practitioner);
			await page.goto(`/portfolio/${ids.draft}`);
			await page.locator('#editor input[type=file]').setInputFiles({
				name: 'notes.txt',
				mimeType: 'text/plain',
				buffer: Buffer.from('Notes to remove')
			});
			await page.locator('#editor').getByRole('button', { name: 'Save draft' }).click();
			await expect(page).toHaveURL(/saved=saved/);
		}
	},
	'/portfolio/[id]?/submit': { as: practitioner, path: (ids) => `/portfolio/${ids.otherDraft}` },
	'/portfolio/[id]?/reflect': { as: practitioner, path: (ids) => `/portfolio/${ids.observed}` },
	'/portfolio/self-assessment': { as: practitioner, path: () => '/portfolio/self-assessment' },
	'/portfolio/learning/[assignmentId]?/save': {
		as: practitioner,
		path: (ids) => `/portfolio/learning/${ids.assignment}`
	},
	// Refused because steps are left, it still keeps what was ticked and written.
	'/portfolio/learning/[assignmentId]?/complete': {
		as: practitioner,
		path: (ids) => `/portfolio/learning/${ids.assignment}`,
		refusalChanges: ['pathway_progress']
	},
	'/portfolio/programme?/time': { as: practitioner, path: () => '/portfolio/programme' },
	'/portfolio/programme?/sign': { as: accounts.unsigned, path: () => '/portfolio/programme' },
	'/supervision/records/[id]?/useAsEvidence': {
		as: practitioner,
		path: (ids) => `/supervision/records/${ids.supervisionRecord}`
	},

	// Her supervisor.
	'/portfolio/[id]?/accept': { as: supervisor, path: (ids) => `/portfolio/${ids.submitted}` },
	'/portfolio/[id]?/return': { as: supervisor, path: (ids) => `/portfolio/${ids.otherSubmitted}` },
	'/supervision/[practitionerId]/records/new': {
		as: supervisor,
		path: (ids) => `/supervision/${ids.priya}/records/new`
	},
	'/supervision/[practitionerId]/observations/new': {
		as: supervisor,
		path: (ids) => `/supervision/${ids.priya}/observations/new`
	},
	'/supervision/[practitionerId]/reviews/[reviewId]': {
		as: supervisor,
		path: (ids) => `/supervision/${ids.priya}/reviews/month-6`
	},
	'/supervision/[practitionerId]/outcomes/[outcomeId]?/signOff': {
		as: supervisor,
		path: (ids) => `/supervision/${ids.priya}/outcomes/2.3`
	},
	'/supervision/[practitionerId]/outcomes/[outcomeId]?/withdraw': {
		as: supervisor,
		path: (ids) => `/supervision/${ids.lucy}/outcomes/${ids.lucysSignedOutcome}`
	},
	'/supervision/[practitionerId]/programme?/hours': {
		as: supervisor,
		path: (ids) => `/supervision/${ids.priya}/programme`
	},
	// Only the demo seed enrols anyone, and every enrolment has an agreement its supervisor has
	// signed: the app cannot show these two forms. Their fields, from the page's markup:
	'/supervision/[practitionerId]/programme?/agreement': {
		as: supervisor,
		path: (ids) => `/supervision/${ids.priya}/programme`,
		fields: [{ name: 'terms', kind: 'textarea', values: [] }]
	},
	'/supervision/[practitionerId]/programme?/sign': {
		as: supervisor,
		path: (ids) => `/supervision/${ids.priya}/programme`,
		fields: [{ name: 'as', kind: 'hidden', values: ['supervisor'] }]
	},
	// Last of the programme page: every extension adds to what the page shows.
	'/supervision/[practitionerId]/programme?/extend': {
		as: supervisor,
		path: (ids) => `/supervision/${ids.priya}/programme`
	},
	'/pathways/[id]/assign': { as: psw, path: () => '/pathways/planning-with-purpose/assign' },

	// The moderation pack: a final review is recorded first, so it can be countersigned and decided.
	'/supervision/[practitionerId]/pack?/countersign': {
		as: psw,
		path: (ids) => `/supervision/${ids.lucy}/pack`,
		prepare: async ({ ids, people }) => {
			await (
				await people.as(supervisor)
			).submit(`/supervision/${ids.lucy}/reviews/final`, {
				strengths: 'Confident, reflective practice',
				areasToDevelop: 'Court work',
				recommendation: 'pass'
			});
		}
	},
	'/supervision/[practitionerId]/pack?/panel': {
		as: psw,
		path: (ids) => `/supervision/${ids.lucy}/pack`
	},
	// Every assessor has signed (see the agreement above); the form's field, from its markup:
	'/supervision/[practitionerId]/pack?/sign': {
		as: psw,
		path: (ids) => `/supervision/${ids.lucy}/pack`,
		fields: [{ name: 'as', kind: 'hidden', values: ['assessor'] }]
	},

	// Audits: the draft by its auditor, then the follow-up of a finalised one.
	'/audits/new': { as: auditor, path: () => '/audits/new' },
	'/audits/[id]/details': { as: auditor, path: (ids) => `/audits/${ids.draftAudit}/details` },
	'/audits/[id]/grades': { as: auditor, path: (ids) => `/audits/${ids.draftAudit}/grades` },
	'/audits/[id]/views': { as: auditor, path: (ids) => `/audits/${ids.draftAudit}/views` },
	'/audits/[id]/findings': { as: auditor, path: (ids) => `/audits/${ids.draftAudit}/findings` },
	'/audits/[id]/actions': { as: auditor, path: (ids) => `/audits/${ids.draftAudit}/actions` },
	'/audits/[id]?/removeFinding': {
		as: auditor,
		path: (ids) => `/audits/${ids.draftAudit}`,
		prepare: async ({ ids, people }) =>
			completeForm((await people.as(auditor)).page, `/audits/${ids.draftAudit}/findings`)
	},
	'/audits/[id]?/removeAction': {
		as: auditor,
		path: (ids) => `/audits/${ids.draftAudit}`,
		prepare: async ({ ids, people }) =>
			completeForm((await people.as(auditor)).page, `/audits/${ids.draftAudit}/actions`)
	},
	// Finalising needs every area graded and the views recorded.
	'/audits/[id]?/finalise': {
		as: auditor,
		path: (ids) => `/audits/${ids.draftAudit}`,
		prepare: async ({ ids, people }) => {
			const { page } = await people.as(auditor);
			await completeForm(page, `/audits/${ids.draftAudit}/grades`);
			await completeForm(page, `/audits/${ids.draftAudit}/views`);
		}
	},
	'/audits/[id]/moderation': { as: psw, path: (ids) => `/audits/${ids.finalAudit}/moderation` },
	'/audits/[id]?/respond': { as: psw, path: (ids) => `/audits/${ids.followUpAudit}` },
	'/audits/[id]?/receipt': {
		as: (ids) => ids.manager,
		path: (ids) => `/audits/${ids.followUpAudit}`
	},
	'/audits/[id]?/actionDone': {
		as: (ids) => ids.manager,
		path: (ids) => `/audits/${ids.followUpAudit}`
	},
	'/audits/[id]?/signOff': {
		as: (ids) => ids.manager,
		path: (ids) => `/audits/${ids.followUpAudit}`
	},
	'/audits/[id]?/moderator': { as: psw, path: (ids) => `/audits/${ids.followUpAudit}` },

	// The principal social worker's API tokens: one is made first, so there is one to revoke.
	'/workforce/tokens?/create': { as: psw, path: () => '/workforce/tokens' },
	'/workforce/tokens?/revoke': { as: psw, path: () => '/workforce/tokens' },

	// Administration, once the others no longer need the supervision and teams as they were.
	'/admin/people/new': { as: admin, path: () => '/admin/people/new' },
	'/admin/people/[id]?/save': { as: admin, path: (ids) => `/admin/people/${ids.person}` },
	'/admin/people/[id]?/resend': { as: admin, path: (ids) => `/admin/people/${ids.person}` },
	'/admin/people/[id]?/deactivate': { as: admin, path: (ids) => `/admin/people/${ids.person}` },
	'/admin/people/[id]?/reactivate': { as: admin, path: (ids) => `/admin/people/${ids.person}` },
	'/admin/teams': { as: admin, path: () => '/admin/teams' },
	'/admin/teams/[id]': { as: admin, path: (ids) => `/admin/teams/${ids.team}` },
	'/admin/supervision?/assign': { as: admin, path: () => '/admin/supervision' },
	'/admin/supervision?/end': { as: admin, path: () => '/admin/supervision' },

	// Signing in and out, each on an account nobody else here uses.
	'/forgot-password': { as: null, path: () => '/forgot-password' },
	'/set-password/[token]': {
		as: null,
		path: (ids) => `/set-password/${ids.token}`,
		prepare: freshResetLink,
		eachRun: freshResetLink
	},
	'/sign-in': { as: null, path: () => '/sign-in', freshAddress: true },
	'/sign-out': { as: accounts.signsOut, path: () => '/sign-out' }
};
