import { z } from 'zod';
import { frameworkJsonSchema } from '../framework/json';
import { viewJsonSchema } from '../workforce/view-json';
import { enrolmentRequest } from '../programme/enrolment-api';
import { enrolmentJsonSchema, fieldErrorsSchema } from '../programme/enrolment-json';
import { frameworkPath, openApiPath, workforcePath } from './paths';
import { checkAnswerSchema, checkRequestSchema } from '../portfolio/anonymity-api';
import { anonymityCheckPath } from './paths-anonymity';
import { enrolmentsPath, personProgrammePath } from './paths-enrolment';

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
function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'output') {
	const json = z.toJSONSchema(schema, { io, target: 'draft-2020-12' });
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
			summary: 'JSON for reporting tools, HR systems and other systems',
			description:
				'The framework in use; the workforce figures behind the principal social worker’s pages, as JSON or CSV; enrolling people on a programme and reading their review dates; and the anonymity check the pages use as people type. Every other change is made through the pages.'
		},
		servers: [{ url: '/', description: 'The service that serves this document' }],
		tags: [
			{ name: 'framework', description: 'The post-qualifying standards, public' },
			{ name: 'workforce', description: 'Figures for principal social workers' },
			{
				name: 'enrolment',
				description: 'Programmes, for administrators and principal social workers'
			},
			{ name: 'anonymity', description: 'The anonymity check, for the service’s own pages' },
			{ name: 'contract', description: 'This description' }
		],
		paths: {
			'/api/v1/framework': frameworkPath(),
			'/api/v1/workforce/{view}': workforcePath(),
			'/api/v1/enrolments': enrolmentsPath(),
			'/api/v1/people/{email}/programme': personProgrammePath(),
			'/api/v1/anonymity/check': anonymityCheckPath(),
			'/api/v1/openapi.json': openApiPath()
		},
		components: {
			schemas: {
				Framework: jsonSchema(frameworkJsonSchema),
				WorkforceView: jsonSchema(viewJsonSchema),
				Enrolment: jsonSchema(enrolmentJsonSchema),
				EnrolmentRequest: jsonSchema(enrolmentRequest, 'input'),
				FieldErrors: jsonSchema(fieldErrorsSchema),
				AnonymityCheckRequest: jsonSchema(checkRequestSchema, 'input'),
				AnonymityCheck: jsonSchema(checkAnswerSchema),
				Error: jsonSchema(errorSchema),
				OpenApiDocument: jsonSchema(documentSchema)
			},
			securitySchemes: {
				session: {
					type: 'apiKey',
					in: 'cookie',
					name: sessionCookie,
					description:
						'The session of someone signed in through the sign-in page, as a browser sends it. A POST must come from the service’s own origin.'
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
