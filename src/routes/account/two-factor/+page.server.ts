import { redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/access';
import { checkSecondFactor, codeRefusal } from '$lib/server/auth/second-factor';
import type { SessionUser } from '$lib/server/auth/session';
import { groupedKey, newTotpKey, totpKeyBytes, totpQrCode } from '$lib/server/auth/totp';
import {
	hasTwoFactor,
	remakeRecoveryCodes,
	turnOffTwoFactor,
	turnOnTwoFactor,
	twoFactorStatus
} from '$lib/server/auth/two-factor';
import { roleRequiresTwoFactor } from '$lib/server/auth/two-factor-policy';
import { getDb } from '$lib/server/db';
import { FieldError } from '$lib/server/errors';
import { invalid, orFail, readFormData, textOf } from '$lib/server/forms';
import { withNotice } from '$lib/notice';
import type { Actions, PageServerLoad } from './$types';

/** What the set-up form shows for a key: its QR code, and the key to type. */
const setUpView = (key: string, email: string) => ({
	key,
	grouped: groupedKey(key),
	qrCode: totpQrCode(key, email)
});

export const load: PageServerLoad = async () => {
	const user = requireUser();
	const db = getDb();
	const status = await twoFactorStatus(db, user.id);
	return {
		status,
		required: await roleRequiresTwoFactor(db, user),
		// A new key each time the page is shown; only a code from the app makes it the person's.
		setUp: status ? null : setUpView(newTotpKey(), user.email)
	};
};

export const actions: Actions = {
	/** Turns it on with the key the page showed, once a code from the app proves the app has it. */
	setUp: async ({ request }) => {
		const user = requireUser();
		const form = await readFormData(request);
		const sent = textOf(form, 'key');
		const code = textOf(form, 'code');
		let recoveryCodes: string[] = [];
		const refused = await orFail(
			// The code is shown again as typed, as with JavaScript, so a slip can be seen; and the
			// same key again (unless it was not one of ours), so the app need not scan anew.
			{ code },
			async () => {
				if (!code) throw new FieldError('code', 'Enter the 6-digit code from your app');
				recoveryCodes = await turnOnTwoFactor(getDb(), user.id, sent, code);
			},
			{ setUp: setUpView(totpKeyBytes(sent) ? sent : newTotpKey(), user.email) }
		);
		return refused ?? { recoveryCodes };
	},
	recoveryCodes: async ({ request, getClientAddress }) => {
		const user = requireUser();
		const code = textOf(await readFormData(request), 'remakeCode');
		const refused = await confirmWithCode(user, code, 'remakeCode', getClientAddress());
		if (refused) return refused;
		return { recoveryCodes: await remakeRecoveryCodes(getDb(), user.id), remade: true };
	},
	turnOff: async ({ request, getClientAddress }) => {
		const user = requireUser();
		if (await roleRequiresTwoFactor(getDb(), user))
			return invalid(
				{},
				{ turnOffCode: 'Your role needs two-factor authentication, so it cannot be turned off' },
				403
			);
		const code = textOf(await readFormData(request), 'turnOffCode');
		const refused = await confirmWithCode(user, code, 'turnOffCode', getClientAddress());
		if (refused) return refused;
		await turnOffTwoFactor(getDb(), user.id, user.id);
		redirect(303, withNotice('/account/two-factor', 'off'));
	}
};

/**
 * A change to the second factor needs a code from it, so that someone at an unlocked computer
 * cannot take the recovery codes or turn it off: the failure to return, or nothing when right.
 */
async function confirmWithCode(user: SessionUser, code: string, field: string, address: string) {
	const db = getDb();
	if (!(await hasTwoFactor(db, user.id)))
		return invalid({}, { [field]: 'Two-factor authentication is off: set it up first' }, 409);
	const values = { [field]: code };
	if (!code) return invalid(values, { [field]: 'Enter the code from your authenticator app' });
	const check = await checkSecondFactor(db, user, code, address);
	if (check.ok) return undefined;
	const { message, status } = codeRefusal(check);
	return invalid(values, { [field]: message }, status);
}
