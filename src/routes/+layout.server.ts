import { isLoopbackHost } from '$lib/server/http/origin.js';
import { keepsPortfolio } from '$lib/server/portfolio/owner';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url }) => ({
	user: locals.user
		? {
				name: locals.user.name,
				roles: locals.user.roles,
				// A practitioner, or anyone with a registration number (their CPD records).
				keepsPortfolio: keepsPortfolio(locals.user)
			}
		: null,
	// Without ORIGIN the service works at this machine's own addresses only: anywhere else, say
	// what to set, rather than refuse every form with a message about cross-site posts.
	unknownAddress: !process.env.ORIGIN && !isLoopbackHost(url.host) ? url.host : null
});
