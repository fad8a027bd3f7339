import { expect } from '@playwright/test';
import type { Reader } from './database';
import {
	accounts,
	checkStaffFile,
	freshDraft,
	freshFeedbackLink,
	freshResetLink,
	type Ids
} from './demo';
import { enrolment, type EnrolmentState } from './enrolment';
import { freshObserverLink, openInvitation } from './observations';
import { pendingSignIn, twoFactorOn } from './two-factor';
import { completeForm, type Field } from './forms';
import type { People } from './people';

// How to fuzz each form action: who is entitled to use it, which real record it acts on, and
// what must be true first. Listed in the order they run: actions that use up or close what
// others need (finalising, ending supervision, signing out) come after those others. One table
// in run order, so longer than most files.

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
	/**
	 * What a person would type in fields whose text must follow a pattern (a case reference, a
	 * list of statements), so that bodies succeed too; other fields get everyday text.
	 */
	typed?: Record<string, string[]>;
	/** Sign-in: each body from an address of its own, as an attacker spreading guesses would. */
	freshAddress?: boolean;
	/** Tables a refusal is meant to change (say why); any other change with a 4xx fails. */
	refusalChanges?: string[];
	/**
	 * The action saves only when it then redirects: an answer that shows the form again (the
	 * evidence form's "Change model" step) must change nothing either.
	 */
	savesOnlyWithRedirect?: boolean;
	/**
	 * Pages other than the one a success redirects to that show what the action keeps by name
	 * (a type, a rating), looked at when a built-in's name was sent.
	 */
	shownOn?: (ids: Ids) => string[];
}

const { practitioner, supervisor, auditor, psw, admin } = accounts;

