import { requireRole } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import {
	frameworkFromUrl,
	frameworkLibrary,
	listVersions,
	outcomesOf,
	versionQuery
} from '$lib/server/framework';
import { coverageFor, summariseCoverage } from '$lib/server/portfolio/coverage';
import { standardsCoverage } from '$lib/server/portfolio/standards';
import { practiceStandardSets } from '$lib/server/standards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireRole('practitioner');
	// Any version, `?version=`: records mapped in another are read through the crosswalks.
	const framework = frameworkFromUrl(url);
	return {
		frameworkName: framework.version.shortTitle,
		version: framework.version,
		versions: listVersions(),
		query: versionQuery(framework),
		outcomeCount: outcomesOf(framework).length,
		domains: summariseCoverage(
			await coverageFor(getDb(), user.id, framework, frameworkLibrary().crosswalks)
		),
		standardSets: await standardsCoverage(getDb(), user.id, practiceStandardSets())
	};
};
