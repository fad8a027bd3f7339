import { checkAnonymity, type Finding } from './anonymity';
import type { EvidenceRecord } from './evidence-record';
import { textsOf } from './evidence-form';
import { fileFindings } from './file-check';

/**
 * Everything in a record that may identify a child or family: in its texts and file names, as
 * the check finds them now, and in its files' texts, as found when each was added.
 */
export function checkRecord(record: EvidenceRecord, allowedNames: string[]): Finding[] {
	return [
		...checkAnonymity(textsOf(record), { allowedNames }),
		...fileFindings(record.attachments)
	];
}
