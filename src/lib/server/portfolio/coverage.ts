import type { SelfRating } from '$lib/portfolio/vocabulary';
import type { ExpressionBuilder } from 'kysely';
import type { Database, Db } from '../db';
import type { Framework } from '../framework/schema';
import { signOffState } from '../signoff/signoffs';
import { latestRatings } from './self-assessment';

/** Records count towards coverage once submitted; a draft is not yet evidence. */
export const countedStatuses = ['submitted', 'accepted'] as const;

export interface OutcomeCoverage {
	id: string;
	title: string;
	records: number;
	accepted: number;
	knows: { evidenced: number; total: number };
	does: { evidenced: number; total: number };
	gaps: { id: string; text: string }[];
	signedOff: boolean;
	rating: { rating: SelfRating; note: string; at: string } | null;
}

/** Activity dates from `from` to `to`, both included, as `YYYY-MM-DD`. */
export interface DateRange {
	from: string;
	to: string;
}

/** The owner's records that count, and only those of activities in the range if there is one. */
const countedOf =
	(ownerId: string, range?: DateRange) =>
	({ and, eb }: ExpressionBuilder<Database, 'evidence'>) =>
		and([
			eb('evidence.owner_id', '=', ownerId),
			eb('evidence.status', 'in', countedStatuses),
			...(range
				? [
						eb('evidence.activity_date', '>=', range.from),
						eb('evidence.activity_date', '<=', range.to)
					]
				: [])
		]);

/**
 * A practitioner's coverage of each outcome in a framework version: records, statements
 * evidenced and never yet evidenced, and their latest self-assessment. Counting is in SQL.
 * With `range`, only records of activities in it count (a programme period in the PDF).
 */
export async function coverageFor(
	db: Db,
	ownerId: string,
	framework: Framework,
	range?: DateRange
) {
	const version = framework.version.id;
	const records = await db
		.selectFrom('evidence_outcomes')
		.innerJoin('evidence', 'evidence.id', 'evidence_outcomes.evidence_id')
		.select((eb) => [
			'evidence_outcomes.outcome_id',
			eb.fn.countAll<number>().as('records'),
			eb.fn
				.sum<number>(eb.case().when('evidence.status', '=', 'accepted').then(1).else(0).end())
				.as('accepted')
		])
		.where(countedOf(ownerId, range))
		.where('evidence_outcomes.framework_version', '=', version)
		.groupBy('evidence_outcomes.outcome_id')
		.execute();
	const evidenced = await db
		.selectFrom('evidence_statements')
		.innerJoin('evidence', 'evidence.id', 'evidence_statements.evidence_id')
		.select('evidence_statements.statement_id')
		.distinct()
		.where(countedOf(ownerId, range))
		.where('evidence_statements.framework_version', '=', version)
		.execute();
	const ratings = await latestRatings(db, ownerId, version);
	const signoffs = await signOffState(db, ownerId, version);
	const shown = new Set(evidenced.map((s) => s.statement_id));
	const counts = new Map(records.map((r) => [r.outcome_id, r]));

	return framework.domains.map((domain) => ({
		id: domain.id,
		title: domain.title,
		outcomes: domain.outcomes.map((outcome): OutcomeCoverage => {
			const of = (kind: 'knows' | 'does') => {
				const all = outcome.statements.filter((s) => s.kind === kind);
				return { evidenced: all.filter((s) => shown.has(s.id)).length, total: all.length };
			};
			const count = counts.get(outcome.id);
			return {
				id: outcome.id,
				title: outcome.title,
				records: Number(count?.records ?? 0),
				accepted: Number(count?.accepted ?? 0),
				knows: of('knows'),
				does: of('does'),
				gaps: outcome.statements
					.filter((s) => !shown.has(s.id))
					.map((s) => ({ id: s.id, text: s.text })),
				signedOff: signoffs.get(outcome.id)?.action === 'sign-off',
				rating: ratings.get(outcome.id) ?? null
			};
		})
	}));
}
