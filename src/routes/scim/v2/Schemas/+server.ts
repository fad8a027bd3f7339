import { schemas } from '$lib/server/people/scim/discovery';
import { scimEndpoint, scimJson } from '$lib/server/people/scim/endpoint';
import type { RequestHandler } from './$types';

/** The attributes this SCIM service keeps, as SCIM schemas (RFC 7643 §7). */
export const GET: RequestHandler = scimEndpoint(() => scimJson(schemas()));
