import { openApiDocument } from '$lib/server/api/openapi';
import { sessionCookieName } from '$lib/server/auth/session';
import { publicJson } from '$lib/server/http/public-json';
import type { RequestHandler } from './$types';

/** The OpenAPI 3.1 description of /api/v1: public like the framework, for it holds no data. */
export const GET: RequestHandler = ({ url }) => {
	// The session cookie's name depends on the scheme the service is reached by.
	const cookie = sessionCookieName(url);
	return publicJson(`openapi ${cookie}`, () => openApiDocument(cookie));
};
