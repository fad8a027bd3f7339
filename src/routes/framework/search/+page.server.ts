import { frameworkFromUrl, versionQuery } from '$lib/server/framework';
import { searchFramework } from '$lib/server/framework/search';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	const framework = frameworkFromUrl(url);
	const q = url.searchParams.get('q')?.trim() ?? '';
	return {
		q,
		version: { id: framework.version.id, shortTitle: framework.version.shortTitle },
		query: versionQuery(framework),
		result: q ? searchFramework(framework, q) : undefined
	};
};
