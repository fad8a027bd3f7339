import { expect, test, type APIRequestContext } from '@playwright/test';
import Database from 'better-sqlite3';
import { emptyImport } from './portfolio-data';
import { apiAs, demoAccounts } from './session';
import { routeIds } from './routes';
import { guestLinksTo, guestLinkTo } from './guest-links';
import { e2eDatabase } from './server';

// Every route that is not public, and what each role must get: 200, 403, or (signed out) a
// redirect to sign in. The first test fails when a route exists that is in neither list.

type Answer = 200 | 400 | 401 | 403 | 404 | 410 | 'sign-in';
type Role =
	'anonymous' | 'practitioner' | 'supervisor' | 'auditor' | 'psw' | 'admin' | 'external-assessor';

const publicRoutes = [
	'/',
	'/framework',
	'/framework/[id]',
	'/framework/search',
	'/standards',
	'/standards/[set]',
	'/api/v1/framework',
	'/api/v1/openapi.json',
	'/sign-in',
	'/sign-in/oidc',
	'/sign-in/oidc/callback',
	'/sign-in/two-factor',
	'/sign-out',
	'/forgot-password',
	'/set-password/[token]',
	'/pathways',
	'/pathways/[id]',
	// Where someone lands once they have answered a request for feedback: nothing of anyone's.
	'/feedback/thank-you',
	// Where an observer from outside lands once their observation is sent: a thank-you only.
	'/observe/sent',
	// Where a view or an answer given by link lands: a thank you, nothing of anyone's.
	'/have-your-say/thank-you',
	'/health-check/thank-you',
	// For load balancers and orchestrators: whether the process is up and ready. They hold no
	// personal data, only {"status":"ok"} and which checks pass (operations.test.ts).
	'/healthz',
	'/readyz'
];

const everyoneSignedIn: Record<Role, Answer> = {
	anonymous: 'sign-in',
	practitioner: 200,
	supervisor: 200,
	auditor: 200,
	psw: 200,
	admin: 200,
	'external-assessor': 200
};
/** Everyone in the authority: an external assessor sees only the practitioners they assess. */
const staff: Record<Role, Answer> = { ...everyoneSignedIn, 'external-assessor': 403 };
const adminsOnly: Record<Role, Answer> = {
	anonymous: 'sign-in',
	practitioner: 403,
	supervisor: 403,
	auditor: 403,
	psw: 403,
	admin: 200,
	'external-assessor': 403
};

/** Provisioning by SCIM: 401 without a SCIM token (scim.test.ts tries the tokens). */
const scimTokenOnly: Record<Role, Answer> = {
	anonymous: 401,
	practitioner: 401,
	supervisor: 401,
	auditor: 401,
	psw: 401,
	admin: 401,
	'external-assessor': 401
};

/** Prometheus metrics: 401 without METRICS_TOKEN, which no session stands for (operations.test.ts). */
const metricsTokenOnly = scimTokenOnly;

const practitionersOnly: Record<Role, Answer> = { ...adminsOnly, practitioner: 200, admin: 403 };
/** supervisor@demo.test supervises practitioner@demo.test; nobody else may use these. */
const supervisorsOnly: Record<Role, Answer> = { ...adminsOnly, supervisor: 200, admin: 403 };
/** A record of practitioner@demo.test's: hers, her supervisor's, and the authority-wide roles'. */
const priyasRecord: Record<Role, Answer> = {
	anonymous: 'sign-in',
	practitioner: 200,
	supervisor: 200,
	auditor: 403,
	psw: 200,
	admin: 200,
	'external-assessor': 403
};

/** A draft record of hers: nobody but its author sees it until it is submitted. */
const priyasDraft: Record<Role, Answer> = {
	...priyasRecord,
	supervisor: 403,
	psw: 403,
	admin: 403
};

/** A draft audit of practitioner@demo.test by auditor@demo.test: its auditor edits it, she adds her view. */
const priyasDraftAudit: Record<Role, Answer> = {
	anonymous: 'sign-in',
	practitioner: 200,
	supervisor: 403,
	auditor: 200,
	psw: 200,
	admin: 200,
	'external-assessor': 403
};
const draftAuditorOnly: Record<Role, Answer> = { ...adminsOnly, auditor: 200, admin: 403 };

