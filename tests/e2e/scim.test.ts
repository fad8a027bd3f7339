import { expect, request, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { apiAs, demoAccounts, latestLinkTo, signIn, submit } from './session';

// Provisioning by SCIM 2.0 against the running server, with the requests Microsoft Entra ID
// sends, every answer held to the schemas the service itself serves at /scim/v2/Schemas.

const core = 'urn:ietf:params:scim:schemas:core:2.0:User';
const enterprise = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const errorSchema = 'urn:ietf:params:scim:api:messages:2.0:Error';
const patchOp = (...Operations: unknown[]) => ({
	schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
	Operations
});

/** A token an administrator makes at /admin/tokens, for SCIM or the API. */
async function tokenFor(baseURL: string, scope: 'scim' | 'api') {
	const admin = await apiAs(baseURL, demoAccounts.admin);
	const made = await admin.post('/admin/tokens?/create', {
		form: { name: `SCIM test ${scope}`, scope },
		headers: { accept: 'text/html' }
	});
	const token = (await made.text()).match(/gt_[a-z2-7]{32}/)?.[0];
	expect(token, 'a new token on the page').toBeTruthy();
	return token!;
}

/** A client as a directory is: no session, no origin, a bearer token. */
const directory = (baseURL: string, token?: string) =>
	request.newContext({
		baseURL,
		extraHTTPHeaders: {
			'x-forwarded-for': '10.0.0.5',
			accept: 'application/scim+json',
			...(token ? { authorization: `Bearer ${token}` } : {})
		}
	});

async function scim(response: APIResponse, status: number) {
	expect(response.status(), await response.text()).toBe(status);
	expect(response.headers()['content-type']).toMatch(/^application\/scim\+json/);
	return response.json();
}

async function expectScimError(response: APIResponse, status: number, scimType?: string) {
	expect(await scim(response, status)).toEqual({
		schemas: [errorSchema],
		status: String(status),
		...(scimType ? { scimType } : {}),
		detail: expect.any(String)
	});
}

interface Attribute {
	name: string;
	type: string;
	multiValued: boolean;
	required: boolean;
	subAttributes?: Attribute[];
}

/** What in a User resource the served schemas do not allow: unknown attributes, wrong types, required ones missing. */
async function problemsOf(client: APIRequestContext, resource: Record<string, unknown>) {
	const served = await scim(await client.get('/scim/v2/Schemas'), 200);
	const byId = new Map<string, Attribute[]>(
		served.Resources.map((s: { id: string; attributes: Attribute[] }) => [s.id, s.attributes])
	);
	const problems: string[] = [];
	const check = (object: Record<string, unknown>, attributes: Attribute[], at: string) => {
		for (const [key, value] of Object.entries(object)) {
			const attribute = attributes.find((a) => a.name.toLowerCase() === key.toLowerCase());
			if (!attribute) problems.push(`${at}${key} is in no schema`);
			else if (attribute.multiValued !== Array.isArray(value))
				problems.push(`${at}${key}: one or many`);
			else
				for (const one of attribute.multiValued ? (value as unknown[]) : [value]) {
					if (attribute.type === 'complex' && typeof one === 'object' && one)
						check(one as Record<string, unknown>, attribute.subAttributes ?? [], `${at}${key}.`);
					else if (typeof one !== (attribute.type === 'boolean' ? 'boolean' : 'string'))
						problems.push(`${at}${key} is not ${attribute.type}`);
				}
		}
		for (const attribute of attributes)
			if (attribute.required && !(attribute.name in object))
				problems.push(`${at}${attribute.name} missing`);
	};
	const { schemas, id, meta, [enterprise]: extension, ...attributes } = resource;
	for (const schema of schemas as string[])
		if (!byId.has(schema)) problems.push(`unknown schema ${schema}`);
	if (typeof id !== 'string' || typeof meta !== 'object') problems.push('no id or meta');
	check(attributes, byId.get(core)!, '');
	if (extension) check(extension as Record<string, unknown>, byId.get(enterprise)!, 'enterprise:');
	return problems;
}

test('an administrator makes a SCIM token; each kind of token works in its own place only', async ({
	page,
	baseURL
}) => {
	await signIn(page, demoAccounts.admin);
	await page.goto('/admin/tokens');
	await page.getByLabel('Name').fill('Entra ID provisioning');
	await page.getByLabel('SCIM provisioning').check();
	await submit(page, 'Make a token');
	await expect(page.locator('.govuk-panel--confirmation')).toContainText(
		'Token “Entra ID provisioning” made'
	);
	await expect(page.getByRole('main')).toContainText(`Tenant URL to ${baseURL}/scim/v2`);
	const token = (await page.locator('.gt-token').textContent())!.trim();
	await expect(
		page
			.getByRole('row', { name: /Entra ID provisioning/ })
			.getByRole('cell')
			.first()
	).toHaveText('SCIM provisioning');
	await expectNoAxeViolations(page);

	const withScim = await directory(baseURL!, token);
	const config = await scim(await withScim.get('/scim/v2/ServiceProviderConfig'), 200);
	expect(config).toMatchObject({
		patch: { supported: true },
		filter: { supported: true, maxResults: 200 }
	});
	expect((await scim(await withScim.get('/scim/v2/ResourceTypes'), 200)).Resources).toEqual([
		expect.objectContaining({ id: 'User', endpoint: '/Users', schema: core })
	]);
	// A SCIM token is not an API token, nor an API token a SCIM one.
	expect((await withScim.get('/api/v1/people/practitioner@demo.test/programme')).status()).toBe(
		403
	);
	const withApi = await directory(baseURL!, await tokenFor(baseURL!, 'api'));
	await expectScimError(await withApi.get('/scim/v2/Users'), 403);
	expect((await withApi.get('/api/v1/people/practitioner@demo.test/programme')).status()).toBe(200);

	// No token, a made-up one, or only an administrator's session: 401, in SCIM's form.
	const nobody = await directory(baseURL!);
	const unauthenticated = await nobody.get('/scim/v2/Users');
	expect(unauthenticated.headers()['www-authenticate']).toMatch(/^Bearer/);
	await expectScimError(unauthenticated, 401);
	await expectScimError(
		await nobody.post('/scim/v2/Users', { data: { userName: 'x@y.example' } }),
		401
	);
	await expectScimError(
		await (await directory(baseURL!, 'gt_madeup')).get('/scim/v2/Schemas'),
		401
	);
	const session = await apiAs(baseURL!, demoAccounts.admin);
	await expectScimError(await session.get('/scim/v2/Users'), 401);
	// Anything but Users: 404, in SCIM's form.
	await expectScimError(await withScim.get('/scim/v2/Groups'), 404);
	await expectScimError(await withScim.put('/scim/v2/Users', { data: {} }), 405);
});

test('provisioning as Entra ID does: find, create, find, change, deactivate, delete', async ({
	browser,
	page,
	baseURL
}) => {
	const client = await directory(baseURL!, await tokenFor(baseURL!, 'scim'));
	const email = 'Rosa.Quinn@Council.example';
	const find = async (userName: string) =>
		scim(
			await client.get(`/scim/v2/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`),
			200
		);

	// Entra ID looks for the person first, then finds their manager here.
	expect(await find(email)).toEqual({
		schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
		totalResults: 0,
		itemsPerPage: 0,
		startIndex: 1,
		Resources: []
	});
	const manager = (await find(demoAccounts.supervisor)).Resources[0];
	expect(manager).toMatchObject({ userName: demoAccounts.supervisor, displayName: 'Sam Okoro' });

	const created = await client.post('/scim/v2/Users', {
		headers: { 'content-type': 'application/scim+json' },
		data: {
			schemas: [core, enterprise],
			externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
			userName: email,
			active: true,
			emails: [{ primary: true, type: 'work', value: email }],
			meta: { resourceType: 'User' },
			name: { formatted: 'Rosa Quinn', familyName: 'Quinn', givenName: 'Rosa' },
			roles: [],
			[enterprise]: { department: 'North Assessment Team', manager: { value: manager.id } }
		}
	});
	const rosa = await scim(created, 201);
	expect(created.headers().location).toBe(`${baseURL}/scim/v2/Users/${rosa.id}`);
	expect(created.headers().etag).toBe(rosa.meta.version);
	expect(rosa).toMatchObject({
		userName: 'rosa.quinn@council.example',
		name: { givenName: 'Rosa', familyName: 'Quinn', formatted: 'Rosa Quinn' },
		active: true,
		[enterprise]: {
			department: 'North Assessment Team',
			manager: { value: manager.id, displayName: 'Sam Okoro' }
		},
		meta: { resourceType: 'User', location: created.headers().location }
	});
	expect(await problemsOf(client, rosa)).toEqual([]);
	expect(await problemsOf(client, manager)).toEqual([]);
	await expectScimError(
		await client.post('/scim/v2/Users', { data: { userName: email, displayName: 'Again' } }),
		409,
		'uniqueness'
	);
	await expectScimError(
		await client.post('/scim/v2/Users', { data: { userName: 'Test_User_ab64' } }),
		400,
		'invalidValue'
	);

	// Found by userName in any case; read by id; not read again when unchanged.
	expect((await find('rosa.quinn@COUNCIL.example')).Resources).toEqual([rosa]);
	const path = `/scim/v2/Users/${rosa.id}`;
	expect(await scim(await client.get(path), 200)).toEqual(rosa);
	expect(
		(await client.get(path, { headers: { 'if-none-match': rosa.meta.version } })).status()
	).toBe(304);
	await expectScimError(
		await client.get('/scim/v2/Users?filter=externalId eq "0a21f0f2"'),
		400,
		'invalidFilter'
	);
	await expectScimError(await client.get('/scim/v2/Users/no-such-person'), 404);
	const page1 = await scim(await client.get('/scim/v2/Users?startIndex=1&count=2'), 200);
	expect(page1).toMatchObject({ startIndex: 1, itemsPerPage: 2 });
	expect(page1.totalResults).toBeGreaterThan(40);

	// She accepts her invitation and signs in.
	await signIn(page, demoAccounts.admin);
	const link = await latestLinkTo(page, 'rosa.quinn@council.example');
	const her = await (await browser.newContext()).newPage();
	await her.goto(link);
	await her.getByLabel('Password', { exact: true }).fill('lantern orchard pebble');
	await her.getByLabel('Password again').fill('lantern orchard pebble');
	await submit(her, 'Set password and sign in');
	await expect(her.getByRole('heading', { level: 1 })).toHaveText(/^Hello, Rosa/);

	// Her name changes, as Entra ID sends it; a stale version is refused.
	const renamed = await scim(
		await client.patch(path, {
			data: patchOp(
				{ op: 'replace', path: 'emails[type eq "work"].value', value: 'r.q@elsewhere.example' },
				{
					op: 'replace',
					value: { 'name.familyName': 'Quinn-Hart', displayName: 'Quinn-Hart, Rosa' }
				}
			)
		}),
		200
	);
	expect(renamed).toMatchObject({ displayName: 'Rosa Quinn-Hart', userName: rosa.userName });
	expect(await problemsOf(client, renamed)).toEqual([]);
	await expectScimError(
		await client.patch(path, {
			headers: { 'if-match': rosa.meta.version },
			data: patchOp({ op: 'replace', path: 'active', value: false })
		}),
		412
	);

	// Deactivated: her session ends at once, and she cannot sign in again.
	const disabled = await scim(
		await client.patch(path, { data: patchOp({ op: 'Replace', path: 'active', value: false }) }),
		200
	);
	expect(disabled.active).toBe(false);
	await her.goto('/portfolio');
	await expect(her).toHaveURL(/\/sign-in/);
	await her.getByLabel('Email address').fill('rosa.quinn@council.example');
	await her.getByLabel('Password').fill('lantern orchard pebble');
	await her.getByRole('button', { name: 'Sign in' }).click();
	await expect(her.locator('.govuk-error-summary')).toContainText(
		'Enter a correct email address and password'
	);

	// DELETE: 204; she is kept, inactive, with her records, and still found by userName.
	expect((await client.delete(path)).status()).toBe(204);
	expect(await scim(await client.get(path), 200)).toMatchObject({ id: rosa.id, active: false });
	expect((await find(email)).totalResults).toBe(1);
	await expectScimError(await client.delete('/scim/v2/Users/no-such-person'), 404);
});
