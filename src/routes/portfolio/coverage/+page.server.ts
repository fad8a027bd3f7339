import { requireRole } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { getFramework } from '$lib/server/framework';
import { coverageFor } from '$lib/server/portfolio/coverage';
import { standardsCoverage } from '$lib/server/portfolio/standards';
import { practiceStandardSets } from '$lib/server/standards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireRole('practitioner');
	const framework = getFramework()!;
	return {
		frameworkName: framework.version.shortTitle,
		domains: await coverageFor(getDb(), user.id, framework),
		standardSets: await standardsCoverage(getDb(), user.id, practiceStandardSets())
	};
};
