import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './redirect';

describe('safeRedirectPath', () => {
	it.each([
		['/account', '/account'],
		['/portfolio?status=draft&page=2', '/portfolio?status=draft&page=2'],
		['/portfolio/abc?saved=created#mapping', '/portfolio/abc?saved=created#mapping'],
		['/framework/search?q=a b', '/framework/search?q=a%20b'],
		['/a/../account', '/account'],
		// Relative paths resolve from the site's root, so they stay on the site.
		['account', '/account'],
		['./account?x=1', '/account?x=1'],
		// An ideographic full stop inside a path is only a strange path on this site.
		['/\u3002/evil.example', '/%E3%80%82/evil.example'],
		['/%E3%80%82/evil.example', '/%E3%80%82/evil.example']
	])('keeps the same-site path %j as %j', (target, expected) => {
		expect(safeRedirectPath(target)).toBe(expected);
	});

	it.each([
		['a tab', '/\t/evil.example'],
		['a newline', '/\n/evil.example'],
		['a carriage return', '/\r/evil.example'],
		['a NUL', '/\u0000/evil.example'],
		['a DEL', '/\u007f/evil.example'],
		['a backslash', '/\\evil.example'],
		['two backslashes', '/\\\\evil.example'],
		['a backslash after the slash', '\\/evil.example'],
		['a protocol-relative address', '//evil.example'],
		['a protocol-relative address with a path', '//evil.example/sign-in'],
		['three slashes', '///evil.example'],
		['an ideographic full stop in the host', '//evil\u3002example'],
		['an encoded ideographic full stop in the host', '//evil%E3%80%82example'],
		['dot segments that collapse to two slashes', '/.//evil.example'],
		['encoded dot segments that collapse to two slashes', '/%2e%2e//evil.example'],
		['an absolute address', 'https://evil.example/'],
		['an absolute address without slashes', 'https:evil.example'],
		['an address on another port of the same name', 'http://x.invalid:8080/'],
		['a javascript: address', 'javascript:alert(1)'],
		['a data: address', 'data:text/html,<script>alert(1)</script>'],
		['nothing', ''],
		['no value', null],
		['no parameter', undefined]
	])('sends %s home', (_, target) => {
		expect(safeRedirectPath(target)).toBe('/');
	});

	it('never names another site, whatever it is given', () => {
		const site = 'https://golden-thread.example.gov.uk';
		const target = fc.oneof(
			fc.string({ unit: 'binary' }),
			fc.webUrl(),
			fc
				.array(fc.constantFrom('/', '\\', '.', '%2e', '%2f', '\t', ':', '@', 'evil', '\u3002'), {
					maxLength: 8
				})
				.map((parts) => parts.join(''))
		);
		fc.assert(
			fc.property(target, (value) => {
				const path = safeRedirectPath(value);
				expect(path).toMatch(/^\/(?![/\\])/);
				expect(new URL(path, site).origin).toBe(site);
				expect(() => new Headers({ location: path })).not.toThrow();
			}),
			{ numRuns: 1000 }
		);
	});
});
