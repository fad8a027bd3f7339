import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, request, test, type APIRequestContext } from '@playwright/test';
import fc from 'fast-check';
import { startPostgres, startSqlite, type FuzzServer } from './fuzz/server';
import { jsonMessage } from './fuzz/answers';
import { makeToken } from './fuzz/tokens';
import { hostileTexts, prototypeNames } from './fuzz/values';
import { apiAs, demoAccounts } from './session';

// Issue 12's rule for the JSON interfaces too: every endpoint that reads a JSON body (the API's
// enrolments and anonymity check, SCIM's users), sent what a careless integrator or an attacker
// might send, answers 2xx, or 4xx with a message a person can read and no record changed; never
// 5xx. The form fuzz (fuzz.test.ts) posts forms only, and a SCIM body naming `__proto__` was a
// 500 here until this test. Each database gets a server of its own, E2E_PORT + 3002 and + 3003.
//
// FUZZ_RUNS (200 unless set) is the number of bodies per endpoint; FUZZ_SEED replays a run.

const numRuns = Number(process.env.FUZZ_RUNS ?? 200);
const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const postgresUrl = process.env.TEST_POSTGRES_URL;

const schemas = {
	user: 'urn:ietf:params:scim:schemas:core:2.0:User',
	enterprise: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
	patch: 'urn:ietf:params:scim:api:messages:2.0:PatchOp'
};

/** Names a body's objects are made of: each endpoint's own, and SCIM's paths. */
const names = [
	...['person', 'programme', 'start', 'fte', 'assessor', 'text'],
	...['schemas', 'userName', 'active', 'externalId', 'displayName', 'name', 'emails', 'value'],
	...['givenName', 'familyName', 'formatted', 'name.givenName', 'department', 'manager'],
	...['Operations', 'op', 'path', schemas.enterprise, `${schemas.enterprise}:manager`],
	...['emails[type eq "work"].value', 'name.__proto__', `${schemas.enterprise}:__proto__`],
	// Names an object inherits: a lookup like `setters[name]` finds these without an own entry.
	...prototypeNames
];

/** A value as a body might give it: a meaningful one, a hostile text, or anything. */
const leaf = fc.oneof(
	fc.constantFrom(
		...Object.values(demoAccounts),
		...['asye', 'early-career', '2026-09-01', '0.6', 'add', 'replace', 'remove', 'Replace'],
		...Object.values(schemas),
		...names,
		...hostileTexts
	),
	fc.string(),
	fc.integer(),
	fc.double(),
	fc.boolean(),
	fc.constant(null)
);

/** Any JSON made of those names and values, a few levels deep. */
const { json } = fc.letrec<{ json: unknown }>((tie) => ({
	json: fc.oneof(
		{ depthSize: 'small' },
		leaf,
		fc.array(tie('json'), { maxLength: 4 }),
		fc.dictionary(fc.constantFrom(...names), tie('json'), { maxKeys: 6 })
	)
}));

/** What some names would be given by an integrator who means well, so that some bodies succeed. */
const meant: Record<string, fc.Arbitrary<unknown>> = {
	// Two demo practitioners not yet enrolled, and others who are or cannot be.
	person: fc.constantFrom('ben.harris@demo.test', 'george.evans@demo.test', demoAccounts.psw),
	programme: fc.constantFrom('asye', 'early-career'),
	start: fc.constantFrom('2026-09-01', '2026-12-01'),
	fte: fc.constantFrom(0.6, 1),
	assessor: fc.constantFrom(demoAccounts.supervisor, demoAccounts.psw),
	text: fc.string(),
	userName: fc.nat(999_999).map((n) => `fuzz.${n}@demo.test`),
	active: fc.boolean(),
	name: fc.record({ givenName: fc.constantFrom('Sam', 'Alex'), familyName: fc.string() })
};

/** A key's value: mostly what is meant where something is, else anything, or left out. */
const valueOf = (key: string) =>
	key in meant
		? fc.oneof(
				{ arbitrary: meant[key], weight: 6 },
				{ arbitrary: json, weight: 1 },
				{ arbitrary: fc.constant(undefined), weight: 1 }
			)
		: fc.oneof(json, fc.constant(undefined));

/** An object with these keys (one left undefined is left out of the JSON). */
const shaped = (keys: string[], fixed: Record<string, unknown> = {}) =>
	fc
		.record(Object.fromEntries(keys.map((key) => [key, valueOf(key)])))
		.map((body) => ({ ...fixed, ...body }));

