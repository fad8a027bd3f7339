import { resourceTypes } from '$lib/server/people/scim/discovery';
import { scimEndpoint, scimJson } from '$lib/server/people/scim/endpoint';
import type { RequestHandler } from './$types';

/** The one resource type this SCIM service has, User (RFC 7643 §6). */
export const GET: RequestHandler = scimEndpoint(() => scimJson(resourceTypes()));
