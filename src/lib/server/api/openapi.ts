import { z } from 'zod';
import { frameworkJsonSchema } from '../framework/json';
import { viewJsonSchema } from '../workforce/view-json';
import { frameworkPath, openApiPath, workforcePath } from './paths';

// The OpenAPI 3.1 description of every route under /api/v1, served at /api/v1/openapi.json.
// The response schemas come from the zod schemas beside the code that builds each answer;
// tests check that every route folder is described and that real answers fit.

const errorSchema = z
	.object({ message: z.string().meta({ description: 'Why, in a sentence for a person' }) })
	.meta({
		description:
			'An error, when the request accepts JSON (or anything, `*/*`, as curl does); a browser asking for a web page gets the error page instead.'
	});

const documentSchema = z
	.looseObject({
		openapi: z.string().regex(/^3\.1\.\d+$/),
		info: z.looseObject({ title: z.string(), version: z.string() }),
		paths: z.record(z.string(), z.unknown())
	})
	.meta({ description: 'This document: OpenAPI 3.1' });

/** A zod schema as a JSON Schema 2020-12 object, the dialect of OpenAPI 3.1. */
function jsonSchema(schema: z.ZodType) {
	const json = z.toJSONSchema(schema, { io: 'output', target: 'draft-2020-12' });
	// The document's dialect already says so.
	delete json.$schema;
	return json;
}

/**
 * The document. `sessionCookie` is the session cookie's name where it is served: `session`
 * over http, `__Host-session` over https.
 */
export function openApiDocument(sessionCookie: string) {
	return {
		openapi: '3.1.0',
		info: {
			title: 'Golden Thread API',
			version: 'v1',
			summary: 'Read-only JSON for reporting tools and other systems',
			description:
				'The framework in use, and the workforce figures behind the principal social worker’s pages, as JSON or CSV. Every change is made through the pages; there is no API for changing data.'
		},
		servers: [{ url: '/', description: 'The service that serves this document' }],
		tags: [
			{ name: 'framework', description: 'The post-qualifying standards, public' },
			{ name: 'workforce', description: 'Figures for principal social workers' },
			{ name: 'contract', description: 'This description' }
		],
		paths: {
			'/api/v1/framework': frameworkPath(),
			'/api/v1/workforce/{view}': workforcePath(),
			'/api/v1/openapi.json': openApiPath()
		},
		components: {
			schemas: {
				Framework: jsonSchema(frameworkJsonSchema),
				WorkforceView: jsonSchema(viewJsonSchema),
				Error: jsonSchema(errorSchema),
				OpenApiDocument: jsonSchema(documentSchema)
			},
			securitySchemes: {
				session: {
					type: 'apiKey',
					in: 'cookie',
					name: sessionCookie,
					description:
						'The session of a principal social worker signed in through the sign-in page, as a browser sends it.'
				},
				apiToken: {
					type: 'http',
					scheme: 'bearer',
					bearerFormat: 'gt_ and 32 base32 letters',
					description:
						'A personal API token, `Authorization: Bearer gt_…`, made at /workforce/tokens and shown once. It acts as its owner, with their roles at each request, until revoked.'
				}
			}
		}
	};
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