/**
 * Pages reached by a link for someone without an account: the same for whoever holds the link,
 * signed in or not (a guessed link is not found: links/guest-links.spec.ts).
 */
const anyoneWithTheLink = (answer: Answer): Record<Role, Answer> => ({
	anonymous: answer,
	practitioner: answer,
	supervisor: answer,
	auditor: answer,
	psw: answer,
	admin: answer,
	'external-assessor': answer
});

/**
 * Their own portfolio and CPD year: practitioners, and anyone with a registration number (the
 * demo's leaders and supervisors); the administrator and the external assessor have none.
 */
const registered: Record<Role, Answer> = {
	...everyoneSignedIn,
	admin: 403,
	'external-assessor': 403
};

/** The workforce views: principal social workers (and heads of service) only. */
const pswOnly: Record<Role, Answer> = { ...adminsOnly, psw: 200, admin: 403 };

/**
 * Aisha Bello, an ASYE whom assessor@demo.test assesses: supervisor@demo.test is still her line
 * manager and practice supervisor, so sees her progress and supervises her, but no longer
 * reviews, observes, records reviews or signs off. Nobody else may use these.
 */
const hersToAssess: Record<Role, Answer> = {
	...supervisorsOnly,
	supervisor: 403,
	'external-assessor': 200
};
const hersToSee: Record<Role, Answer> = { ...supervisorsOnly, 'external-assessor': 200 };

