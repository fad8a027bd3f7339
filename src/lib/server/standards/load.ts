import { ContentError } from '../content/error.ts';
import { filesUnder, type ContentFiles } from '../content/files.ts';
import { parseMarkdown } from '../content/frontmatter.ts';
import { setSchema, type StandardItem, type StandardSet } from './schema.ts';

const itemHeading = /^## (\d+)\. +(\S.*)$/;

/**
 * Reads each file in `standards/`: one set of local practice standards (or priority
 * areas, or quality-assurance stages) per file, items as `## 1. Title` headings.
 */
export function loadStandardSets(files: ContentFiles): StandardSet[] {
	const sets = Object.entries(filesUnder(files, 'standards')).map(([file, source]) => {
		const { data, lines } = parseMarkdown(file, source, setSchema);
		if (!file.endsWith(`/${data.id}.md`)) {
			throw new ContentError(file, `id "${data.id}" must match the file name`);
		}
		const items: StandardItem[] = [];
		for (const { text, number } of lines) {
			if (text.startsWith('### ')) {
				const item = items.at(-1);
				if (!item)
					throw new ContentError(file, 'a ### heading comes before the first item', number);
				item.sections.push(text.slice(4).trim());
				continue;
			}
			if (!text.startsWith('## ')) continue;
			const match = itemHeading.exec(text.trimEnd());
			if (!match) throw new ContentError(file, 'item headings read "## <number>. <title>"', number);
			const expected = items.length + 1;
			if (Number(match[1]) !== expected) {
				throw new ContentError(
					file,
					`item ${match[1]} is out of order; expected ${expected}`,
					number
				);
			}
			items.push({
				number: expected,
				title: match[2],
				ref: `${data.id}-${expected}`,
				sections: []
			});
		}
		if (items.length === 0) throw new ContentError(file, 'no items; add "## 1. <title>" headings');
		return { ...data, file, items };
	});
	const ids = new Set<string>();
	for (const set of sets) {
		if (ids.has(set.id)) throw new ContentError(set.file, `duplicate set id "${set.id}"`);
		ids.add(set.id);
	}
	return sets.sort((a, b) => a.title.localeCompare(b.title));
}
