// The shape of the generated authority: its volumes, and the framework, standards and
// vocabularies its records use.

export const teamCount = 40;
export const supervisorsPerTeam = 10;
export const extraAuditorCount = 60;
export const practitionerCount = 5000;
export const asyeEvery = 5; // every fifth practitioner is in their ASYE: 1,000
export const evidenceCount = 250_000;
export const auditCount = 20_000;
export const draftAuditCount = 300;
export const personAssignmentCount = 3000;

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
