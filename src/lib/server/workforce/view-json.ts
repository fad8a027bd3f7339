import { z } from 'zod';
import { workforceViews } from '.';

// The JSON shape of a workforce view (GET /api/v1/workforce/<view>), which the OpenAPI document
// publishes. The route checks the `View` it sends with `satisfies`, so the compiler notices when
// the two part.

const cell = z.union([z.string(), z.number(), z.null()]);

const columnSchema = z.object({
	key: z.string().meta({ description: "The row's property that holds this column" }),
	label: z.string().meta({ description: 'The heading, and the CSV header' }),
	numeric: z.boolean().optional(),
	format: z.enum(['date', 'period']).optional().meta({
		description:
			'How a page shows the value: a `date` (2026-11-23) or a `period` (2025-12, 2026-Q1). The JSON keeps the ISO form.'
	})
});

const tableSchema = z.object({
	id: z.string().meta({ examples: ['needs-by-team'] }),
	title: z.string(),
	columns: z.array(columnSchema),
	rows: z.array(z.record(z.string(), cell)).meta({
		description:
			'Every row. A row holds a cell for each column key (a string, a number, or null for a share of nothing), and may hold ids beyond its columns for joining, such as `teamId` or `practitionerId`.'
	})
});

const pagingSchema = z
	.object({
		table: z
			.string()
			.meta({ description: 'The table shown a page at a time', examples: ['practitioners'] }),
		page: z.number().int().min(1),
		pages: z.number().int().min(1),
		perPage: z
			.number()
			.int()
			.min(1)
			.meta({ examples: [50] }),
		rows: z.number().int().min(0).meta({ description: "The table's rows on every page together" })
	})
	.meta({
		description:
			'Present when asked for a page (`page=<n>`, qa-coverage only): that table holds one page of rows; without `page` it holds them all.'
	});

export const viewJsonSchema = z
	.object({
		view: z.string().meta({ examples: Object.keys(workforceViews) }),
		title: z.string().meta({ examples: Object.values(workforceViews) }),
		filters: z.record(z.string(), z.string()).meta({
			description:
				'The filters applied, as query parameters, plus what the view chose: `grain` for audits, `quarter` for report, `registrationYear` (e.g. 2025-12-01/2026-11-30) for cpd, `since` (the first day of the last 12 months, e.g. 2025-12-03) for qa-coverage.'
		}),
		tables: z.array(tableSchema).min(1),
		paging: pagingSchema.optional()
	})
	.meta({ description: "One workforce view's figures, as tables" });

export type ViewJson = z.output<typeof viewJsonSchema>;
