import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { openApiDocument } from '$lib/server/api/openapi';
import { allMediaTypes, answersOf, type Document } from '../openapi';

// The OpenAPI document at /api/v1/openapi.json: valid OpenAPI 3.1, describing every route under
// src/routes/api/v1 (a new route without a description fails here), with examples that fit.

const document = openApiDocument('session');
const api = 'src/routes/api/v1';

/** Each `+server.ts` under /api/v1 as its OpenAPI path, with the methods it exports. */
function routes() {
	return readdirSync(api, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && entry.name === '+server.ts')
		.map((entry) => {
			const dir = relative(api, entry.parentPath).split(sep).join('/');
			const source = readFileSync(join(entry.parentPath, entry.name), 'utf8');
			const methods = [
				...source.matchAll(/export (?:const|async function|function) ([A-Z]+)\b/g)
			].map((match) => match[1].toLowerCase());
			return { path: `/api/v1/${dir.replace(/\[(\w+)\]/g, '{$1}')}`, methods: methods.sort() };
		})
		.sort((a, b) => a.path.localeCompare(b.path));
}

describe('the OpenAPI document', () => {
	test('is valid OpenAPI 3.1', async () => {
		const validator = new Validator();
		const result = await validator.validate(structuredClone(document));
		expect(result.errors).toBeUndefined();
		expect(result.valid).toBe(true);
		expect(validator.version).toBe('3.1');
	});

	test('the validator is awake: it refuses a document without info or with a bad response', async () => {
		const { info, ...noInfo } = structuredClone(document);
		expect(info.title).toBeTruthy();
		expect((await new Validator().validate(noInfo)).valid).toBe(false);
		const badStatus = structuredClone(document);
		Object.assign(badStatus.paths['/api/v1/framework'].get.responses, { '299x': {} });
		expect((await new Validator().validate(badStatus)).valid).toBe(false);
	});

	test('describes every route folder under src/routes/api/v1, and nothing else', () => {
		const described = Object.entries(document.paths)
			.map(([path, operations]) => ({ path, methods: Object.keys(operations).sort() }))
			.sort((a, b) => a.path.localeCompare(b.path));
		expect(routes().length).toBeGreaterThanOrEqual(3);
		expect(described).toEqual(routes());
	});

	test('every schema is JSON Schema 2020-12, and every example fits its schema', () => {
		const answers = answersOf(document as unknown as Document);
		const examples = allMediaTypes(document as unknown as Document).flatMap(
			({ path, method, status, type, media }) => {
				const validate = answers.validator(path, method, status, type)!;
				expect(validate, `${method} ${path} ${status} ${type}`).toBeTypeOf('function');
				const values = [
					...(media.example === undefined ? [] : [media.example]),
					...Object.values(media.examples ?? {}).map((example) => example.value)
				];
				for (const value of values)
					expect(validate(value) || validate.errors, `${method} ${path} ${status} ${type}`).toBe(
						true
					);
				return values;
			}
		);
		// The framework, the workforce JSON and CSV, and the errors' messages.
		expect(examples.length).toBeGreaterThanOrEqual(8);
	});

	test("every parameter's schema is JSON Schema 2020-12, and its examples fit it", () => {
		const ajv = new Ajv2020({ strict: true });
		const parameters = Object.values(document.paths).flatMap((path) =>
			Object.values(path).flatMap((operation) =>
				'parameters' in operation ? operation.parameters : []
			)
		);
		expect(parameters.map((parameter) => parameter.name)).toContain('version');
		for (const { name, schema } of parameters) {
			const validate = ajv.compile(schema);
			for (const value of 'examples' in schema ? schema.examples : [])
				expect(validate(value), `${name}: ${value}`).toBe(true);
		}
	});

	test('an answer that does not fit is reported: a missing field, a wrong status or media type', () => {
		const answers = answersOf(document as unknown as Document);
		const path = '/api/v1/workforce/{view}';
		const view = { view: 'cpd', title: 'CPD', filters: {}, tables: [] };
		expect(answers.problems(path, 'GET', 200, 'application/json', view)).toEqual([
			'/tables must NOT have fewer than 1 items'
		]);
		const untitled: Record<string, unknown> = {
			...view,
			tables: [{ id: 't', columns: [], rows: [] }]
		};
		delete untitled.title;
		expect(answers.problems(path, 'GET', 200, 'application/json', untitled)).toEqual([
			"/ must have required property 'title'",
			"/tables/0 must have required property 'title'"
		]);
		expect(answers.problems(path, 'GET', 500, 'application/json', {})).toEqual([
			'GET /api/v1/workforce/{view} documents no 500 answer'
		]);
		expect(answers.problems(path, 'GET', 404, 'text/html', '')).toEqual([
			'GET /api/v1/workforce/{view} 404 is application/json, not text/html'
		]);
		expect(answers.problems(path, 'GET', 401, 'application/json', { message: 'No.' })).toEqual([]);
	});

	test('the workforce figures take a session cookie or a personal API token; the rest is public', () => {
		expect(document.components.securitySchemes.session).toMatchObject({
			type: 'apiKey',
			in: 'cookie',
			name: 'session'
		});
		expect(openApiDocument('__Host-session').components.securitySchemes.session.name).toBe(
			'__Host-session'
		);
		expect(document.components.securitySchemes.apiToken).toMatchObject({
			type: 'http',
			scheme: 'bearer'
		});
		expect(document.paths['/api/v1/workforce/{view}'].get.security).toEqual([
			{ session: [] },
			{ apiToken: [] }
		]);
		expect(document.paths['/api/v1/framework'].get.security).toEqual([]);
		expect(document.paths['/api/v1/openapi.json'].get.security).toEqual([]);
	});
});
