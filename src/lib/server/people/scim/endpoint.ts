import type { RequestEvent } from '@sveltejs/kit';
import { holderOfApiToken } from '../../auth/api-tokens';
import { bearerToken } from '../../auth/api-user';
import { getDb } from '../../db';
import { FieldError } from '../../errors';
import type { Provisioner } from './provision';
import { ScimError, scimMediaType } from './protocol';

// Every answer under /scim/v2: the token checked first (a SCIM token, whose owner is still an
// administrator; a browser's session counts for nothing here), then the handler, with any
// refusal answered in SCIM's error form and the SCIM media type.

export const scimRefusals = {
	noToken: 'Send a SCIM token: Authorization: Bearer gt_…',
	badToken: 'This token is not valid or has been revoked',
	apiToken:
		'This token is for the API, not SCIM: an administrator makes a SCIM provisioning token at /admin/tokens',
	notAdmin: 'The token’s owner is no longer an administrator: an administrator must make a new one'
} as const;

/** A SCIM answer: JSON as `application/scim+json`, never cached. */
export function scimJson(body: unknown, status = 200, headers: Record<string, string> = {}) {
	return new Response(JSON.stringify(body), {
		status,
		headers: {
			'content-type': `${scimMediaType}; charset=utf-8`,
			'cache-control': 'no-store',
			...headers
		}
	});
}

/** Who provisions with the request's SCIM token; 401 without a good token, 403 for the wrong one. */
export async function requireScimToken(request: Request): Promise<Provisioner> {
	const bearer = bearerToken(request);
	if (!bearer) throw new ScimError(401, scimRefusals.noToken);
	const holder = await holderOfApiToken(getDb(), bearer);
	if (!holder) throw new ScimError(401, scimRefusals.badToken);
	if (holder.scope !== 'scim') throw new ScimError(403, scimRefusals.apiToken);
	if (!holder.user.roles.includes('admin')) throw new ScimError(403, scimRefusals.notAdmin);
	return { userId: holder.user.id, tokenId: holder.tokenId };
}

function refusal(error: unknown): Response {
	if (error instanceof FieldError)
		return refusal(
			new ScimError(
				error.status,
				error.message,
				error.status === 409 ? 'uniqueness' : 'invalidValue'
			)
		);
	if (!(error instanceof ScimError)) throw error;
	const challenge: Record<string, string> =
		error.status === 401 ? { 'www-authenticate': 'Bearer realm="Golden Thread SCIM"' } : {};
	return scimJson(error.body, error.status, challenge);
}

/** A request handler that answers only a SCIM token's holder, and refuses in SCIM's form. */
export function scimEndpoint(
	handle: (event: RequestEvent, by: Provisioner) => Promise<Response> | Response
) {
	return async (event: RequestEvent) => {
		try {
			return await handle(event, await requireScimToken(event.request));
		} catch (error) {
			return refusal(error);
		}
	};
}

/** The request's body as JSON; 400 invalidSyntax when it is not. */
export async function readScimJson(request: Request): Promise<unknown> {
	try {
		return await request.json();
	} catch {
		throw new ScimError(400, 'The body must be JSON', 'invalidSyntax');
	}
}