/** A PATCH operation: mostly one Entra ID sends, else its parts anything. */
const patchOperation = fc.oneof(
	{
		arbitrary: fc.constantFrom(
			{ op: 'Replace', path: 'active', value: 'False' },
			{ op: 'replace', path: 'name.givenName', value: 'Sam' },
			{ op: 'add', value: { displayName: 'Sam Lee', 'name.familyName': 'Lee' } },
			{ op: 'remove', path: `${schemas.enterprise}:department` }
		),
		weight: 3
	},
	{
		arbitrary: fc.record(
			{
				op: fc.oneof(fc.constantFrom('add', 'replace', 'remove', 'Replace'), leaf),
				path: fc.oneof(fc.constantFrom('active', 'name.givenName', 'displayName'), leaf),
				value: json
			},
			{ requiredKeys: [] }
		),
		weight: 1
	}
);

/** A body: shaped as the endpoint expects, any JSON, or not JSON at all. */
const bodyOf = (expected: fc.Arbitrary<unknown>) =>
	fc.oneof(
		{ arbitrary: expected.map((body) => JSON.stringify(body)), weight: 3 },
		{ arbitrary: json.map((body) => JSON.stringify(body)), weight: 1 },
		{ arbitrary: fc.string().map((text) => `{${text}`), weight: 1 }
	);

interface Endpoint {
	method: 'GET' | 'POST' | 'PUT' | 'PATCH';
	/** The route, as its folder under src/routes names it. */
	route: string;
	path: string;
	as: 'api' | 'scim' | 'session';
	body: fc.Arbitrary<string>;
}

const users = '/scim/v2/Users';
const user = '/scim/v2/Users/[id]';

function endpoints(scimUserId: string): Endpoint[] {
	const attributes = ['userName', 'name', 'active', 'externalId', 'displayName', 'emails'];
	const resource = shaped([...attributes, schemas.enterprise], { schemas: [schemas.user] });
	return [
		{
			method: 'POST',
			route: '/api/v1/enrolments',
			path: '/api/v1/enrolments',
			as: 'api',
			body: bodyOf(shaped(['person', 'programme', 'start', 'fte', 'assessor']))
		},
		{
			method: 'POST',
			route: '/api/v1/anonymity/check',
			path: '/api/v1/anonymity/check',
			as: 'session',
			body: bodyOf(shaped(['text']))
		},
		{ method: 'POST', route: users, path: users, as: 'scim', body: bodyOf(resource) },
		{
			method: 'PUT',
			route: user,
			path: `${users}/${scimUserId}`,
			as: 'scim',
			body: bodyOf(resource)
		},
		{
			method: 'PATCH',
			route: user,
			path: `${users}/${scimUserId}`,
			as: 'scim',
			body: bodyOf(
				fc.record({
					schemas: fc.constant([schemas.patch]),
					Operations: fc.array(patchOperation, { minLength: 1, maxLength: 3 })
				})
			)
		},
		{
			method: 'GET',
			route: users,
			path: `${users}?filter=`,
			as: 'scim',
			// No longer than a URL a server takes: past about 16 KB Node answers 431 itself.
			body: fc
				.oneof(
					fc.constantFrom('userName eq "ben.harris@demo.test"', 'active eq true', 'externalId pr'),
					fc
						.tuple(fc.constantFrom(...names), fc.constantFrom('eq', 'co', 'sw', 'pr', 'gt'), leaf)
						.map(([name, op, value]) => `${name} ${op} ${JSON.stringify(value)}`),
					fc.string()
				)
				.map((filter) => filter.slice(0, 2000))
		}
	];
}

/** Each handler that reads a body, from the routes' source: `POST /api/v1/enrolments`. */
function bodyHandlers() {
	const routes = 'src/routes';
	return readdirSync(routes, { recursive: true })
		.map(String)
		.filter((file) => file.endsWith('+server.ts'))
		.flatMap((file) => {
			const route = `/${dirname(file).replaceAll('\\', '/')}`;
			const source = readFileSync(join(routes, file), 'utf8');
			return [...source.matchAll(/export const (POST|PUT|PATCH)\b/g)].map(
				(m) => `${m[1]} ${route}`
			);
		})
		.sort();
}

test('every handler that reads a body is fuzzed here', () => {
	// A new one needs an entry in `endpoints` above: who sends to it, and what it means to read.
	const fuzzed = endpoints('<id>')
		.filter((e) => e.method !== 'GET')
		.map((e) => `${e.method} ${e.route}`);
	expect(bodyHandlers()).toEqual(fuzzed.sort());
});

