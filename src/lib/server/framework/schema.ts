import { z } from 'zod';

const text = z.string().trim().min(1);

export const versionSchema = z.object({
	id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and hyphens'),
	title: text,
	shortTitle: text,
	publisher: text,
	published: z.union([z.string(), z.date()]).transform(String),
	status: text,
	current: z.boolean().default(false),
	copyright: text.optional(),
	licence: z.object({ name: text, url: z.url(), attribution: text })
});

export const domainSchema = z.object({
	id: z.string().regex(/^\d+$/, 'must be a whole number in quotes, e.g. "2"'),
	title: text,
	summary: text
});

export const outcomeSchema = z.object({
	id: z.string().regex(/^\d+\.\d+$/, 'must look like "2.3"'),
	title: text
});

export const crosswalkSchema = z.object({
	from: text,
	to: text,
	title: text.optional()
});

export type StatementKind = 'knows' | 'does';

export interface SubItem {
	label: string;
	text: string;
}

export interface Statement {
	/** The id as written in the standard, e.g. `2.3 K4`. */
	id: string;
	kind: StatementKind;
	text: string;
	items: SubItem[];
}

export interface Outcome {
	id: string;
	title: string;
	domainId: string;
	statements: Statement[];
}

export interface Domain {
	id: string;
	title: string;
	summary: string;
	outcomes: Outcome[];
}

export type VersionMeta = z.infer<typeof versionSchema>;

export interface Framework {
	version: VersionMeta;
	/** The introduction from the version's index file, as markdown. */
	introduction: string;
	domains: Domain[];
}

export interface Crosswalk {
	from: string;
	to: string;
	title?: string;
	file: string;
	/** Statement or outcome id in `from` → ids in `to`. */
	map: Map<string, string[]>;
}
