import { scimEndpoint } from '$lib/server/people/scim/endpoint';
import { createUser, listUsers, methodNotAllowed } from '$lib/server/people/scim/users-api';
import type { RequestHandler } from './$types';

/** SCIM 2.0 provisioning: people listed (`filter=userName eq "…"`, `startIndex`, `count`) and created. */
export const GET: RequestHandler = scimEndpoint(listUsers);
export const POST: RequestHandler = scimEndpoint(createUser);
export const fallback: RequestHandler = scimEndpoint(methodNotAllowed);
