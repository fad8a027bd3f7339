import type { SelfRating } from '$lib/portfolio/vocabulary';
import type { Db } from '../db';
import { prepared } from '../db/prepared';
import { mappingIn } from '../framework/crosswalk';
import type { Crosswalk, Framework } from '../framework/schema';
import { signOffState } from '../signoff/signoffs';
import { byRecord, ownerMappings } from './mappings';
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

/**
 * A practitioner's coverage of each outcome in a framework version: records, statements
 * evidenced and never yet evidenced, and their latest self-assessment. A record mapped in
 * another version counts through the crosswalks between the two (`crosswalks`), so the same
 * portfolio can be read against either; sign-offs and ratings are the version's own. With
 * `range`, only records of activities in it count (a programme period in the PDF).
 */
export async function coverageFor(
	db: Db,
	ownerId: string,
	framework: Framework,
	crosswalks: Crosswalk[] = [],
	range?: DateRange
) {
	const version = framework.version.id;
	const records = (await mappingsOf(db, ownerId, range)).map(({ accepted, mapped }) => ({
		accepted,
		read: mappingIn(crosswalks, version, mapped)
	}));
	return coverageOf(db, ownerId, framework, records);
}

/** A record that counts, with what it shows as the version reads it (`mappingIn`). */
export interface CountedRecord {
	accepted: boolean;
	read: { outcomes: Set<string>; statements: Set<string> };
}

/**
 * Coverage (`coverageFor`) of the records that count, read already; without the practitioner's
 * ratings (`rating` none) where nobody reads them (`coverageTable`).
 */
export async function coverageOf(
	db: Db,
	ownerId: string,
	framework: Framework,
	records: CountedRecord[],
	{ ratings: withRatings = true } = {}
) {
	const version = framework.version.id;
	const counts = new Map<string, { records: number; accepted: number }>();
	const shown = new Set<string>();
	for (const { accepted, read } of records) {
		for (const id of read.statements) shown.add(id);
		for (const id of read.outcomes) {
			const count = counts.get(id) ?? { records: 0, accepted: 0 };
			count.records += 1;
			if (accepted) count.accepted += 1;
			counts.set(id, count);
		}
	}
	const ratings = withRatings ? await latestRatings(db, ownerId, version) : null;
	const signoffs = await signOffState(db, ownerId, version);

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
				records: count?.records ?? 0,
				accepted: count?.accepted ?? 0,
				knows: of('knows'),
				does: of('does'),
				gaps: outcome.statements
					.filter((s) => !shown.has(s.id))
					.map((s) => ({ id: s.id, text: s.text })),
				signedOff: signoffs.get(outcome.id)?.action === 'sign-off',
				rating: ratings?.get(outcome.id) ?? null
			};
		})
	}));
}

/**
 * An outcome's coverage as the practitioner's page leads with it: its statements not yet shown
 * counted, not listed, and their rating without its note (which the page does not show).
 */
export type OutcomeSummary = Omit<OutcomeCoverage, 'gaps' | 'rating'> & {
	gapCount: number;
	rating: { rating: SelfRating; at: string } | null;
};

type Domains = Awaited<ReturnType<typeof coverageOf>>;

/**
 * Coverage for the practitioner's page: the statements not yet shown only counted (their text
 * is most of the whole, and each outcome's are a link away), so the page stays small.
 */
export function summariseCoverage(domains: Domains) {
	return domains.map((domain) => ({
		...domain,
		outcomes: domain.outcomes.map(({ gaps, rating, ...outcome }): OutcomeSummary => ({
			...outcome,
			rating: rating && { rating: rating.rating, at: rating.at },
			gapCount: gaps.length
		}))
	}));
}

/** An outcome as the coverage table others see (`OutcomeCoverage.svelte`) shows it. */
export type CoverageRow = Pick<
	OutcomeCoverage,
	'id' | 'title' | 'records' | 'accepted' | 'does' | 'signedOff'
>;

/**
 * Coverage for a supervisor's or the principal social worker's page of a practitioner: what its
 * table shows and no more, so neither the page nor the data it carries for the browser holds
 * what nobody reads there (the practitioner's own ratings and notes, the statements not shown).
 */
export function coverageTable(domains: Domains) {
	return domains.map(({ id, title, outcomes }) => ({
		id,
		title,
		outcomes: outcomes.map(({ id, title, records, accepted, does, signedOff }): CoverageRow => ({
			id,
			title,
			records,
			accepted,
			does,
			signedOff
		}))
	}));
}

/** Each submitted or accepted record's outcomes and statements, in the versions it was mapped in. */
async function mappingsOf(db: Db, ownerId: string, range?: DateRange) {
	const rows = range
		? await countedMappings(db, ownerId)
				.where('evidence.activity_date', '>=', range.from)
				.where('evidence.activity_date', '<=', range.to)
				.execute()
		: await allCountedMappings(db, ownerId);
	const accepted = new Set(rows.filter((r) => r.status === 'accepted').map((r) => r.evidence_id));
	return [...byRecord(rows)].map(([id, mapped]) => ({ accepted: accepted.has(id), mapped }));
}

/** The mappings of a practitioner's records that count: to take a range of, or all (built once). */
const countedMappings = (db: Db, ownerId: string) =>
	ownerMappings(db, ownerId).where('evidence.status', 'in', countedStatuses);
const allCountedMappings = prepared(countedMappings);
