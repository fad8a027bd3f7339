import { scimEndpoint } from '$lib/server/people/scim/endpoint';
import {
	deleteUser,
	getUser,
	methodNotAllowed,
	patchUser,
	replaceUser
} from '$lib/server/people/scim/users-api';
import type { RequestHandler } from './$types';

/** SCIM 2.0 provisioning: one person read, replaced, changed, and deactivated by DELETE. */
export const GET: RequestHandler = scimEndpoint(getUser);
export const PUT: RequestHandler = scimEndpoint(replaceUser);
export const PATCH: RequestHandler = scimEndpoint(patchUser);
export const DELETE: RequestHandler = scimEndpoint(deleteUser);
export const fallback: RequestHandler = scimEndpoint(methodNotAllowed);
