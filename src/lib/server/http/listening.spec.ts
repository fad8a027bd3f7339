import { describe, expect, it } from 'vitest';
import { defaultKeepAliveSeconds, listening, serverProcesses } from './listening.js';

describe('how the server listens', () => {
	it('keeps idle connections open longer than a proxy keeps its own, by default', () => {
		const { keepAliveTimeout, headersTimeout } = listening({});
		expect(defaultKeepAliveSeconds).toBeGreaterThan(60);
		expect(keepAliveTimeout).toBe(defaultKeepAliveSeconds * 1000);
		expect(headersTimeout).toBeGreaterThan(keepAliveTimeout);
	});

	it('takes KEEP_ALIVE_TIMEOUT and HEADERS_TIMEOUT in seconds', () => {
		expect(listening({ KEEP_ALIVE_TIMEOUT: '120', HEADERS_TIMEOUT: '130' })).toMatchObject({
			keepAliveTimeout: 120_000,
			headersTimeout: 130_000
		});
	});

	it('listens on HOST and PORT, or on SOCKET_PATH', () => {
		expect(listening({ HOST: '127.0.0.1', PORT: '4000' }).listen).toEqual({
			host: '127.0.0.1',
			port: 4000
		});
		expect(listening({}).listen).toEqual({ host: '0.0.0.0', port: 3000 });
		expect(listening({ SOCKET_PATH: '/run/gt.sock', PORT: '4000' }).listen).toEqual({
			path: '/run/gt.sock'
		});
	});

	it('refuses a timeout that is not a number of seconds, naming it', () => {
		expect(() => listening({ KEEP_ALIVE_TIMEOUT: 'ten' })).toThrow(/KEEP_ALIVE_TIMEOUT/);
		expect(() => listening({ HEADERS_TIMEOUT: '-1' })).toThrow(/HEADERS_TIMEOUT/);
	});

	it('runs WEB_CONCURRENCY processes, one a processor up to four unless set, and refuses anything but a whole number', () => {
		expect(serverProcesses({}, 2)).toBe(2);
		expect(serverProcesses({ WEB_CONCURRENCY: '' }, 4)).toBe(4);
		expect(serverProcesses({ WEB_CONCURRENCY: '1' }, 4)).toBe(1);
		expect(serverProcesses({}, 0)).toBe(1);
		expect(serverProcesses({}, 16)).toBe(4);
		expect(serverProcesses({ WEB_CONCURRENCY: '16' }, 16)).toBe(16);
		expect(serverProcesses({ WEB_CONCURRENCY: '2' })).toBe(2);
		for (const wrong of ['0', '-1', '1.5', 'two'])
			expect(() => serverProcesses({ WEB_CONCURRENCY: wrong })).toThrow(/WEB_CONCURRENCY/);
	});
});
