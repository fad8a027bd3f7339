// The shape of the generated authority: its volumes, and the framework, standards and
// vocabularies its records use.

import { practitionerCount } from './settings.js';

// Volumes grow with the practitioners (BENCH_PRACTITIONERS): 5,000 is a large authority, 40,000
// a national cohort. Per practitioner: a team of 125, 50 evidence records, 4 case audits.
const per5000 = (n) => Math.round((n * practitionerCount) / 5000);
export { practitionerCount };
export const teamCount = Math.max(1, per5000(40));
export const supervisorsPerTeam = 10;
export const extraAuditorCount = Math.max(1, per5000(60));
export const asyeEvery = 5; // every fifth practitioner is in their ASYE: 1,000 of 5,000
export const evidenceCount = per5000(250_000);
export const auditCount = per5000(20_000);
export const draftAuditCount = per5000(300);
export const personAssignmentCount = per5000(3000);

/** Digits enough to number `count` things, at least `min`, so that names sort in order. */
export const digits = (count, min) => Math.max(min, String(count).length);

export const frameworkVersion = 'pqs-2025';
export const outcomeIds = [
	...['1.1', '1.2', '1.3', '1.4'],
	...['2.1', '2.2', '2.3', '2.4', '2.5', '2.6'],
	...['3.1', '3.2', '3.3'],
	...['4.1', '4.2', '4.3', '4.4', '4.5'],
	...['5.1', '5.2', '5.3', '5.4'],
	...['6.1', '6.2', '6.3', '6.4']
];
export const standardRefs = [1, 2, 3, 4, 5, 6, 7].map((n) => `gloucestershire-${n}`);
export const auditAreas = [
	...standardRefs.map((id) => ({ id, cascade: false })),
	{ id: 'management-oversight', cascade: true },
	{ id: 'cp-iro', cascade: true, optional: true }
];
export const grades = ['outstanding', 'good', 'requires-improvement', 'inadequate'];
export const cpdTypes = [
	'formal-learning',
	'practice-learning',
	'reading-research',
	'supervision-peer',
	'feedback',
	'other'
];
export const evidenceTypes = [
	['reflective-account', 'Reflective account'],
	['case-work', 'Case work example'],
	['supervision', 'Supervision discussion'],
	['learning-activity', 'Learning activity'],
	['reading', 'Reading and research'],
	['feedback-child-family', 'Feedback from a family'],
	['feedback-colleague', 'Feedback from a colleague'],
	['audit-learning', 'Learning from audit']
];