export const setups: Record<string, Setup> = {
	// A practitioner's own portfolio.
	'/portfolio/new': {
		as: practitioner,
		path: () => '/portfolio/new',
		shownOn: () => ['/portfolio'],
		savesOnlyWithRedirect: true
	},
	'/portfolio/[id]?/save': {
		as: practitioner,
		path: (ids) => `/portfolio/${ids.draft}`,
		shownOn: () => ['/portfolio'],
		savesOnlyWithRedirect: true
	},
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
	// Every body deletes the draft (the form sends nothing but the confirmation): a new one each.
	'/portfolio/[id]/delete': {
		as: practitioner,
		path: (ids) => `/portfolio/${ids.deletable}/delete`,
		prepare: freshDraft,
		eachRun: freshDraft
	},
	'/portfolio/[id]?/reflect': { as: practitioner, path: (ids) => `/portfolio/${ids.observed}` },
	// No generated body is a portfolio's ZIP, so each is refused (notices.test.ts imports one).
	'/portfolio/import': { as: practitioner, path: () => '/portfolio/import' },
	'/portfolio/self-assessment': {
		as: practitioner,
		path: () => '/portfolio/self-assessment',
		shownOn: () => ['/portfolio/coverage']
	},
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
	// Her plan after the 6-month review and her reflection for it: neither written in the demo.
	'/portfolio/programme/plans/[planId]': {
		as: practitioner,
		path: () => '/portfolio/programme/plans/month-6'
	},
	'/portfolio/programme/reflections/[reviewId]': {
		as: practitioner,
		path: () => '/portfolio/programme/reflections/month-6'
	},
	'/supervision/records/[id]?/useAsEvidence': {
		as: practitioner,
		path: (ids) => `/supervision/records/${ids.supervisionRecord}`
	},
	// Invitations to observe her: colleagues and outside observers named, some emailed a link.
	'/portfolio/observations/new': {
		as: practitioner,
		path: () => '/portfolio/observations/new',
		typed: { observerEmail: [supervisor, 'someone@example.org'] }
	},
	// Feedback by link: asked for; answered through a child's link by someone signed out (each
	// answer uses the link up, so a new one before each body that needs it); then her list's
	// actions, last, as withdrawing leaves nothing to send again.
	'/portfolio/feedback/new': {
		as: practitioner,
		path: () => '/portfolio/feedback/new',
		typed: { email: ['parent@example.com'] },
		shownOn: () => ['/portfolio/feedback']
	},
	'/feedback/[token]': {
		as: null,
		path: (ids) => `/feedback/${ids.feedbackToken}`,
		prepare: freshFeedbackLink,
		eachRun: freshFeedbackLink
	},
	'/portfolio/feedback?/sendAgain': { as: practitioner, path: () => '/portfolio/feedback' },
	'/portfolio/feedback?/withdraw': { as: practitioner, path: () => '/portfolio/feedback' },

	// Her supervisor.
	'/portfolio/[id]?/accept': { as: supervisor, path: (ids) => `/portfolio/${ids.submitted}` },
	'/portfolio/[id]?/return': { as: supervisor, path: (ids) => `/portfolio/${ids.otherSubmitted}` },
	'/supervision/[practitionerId]/records/new': {
		as: supervisor,
		path: (ids) => `/supervision/${ids.priya}/records/new`
	},
	'/supervision/[practitionerId]/observations/new': {
		as: supervisor,
		path: (ids) => `/supervision/${ids.priya}/observations/new`,
		typed: { statements: ['', '2.3 D1', '1.1 K1, 2.3 D1'] }
	},
	// An invitation open to her assessor, recorded or declined: each body gets an open one.
	'/observations/[id]?/record': {
		as: supervisor,
		path: (ids) => `/observations/${ids.invitation}`,
		prepare: openInvitation,
		eachRun: openInvitation,
		typed: { statements: ['', '2.3 D1'] }
	},
	'/observations/[id]?/decline': {
		as: supervisor,
		path: (ids) => `/observations/${ids.invitation}`,
		prepare: openInvitation,
		eachRun: openInvitation
	},
	// Withdrawn by her: the first body withdraws it, and the rest are refused.
	'/portfolio/observations?/withdraw': {
		as: practitioner,
		path: () => '/portfolio/observations',
		prepare: openInvitation
	},
	// An observer from outside, signed out, with a link that works once: a new one each body.
	'/observe/[token]': {
		as: null,
		path: (ids) => `/observe/${ids.observeToken}`,
		prepare: freshObserverLink,
		eachRun: freshObserverLink,
		typed: { statements: ['', '2.3 D1'] }
	},
	// Her assessor changes that plan, then agrees it (written first, should no body above have).
	'/supervision/[practitionerId]/plans/[planId]?/save': {
		as: supervisor,
		path: (ids) => `/supervision/${ids.priya}/plans/month-6`
	},
	'/supervision/[practitionerId]/plans/[planId]?/agree': {
		as: supervisor,
		path: (ids) => `/supervision/${ids.priya}/plans/month-6`,
		prepare: async ({ ids, people }) =>
			completeForm((await people.as(supervisor)).page, `/supervision/${ids.priya}/plans/month-6`, {
				action: '?/save'
			})
	},
	'/supervision/[practitionerId]/reviews/[reviewId]': {
		as: supervisor,
		path: (ids) => `/supervision/${ids.priya}/reviews/month-6`,
		shownOn: (ids) => [`/supervision/${ids.priya}/reviews/month-6`]
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
	'/audits/new': { as: auditor, path: () => '/audits/new', typed: { caseRef: ['C-104829'] } },
	'/audits/[id]/details': {
		as: auditor,
		path: (ids) => `/audits/${ids.draftAudit}/details`,
		typed: { caseRef: ['C-104829'] }
	},
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

	// API tokens, the principal social worker's and the administrator's: one is made first, so
	// there is one to revoke.
	'/workforce/tokens?/create': { as: psw, path: () => '/workforce/tokens' },
	'/workforce/tokens?/revoke': { as: psw, path: () => '/workforce/tokens' },
	'/admin/tokens?/create': { as: admin, path: () => '/admin/tokens' },
	'/admin/tokens?/revoke': { as: admin, path: () => '/admin/tokens' },

	// Enrolments: the new starter enrolled (and the enrolment ended before the next), and a
	// social worker each for the changes, by an administrator and by a principal social worker.
	...enrolmentSetups('/admin/people', admin, 0),
	...enrolmentSetups('/workforce/people', psw, 6),

	// Administration, once the others no longer need the supervision and teams as they were.
	'/admin/people/new': {
		as: admin,
		path: () => '/admin/people/new',
		shownOn: () => ['/admin/people']
	},
	// The first body resets it; the rest are refused, as there is nothing left to reset. Before
	// the form below may change the person's email, so they can still sign in to set it up.
	'/admin/people/[id]?/resetTwoFactor': {
		as: admin,
		path: (ids) => `/admin/people/${ids.person}`,
		prepare: twoFactorOn(accounts.administered)
	},
	'/admin/people/[id]?/save': {
		as: admin,
		path: (ids) => `/admin/people/${ids.person}`,
		shownOn: () => ['/admin/people']
	},
	'/admin/people/[id]?/resend': { as: admin, path: (ids) => `/admin/people/${ids.person}` },
	'/admin/people/[id]?/deactivate': { as: admin, path: (ids) => `/admin/people/${ids.person}` },
	'/admin/people/[id]?/reactivate': { as: admin, path: (ids) => `/admin/people/${ids.person}` },
	// Erasing someone: the bodies that type her address erase her, and the rest are refused.
	'/admin/people/[id]/erase': {
		as: admin,
		path: (ids) => `/admin/people/${ids.erased}/erase`,
		typed: { confirmEmail: [accounts.erased] }
	},
	// Staff from HR: the dry run of whatever is posted, and applying a file checked first.
	'/admin/import': { as: admin, path: () => '/admin/import' },
	'/admin/import/[id]?/apply': {
		as: admin,
		path: (ids) => `/admin/import/${ids.staffFile}`,
		prepare: checkStaffFile
	},
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
	'/sign-in/two-factor': {
		as: null,
		path: () => '/sign-in/two-factor',
		prepare: pendingSignIn,
		freshAddress: true
	},
	// Two-factor authentication on one's own account: set up, new recovery codes, turned off.
	'/account/two-factor?/setUp': {
		as: accounts.setsUpTwoFactor,
		path: () => '/account/two-factor'
	},
	'/account/two-factor?/recoveryCodes': {
		as: accounts.hasTwoFactor,
		path: () => '/account/two-factor',
		prepare: twoFactorOn(accounts.hasTwoFactor)
	},
	'/account/two-factor?/turnOff': {
		as: accounts.hasTwoFactor,
		path: () => '/account/two-factor',
		prepare: twoFactorOn(accounts.hasTwoFactor)
	},
	'/sign-out': { as: accounts.signsOut, path: () => '/sign-out' }
};

/** The enrolment page's actions under `base`, each with the enrolment in the state it needs. */
function enrolmentSetups(base: string, as: string, firstPerson: number) {
	const actions: [string, EnrolmentState][] = [
		['hours', 'running'],
		['pause', 'running'],
		['resume', 'paused'],
		['extend', 'running'],
		['transfer', 'running'],
		['end', 'running']
	];
	const setup = (state: EnrolmentState, person: string): Setup => ({
		as,
		path: (ids) => `${base}/${ids[person]}/programme`,
		prepare: enrolment(state, as, base, person)
	});
	return Object.fromEntries([
		[`${base}/[id]/programme?/enrol`, setup('not enrolled', 'enrolled')],
		...actions.map(([action, state], n) => [
			`${base}/[id]/programme?/${action}`,
			setup(state, `enrolment${firstPerson + n}`)
		])
	]) as Record<string, Setup>;
}
