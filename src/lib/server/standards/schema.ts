import { z } from 'zod';

const text = z.string().trim().min(1);

export const setKinds = [
	'practice-standards',
	'priority-areas',
	'quality-assurance-framework'
] as const;

export const setSchema = z.object({
	id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and hyphens'),
	title: text,
	kind: z.enum(setKinds),
	authority: text,
	source: text,
	/**
	 * The edition of the set. Evidence mapped to a standard keeps the edition it was mapped to,
	 * so a rewritten set does not silently re-point old evidence at new wording.
	 */
	version: z
		.union([z.string().trim().min(1), z.number()])
		.transform(String)
		.default('1')
});

export interface StandardItem {
	number: number;
	title: string;
	/** Stable id for references from audits and pathways, e.g. `knowsley-3`. */
	ref: string;
	/** `### ` subsection headings in the item, e.g. "Why?", "How?". */
	sections: string[];
}

export type StandardSet = z.infer<typeof setSchema> & { file: string; items: StandardItem[] };
