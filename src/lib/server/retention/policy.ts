import { z } from 'zod';
import { ContentError } from '../content/error.ts';
import type { ContentFiles } from '../content/files.ts';
import { parseMarkdown } from '../content/frontmatter.ts';

const whole = (max: number) =>
	z.number().int('must be a whole number').min(1, 'must be at least 1').max(max);

export const retentionPolicySchema = z.object({
	id: z.literal('retention'),
	title: z.string().min(1),
	leaverYears: whole(100),
	auditYears: whole(100),
	outboxDays: whole(36_500),
	staffFileDays: whole(36_500)
});

export type RetentionPolicy = z.infer<typeof retentionPolicySchema>;

const file = 'retention/policy.md';

/** How long records are kept (`content/retention/policy.md`): content an authority changes. */
export function loadRetentionPolicy(files: ContentFiles): RetentionPolicy {
	if (files[file] === undefined) throw new ContentError(file, 'the retention policy is missing');
	return parseMarkdown(file, files[file], retentionPolicySchema).data;
}
