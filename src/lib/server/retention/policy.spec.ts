import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../content/files.ts';
import { loadRetentionPolicy } from './policy.ts';

const file = 'retention/policy.md';
const policy = (frontmatter: string) => ({
	[file]: `---\nid: retention\ntitle: Kept\n${frontmatter}\n---\n`
});

describe('the retention policy', () => {
	it('reads the shipped policy', () => {
		expect(loadRetentionPolicy(readContentFiles('content'))).toEqual({
			id: 'retention',
			title: 'How long records are kept',
			leaverYears: 6,
			auditYears: 6,
			outboxDays: 90,
			staffFileDays: 90
		});
	});

	it('refuses a missing policy and a period that is not a whole number of at least 1', () => {
		expect(() => loadRetentionPolicy({})).toThrow(
			`content/${file}: the retention policy is missing`
		);
		const periods = 'auditYears: 6\noutboxDays: 90\nstaffFileDays: 90';
		expect(() => loadRetentionPolicy(policy(`leaverYears: 0\n${periods}`))).toThrow(
			'leaverYears: must be at least 1'
		);
		expect(() => loadRetentionPolicy(policy(`leaverYears: 2.5\n${periods}`))).toThrow(
			'leaverYears: must be a whole number'
		);
		expect(() => loadRetentionPolicy(policy(periods))).toThrow('leaverYears:');
	});
});
