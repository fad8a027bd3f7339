import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from './origin.js';

describe('isLoopbackHost', () => {
	it('accepts the loopback aliases, with or without a port', () => {
		for (const host of ['localhost', 'localhost:3000', 'LOCALHOST:3000', '127.0.0.1:3000'])
			expect(isLoopbackHost(host), host).toBe(true);
		for (const host of ['127.1.2.3', '[::1]:3000', '[::1]'])
			expect(isLoopbackHost(host), host).toBe(true);
	});

	it('refuses every other address, and names that only look like loopback', () => {
		for (const host of [
			undefined,
			'',
			'192.168.1.5:3000',
			'golden-thread.example.gov.uk',
			'localhost.evil.example',
			'127.0.0.1.evil.example',
			'evil.example:localhost',
			'[::2]:3000'
		])
			expect(isLoopbackHost(host), String(host)).toBe(false);
	});
});
