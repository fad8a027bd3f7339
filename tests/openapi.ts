import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

// Reads answers against the OpenAPI document: which statuses and media types it promises for an
// operation, and whether a body fits the schema it gives. Shared by the unit test (the document's
// own examples) and the browser test (real answers from the server).

type Json = Record<string, unknown>;
export interface MediaType {
	schema: Json;
	example?: unknown;
	examples?: Record<string, { value: unknown }>;
}
export interface Operation {
	responses: Record<string, { content?: Record<string, MediaType> }>;
}
export interface Document {
	paths: Record<string, Record<string, Operation>>;
	components: { schemas: Record<string, Json> };
}

const base = 'https://golden-thread.invalid/openapi.json';
// OpenAPI's own fields around the schemas, which a JSON Schema validator should pass over.
const openApiFields = ['openapi', 'info', 'servers', 'tags', 'paths', 'components', 'webhooks'];

/** One operation's answers, by path template (`/api/v1/workforce/{view}`), method and status. */
export function answersOf(document: Document) {
	const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
	addFormats(ajv);
	ajv.addVocabulary(openApiFields);
	ajv.addSchema(document, base);
	const pointer = (...parts: string[]) =>
		parts.map((part) => part.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

	function mediaTypes(path: string, method: string, status: number) {
		const operation = document.paths[path]?.[method.toLowerCase()];
		return operation?.responses[String(status)]?.content ?? {};
	}

	/** A validator for one answer's schema, or undefined when the document promises no such answer. */
	function validator(path: string, method: string, status: number, mediaType: string) {
		if (!mediaTypes(path, method, status)[mediaType]) return undefined;
		const at = pointer('paths', path, method.toLowerCase(), 'responses', `${status}`, 'content');
		return ajv.getSchema(`${base}#/${at}/${pointer(mediaType)}/schema`) as ValidateFunction;
	}

	/**
	 * What is wrong with an answer, as sentences: an undocumented status or media type, or a body
	 * that does not fit. Empty when it is as documented.
	 */
	function problems(
		path: string,
		method: string,
		status: number,
		contentType: string,
		body: unknown
	) {
		const mediaType = contentType.split(';')[0].trim();
		const documented = Object.keys(mediaTypes(path, method, status));
		if (!documented.length) return [`${method} ${path} documents no ${status} answer`];
		const validate = validator(path, method, status, mediaType);
		if (!validate)
			return [`${method} ${path} ${status} is ${documented.join(' or ')}, not ${mediaType}`];
		if (validate(body)) return [];
		return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
	}

	return { mediaTypes, validator, problems };
}

/** Every media type in the document's answers, with where it is. */
export function allMediaTypes(document: Document) {
	return Object.entries(document.paths).flatMap(([path, operations]) =>
		Object.entries(operations).flatMap(([method, operation]) =>
			Object.entries(operation.responses).flatMap(([status, response]) =>
				Object.entries(response.content ?? {}).map(([type, media]) => ({
					path,
					method: method.toUpperCase(),
					status: Number(status),
					type,
					media
				}))
			)
		)
	);
}
