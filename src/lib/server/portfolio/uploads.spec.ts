import { describe, expect, it } from 'vitest';
import { parseBodySizeLimit } from './uploads';

describe('the request limit', () => {
	it('reads BODY_SIZE_LIMIT as adapter-node does', () => {
		expect(parseBodySizeLimit(undefined)).toBe(512 * 1024);
		expect(parseBodySizeLimit('210M')).toBe(210 * 1024 * 1024);
		expect(parseBodySizeLimit('1g')).toBe(1024 ** 3);
		expect(parseBodySizeLimit('64K')).toBe(64 * 1024);
		expect(parseBodySizeLimit('1000')).toBe(1000);
		expect(parseBodySizeLimit('Infinity')).toBe(Infinity);
	});
});
