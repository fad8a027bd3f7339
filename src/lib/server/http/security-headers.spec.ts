import { describe, expect, it } from 'vitest';
import { fallbackContentSecurityPolicy, securityHeaders } from './security-headers.js';

describe('securityHeaders', () => {
	it('asks browsers to use HTTPS for a year when the service is on HTTPS', () => {
		expect(securityHeaders({ https: true })).toMatchObject({
			'strict-transport-security': 'max-age=31536000; includeSubDomains'
		});
	});

	it('leaves Strict-Transport-Security out over plain HTTP, where browsers ignore it', () => {
		expect(securityHeaders({ https: false })).not.toHaveProperty('strict-transport-security');
	});

	it('always forbids sniffing, framing and sending the address to other sites', () => {
		for (const https of [true, false]) {
			expect(securityHeaders({ https })).toMatchObject({
				'x-content-type-options': 'nosniff',
				'x-frame-options': 'DENY',
				'referrer-policy': 'same-origin'
			});
		}
	});

	it('lets nothing load, run or frame an answer that is not a page', () => {
		const policy = new Map(
			fallbackContentSecurityPolicy.split(';').map((d) => {
				const [name, ...values] = d.trim().split(/\s+/);
				return [name, values];
			})
		);
		expect(policy.get('default-src')).toEqual(["'none'"]);
		expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
	});
});
