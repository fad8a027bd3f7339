import { expect, request, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { apiAs, demoAccounts, signIn, submit } from './session';

// POST /api/v1/enrolments and GET /api/v1/people/<email>/programme, by session and by token.

const body = (person: string) => ({
	person,
	programme: 'early-career',
	start: '2026-12-01',
	fte: 0.6,
	assessor: 'helen.walsh@demo.test'
});
// The early career programme at 0.6: 3, 6, 12, 18 and 24 months take 5, 10, 20, 30 and 40.
const reviews = [
	{ name: '3-month review', due: '2027-05-01' },
	{ name: '6-month review', due: '2027-10-01' },
	{ name: '12-month review', due: '2028-08-01' },
	{ name: '18-month review', due: '2029-06-01' },
	{ name: 'Two-year review', due: '2030-04-01' }
];

test('signed out: 401; practitioners, supervisors and auditors: 403', async ({ baseURL }) => {
	const anonymous = await apiAs(baseURL!);
	const post = { data: body('ben.harris@demo.test') };
	expect((await anonymous.post('/api/v1/enrolments', post)).status()).toBe(401);
	expect((await anonymous.get('/api/v1/people/practitioner@demo.test/programme')).status()).toBe(
		401
	);
	for (const email of [demoAccounts.practitioner, demoAccounts.supervisor, demoAccounts.auditor]) {
		const client = await apiAs(baseURL!, email);
		expect((await client.post('/api/v1/enrolments', post)).status(), email).toBe(403);
		expect(
			(await client.get('/api/v1/people/practitioner@demo.test/programme')).status(),
			email
		).toBe(403);
	}
});

test('an administrator’s session enrols: 201, then 409; bad input is 400 by field', async ({
	baseURL
}) => {
	const admin = await apiAs(baseURL!, demoAccounts.admin);
	const bad = await admin.post('/api/v1/enrolments', {
		data: { ...body('ben.harris@demo.test'), start: '1 December 2026', fte: 60 }
	});
	expect(bad.status()).toBe(400);
	expect((await bad.json()).errors.map((e: { field: string }) => e.field)).toEqual([
		'start',
		'fte'
	]);
	const notJson = await admin.post('/api/v1/enrolments', {
		headers: { 'content-type': 'application/json' },
		data: '{ not json'
	});
	expect(notJson.status()).toBe(400);
	expect((await notJson.json()).errors[0].field).toBe('body');

	const created = await admin.post('/api/v1/enrolments', { data: body('ben.harris@demo.test') });
	expect(created.status()).toBe(201);
	const enrolment = await created.json();
	expect(enrolment).toEqual({
		id: expect.any(String),
		...body('ben.harris@demo.test'),
		status: 'active',
		reviews
	});
	const again = await admin.post('/api/v1/enrolments', { data: body('ben.harris@demo.test') });
	expect(again.status()).toBe(409);
	expect((await again.json()).errors).toEqual([
		{ field: 'programme', message: expect.stringContaining('Ben Harris is already on the') }
	]);
	const read = await admin.get('/api/v1/people/ben.harris@demo.test/programme');
	expect(await read.json()).toEqual(enrolment);
	expect((await admin.get('/api/v1/people/colleague@demo.test/programme')).status()).toBe(404);

	// From another site, a session's post is refused before it is read.
	const foreign = await admin.post('/api/v1/enrolments', {
		headers: { origin: 'https://evil.example' },
		data: body('ben.harris@demo.test')
	});
	expect(foreign.status()).toBe(403);
});

test('a principal social worker’s API token enrols and reads, from anywhere', async ({
	page,
	baseURL
}) => {
	await signIn(page, demoAccounts.psw);
	await page.goto('/workforce/tokens');
	await page.getByLabel('Name').fill('HR system');
	await submit(page, 'Make a token');
	const token = (await page.locator('.gt-token').textContent())!.trim();

	// A script: no session, and no origin.
	const script = await request.newContext({
		baseURL,
		extraHTTPHeaders: { 'x-forwarded-for': '10.0.0.3' }
	});
	const headers = { authorization: `Bearer ${token}` };
	const created = await script.post('/api/v1/enrolments', {
		headers,
		data: body('george.evans@demo.test')
	});
	expect(created.status()).toBe(201);
	expect(await created.json()).toMatchObject({ person: 'george.evans@demo.test', reviews });
	expect(
		(
			await script.post('/api/v1/enrolments', { headers, data: body('george.evans@demo.test') })
		).status()
	).toBe(409);
	const bad = await script.post('/api/v1/enrolments', {
		headers,
		data: { ...body('nobody@demo.test'), programme: 'asye' }
	});
	expect(bad.status()).toBe(400);
	expect((await bad.json()).errors).toEqual([
		{ field: 'person', message: 'There is nobody with this email address' }
	]);
	const read = await script.get('/api/v1/people/george.evans@demo.test/programme', { headers });
	expect(read.status()).toBe(200);
	expect((await read.json()).assessor).toBe('helen.walsh@demo.test');
	const forged = { authorization: 'Bearer gt_nonsense' };
	expect(
		(
			await script.post('/api/v1/enrolments', {
				headers: forged,
				data: body('george.evans@demo.test')
			})
		).status()
	).toBe(401);
});

test('an administrator’s API token enrols, and acts with the administrator’s roles only', async ({
	page,
	baseURL
}) => {
	await signIn(page, demoAccounts.admin);
	await page.goto('/admin');
	await page.getByRole('link', { name: 'API tokens' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('API tokens');
	await page.getByLabel('Name').fill('HR feed');
	await submit(page, 'Make a token');
	const token = (await page.locator('.gt-token').textContent())!.trim();
	await expectNoAxeViolations(page);

	const script = await request.newContext({
		baseURL,
		extraHTTPHeaders: { 'x-forwarded-for': '10.0.0.4' }
	});
	const headers = { authorization: `Bearer ${token}` };
	const created = await script.post('/api/v1/enrolments', {
		headers,
		data: body('jamal.ahmed@demo.test')
	});
	expect(created.status()).toBe(201);
	expect(await created.json()).toMatchObject({ person: 'jamal.ahmed@demo.test', reviews });
	// An administrator does not see the workforce figures, by token as by session.
	expect((await script.get('/api/v1/workforce/coverage', { headers })).status()).toBe(403);
	// Their tokens page is under Administration; the workforce one stays the principal social worker's.
	expect((await page.goto('/workforce/tokens'))?.status()).toBe(403);
});
