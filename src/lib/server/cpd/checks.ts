import { cpdShortfall, type CpdRule } from '../workforce/cpd-rule';
import type { CpdRecord } from './records';

// What a CPD year's records add up to against the rule, and which of them are thin: rules on
// records already read, tested on their own.

/** A reflection shorter than this is about a line: too little to show what was learnt. */
export const shortReflectionWords = 20;

type Fields = Pick<
	CpdRecord,
	'relevance' | 'learning' | 'impact' | 'peerReflected' | 'peerReflection'
>;

const wordCount = (text: string) => text.split(/\s+/).filter((word) => /\w/.test(word)).length;

/** Why a record is thin, one message a field: empty, or a reflection of a line or less. */
export function thinParts(record: Fields): string[] {
	const parts: string[] = [];
	if (!record.relevance.trim()) parts.push('The description and relevance to practice is empty.');
	const reflection = (text: string, empty: string, short: string) => {
		if (!text.trim()) parts.push(empty);
		else if (wordCount(text) < shortReflectionWords) parts.push(short);
	};
	reflection(
		record.learning,
		'What you learnt is empty.',
		`What you learnt is a line or less (under ${shortReflectionWords} words).`
	);
	if (!record.impact.trim()) parts.push('The impact on your practice is empty.');
	if (record.peerReflected)
		reflection(
			record.peerReflection,
			'You reflected on it with a peer, but the peer reflection is empty.',
			`The peer reflection is a line or less (under ${shortReflectionWords} words).`
		);
	return parts;
}

/** Records that count towards the rule: submitted, not drafts (the same as the workforce figures). */
export const counts = (record: Pick<CpdRecord, 'status'>) => record.status !== 'draft';

/** A year's records against the rule: how many count, how many with a peer, and what is short. */
export function cpdChecklist(
	rule: CpdRule,
	records: Pick<CpdRecord, 'status' | 'peerReflected'>[]
) {
	const counted = records.filter(counts);
	const tally = {
		records: counted.length,
		peerReflected: counted.filter((r) => r.peerReflected).length
	};
	return { ...tally, shortfall: cpdShortfall(rule, tally) };
}

/** The text compared for near-duplicates: what the record says it was, and what was learnt. */
export const comparedText = (record: Pick<CpdRecord, 'title' | 'relevance' | 'learning'>) =>
	`${record.title}\n${record.relevance}\n${record.learning}`;
