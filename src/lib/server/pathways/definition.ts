import { z } from 'zod';
import { ContentError } from '../content/error.ts';
import { filesUnder, type ContentFiles } from '../content/files.ts';
import { parseMarkdown } from '../content/frontmatter.ts';
import type { Framework } from '../framework/schema.ts';
import type { StandardSet } from '../standards/schema.ts';

export const pathwaySchema = z.object({
	id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and hyphens'),
	title: z.string().min(1),
	priorityArea: z.number().int().positive(),
	outcomes: z.array(z.string()).min(1),
	standards: z.array(z.string()).default([]),
	hours: z.number().positive()
});

export const stepKinds = ['Reading', 'Activity', 'Reflection'] as const;
export type StepKind = (typeof stepKinds)[number];

export interface PathwayStep {
	number: number;
	kind: StepKind;
	title: string;
}

export type Pathway = z.infer<typeof pathwaySchema> & {
	file: string;
	steps: PathwayStep[];
	priorityAreaTitle: string;
};

const stepHeading = /^## (\d+)\. (Reading|Activity|Reflection): +(\S.*)$/;

/**
 * Learning pathways (`content/pathways/<id>.md`): steps as `## 1. Reading: <title>` headings,
 * ending with a reflection that becomes portfolio evidence. Outcomes are checked against the
 * framework in use, standards and the priority area against the local content.
 */
export function loadPathways(
	files: ContentFiles,
	framework: Framework,
	sets: StandardSet[]
): Pathway[] {
	const priorityAreas = sets.find((s) => s.kind === 'priority-areas');
	const standardRefs = new Set(sets.flatMap((s) => s.items.map((i) => i.ref)));
	const outcomeIds = new Set(framework.domains.flatMap((d) => d.outcomes.map((o) => o.id)));
	const pathways = Object.entries(filesUnder(files, 'pathways')).map(([file, source]) => {
		const { data, lines } = parseMarkdown(file, source, pathwaySchema);
		if (!file.endsWith(`/${data.id}.md`))
			throw new ContentError(file, `id "${data.id}" must match the file name`);
		const area = priorityAreas?.items.find((i) => i.number === data.priorityArea);
		if (!area) throw new ContentError(file, `there is no priority area ${data.priorityArea}`);
		for (const id of data.outcomes)
			if (!outcomeIds.has(id))
				throw new ContentError(file, `outcome "${id}" is not in ${framework.version.shortTitle}`);
		for (const ref of data.standards)
			if (!standardRefs.has(ref)) throw new ContentError(file, `there is no standard "${ref}"`);
		const steps: PathwayStep[] = [];
		for (const { text, number } of lines) {
			if (!text.startsWith('## ')) continue;
			const match = stepHeading.exec(text.trimEnd());
			if (!match)
				throw new ContentError(
					file,
					'step headings read "## <number>. Reading|Activity|Reflection: <title>"',
					number
				);
			if (Number(match[1]) !== steps.length + 1)
				throw new ContentError(file, `step ${match[1]} is out of order`, number);
			steps.push({ number: steps.length + 1, kind: match[2] as StepKind, title: match[3] });
		}
		if (steps.at(-1)?.kind !== 'Reflection')
			throw new ContentError(file, 'the last step must be a reflection');
		return { ...data, file, steps, priorityAreaTitle: area.title };
	});
	const ids = new Set<string>();
	for (const p of pathways) {
		if (ids.has(p.id)) throw new ContentError(p.file, `duplicate pathway id "${p.id}"`);
		ids.add(p.id);
	}
	return pathways.sort((a, b) => a.priorityArea - b.priorityArea || a.title.localeCompare(b.title));
}
