import { ContentError } from '../content/error.ts';
import { parseMarkdown } from '../content/frontmatter.ts';
import { crosswalkSchema, type Crosswalk, type Framework } from './schema.ts';
import { allIds, outcomeOf } from './query.ts';

const mapping = /^- (.+?) +(?:→|->) +(.+)$/;

/**
 * A crosswalk carries evidence from one version to another: frontmatter `from` and `to`
 * (version ids), then one line per statement or outcome, `- 2.3 K4 → 1.2 K1, 1.2 K3`.
 */
export function parseCrosswalk(file: string, source: string, frameworks: Framework[]): Crosswalk {
	const doc = parseMarkdown(file, source, crosswalkSchema);
	const { from, to, title } = doc.data;
	const ids = (version: string) => {
		const framework = frameworks.find((f) => f.version.id === version);
		if (!framework) throw new ContentError(file, `unknown framework version "${version}"`);
		return allIds(framework);
	};
	const fromIds = ids(from);
	const toIds = ids(to);
	const map = new Map<string, string[]>();
	for (const { text, number } of doc.lines) {
		const line = text.trim();
		if (line === '' || line.startsWith('#')) continue;
		const match = mapping.exec(line);
		if (!match) throw new ContentError(file, 'expected "- <id> → <id>, <id>"', number);
		const source = match[1].trim();
		const targets = match[2].split(',').map((id) => id.trim());
		if (!fromIds.has(source))
			throw new ContentError(file, `"${source}" is not an id in ${from}`, number);
		if (map.has(source)) throw new ContentError(file, `"${source}" is mapped twice`, number);
		const unknown = targets.find((id) => !toIds.has(id));
		if (unknown !== undefined)
			throw new ContentError(file, `"${unknown}" is not an id in ${to}`, number);
		map.set(source, targets);
	}
	return { from, to, title, file, map };
}

/**
 * How ids in any version read in version `to`: unchanged in `to` itself, through a crosswalk
 * from their version to `to`, or backwards through one from `to` to theirs (every id that maps
 * to them). An id with no crosswalk to follow reads as nothing.
 */
export function translator(crosswalks: Crosswalk[], to: string) {
	const maps = new Map<string, Map<string, string[]>>();
	for (const crosswalk of crosswalks) {
		if (crosswalk.to === to) maps.set(crosswalk.from, crosswalk.map);
		else if (crosswalk.from === to && !maps.has(crosswalk.to))
			maps.set(crosswalk.to, inverse(crosswalk.map));
	}
	return (from: string, id: string): string[] =>
		from === to ? [id] : (maps.get(from)?.get(id) ?? []);
}

function inverse(map: Map<string, string[]>) {
	const back = new Map<string, string[]>();
	for (const [source, targets] of map)
		for (const target of targets) back.set(target, [...(back.get(target) ?? []), source]);
	return back;
}

export interface VersionedIds {
	version: string;
	/** Outcome or statement ids in that version. */
	ids: string[];
}

/**
 * A record's mapping as version `to` reads it, from whichever versions it was mapped in: its
 * statements, and its outcomes (those mapped and, from another version, those of the statements
 * mapped, as a crosswalk may map a statement where it maps no outcome).
 */
export function mappingIn(crosswalks: Crosswalk[], to: string, mapped: VersionedIds[]) {
	const translate = translator(crosswalks, to);
	const outcomes = new Set<string>();
	const statements = new Set<string>();
	for (const { version, ids } of mapped)
		for (const id of ids.flatMap((id) => translate(version, id))) {
			const statement = id.includes(' ');
			if (statement) statements.add(id);
			if (!statement || version !== to) outcomes.add(outcomeOf(id));
		}
	return { outcomes, statements };
}

/**
 * The ids, version by version, whose mapping reads as outcome `outcomeId` of version `to`:
 * what a search for records of that outcome must look for.
 */
export function sourcesOf(
	library: { frameworks: Framework[]; crosswalks: Crosswalk[] },
	to: string,
	outcomeId: string
): VersionedIds[] {
	const translate = translator(library.crosswalks, to);
	return library.frameworks.flatMap(({ version }) => {
		const ids = [...allIdsOf(library, version.id)].filter((id) =>
			translate(version.id, id).some((target) => outcomeOf(target) === outcomeId)
		);
		return ids.length ? [{ version: version.id, ids }] : [];
	});
}

function allIdsOf(library: { frameworks: Framework[] }, version: string) {
	const framework = library.frameworks.find((f) => f.version.id === version);
	return framework ? allIds(framework) : new Set<string>();
}