// A route may be listed more than once, as `<route> (<case>)`, where who may see it depends on
// the record's state.
const protectedRoutes: Record<string, Record<Role, Answer>> = {
	'/account': everyoneSignedIn,
	'/account/two-factor': everyoneSignedIn,
	'/admin': adminsOnly,
	'/admin/people': adminsOnly,
	'/admin/people/new': adminsOnly,
	'/admin/people/[id]': adminsOnly,
	'/admin/people/[id]/programme': adminsOnly,
	// Someone's portfolio as data, for a subject access request.
	'/admin/people/[id]/export': adminsOnly,
	'/admin/people/[id]/erase': adminsOnly,
	'/admin/teams': adminsOnly,
	'/admin/teams/[id]': adminsOnly,
	'/admin/supervision': adminsOnly,
	'/admin/outbox': adminsOnly,
	'/admin/tokens': adminsOnly,
	'/admin/import': adminsOnly,
	'/admin/import/template.csv': adminsOnly,
	'/admin/import/[id]': adminsOnly,
	// Each person's own records: the list and a new record are theirs, whoever else they are.
	'/portfolio': registered,
	'/portfolio/new': registered,
	'/portfolio/coverage': practitionersOnly,
	'/portfolio/coverage/[outcome]': practitionersOnly,
	// Open to all: someone without a registration number is told why there is nothing to show.
	'/portfolio/cpd': everyoneSignedIn,
	'/portfolio/cpd/export': registered,
	// Asking for feedback by link: whoever keeps a portfolio, for their own requests.
	'/portfolio/feedback': registered,
	'/portfolio/feedback/new': registered,
	// A link for someone without an account: whoever holds it answers, signed in or not; a
	// guessed one is not found (and counts towards the address's limit on guesses).
	'/feedback/[token]': {
		anonymous: 200,
		practitioner: 200,
		supervisor: 200,
		auditor: 200,
		psw: 200,
		admin: 200,
		'external-assessor': 200
	},
	'/feedback/[token] (guessed)': {
		anonymous: 404,
		practitioner: 404,
		supervisor: 404,
		auditor: 404,
		psw: 404,
		admin: 404,
		'external-assessor': 404
	},
	'/portfolio/self-assessment': practitionersOnly,
	'/portfolio/self-assessment/[id]': practitionersOnly,
	'/portfolio/[id]': priyasDraft,
	'/portfolio/[id] (submitted)': priyasRecord,
	// Her draft: only she, its owner, maps or deletes it (others keeping records get 403 too).
	'/portfolio/[id]/mapping': practitionersOnly,
	'/portfolio/[id]/delete': practitionersOnly,
	'/portfolio/[id]/files/[fileId]': priyasRecord,
	// Her portfolio as data, and those she brought: hers alone (her supervisor sees her records
	// here, and gets the moderation pack; an administrator exports it for a subject access request).
	'/portfolio/export': registered,
	'/portfolio/import': practitionersOnly,
	'/portfolio/import/[id]': practitionersOnly,
	'/portfolio/[id] (assessed)': { ...priyasRecord, practitioner: 403, 'external-assessor': 200 },
	'/portfolio/programme': practitionersOnly,
	// Their own assessment record and pack: nobody else's is reached by these addresses.
	'/portfolio/programme/pack': practitionersOnly,
	'/portfolio/programme/plans/[planId]': practitionersOnly,
	'/portfolio/programme/reflections/[reviewId]': practitionersOnly,
	// Their own list: whom they supervise or assess.
	'/supervision': { ...supervisorsOnly, 'external-assessor': 200 },
	'/supervision/[practitionerId]/programme': supervisorsOnly,
	'/supervision/[practitionerId]/observations/new': supervisorsOnly,
	'/supervision/[practitionerId]/pack': { ...priyasRecord, practitioner: 403 },
	// Your own portfolio as a PDF, for whoever keeps one.
	'/portfolio/export.pdf': registered,
	// Her whole pack to take away, as a PDF: hers, her supervisor's and administrators'.
	'/supervision/[practitionerId]/pack.pdf': { ...priyasRecord, psw: 403 },
	'/supervision/[practitionerId]/records/new': supervisorsOnly,
	'/supervision/records/[id]': priyasRecord,
	'/portfolio/supervision': practitionersOnly,
	// Her invitations to observe her practice, and a new one.
	'/portfolio/observations': practitionersOnly,
	'/portfolio/observations/new': practitionersOnly,
	// The demo's invitation open to her assessor, supervisor@demo.test: his alone to record.
	'/observations/[id]': supervisorsOnly,
	// An observer's link from outside: open to whoever holds it, signed in or not (a link that is
	// not one answers 404: notices.test.ts follows one through, and a used one's 410).
	'/observe/[token]': {
		anonymous: 200,
		practitioner: 200,
		supervisor: 200,
		auditor: 200,
		psw: 200,
		admin: 200,
		'external-assessor': 200
	},
	'/supervision/[practitionerId]/reviews/[reviewId]': supervisorsOnly,
	'/supervision/[practitionerId]/plans/[planId]': supervisorsOnly,
	'/supervision/[practitionerId]': supervisorsOnly,
	'/supervision/[practitionerId]/outcomes/[outcomeId]': supervisorsOnly,
	'/supervision/[practitionerId] (assessed)': hersToSee,
	'/supervision/[practitionerId]/programme (assessed)': hersToSee,
	'/supervision/[practitionerId]/pack (assessed)': {
		...priyasRecord,
		practitioner: 403,
		'external-assessor': 200
	},
	'/supervision/[practitionerId]/pack.pdf (assessed)': {
		...priyasRecord,
		practitioner: 403,
		psw: 403,
		'external-assessor': 200
	},
	'/supervision/[practitionerId]/records/new (assessed)': supervisorsOnly,
	// A PDF being made in the background is its asker's alone; anyone else's, or one not there,
	// is not found (pdf.test.ts follows one of their own).
	'/downloads/[id]': {
		anonymous: 'sign-in',
		practitioner: 404,
		supervisor: 404,
		auditor: 404,
		psw: 404,
		admin: 404,
		'external-assessor': 404
	},
	// Read by any of the three (her line manager and practice supervisor too); agreed by her assessor.
	'/supervision/[practitionerId]/plans/[planId] (assessed)': hersToSee,
	'/supervision/[practitionerId]/observations/new (assessed)': hersToAssess,
	'/supervision/[practitionerId]/reviews/[reviewId] (assessed)': hersToAssess,
	'/supervision/[practitionerId]/outcomes/[outcomeId] (assessed)': hersToAssess,
	'/workforce/people/[id] (assessed)': pswOnly,
	'/audits': staff,
	'/audits/new': draftAuditorOnly,
	'/audits/impact': { ...adminsOnly, psw: 200, admin: 403 },
	'/audits/[id]': priyasDraftAudit,
	'/audits/[id]/details': draftAuditorOnly,
	'/audits/[id]/grades': draftAuditorOnly,
	'/audits/[id]/views': { ...draftAuditorOnly, practitioner: 200 },
	'/audits/[id]/views/ask': draftAuditorOnly,
	// The demo's child, asked for their view of the audit in progress, has not answered yet.
	'/have-your-say/[token]': anyoneWithTheLink(200),
	// The demo's health check has closed: its links answer 410 to everyone, with a kind page.
	'/health-check/[token] (closed)': anyoneWithTheLink(410),
	'/audits/[id]/findings': draftAuditorOnly,
	'/audits/[id]/actions': draftAuditorOnly,
	// A finalised audit of hers by someone else: principal social workers moderate.
	'/audits/[id]/moderation': { ...adminsOnly, psw: 200, admin: 403 },
	'/pathways/[id]/assign': { ...adminsOnly, supervisor: 200, psw: 200, admin: 403 },
	'/portfolio/learning': practitionersOnly,
	'/portfolio/learning/[assignmentId]': practitionersOnly,
	'/workforce': pswOnly,
	'/workforce/progress': pswOnly,
	'/workforce/audits': pswOnly,
	'/workforce/learning': pswOnly,
	'/workforce/cpd': pswOnly,
	'/workforce/report': pswOnly,
	'/workforce/[view]/[table]': pswOnly,
	'/workforce/qa-coverage': pswOnly,
	'/workforce/health-check': pswOnly,
	'/workforce/tokens': pswOnly,
	'/workforce/people/[id]': pswOnly,
	'/workforce/people/[id]/programme': pswOnly,
	// The API answers 401, not a redirect, to a request with no session or token.
	'/api/v1/workforce/[view]': { ...pswOnly, anonymous: 401 },
	'/api/v1/workforce/[view] (qa-coverage)': { ...pswOnly, anonymous: 401 },
	'/api/v1/workforce/[view] (qa-coverage as CSV)': { ...pswOnly, anonymous: 401 },
	'/api/v1/people/[email]/programme': { ...pswOnly, admin: 200, anonymous: 401 },
	// Posted with an empty JSON object: those let in are told what is missing.
	'/api/v1/enrolments (POST)': { ...pswOnly, psw: 400, admin: 400, anonymous: 401 },
	// Anyone signed in may check a text (here, none: told to send one); nobody else.
	'/api/v1/anonymity/check (POST)': {
		anonymous: 401,
		practitioner: 400,
		supervisor: 400,
		auditor: 400,
		psw: 400,
		admin: 400,
		'external-assessor': 400
	},
	// SCIM answers a SCIM token only: a session, whoever's, is no one there.
	'/scim/v2/Users': scimTokenOnly,
	'/scim/v2/Users/[id]': scimTokenOnly,
	'/scim/v2/ServiceProviderConfig': scimTokenOnly,
	'/scim/v2/Schemas': scimTokenOnly,
	'/scim/v2/ResourceTypes': scimTokenOnly,
	'/scim/v2/[...rest]': scimTokenOnly,
	'/metrics': metricsTokenOnly
};

