import { expect } from 'vitest';
import { ScimError } from './protocol';

/** For tests: the SCIM error body a piece of work is refused with; fails when it is not refused. */
export function refusalOf(work: () => unknown) {
	try {
		work();
	} catch (error) {
		expect(error).toBeInstanceOf(ScimError);
		return (error as ScimError).body;
	}
	throw new Error('not refused');
}
