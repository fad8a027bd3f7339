import { serviceProviderConfig } from '$lib/server/people/scim/discovery';
import { scimEndpoint, scimJson } from '$lib/server/people/scim/endpoint';
import type { RequestHandler } from './$types';

/** What this SCIM service supports (RFC 7643 §5). */
export const GET: RequestHandler = scimEndpoint(({ url }) =>
	scimJson(serviceProviderConfig(url.origin))
);
