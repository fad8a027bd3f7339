import { z } from 'zod';
import { domainSchema, outcomeSchema, versionSchema, type Framework } from './schema.ts';

// The public JSON shape of a framework version (GET /api/v1/framework), as a schema built from
// the content's own schemas: the OpenAPI document publishes it, and the compiler holds
// `frameworkToJson` to it.

const text = z.string().min(1);

const statementJsonSchema = z.object({
	id: z
		.string()
		.regex(/^\d+\.\d+ [KD]\d+$/)
		.meta({ description: 'As written in the standard', examples: ['2.3 K4'] }),
	kind: z.enum(['knows', 'does']),
	text,
	items: z
		.array(z.object({ label: text.meta({ examples: ['a'] }), text }))
		.meta({ description: "The statement's sub-items, e.g. those of 1.3 K1; often empty" })
});

export const frameworkJsonSchema = z
	.object({
		version: versionSchema
			.pick({ id: true, title: true, shortTitle: true, status: true, publisher: true })
			.extend({ published: z.string().meta({ examples: ['2025-03'] }) }),
		domains: z.array(
			domainSchema.extend({
				outcomes: z.array(outcomeSchema.extend({ statements: z.array(statementJsonSchema) }))
			})
		),
		licence: versionSchema.shape.licence.extend({ copyright: text.optional() }).meta({
			description: 'Anyone who shows the text must show the attribution'
		})
	})
	.meta({ description: 'A version of the framework, whole' });

export type FrameworkJson = z.output<typeof frameworkJsonSchema>;

export function frameworkToJson(framework: Framework): FrameworkJson {
	const { version } = framework;
	return {
		version: {
			id: version.id,
			title: version.title,
			shortTitle: version.shortTitle,
			status: version.status,
			publisher: version.publisher,
			published: version.published
		},
		domains: framework.domains.map((domain) => ({
			id: domain.id,
			title: domain.title,
			summary: domain.summary,
			outcomes: domain.outcomes.map((outcome) => ({
				id: outcome.id,
				title: outcome.title,
				statements: outcome.statements.map(({ id, kind, text, items }) => ({
					id,
					kind,
					text,
					items
				}))
			}))
		})),
		licence: {
			name: version.licence.name,
			url: version.licence.url,
			attribution: version.licence.attribution,
			copyright: version.copyright
		}
	};
}