test('every route is either public or in the access table', () => {
	const listed = new Set(
		[...publicRoutes, ...Object.keys(protectedRoutes)].map((id) => id.replace(/ \(.*\)$/, ''))
	);
	expect(routeIds().filter((id) => !listed.has(id))).toEqual([]);
	expect([...listed].filter((id) => !routeIds().includes(id))).toEqual([]);
});

test.describe('each role gets exactly the intended answer on every protected route', () => {
	const roles: Role[] = [
		'anonymous',
		'practitioner',
		'supervisor',
		'auditor',
		'psw',
		'admin',
		'external-assessor'
	];
	const emails: Record<Role, string | undefined> = {
		anonymous: undefined,
		practitioner: demoAccounts.practitioner,
		supervisor: demoAccounts.supervisor,
		auditor: demoAccounts.auditor,
		psw: demoAccounts.psw,
		admin: demoAccounts.admin,
		'external-assessor': demoAccounts.assessor
	};

	/** Real ids for the parameters in route ids: some found as an administrator would, some in the database. */
	async function concretePaths(admin: APIRequestContext, baseURL: string) {
		const db = new Database(e2eDatabase, { readonly: true });
		const priya = db
			.prepare("select id from users where email = 'practitioner@demo.test'")
			.get() as { id: string };
		const draft = db
			.prepare(
				"select id from evidence where owner_id = ? and status = 'draft' order by created_at limit 1"
			)
			.get(priya.id) as { id: string };
		const submitted = db
			.prepare(
				"select id from evidence where owner_id = ? and status = 'submitted' order by created_at limit 1"
			)
			.get(priya.id) as { id: string };
		const file = db
			.prepare(
				'select a.id, a.evidence_id from attachments a join evidence e on e.id = a.evidence_id where e.owner_id = ? limit 1'
			)
			.get(priya.id) as { id: string; evidence_id: string };
		const assessment = db
			.prepare('select id from self_assessments where user_id = ? limit 1')
			.get(priya.id) as { id: string };
		const supervisionRecord = db
			.prepare('select id from supervision_records where practitioner_id = ? limit 1')
			.get(priya.id) as { id: string };
		const draftAudit = db
			.prepare("select id from audits where practitioner_id = ? and status = 'draft' limit 1")
			.get(priya.id) as { id: string };
		const finalAudit = db
			.prepare(
				"select id from audits where practitioner_id = ? and status = 'finalised' order by audited_on limit 1"
			)
			.get(priya.id) as { id: string };
		const assignment = db
			.prepare("select id from pathway_assignments where scope = 'service' limit 1")
			.get() as { id: string };
		// The demo's request still waiting for its answer: its link, from the email that sent it.
		const waiting = db
			.prepare(
				"select body from outbox where recipient = 'amara.osei@health.example.com' order by created_at desc limit 1"
			)
			.get() as { body: string };
		const aisha = db
			.prepare("select id from users where email = 'aisha.bello@demo.test'")
			.get() as { id: string };
		const hers = db
			.prepare(
				"select id from evidence where owner_id = ? and status <> 'draft' order by created_at limit 1"
			)
			.get(aisha.id) as { id: string };
		const invitation = db
			.prepare(
				"select id from observation_invitations where practitioner_id = ? and observer = 'assessor' and status = 'open' order by created_at limit 1"
			)
			.get(priya.id) as { id: string };
		db.close();
		const firstLink = async (page: string, pattern: RegExp) => {
			const html = await (await admin.get(page)).text();
			const match = html.match(pattern);
			expect(match, `a link matching ${pattern} on ${page}`).toBeTruthy();
			return match![0];
		};
		return {
			'/admin/import/[id]': await checkedStaffFile(admin),
			'/admin/people/[id]': await firstLink('/admin/people', /\/admin\/people\/[0-9a-f-]{36}/),
			'/admin/teams/[id]': await firstLink('/admin/teams', /\/admin\/teams\/[0-9a-f-]{36}/),
			'/portfolio/[id]': `/portfolio/${draft.id}`,
			'/portfolio/[id] (submitted)': `/portfolio/${submitted.id}`,
			'/portfolio/[id]/mapping': `/portfolio/${draft.id}/mapping`,
			'/portfolio/[id]/delete': `/portfolio/${draft.id}/delete`,
			'/portfolio/[id]/files/[fileId]': `/portfolio/${file.evidence_id}/files/${file.id}`,
			'/feedback/[token]': waiting.body.match(/\/feedback\/\S+/)![0],
			'/feedback/[token] (guessed)': '/feedback/not-a-real-link',
			'/portfolio/self-assessment/[id]': `/portfolio/self-assessment/${assessment.id}`,
			'/portfolio/coverage/[outcome]': '/portfolio/coverage/2.3',
			'/workforce/[view]/[table]': '/workforce/cpd/people',
			'/supervision/[practitionerId]': `/supervision/${priya.id}`,
			'/supervision/[practitionerId]/programme': `/supervision/${priya.id}/programme`,
			'/supervision/[practitionerId]/observations/new': `/supervision/${priya.id}/observations/new`,
			'/supervision/[practitionerId]/pack': `/supervision/${priya.id}/pack`,
			'/supervision/[practitionerId]/pack.pdf': `/supervision/${priya.id}/pack.pdf`,
			'/downloads/[id]': '/downloads/00000000-0000-4000-8000-000000000000',
			'/supervision/[practitionerId]/records/new': `/supervision/${priya.id}/records/new`,
			'/supervision/records/[id]': `/supervision/records/${supervisionRecord.id}`,
			'/supervision/[practitionerId]/reviews/[reviewId]': `/supervision/${priya.id}/reviews/month-3`,
			'/supervision/[practitionerId]/plans/[planId]': `/supervision/${priya.id}/plans/initial`,
			'/portfolio/programme/plans/[planId]': '/portfolio/programme/plans/initial',
			'/portfolio/programme/reflections/[reviewId]': '/portfolio/programme/reflections/month-3',
			'/supervision/[practitionerId]/outcomes/[outcomeId]': `/supervision/${priya.id}/outcomes/2.3`,
			'/audits/[id]': `/audits/${draftAudit.id}`,
			...Object.fromEntries(
				['details', 'grades', 'views', 'findings', 'actions'].map((page) => [
					`/audits/[id]/${page}`,
					`/audits/${draftAudit.id}/${page}`
				])
			),
			'/audits/[id]/moderation': `/audits/${finalAudit.id}/moderation`,
			'/audits/[id]/views/ask': `/audits/${draftAudit.id}/views/ask`,
			'/have-your-say/[token]': guestLinkTo('young.person@example.com', 'have-your-say', 'open'),
			// The first health-check link she was sent: the demo's, closed.
			'/health-check/[token] (closed)': guestLinksTo(demoAccounts.practitioner, 'health-check')[0]
				.path,
			'/pathways/[id]/assign': '/pathways/planning-with-purpose/assign',
			'/portfolio/learning/[assignmentId]': `/portfolio/learning/${assignment.id}`,
			'/workforce/people/[id]': `/workforce/people/${priya.id}`,
			'/portfolio/[id] (assessed)': `/portfolio/${hers.id}`,
			...Object.fromEntries(
				['', '/programme', '/pack', '/pack.pdf', '/records/new', '/observations/new'].map(
					(page) => [
						`/supervision/[practitionerId]${page} (assessed)`,
						`/supervision/${aisha.id}${page}`
					]
				)
			),
			'/supervision/[practitionerId]/plans/[planId] (assessed)': `/supervision/${aisha.id}/plans/initial`,
			'/supervision/[practitionerId]/reviews/[reviewId] (assessed)': `/supervision/${aisha.id}/reviews/month-3`,
			'/supervision/[practitionerId]/outcomes/[outcomeId] (assessed)': `/supervision/${aisha.id}/outcomes/2.3`,
			'/workforce/people/[id] (assessed)': `/workforce/people/${aisha.id}`,
			'/admin/people/[id]/programme': `/admin/people/${priya.id}/programme`,
			'/observations/[id]': `/observations/${invitation.id}`,
			'/observe/[token]': await observerLink(baseURL),
			'/admin/people/[id]/export': `/admin/people/${priya.id}/export`,
			'/portfolio/import/[id]': await emptyImport(baseURL, demoAccounts.practitioner),
			'/admin/people/[id]/erase': `/admin/people/${priya.id}/erase`,
			'/workforce/people/[id]/programme': `/workforce/people/${priya.id}/programme`,
			'/api/v1/workforce/[view]': '/api/v1/workforce/coverage',
			'/api/v1/workforce/[view] (qa-coverage)': '/api/v1/workforce/qa-coverage',
			'/api/v1/workforce/[view] (qa-coverage as CSV)':
				'/api/v1/workforce/qa-coverage?format=csv&table=practitioners',
			'/api/v1/people/[email]/programme': '/api/v1/people/practitioner@demo.test/programme',
			'/api/v1/enrolments (POST)': '/api/v1/enrolments',
			'/api/v1/anonymity/check (POST)': '/api/v1/anonymity/check',
			'/scim/v2/Users/[id]': `/scim/v2/Users/${priya.id}`,
			'/scim/v2/[...rest]': '/scim/v2/Groups'
		} as Record<string, string>;
	}

	/** A link emailed to an observer from outside whom the demo practitioner has just invited. */
	async function observerLink(baseURL: string) {
		const email = `access.${Date.now()}.${Math.random().toString(36).slice(2)}@example.org`;
		const tomorrow = new Date(Date.now() + 86_400_000);
		const response = await (
			await apiAs(baseURL, demoAccounts.practitioner)
		).post('/portfolio/observations/new', {
			form: {
				observer: 'external',
				observerEmail: email,
				observerName: 'Alex Access',
				'date-day': String(tomorrow.getUTCDate()),
				'date-month': String(tomorrow.getUTCMonth() + 1),
				'date-year': String(tomorrow.getUTCFullYear()),
				setting: 'Home visit'
			},
			headers: { accept: 'text/html' },
			maxRedirects: 0
		});
		expect(response.status(), 'an observer invited').toBe(303);
		const db = new Database(e2eDatabase, { readonly: true });
		const mail = db.prepare('select body from outbox where recipient = ?').get(email) as {
			body: string;
		};
		db.close();
		return mail.body.match(/\/observe\/\S+/)![0];
	}

	/** A staff file checked by the dry run (which changes no person): its page lists people. */
	async function checkedStaffFile(admin: APIRequestContext) {
		const response = await admin.post('/admin/import', {
			multipart: {
				file: {
					name: 'access.csv',
					mimeType: 'text/csv',
					buffer: Buffer.from(
						'email,given_name,family_name,roles\naxel.access@demo.test,Axel,Access,practitioner\n'
					)
				}
			},
			headers: { accept: 'text/html' },
			maxRedirects: 0
		});
		expect(response.status(), 'a staff file checked').toBe(303);
		return new URL(response.headers().location, 'http://localhost').pathname;
	}

	for (const role of roles) {
		test(role, async ({ baseURL }) => {
			const admin = await apiAs(baseURL!, demoAccounts.admin);
			const paths = await concretePaths(admin, baseURL!);
			const client = await apiAs(baseURL!, emails[role]);
			for (const [route, answers] of Object.entries(protectedRoutes)) {
				const path = paths[route] ?? route;
				const response = route.endsWith('(POST)')
					? await client.post(path, { data: {}, maxRedirects: 0 })
					: await client.get(path, { maxRedirects: 0 });
				const expected = answers[role];
				if (expected === 'sign-in') {
					expect(response.status(), `${role} ${path}`).toBe(303);
					expect(response.headers().location, `${role} ${path}`).toBe(
						`/sign-in?redirectTo=${encodeURIComponent(path)}`
					);
				} else {
					expect(response.status(), `${role} ${path}`).toBe(expected);
				}
			}
			// The home page is the person's own: open to all, different for each.
			expect((await client.get('/')).status()).toBe(200);
		});
	}
});

