import { getDb } from '../db';
import { formValues, invalid, readFormData, textOf } from '../forms';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens';
import type { SessionUser } from './session';

// The page where people who may call the API make and revoke their personal tokens: principal
// social workers at `/workforce/tokens` (the figures and enrolments), administrators at
// `/admin/tokens` (enrolments). One load and one set of actions; each route says who may use it.

type Who = () => SessionUser;

/** Someone's own tokens, newest first. */
export async function loadApiTokens(who: Who) {
	const user = who();
	return { tokens: await listApiTokens(getDb(), user.id) };
}

/** Making a token (shown once) and revoking one, for whoever `who` lets in. */
export function apiTokenActions(who: Who) {
	return {
		create: async ({ request }: { request: Request }) => {
			const user = who();
			const values = formValues(await readFormData(request));
			const name = String(values.name ?? '');
			if (!name) return invalid(values, { name: 'Enter a name for the token, such as “Power BI”' });
			if (name.length > 100)
				return invalid(values, { name: 'The name must be 100 characters or fewer' });
			const { token } = await createApiToken(getDb(), user.id, name);
			// Shown once: only its hash is kept.
			return { created: { name, token } };
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
