import { createHash } from 'node:crypto';
import { expect } from '@playwright/test';
import Database from 'better-sqlite3';
import { e2eDatabase } from './server';

// Links for people without an account, as they arrive: from the outbox of the browser tests'
// database. Only each token's hash is stored, so a link's state is found by hashing its token.

export type GuestPage = 'have-your-say' | 'health-check' | 'feedback';

interface Found {
	path: string;
	state: 'open' | 'used' | 'expired';
}

/** Every link of a kind emailed to an address, oldest first, with its state now. */
export function guestLinksTo(recipient: string, page: GuestPage): Found[] {
	const db = new Database(e2eDatabase, { readonly: true });
	try {
		const mails = db
			.prepare('select body from outbox where recipient = ? order by created_at, id')
			.all(recipient) as { body: string }[];
		const now = new Date().toISOString();
		return mails.flatMap(({ body }) => {
			const token = new RegExp(`/${page}/(\\S+)`).exec(body)?.[1];
			if (!token) return [];
			const hash = createHash('sha256').update(token).digest('hex');
			const link = db
				.prepare('select expires_at, used_at from guest_links where id = ?')
				.get(hash) as { expires_at: string; used_at: string | null } | undefined;
			const state = link?.used_at ? 'used' : link && link.expires_at > now ? 'open' : 'expired';
			return [{ path: `/${page}/${token}`, state }];
		});
	} finally {
		db.close();
	}
}

/** The newest link of a kind emailed to an address, which must be there. */
export function guestLinkTo(recipient: string, page: GuestPage, state?: Found['state']) {
	const link = guestLinksTo(recipient, page)
		.filter((l) => !state || l.state === state)
		.at(-1);
	expect(link, `a${state ? `n ${state}` : ''} /${page}/ link emailed to ${recipient}`).toBeTruthy();
	return link!.path;
}
