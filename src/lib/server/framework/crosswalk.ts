import { ContentError } from '../content/error.ts';
import { parseMarkdown } from '../content/frontmatter.ts';
import { crosswalkSchema, type Crosswalk, type Framework } from './schema.ts';
import { allIds } from './query.ts';

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
