import { expect, test, type APIRequestContext } from '@playwright/test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { allMediaTypes, answersOf, type Document } from '../openapi';
import { apiAs, demoAccounts } from './session';

// The contract integrators read, /api/v1/openapi.json, held to what the server really answers:
// every documented answer (each status and media type) is met at least once, by session and by
// token, and each body fits its schema.

test('real answers of every /api/v1 route fit the OpenAPI document', async ({ baseURL }) => {
	const visitor = await apiAs(baseURL!);
	const served = await visitor.get('/api/v1/openapi.json');
	expect(served.status()).toBe(200);
	const json = (await served.json()) as Record<string, unknown>;
	const validity = await new Validator().validate(structuredClone(json));
	expect(validity.errors, 'the served document is valid OpenAPI 3.1').toBeUndefined();

	const document = json as unknown as Document;
	const answers = answersOf(document);
	const seen = new Set<string>();
	/** A GET, or a POST of `data` when there is some, checked against the document. */
	async function check(
		client: APIRequestContext,
		template: string,
		path: string,
		headers: Record<string, string> = {},
		data?: unknown
	) {
		const method = data === undefined ? 'GET' : 'POST';
		const response =
			method === 'GET'
				? await client.get(path, { headers })
				: await client.post(path, { headers, data });
		const type = response.headers()['content-type'] ?? '';
		const body = type.startsWith('application/json')
			? await response.json()
			: await response.text();
		expect(answers.problems(template, method, response.status(), type, body), path).toEqual([]);
		seen.add(`${template} ${response.status()} ${type.split(';')[0]}`);
		return { status: response.status(), body };
	}

	await check(visitor, '/api/v1/openapi.json', '/api/v1/openapi.json');
	const framework = '/api/v1/framework';
	expect((await check(visitor, framework, framework)).status).toBe(200);
	expect((await check(visitor, framework, `${framework}?version=pqs-2025`)).status).toBe(200);
	expect((await check(visitor, framework, `${framework}?version=nowhere`)).status).toBe(404);

	const workforce = '/api/v1/workforce/{view}';
	const coverage = '/api/v1/workforce/coverage';
	expect((await check(visitor, workforce, coverage)).status).toBe(401);
	const forged = { authorization: 'Bearer gt_nonsense' };
	expect((await check(visitor, workforce, coverage, forged)).status).toBe(401);
	const practitioner = await apiAs(baseURL!, demoAccounts.practitioner);
	expect((await check(practitioner, workforce, coverage)).status).toBe(403);

	// A principal social worker, by session: every view, with and without filters, JSON and CSV.
	const psw = await apiAs(baseURL!, demoAccounts.psw);
	const { body: teams } = await check(psw, workforce, coverage);
	const team = teams.tables[0].rows[0].teamId;
	expect(team, 'a team id to filter by').toBeTruthy();
	const { body: report } = await check(psw, workforce, '/api/v1/workforce/report');
	expect(report.filters.quarter).toMatch(/^\d{4}-Q[1-4]$/);
	const parameters = {
		coverage: `team=${team}`,
		progress: 'programme=asye&stage=asye',
		audits: 'grain=month&period=all',
		learning: 'period=12m',
		cpd: 'stage=social-worker',
		report: `quarter=${report.filters.quarter}`,
		'qa-coverage': `team=${team}&page=1`
	};
	for (const [view, filters] of Object.entries(parameters)) {
		const path = `/api/v1/workforce/${view}`;
		for (const query of ['', `?${filters}`, '?format=csv', `?${filters}&format=csv`])
			expect((await check(psw, workforce, `${path}${query}`)).status, `${path}${query}`).toBe(200);
	}
	// Not paged, as the document says: page and size change nothing.
	const operation = (json.paths as Record<string, { get: { description: string } }>)[workforce];
	expect(operation.get.description).toMatch(/Not paged: every row of every table/);
	const { body: paged } = await check(psw, workforce, '/api/v1/workforce/cpd?page=2&size=1');
	expect(paged.tables[1].id).toBe('people');
	expect(paged.tables[1].rows.length, 'every practitioner, not one page of one').toBeGreaterThan(1);
	expect((await check(psw, workforce, '/api/v1/workforce/staffing')).status).toBe(404);
	expect((await check(psw, workforce, `${coverage}?format=csv&table=staff`)).status).toBe(404);

	// By a personal API token, as Power BI would.
	const made = await psw.post('/workforce/tokens?/create', {
		form: { name: 'OpenAPI contract test' },
		headers: { accept: 'text/html' }
	});
	const token = (await made.text()).match(/gt_[a-z2-7]{32}/)?.[0];
	expect(token, 'a new token on the page').toBeTruthy();
	const bearer = { authorization: `Bearer ${token}` };
	expect((await check(visitor, workforce, '/api/v1/workforce/report', bearer)).status).toBe(200);
	const csv = await check(
		visitor,
		workforce,
		'/api/v1/workforce/cpd?format=csv&table=people',
		bearer
	);
	expect(csv.status).toBe(200);

	// Enrolment: refused, then made by a token, refused again as a second one, then read.
	const enrolments = '/api/v1/enrolments';
	const enrol = {
		person: 'yasmin.haddad@demo.test',
		programme: 'asye',
		start: '2026-12-01',
		fte: 0.6,
		assessor: 'daniel.byrne@demo.test'
	};
	expect((await check(visitor, enrolments, enrolments, {}, enrol)).status).toBe(401);
	expect((await check(practitioner, enrolments, enrolments, {}, enrol)).status).toBe(403);
	expect((await check(psw, enrolments, enrolments, {}, { ...enrol, fte: 2 })).status).toBe(400);
	expect((await check(visitor, enrolments, enrolments, bearer, enrol)).status).toBe(201);
	expect((await check(psw, enrolments, enrolments, {}, enrol)).status).toBe(409);
	const programme = '/api/v1/people/{email}/programme';
	const yasmin = '/api/v1/people/yasmin.haddad@demo.test/programme';
	expect((await check(visitor, programme, yasmin)).status).toBe(401);
	expect((await check(practitioner, programme, yasmin)).status).toBe(403);
	expect((await check(psw, programme, yasmin)).status).toBe(200);
	expect((await check(visitor, programme, yasmin, bearer)).status).toBe(200);
	const never = '/api/v1/people/colleague@demo.test/programme';
	expect((await check(psw, programme, never)).status).toBe(404);

	// The anonymity check: for someone signed in, from the service's own pages.
	const anonymity = '/api/v1/anonymity/check';
	const text = { text: 'I visited Jane Smith (DOB 4/5/15) at GL1 2AB.' };
	expect((await check(visitor, anonymity, anonymity, {}, text)).status).toBe(401);
	const checked = await check(practitioner, anonymity, anonymity, {}, text);
	expect(checked.status).toBe(200);
	expect(checked.body.findings.map((f: { kind: string }) => f.kind)).toEqual([
		'name',
		'date-of-birth',
		'postcode'
	]);
	expect((await check(practitioner, anonymity, anonymity, {}, { text: 7 })).status).toBe(400);
	const foreign = { origin: 'https://elsewhere.example' };
	expect((await check(practitioner, anonymity, anonymity, foreign, text)).status).toBe(403);

	const documented = allMediaTypes(document).map((a) => `${a.path} ${a.status} ${a.type}`);
	expect([...seen].sort(), 'every documented answer, and only those, was met').toEqual(
		[...new Set(documented)].sort()
	);
	await Promise.all([visitor.dispose(), practitioner.dispose(), psw.dispose()]);
});