const databases: { name: string; start?: () => Promise<FuzzServer> }[] = [
	{ name: 'SQLite', start: () => startSqlite(3002) },
	{ name: 'PostgreSQL', start: postgresUrl ? () => startPostgres(3003, postgresUrl) : undefined }
];

for (const database of databases) {
	test(`every JSON endpoint on ${database.name}, ${numRuns} bodies each: no 5xx, and a refusal says why and changes nothing`, async () => {
		const notRun = 'TEST_POSTGRES_URL is not set: not fuzzed on PostgreSQL (CI sets it)';
		if (!database.start) console.log(notRun);
		test.skip(!database.start, notRun);
		test.setTimeout((Math.max(numRuns, 50) / 200) * 10 * 60_000);
		const server = await database.start!();
		const contexts: APIRequestContext[] = [];
		const failures: string[] = [];
		const lines: string[] = [];
		try {
			const tokens = { api: makeToken(server, 'api'), scim: makeToken(server, 'scim') };
			const bearer = async (token: string) => {
				const context = await request.newContext({
					baseURL: server.origin,
					extraHTTPHeaders: { authorization: `Bearer ${token}` }
				});
				contexts.push(context);
				return context;
			};
			const as = {
				api: await bearer(tokens.api),
				scim: await bearer(tokens.scim),
				session: await apiAs(server.origin, demoAccounts.practitioner)
			};
			contexts.push(as.session);
			// Someone the directory provisioned, whom PUT and PATCH change.
			const provisioned = await as.scim.post('/scim/v2/Users', {
				headers: { 'content-type': 'application/scim+json' },
				data: {
					schemas: [schemas.user],
					userName: 'fuzzed.person@demo.test',
					name: { givenName: 'Fuzzed', familyName: 'Person' },
					active: true
				}
			});
			expect(provisioned.status(), await provisioned.text()).toBe(201);
			const scimUserId = (await provisioned.json()).id;

			for (const [index, endpoint] of endpoints(scimUserId).entries()) {
				const statuses: Record<number, number> = {};
				const refusals = new Map<string, number>();
				const name = `${endpoint.method} ${endpoint.path.replace(scimUserId, '<id>')}`;
				const property = fc.asyncProperty(endpoint.body, async (body) => {
					const watch = await server.reader.watch();
					try {
						const get = endpoint.method === 'GET';
						const answer = await as[endpoint.as].fetch(
							get ? endpoint.path + encodeURIComponent(body) : endpoint.path,
							{
								method: endpoint.method,
								headers: { 'content-type': 'application/json' },
								data: get ? undefined : body,
								maxRedirects: 0
							}
						);
						const status = answer.status();
						statuses[status] = (statuses[status] ?? 0) + 1;
						const text = await answer.text();
						if (status >= 500) throw new Error(`${status}: ${text.slice(0, 300)}`);
						if (status < 400) return;
						const message = jsonMessage(text);
						if (!message) throw new Error(`${status} without a message: ${text}`);
						refusals.set(message, (refusals.get(message) ?? 0) + 1);
						// A token's last use is noted whatever the answer, once a minute.
						const changed = (await watch.changed()).filter((t) => t !== 'api_tokens');
						if (changed.length) throw new Error(`${status} changed ${changed.join(', ')}`);
					} finally {
						await watch.end();
					}
				});
				// A seed of its own: with the same one, PUT would send the bodies POST sent, each userName
				// taken by then.
				const details = await fc.check(property, {
					numRuns,
					seed: seed + index,
					includeErrorInReport: true
				});
				const counts = Object.entries(statuses).map(([s, n]) => `${n}×${s}`);
				lines.push(`${name}: ${counts.join(' ')}`);
				if (details.failed)
					failures.push(
						`${name} on ${database.name}\n${fc.defaultReportMessage(details)}\nThe server's log:\n${server.log().slice(-3000)}`
					);
				else if (!Object.keys(statuses).some((s) => +s < 400))
					failures.push(
						`${name}: no body succeeded, so the fuzz reached no further than a refusal; most said “${[...refusals].sort((a, b) => b[1] - a[1])[0]?.[0]}”`
					);
			}
		} finally {
			for (const context of contexts) await context.dispose();
			await server.stop();
			console.log([`${database.name}, seed ${seed} (FUZZ_SEED replays it)`, ...lines].join('\n'));
		}
		expect(failures.length, failures.join('\n\n')).toBe(0);
	});
}
