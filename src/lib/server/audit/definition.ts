import { z } from 'zod';
import { ContentError } from '../content/error.ts';
import type { ContentFiles } from '../content/files.ts';
import { parseMarkdown } from '../content/frontmatter.ts';
import type { StandardSet } from '../standards/schema.ts';

const slug = z
	.string()
	.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and hyphens');

export const auditSchema = z.object({
	id: z.literal('audit'),
	title: z.string().min(1),
	standards: slug,
	areas: z.array(
		z.object({
			id: slug,
			title: z.string().min(1),
			cascade: z.boolean().default(false),
			optional: z.boolean().default(false)
		})
	),
	types: z
		.array(z.object({ id: slug, title: z.string().min(1), themed: z.boolean().default(false) }))
		.min(1),
	periodMonths: z.number().int().positive().default(6)
});

export interface AuditArea {
	id: string;
	title: string;
	cascade: boolean;
	optional: boolean;
	/** The local practice standard the area is, when it is one. */
	standardRef?: string;
}

export type AuditDefinition = Omit<z.infer<typeof auditSchema>, 'areas'> & {
	areas: AuditArea[];
	standardSet: StandardSet;
};

/**
 * How the authority audits (`content/audits/audit.md`): the practice areas graded — its local
 * practice standards plus the areas the file adds — and the kinds of audit.
 */
export function loadAuditDefinition(files: ContentFiles, sets: StandardSet[]): AuditDefinition {
	const file = 'audits/audit.md';
	const source = files[file];
	if (source === undefined) throw new ContentError(file, 'the audit definition is missing');
	const { data } = parseMarkdown(file, source, auditSchema);
	const standardSet = sets.find((s) => s.id === data.standards);
	if (!standardSet)
		throw new ContentError(file, `there is no set of local standards called "${data.standards}"`);
	const areas: AuditArea[] = [
		...standardSet.items.map((item) => ({
			id: item.ref,
			title: item.title,
			cascade: false,
			optional: false,
			standardRef: item.ref
		})),
		...data.areas
	];
	const ids = new Set<string>();
	for (const area of areas) {
		if (ids.has(area.id)) throw new ContentError(file, `duplicate area id "${area.id}"`);
		ids.add(area.id);
	}
	return { ...data, areas, standardSet };
}
