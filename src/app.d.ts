import type { SessionUser, ValidSession } from '$lib/server/auth/session';

// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Error {
			message: string;
			/** A page's own heading, where the generic one would be wrong (a used link). */
			title?: string;
		}
		interface Locals {
			user: SessionUser | null;
			session: ValidSession | null;
		}
	}
}

export {};
