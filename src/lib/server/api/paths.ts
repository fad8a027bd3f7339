import { periods } from '$lib/workforce/periods';
import { careerStages } from '../db/schema';
import { getFramework, listVersions } from '../framework';
import { frameworkToJson } from '../framework/json';
import { programmeDefinitions } from '../programme';
import { workforceViews } from '../workforce';
import { workforceApiRefusals } from '../workforce/access';
import { csvExample, csvFileNameExample, frameworkExample, workforceExample } from './examples';

// The operations of the OpenAPI document, one function per route under src/routes/api/v1. The
// values a parameter takes come from the code that reads it.

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

export const cacheControl = (value: string) => ({
	'cache-control': { schema: { type: 'string' }, example: value }
});

/** An error answer, with an example for each reason the route gives. */
export function errorResponse(description: string, messages: Record<string, string>) {
	const examples = Object.fromEntries(
		Object.entries(messages).map(([name, message]) => [name, { value: { message } }])
	);
	return { description, content: { 'application/json': { schema: ref('Error'), examples } } };
}

const query = (name: string, description: string, schema: object) => ({
	name,
	in: 'query',
	required: false,
	description,
	schema
});

export function frameworkPath() {
	const versions = listVersions().map((version) => version.id);
	return {
		get: {
			operationId: 'getFramework',
			tags: ['framework'],
			summary: 'A framework version, whole',
			description:
				'The framework version in use, or another by id. Anyone who shows the text must show the licence’s attribution.',
			security: [],
			parameters: [
				query('version', 'A version’s id; the version in use when left out', {
					type: 'string',
					enum: versions
				})
			],
			responses: {
				200: {
					description: 'The version: its domains, outcomes and statements, and its licence',
					headers: cacheControl('public, max-age=300'),
					content: {
						'application/json': {
							schema: ref('Framework'),
							example: frameworkExample(frameworkToJson(getFramework()!))
						}
					}
				},
				404: errorResponse('No version has that id', {
					unknownVersion: 'There is no version "draft-2019" of the framework.'
				})
			}
		}
	};
}

/** The workforce view's path parameter and query parameters: its filters and formats. */
function workforceParameters() {
	const programmes = programmeDefinitions().map((programme) => programme.id);
	return [
		{
			name: 'view',
			in: 'path',
			required: true,
			schema: { type: 'string', enum: Object.keys(workforceViews) }
		},
		query('team', "A team's id; every team when left out", { type: 'string' }),
		query('stage', 'A career stage', { type: 'string', enum: careerStages }),
		query('programme', "A programme's id; everyone when left out", {
			type: 'string',
			examples: programmes
		}),
		query('period', 'How far back: all time by default, the last 12 months for audits', {
			type: 'string',
			enum: Object.keys(periods)
		}),
		query('grain', 'Audits only: by month or by quarter (the default)', {
			type: 'string',
			enum: ['month', 'quarter']
		}),
		query('quarter', 'Report only: one of the last eight quarters; this one by default', {
			type: 'string',
			pattern: '^\\d{4}-Q[1-4]$',
			examples: ['2026-Q1']
		}),
		query(
			'page',
			'QA coverage only: one page of its practitioners (50 a page) and `paging` saying where; every row when left out',
			{ type: 'integer', minimum: 1, examples: [2] }
		),
		query('format', '`csv` for one table as CSV instead of JSON', {
			type: 'string',
			enum: ['csv']
		}),
		query('table', "With format=csv, the table's id; the view's first table by default", {
			type: 'string',
			examples: ['teams']
		})
	];
}

export function workforcePath() {
	return {
		get: {
			operationId: 'getWorkforceView',
			tags: ['workforce'],
			summary: "One workforce view's figures, as JSON or one table as CSV",
			description:
				'The figures behind a workforce page, from the same function as the page and its CSV downloads. Filters take the same query parameters as the page; a value the view does not know is ignored.',
			security: [{ session: [] }, { apiToken: [] }],
			parameters: workforceParameters(),
			responses: {
				200: {
					description:
						'The figures: every row (or, with `page`, one page of the paged table), as JSON; or one table as CSV with a header row',
					headers: {
						...cacheControl('private, no-store'),
						'content-disposition': {
							description: 'CSV only: a file name made of the view, the table and the filters',
							schema: { type: 'string' },
							example: csvFileNameExample
						}
					},
					content: {
						'application/json': { schema: ref('WorkforceView'), example: workforceExample },
						'text/csv': { schema: { type: 'string' }, example: csvExample }
					}
				},
				401: errorResponse('No session and no token, or a token that is not valid', {
					noCredentials: workforceApiRefusals.noCredentials,
					badToken: workforceApiRefusals.badToken
				}),
				403: errorResponse('The person is not a principal social worker', {
					notPsw: workforceApiRefusals.notPsw
				}),
				404: errorResponse('An unknown view, or with format=csv an unknown table', {
					unknownView: 'There is no workforce view called “staffing”.',
					unknownTable: 'The cpd view has no table called “staff”.'
				})
			}
		}
	};
}

export function openApiPath() {
	return {
		get: {
			operationId: 'getOpenApiDocument',
			tags: ['contract'],
			summary: 'This description of the API, OpenAPI 3.1',
			security: [],
			responses: {
				200: {
					description: 'The OpenAPI document',
					headers: cacheControl('public, max-age=300'),
					content: { 'application/json': { schema: ref('OpenApiDocument') } }
				}
			}
		}
	};
}
