import { z } from 'zod';
import { ContentError } from '../content/error.ts';
import type { ContentFiles } from '../content/files.ts';
import { parseMarkdown } from '../content/frontmatter.ts';
import { addDays } from '../db/time.ts';

export const cpdRuleSchema = z.object({
	id: z.string().min(1),
	title: z.string().min(1),
	registrationYearStarts: z.string().regex(/^\d\d-\d\d$/, 'must read MM-DD, e.g. 12-01'),
	minimumRecords: z.number().int().min(0),
	minimumPeerReflected: z.number().int().min(0)
});

export type CpdRule = z.infer<typeof cpdRuleSchema>;

/** The CPD requirement (`content/cpd/social-work-england.md`): content an authority can change. */
export function loadCpdRule(files: ContentFiles): CpdRule {
	const file = 'cpd/social-work-england.md';
	if (files[file] === undefined) throw new ContentError(file, 'the CPD requirement is missing');
	return parseMarkdown(file, files[file], cpdRuleSchema).data;
}

/** The registration year a day falls in: its first and last day. */
export function registrationYear(rule: CpdRule, today: string) {
	const startThisYear = `${today.slice(0, 4)}-${rule.registrationYearStarts}`;
	const startYear =
		today >= startThisYear ? Number(today.slice(0, 4)) : Number(today.slice(0, 4)) - 1;
	const start = `${startYear}-${rule.registrationYearStarts}`;
	const next = `${startYear + 1}-${rule.registrationYearStarts}`;
	return { start, end: addDays(next, -1) };
}
