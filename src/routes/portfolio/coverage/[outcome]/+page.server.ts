import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import {
	findOutcome,
	frameworkFromUrl,
	frameworkLibrary,
	versionQuery
} from '$lib/server/framework';
import { coverageFor } from '$lib/server/portfolio/coverage';
import type { PageServerLoad } from './$types';

/** One outcome of the coverage page in detail: the statements the practitioner has not yet shown. */
export const load: PageServerLoad = async ({ params, url }) => {
	const user = requireRole('practitioner');
	const framework = frameworkFromUrl(url);
	const found = findOutcome(framework, params.outcome);
	if (!found)
		error(404, `There is no outcome ${params.outcome} in ${framework.version.shortTitle}.`);
	const domains = await coverageFor(getDb(), user.id, framework, frameworkLibrary().crosswalks);
	const coverage = domains.flatMap((d) => d.outcomes).find((o) => o.id === found.outcome.id)!;
	return {
		frameworkName: framework.version.shortTitle,
		query: versionQuery(framework),
		domain: { id: found.domain.id, title: found.domain.title },
		outcome: coverage
	};
};
