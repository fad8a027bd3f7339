import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { shortReflectionWords } from '$lib/server/cpd/checks';
import { nearDuplicateShare, phraseLength } from '$lib/server/cpd/similarity';
import { cpdYearOf, yearAsked } from '$lib/server/cpd/year';
import { keepsPortfolio } from '$lib/server/portfolio/owner';
import type { PageServerLoad } from './$types';

// Anyone signed in: each person sees their own CPD year, if they have a registration number, and
// keeps its records in their portfolio.
export const load: PageServerLoad = async ({ url }) => {
	const user = requireUser();
	const year = yearAsked(url.searchParams.get('year'));
	if ('problem' in year) error(400, year.problem);
	return {
		cpd: await cpdYearOf(getDb(), user.id, year.name),
		keepsPortfolio: keepsPortfolio(user),
		checks: { shortReflectionWords, nearDuplicateShare, phraseLength }
	};
};
