import { requireRole } from '$lib/server/auth/access';
import { createApiToken, listApiTokens, revokeApiToken } from '$lib/server/auth/api-tokens';
import { getDb } from '$lib/server/db';
import { formValues, invalid, readFormData, textOf } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireRole('psw');
	return { tokens: await listApiTokens(getDb(), user.id) };
};

export const actions: Actions = {
	create: async ({ request }) => {
		const user = requireRole('psw');
		const values = formValues(await readFormData(request));
		const name = String(values.name ?? '');
		if (!name) return invalid(values, { name: 'Enter a name for the token, such as “Power BI”' });
		if (name.length > 100)
			return invalid(values, { name: 'The name must be 100 characters or fewer' });
		const { token } = await createApiToken(getDb(), user.id, name);
		// Shown once: only its hash is kept.
		return { created: { name, token } };
	},
	revoke: async ({ request }) => {
		const user = requireRole('psw');
		const id = textOf(await readFormData(request), 'id');
		if (!id) return invalid({}, { tokens: 'Choose a token to revoke' });
		await revokeApiToken(getDb(), user.id, id);
		return { revoked: true };
	}
};
