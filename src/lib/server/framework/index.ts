import { error } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { bundledContent } from '../content/bundled.ts';
import { loadFrameworks, type FrameworkLibrary } from './load.ts';
import type { Framework } from './schema.ts';

export type { Framework, Domain, Outcome, Statement, Crosswalk } from './schema.ts';
export { findOutcome, mappedStatement, outcomeOf, outcomesOf, statementsOf } from './query.ts';

let library: FrameworkLibrary | undefined;

/** All framework versions, validated once per process (the build has already checked them). */
export function frameworkLibrary(): FrameworkLibrary {
	library ??= loadFrameworks(bundledContent, env.FRAMEWORK_VERSION || undefined);
	return library;
}

/** The version in use, or the one asked for by id; undefined for an unknown id. */
export function getFramework(versionId?: string): Framework | undefined {
	const { frameworks, current } = frameworkLibrary();
	if (!versionId) return current;
	return frameworks.find((framework) => framework.version.id === versionId);
}

/** The version named by `?version=` (or the current one); a 404 for an unknown version. */
export function frameworkFromUrl(url: URL): Framework {
	const requested = url.searchParams.get('version') || undefined;
	const framework = getFramework(requested);
	if (!framework) error(404, `There is no version "${requested}" of the framework.`);
	return framework;
}

/** Summaries of every version, for the version switcher. */
export function listVersions() {
	const { frameworks, current } = frameworkLibrary();
	return frameworks.map(({ version }) => ({
		id: version.id,
		shortTitle: version.shortTitle,
		status: version.status,
		current: version.id === current.version.id
	}));
}

/** The query string that keeps a link on the same version: empty for the version in use. */
export function versionQuery(framework: Framework): string {
	return framework === frameworkLibrary().current
		? ''
		: `?version=${encodeURIComponent(framework.version.id)}`;
}

/** A version to read portfolios in, with every version and crosswalk to read other mappings by. */
export function versionView(framework: Framework) {
	const { frameworks, crosswalks } = frameworkLibrary();
	return { version: framework.version.id, frameworks, crosswalks };
}
