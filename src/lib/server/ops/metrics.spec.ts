import { describe, expect, it } from 'vitest';
import { metricsAccess } from './metrics';

const asking = (authorization?: string) =>
	new Request('http://localhost/metrics', {
		headers: authorization ? { authorization } : {}
	});

describe('who may read the metrics', () => {
	const token = 'a-long-metrics-token-0123456789';

	it('nobody when METRICS_TOKEN is not set: the page is not there', () => {
		expect(metricsAccess(asking(`Bearer ${token}`), undefined)).toBe('none');
		expect(metricsAccess(asking(`Bearer ${token}`), '')).toBe('none');
	});

	it('whoever sends the token, and nobody else', () => {
		expect(metricsAccess(asking(`Bearer ${token}`), token)).toBe('yes');
		expect(metricsAccess(asking(`bearer ${token}`), token)).toBe('yes');
		expect(metricsAccess(asking(), token)).toBe('no');
		expect(metricsAccess(asking(`Bearer ${token}x`), token)).toBe('no');
		expect(metricsAccess(asking(`Bearer ${token.slice(1)}`), token)).toBe('no');
		expect(metricsAccess(asking(`Basic ${token}`), token)).toBe('no');
	});
});
