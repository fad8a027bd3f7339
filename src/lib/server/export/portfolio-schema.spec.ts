import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { portfolioSchema } from './portfolio-schema';

// portfolio.json is documented field by field in docs/api.md, under "The portfolio as data": a
// field added to the schema without a word there fails here.

/** Every field name in a schema, at any depth. */
function fieldsOf(schema: z.ZodType): string[] {
	if (schema instanceof z.ZodObject)
		return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([key, field]) => [
			key,
			...fieldsOf(field)
		]);
	if (schema instanceof z.ZodArray) return fieldsOf(schema.element as z.ZodType);
	if (schema instanceof z.ZodNullable || schema instanceof z.ZodOptional)
		return fieldsOf(schema.unwrap() as z.ZodType);
	return [];
}

describe('the portfolio schema', () => {
	it('has every field documented in docs/api.md', () => {
		const api = readFileSync('docs/api.md', 'utf8');
		const start = api.indexOf('## The portfolio as data');
		const doc = api.slice(start, api.indexOf('\n## ', start + 1));
		expect(doc).toContain('### `portfolio.json`');
		const fields = [...new Set(fieldsOf(portfolioSchema))];
		expect(fields.length).toBeGreaterThan(50);
		expect(fields.filter((field) => !doc.includes(`\`${field}\``))).toEqual([]);
	});
});
