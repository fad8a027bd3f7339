import { error } from '@sveltejs/kit';
import { findOutcome, frameworkFromUrl, listVersions, versionQuery } from '$lib/server/framework';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url }) => {
	const framework = frameworkFromUrl(url);
	const found = findOutcome(framework, params.id);
	if (!found) {
		error(404, `There is no outcome ${params.id} in ${framework.version.shortTitle}.`);
	}
	const brief = (o?: { id: string; title: string }) => o && { id: o.id, title: o.title };
	return {
		version: framework.version,
		versions: listVersions(),
		query: versionQuery(framework),
		domain: { id: found.domain.id, title: found.domain.title },
		outcome: found.outcome,
		previous: brief(found.previous),
		next: brief(found.next)
	};
};
