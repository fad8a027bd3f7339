import { z } from 'zod';
import { sendPasswordReset } from '$lib/server/auth/invitations';
import { getDb } from '$lib/server/db';
import { emailField, invalid, parseForm, readFormData } from '$lib/server/forms';
import type { Actions } from './$types';

const schema = z.object({ email: emailField('Enter your email address') });

export const actions: Actions = {
	default: async ({ request, url }) => {
		const parsed = parseForm(schema, await readFormData(request));
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		// The same answer whether or not the address has an account, so it reveals nothing.
		await sendPasswordReset(getDb(), parsed.data.email, url.origin);
		return { sent: parsed.data.email };
	}
};
