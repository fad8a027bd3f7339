// The parts of SCIM 2.0 (RFC 7643, RFC 7644) that every answer shares: the schemas' names, the
// media type, and errors in SCIM's own shape. Plain: no database, no SvelteKit.

export const schemaIds = {
	user: 'urn:ietf:params:scim:schemas:core:2.0:User',
	enterprise: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
	listResponse: 'urn:ietf:params:scim:api:messages:2.0:ListResponse',
	patchOp: 'urn:ietf:params:scim:api:messages:2.0:PatchOp',
	error: 'urn:ietf:params:scim:api:messages:2.0:Error',
	serviceProviderConfig: 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig',
	resourceType: 'urn:ietf:params:scim:schemas:core:2.0:ResourceType',
	schema: 'urn:ietf:params:scim:schemas:core:2.0:Schema'
} as const;

export const scimMediaType = 'application/scim+json';

/** The `scimType`s RFC 7644 §3.12 names, for the errors this service gives. */
export type ScimType =
	| 'invalidFilter'
	| 'invalidSyntax'
	| 'invalidPath'
	| 'invalidValue'
	| 'noTarget'
	| 'uniqueness'
	| 'mutability';

/** A request refused, as SCIM says it: a status, what was wrong, and for a 400 or 409 its kind. */
export class ScimError extends Error {
	constructor(
		readonly status: number,
		detail: string,
		readonly scimType?: ScimType
	) {
		super(detail);
	}

	get body() {
		return {
			schemas: [schemaIds.error],
			status: String(this.status),
			...(this.scimType ? { scimType: this.scimType } : {}),
			detail: this.message
		};
	}
}

/** A 400 for a value SCIM cannot take. */
export const invalidValue = (detail: string) => new ScimError(400, detail, 'invalidValue');
