import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { findOneTimeLink, setPasswordWithLink } from '$lib/server/auth/one-time-link';
import { hashPassword, passwordProblem } from '$lib/server/auth/password';
import { startPendingSignIn } from '$lib/server/auth/pending-sign-in';
import { hasTwoFactor } from '$lib/server/auth/two-factor';
import { startSession } from '$lib/server/auth/session';
import { passwordSignInOn, requirePasswordSignIn } from '$lib/server/auth/sign-in-settings';
import { getDb } from '$lib/server/db';
import { recordEvent } from '$lib/server/db/events';
import { invalid, parseForm, readFormData } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';
import { withNotice } from '$lib/notice';

export const load: PageServerLoad = async ({ params }) => {
	// With passwords turned off, a link must not sign anyone in around the council's sign-in.
	if (!passwordSignInOn()) redirect(303, '/sign-in');
	const link = await findOneTimeLink(getDb(), params.token);
	return { link: link ? { name: link.name, email: link.email, purpose: link.purpose } : null };
};

const schema = z
	.object({
		password: z.string({ error: 'Enter a password' }).min(1, 'Enter a password'),
		confirm: z.string({ error: 'Enter the password again' }).min(1, 'Enter the password again')
	})
	.refine((v) => v.password === v.confirm || v.password === '', {
		path: ['confirm'],
		message: 'The passwords do not match'
	});

export const actions: Actions = {
	default: async ({ params, request, cookies, url, locals }) => {
		requirePasswordSignIn();
		const db = getDb();
		const link = await findOneTimeLink(db, params.token);
		if (!link) return fail(410, { expired: true });
		const parsed = parseForm(schema, await readFormData(request));
		if (!parsed.ok) return invalid({}, parsed.errors);
		const problem = passwordProblem(parsed.data.password, link.email);
		if (problem) return invalid({}, { password: problem });

		if (!(await setPasswordWithLink(db, params.token, await hashPassword(parsed.data.password)))) {
			return fail(410, { expired: true });
		}
		await recordEvent(db, {
			actorId: link.userId,
			action: `password.set-by-${link.purpose}`,
			subjectType: 'user',
			subjectId: link.userId
		});
		const done = withNotice('/', 'password');
		// A link proves the email, not the second factor: someone with one enters its code next.
		if (await hasTwoFactor(db, link.userId))
			redirect(303, await startPendingSignIn(db, cookies, url, link.userId, done));
		await startSession(db, cookies, url, link.userId, 'password', locals.session);
		redirect(303, done);
	}
};
