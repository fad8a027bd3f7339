import type { CpdRule } from '../workforce/cpd-rule';

/** Social Work England's rule as the content sets it by default, written out for tests. */
export const testCpdRule: CpdRule = {
	id: 'swe',
	title: 'SWE',
	registrationYearStarts: '12-01',
	minimumRecords: 2,
	minimumPeerReflected: 1,
	firstReminder: '09-01',
	secondReminder: '11-01'
};
