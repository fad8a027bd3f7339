import { describe, expect, it } from 'vitest';
import { noticeFor, withNotice } from './notice';

describe('notices after a change', () => {
	it('adds the key to the path, keeping its query and fragment', () => {
		expect(withNotice('/admin/teams', 'created')).toBe('/admin/teams?saved=created');
		expect(withNotice('/supervision/abc/pack#final', 'panel')).toBe(
			'/supervision/abc/pack?saved=panel#final'
		);
		expect(withNotice('/supervision/abc?outcome=2.3#outcomes', 'signed-off')).toBe(
			'/supervision/abc?outcome=2.3&saved=signed-off#outcomes'
		);
	});

	it('finds the page’s message for the key, and nothing for an unknown one', () => {
		const messages = { created: 'Team created.' };
		const at = (query: string) => new URL(`http://localhost/admin/teams${query}`);
		expect(noticeFor(messages, at('?saved=created'))).toBe('Team created.');
		expect(noticeFor(messages, at(''))).toBeUndefined();
		expect(noticeFor(messages, at('?saved=deleted'))).toBeUndefined();
		// Not a key the page has, though every object inherits it.
		expect(noticeFor(messages, at('?saved=constructor'))).toBeUndefined();
	});
});
