import { describe, expect, it } from 'vitest';
import { programmeDefinitions } from '$lib/server/programme';
import { interimRecommendations, recommendationName } from './vocabulary';

describe('recommendation names', () => {
	it('names every recommendation a review may make, interim or final', () => {
		const values = [
			...interimRecommendations,
			...programmeDefinitions().flatMap((p) => p.recommendations)
		];
		expect(values.length).toBeGreaterThan(2);
		for (const value of values) expect(recommendationName(value), value).toMatch(/^[A-Z][a-z ]+$/);
		expect(recommendationName('on-track')).toBe('On track');
		expect(recommendationName('not-on-track')).toBe('Not on track');
	});

	it('shows a value from an older vocabulary as it was stored, and ignores inherited keys', () => {
		expect(recommendationName('defer')).toBe('defer');
		expect(recommendationName('toString')).toBe('toString');
	});
});
