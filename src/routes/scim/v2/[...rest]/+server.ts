import { scimEndpoint } from '$lib/server/people/scim/endpoint';
import { ScimError } from '$lib/server/people/scim/protocol';
import type { RequestHandler } from './$types';

/** Anything else under /scim/v2 (Groups, Bulk, Me): 404 in SCIM's form, to a SCIM token's holder. */
export const fallback: RequestHandler = scimEndpoint(({ url }) => {
	throw new ScimError(
		404,
		`Golden Thread provisions Users only: there is nothing at ${url.pathname}`
	);
});