test('the external assessor is refused every practitioner they do not assess, on every route', async ({
	baseURL
}) => {
	const db = new Database(e2eDatabase, { readonly: true });
	const today = new Date().toISOString().slice(0, 10);
	const people = db
		.prepare(
			`select u.id, u.email, exists (
				select 1 from supervisions s join users a on a.id = s.supervisor_id
				where s.supervisee_id = u.id and a.email = ? and s.kind = 'assessor'
					and s.starts_on <= ? and (s.ends_on is null or s.ends_on > ?)
			) as assessed
			from users u join user_roles r on r.user_id = u.id and r.role = 'practitioner'
			order by u.email`
		)
		.all(demoAccounts.assessor, today, today) as { id: string; email: string; assessed: number }[];
	const records = db.prepare("select id, owner_id from evidence where status <> 'draft'").all() as {
		id: string;
		owner_id: string;
	}[];
	const files = db
		.prepare(
			"select a.id, a.evidence_id from attachments a join evidence e on e.id = a.evidence_id where e.status <> 'draft'"
		)
		.all() as { id: string; evidence_id: string }[];
	const supervisionRecords = db.prepare('select id from supervision_records').all() as {
		id: string;
	}[];
	db.close();
	expect(people.filter((p) => p.assessed).map((p) => p.email)).toEqual([
		'aisha.bello@demo.test',
		'tom.ellis@demo.test'
	]);
	expect(people.length).toBeGreaterThan(20);

	const client = await apiAs(baseURL!, demoAccounts.assessor);
	const answer = async (path: string) => (await client.get(path, { maxRedirects: 0 })).status();
	const pages = [
		'',
		'/programme',
		'/pack',
		'/pack.pdf',
		'/observations/new',
		'/reviews/month-3',
		'/outcomes/2.3',
		'/records/new',
		'/plans/initial'
	];
	for (const person of people) {
		for (const page of pages) {
			// Supervision records are their supervisors' to write, not the assessor's.
			const expected = person.assessed && page !== '/records/new' ? 200 : 403;
			expect(await answer(`/supervision/${person.id}${page}`), `${person.email} ${page}`).toBe(
				expected
			);
		}
		expect(await answer(`/workforce/people/${person.id}`), person.email).toBe(403);
		for (const record of records.filter((r) => r.owner_id === person.id))
			expect(await answer(`/portfolio/${record.id}`), `${person.email} ${record.id}`).toBe(
				person.assessed ? 200 : 403
			);
	}
	for (const file of files) {
		const owner = records.find((r) => r.id === file.evidence_id)!.owner_id;
		const assessed = people.find((p) => p.id === owner)?.assessed;
		expect(await answer(`/portfolio/${file.evidence_id}/files/${file.id}`)).toBe(
			assessed ? 200 : 403
		);
	}
	for (const record of supervisionRecords)
		expect(await answer(`/supervision/records/${record.id}`)).toBe(403);

	// Actions check for themselves: posts about someone they do not assess are refused.
	const priya = people.find((p) => p.email === demoAccounts.practitioner)!;
	const priyasRecord = records.find((r) => r.owner_id === priya.id)!;
	for (const action of [
		`/supervision/${priya.id}/observations/new`,
		`/supervision/${priya.id}/outcomes/2.3?/signOff`,
		`/supervision/${priya.id}/reviews/month-3`,
		`/supervision/${priya.id}/programme?/sign`,
		`/supervision/${priya.id}/plans/month-6?/save`,
		`/supervision/${priya.id}/plans/initial?/agree`,
		`/portfolio/${priyasRecord.id}?/accept`,
		`/portfolio/${priyasRecord.id}?/comment`
	]) {
		const response = await client.post(action, {
			form: { as: 'assessor', comment: 'Hello', rationale: 'Shown' },
			headers: { accept: 'text/html' },
			maxRedirects: 0
		});
		expect(response.status(), action).toBe(403);
	}

	// Their list names those they assess, and nobody else.
	const list = await (await client.get('/supervision')).text();
	expect(list).toContain('Aisha Bello');
	expect(list).toContain('Tom Ellis');
	expect(list).not.toContain('Priya Shah');
});

test('a form post to an administration action is refused to a non-administrator', async ({
	baseURL
}) => {
	const practitioner = await apiAs(baseURL!, demoAccounts.practitioner);
	const response = await practitioner.post('/admin/people/new', {
		form: { name: 'Intruder', email: 'intruder@demo.test', roles: 'admin' },
		headers: { accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status()).toBe(403);
	const admin = await apiAs(baseURL!, demoAccounts.admin);
	expect(await (await admin.get('/admin/people')).text()).not.toContain('intruder@demo.test');
});

test('JSON endpoints refuse requests that change data from another origin', async ({ baseURL }) => {
	const client = await apiAs(baseURL!, demoAccounts.admin);
	const foreign = await client.post('/api/v1/framework', {
		headers: {
			origin: 'https://evil.example',
			'content-type': 'application/json',
			accept: 'application/json'
		},
		data: {}
	});
	expect(foreign.status()).toBe(403);
	const same = await client.post('/api/v1/framework', {
		headers: { 'content-type': 'application/json', accept: 'application/json' },
		data: {}
	});
	expect(same.status()).toBe(405);
});
