import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import {
	findOutcome,
	frameworkFromUrl,
	listVersions,
	versionQuery,
	versionView
} from '$lib/server/framework';
import { listEvidence } from '$lib/server/portfolio/list';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, locals }) => {
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
		next: brief(found.next),
		// A signed-in practitioner sees their own evidence for the outcome, in any version.
		evidence: locals.user?.roles.includes('practitioner')
			? await listEvidence(
					getDb(),
					locals.user.id,
					{ outcome: found.outcome.id },
					versionView(framework)
				)
			: null
	};
};
