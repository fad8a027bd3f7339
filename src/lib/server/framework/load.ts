import { ContentError } from '../content/error.ts';
import { filesUnder, type ContentFiles } from '../content/files.ts';
import { parseMarkdown } from '../content/frontmatter.ts';
import { parseCrosswalk } from './crosswalk.ts';
import { parseStatements } from './outcome.ts';
import {
	domainSchema,
	outcomeSchema,
	versionSchema,
	type Crosswalk,
	type Domain,
	type Framework
} from './schema.ts';
import { byNumber } from '../../order.ts';

export interface FrameworkLibrary {
	frameworks: Framework[];
	current: Framework;
	crosswalks: Crosswalk[];
}

const byId = (a: { id: string }, b: { id: string }) => byNumber(a.id, b.id);

/**
 * Reads every framework version under `frameworks/` (one folder each) and the crosswalks
 * under `frameworks/crosswalks/`, and checks them. Throws a ContentError naming the file.
 * `currentOverride` (the FRAMEWORK_VERSION setting) picks the current version by id.
 */
export function loadFrameworks(files: ContentFiles, currentOverride?: string): FrameworkLibrary {
	const folders = new Set(
		Object.keys(filesUnder(files, 'frameworks'))
			.map((path) => path.split('/'))
			.filter((parts) => parts.length > 2 && parts[1] !== 'crosswalks')
			.map((parts) => parts[1])
	);
	const frameworks = [...folders].sort().map((folder) => loadVersion(files, folder));
	if (frameworks.length === 0) throw new ContentError('frameworks', 'no framework version found');

	const current = pickCurrent(frameworks, currentOverride);
	const crosswalks = Object.entries(filesUnder(files, 'frameworks/crosswalks')).map(
		([file, source]) => parseCrosswalk(file, source, frameworks)
	);
	return { frameworks, current, crosswalks };
}

function loadVersion(files: ContentFiles, folder: string): Framework {
	const indexFile = `frameworks/${folder}/index.md`;
	if (!(indexFile in files))
		throw new ContentError(indexFile, 'missing: each version needs an index.md');
	const index = parseMarkdown(indexFile, files[indexFile], versionSchema);
	if (index.data.id !== folder) {
		throw new ContentError(
			indexFile,
			`id "${index.data.id}" must match the folder name "${folder}"`
		);
	}

	const { domains, outcomeFiles } = readDomains(files, folder, indexFile);
	addOutcomes(domains, outcomeFiles);

	const sorted = [...domains.values()].sort(byId);
	for (const domain of sorted) {
		if (domain.outcomes.length === 0) {
			throw new ContentError(`frameworks/${folder}`, `domain ${domain.id} has no outcomes`);
		}
		domain.outcomes.sort(byId);
	}
	return { version: index.data, introduction: index.body.trim(), domains: sorted };
}

/** The version's domains from their index files, and the outcome files beside them. */
function readDomains(files: ContentFiles, folder: string, indexFile: string) {
	const domains = new Map<string, Domain>();
	const outcomeFiles: [string, string][] = [];
	for (const [file, source] of Object.entries(filesUnder(files, `frameworks/${folder}`))) {
		const parts = file.split('/');
		if (parts.length === 3) {
			if (file !== indexFile)
				throw new ContentError(file, 'outcome files belong in a domain folder');
			continue;
		}
		if (parts.length !== 4)
			throw new ContentError(file, 'too deeply nested; use <version>/<domain>/<outcome>.md');
		if (parts[3] !== 'index.md') {
			outcomeFiles.push([file, source]);
			continue;
		}
		const { data } = parseMarkdown(file, source, domainSchema);
		if (!parts[2].startsWith(`${data.id}-`)) {
			throw new ContentError(
				file,
				`domain id "${data.id}" must begin the folder name "${parts[2]}"`
			);
		}
		if (domains.has(data.id)) throw new ContentError(file, `duplicate domain id "${data.id}"`);
		domains.set(data.id, { ...data, outcomes: [] });
	}
	return { domains, outcomeFiles };
}

/** Each outcome, read and checked, into the domain whose folder holds it. */
function addOutcomes(domains: Map<string, Domain>, outcomeFiles: [string, string][]) {
	const seen = new Map<string, string>();
	for (const [file, source] of outcomeFiles) {
		const doc = parseMarkdown(file, source, outcomeSchema);
		const { id, title } = doc.data;
		if (!file.endsWith(`/${id}.md`))
			throw new ContentError(file, `outcome id "${id}" must match the file name`);
		if (seen.has(id))
			throw new ContentError(
				file,
				`duplicate outcome id "${id}" (also in content/${seen.get(id)})`
			);
		seen.set(id, file);
		const domainId = id.split('.')[0];
		const domain = domains.get(domainId);
		if (!domain || !file.split('/')[2].startsWith(`${domainId}-`)) {
			throw new ContentError(file, `outcome ${id} is not in the folder of domain ${domainId}`);
		}
		domain.outcomes.push({ id, title, domainId, statements: parseStatements(file, id, doc.lines) });
	}
}

function pickCurrent(frameworks: Framework[], override?: string): Framework {
	if (override) {
		const chosen = frameworks.find((f) => f.version.id === override);
		if (!chosen) {
			const ids = frameworks.map((f) => f.version.id).join(', ');
			throw new ContentError('frameworks', `FRAMEWORK_VERSION="${override}" is not one of: ${ids}`);
		}
		return chosen;
	}
	const marked = frameworks.filter((f) => f.version.current);
	if (marked.length !== 1) {
		throw new ContentError(
			'frameworks',
			`exactly one version's index.md must say "current: true" (found ${marked.length})`
		);
	}
	return marked[0];
}
