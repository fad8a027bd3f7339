import { expect } from '@playwright/test';
import { demoPassword } from '../session';
import { setUpTwoFactor } from '../two-factor';
import { accounts } from './demo';
import type { FuzzContext } from './setups';

// What the second factor's actions need first: someone with it on, and a sign-in waiting for
// its code.

/** Turns two-factor authentication on for someone, through its page, unless it is on already. */
export const twoFactorOn =
	(email: string) =>
	async ({ people }: FuzzContext) => {
		const { page } = await people.as(email);
		await page.goto('/account/two-factor');
		if (await page.locator('#totp-key').count()) await setUpTwoFactor(page);
	};

/** Someone signed out who has entered a right password, and is asked for a code. */
export async function pendingSignIn(context: FuzzContext) {
	await twoFactorOn(accounts.signsInWithCode)(context);
	const person = await context.people.as(null);
	// The one signed-out person may have been signed in by a body the sign-in page accepted, and
	// the second step sends someone signed in home: sign out first.
	await person.send('POST', '/sign-out', {
		data: Buffer.from(''),
		contentType: 'application/x-www-form-urlencoded'
	});
	const form = new URLSearchParams({ email: accounts.signsInWithCode, password: demoPassword });
	const answer = await person.send('POST', '/sign-in', {
		data: Buffer.from(form.toString()),
		contentType: 'application/x-www-form-urlencoded'
	});
	expect(answer.headers.location).toBe('/sign-in/two-factor');
	await person.shareCookies();
}
