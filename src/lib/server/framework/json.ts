import type { Framework } from './schema.ts';

/** The public JSON shape of a framework version (GET /api/v1/framework). */
export function frameworkToJson(framework: Framework) {
	const { version } = framework;
	return {
		version: {
			id: version.id,
			title: version.title,
			shortTitle: version.shortTitle,
			status: version.status,
			publisher: version.publisher,
			published: version.published
		},
		domains: framework.domains.map((domain) => ({
			id: domain.id,
			title: domain.title,
			summary: domain.summary,
			outcomes: domain.outcomes.map((outcome) => ({
				id: outcome.id,
				title: outcome.title,
				statements: outcome.statements.map(({ id, kind, text, items }) => ({
					id,
					kind,
					text,
					items
				}))
			}))
		})),
		licence: {
			name: version.licence.name,
			url: version.licence.url,
			attribution: version.licence.attribution,
			copyright: version.copyright
		}
	};
}
