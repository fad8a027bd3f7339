import { getDb } from '../db';
import { apiTokenScopes, type ApiTokenScope } from '../db/schema';
import { formValues, invalid, readFormData, textOf } from '../forms';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens';
import type { SessionUser } from './session';

// The page where people who may call the API make and revoke their personal tokens: principal
// social workers at `/workforce/tokens` (the figures and enrolments), administrators at
// `/admin/tokens` (enrolments, or provisioning people by SCIM: they choose which, `scope`).
// One load and one set of actions; each route says who may use it and whether they choose.

type Who = () => SessionUser;

/** Someone's own tokens, newest first. */
export async function loadApiTokens(who: Who) {
	const user = who();
	return { tokens: await listApiTokens(getDb(), user.id) };
}

const isScope = (value: string): value is ApiTokenScope =>
	(apiTokenScopes as readonly string[]).includes(value);

/**
 * Making a token (shown once) and revoking one, for whoever `who` lets in. With `scopes`, the
 * form chooses what the token is for (the API when it does not say); without, it is for the API.
 */
export function apiTokenActions(who: Who, { scopes = false } = {}) {
	return {
		create: async ({ request, url }: { request: Request; url: URL }) => {
			const user = who();
			const values = formValues(await readFormData(request));
			const name = String(values.name ?? '');
			const scope = scopes ? String(values.scope || 'api') : 'api';
			if (!name) return invalid(values, { name: 'Enter a name for the token, such as “Power BI”' });
			if (name.length > 100)
				return invalid(values, { name: 'The name must be 100 characters or fewer' });
			if (!isScope(scope)) return invalid(values, { scope: 'Choose what the token is for' });
			const { token } = await createApiToken(getDb(), user.id, name, scope);
			// Shown once: only its hash is kept. The address, for the examples beside it.
			return { created: { name, token, scope, origin: url.origin } };
		},
		revoke: async ({ request }: { request: Request }) => {
			const user = who();
			const id = textOf(await readFormData(request), 'id');
			if (!id) return invalid({}, { tokens: 'Choose a token to revoke' });
			await revokeApiToken(getDb(), user.id, id);
			return { revoked: true };
		}
	};
}
