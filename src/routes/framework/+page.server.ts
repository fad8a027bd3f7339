import { frameworkFromUrl, listVersions, versionQuery } from '$lib/server/framework';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	const framework = frameworkFromUrl(url);
	return {
		version: framework.version,
		versions: listVersions(),
		query: versionQuery(framework),
		domains: framework.domains.map((domain) => ({
			id: domain.id,
			title: domain.title,
			summary: domain.summary,
			outcomes: domain.outcomes.map(({ id, title }) => ({ id, title }))
		}))
	};
};
