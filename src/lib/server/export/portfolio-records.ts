import type { EvidenceStatus } from '$lib/portfolio/vocabulary';
import { addDays } from '../db/time';
import { getFramework } from '../framework';
import type { DateRange } from '../portfolio/coverage';
import { practiceStandardSets } from '../standards';
import { nameMappedStandards } from '../standards/mapping';
import type { RecordInput, SignoffInput } from './document-input';
import type { PortfolioRecord, PortfolioSignoff } from './portfolio-schema';

// The records and sign-offs of the portfolio as data (`readPortfolio`, the same reading as
// `portfolio.json`) as a PDF sets them out: outcomes, statements and local standards named in
// the editions they were mapped to, and the chain's entries with the records they cite.

export interface RecordFilter {
	statuses?: readonly EvidenceStatus[];
	range?: DateRange;
}

/** Whether a date, or the day of a timestamp, falls in the range (always, without one). */
export const within = (at: string, range?: DateRange) =>
	!range || (at >= range.from && at < addDays(range.to, 1));

/** The records the filter keeps, oldest activity first, each with its id. */
export function recordsForPdf(
	records: PortfolioRecord[],
	filter: RecordFilter = {}
): (RecordInput & { id: string })[] {
	return records
		.filter((r) => !filter.statuses || filter.statuses.includes(r.history.status))
		.filter((r) => within(r.activityDate, filter.range))
		.map((r) => ({
			id: r.id,
			title: r.title,
			activity_date: r.activityDate,
			type: r.type,
			status: r.history.status,
			account: r.account,
			reflection_model: r.reflectionModel,
			reflection: r.reflection,
			cpd_type: r.cpd.type,
			cpd_relevance: r.cpd.relevance,
			cpd_learning: r.cpd.learning,
			cpd_impact: r.cpd.impact,
			peer_reflected: r.cpd.peerReflected === null ? null : Number(r.cpd.peerReflected),
			peer_reflection: r.cpd.peerReflection,
			cpd_minutes: r.cpd.minutes,
			reviewerName: r.history.review?.by ?? null,
			reviewed_at: r.history.review?.at ?? null,
			review_feedback: r.history.review?.feedback ?? null,
			importedFrom: r.importedFrom && {
				origin: r.importedFrom.origin,
				at: r.importedFrom.importedAt
			},
			mapping: mappingOf(r.mapping),
			standards: nameMappedStandards(practiceStandardSets(), r.standards).map(
				(s) => `${s.setTitle}, ${s.label}`
			),
			comments: r.history.comments.map((c) => ({
				authorName: c.by,
				created_at: c.at,
				body: c.body
			})),
			attachments: r.files.map((f) => ({ ...f, created_at: f.addedAt }))
		}));
}

/**
 * The outcomes a record is mapped to, with the statements shown under each, named in the
 * framework version of the mapping; an outcome or version no longer known is named by its id.
 */
function mappingOf(mapping: PortfolioRecord['mapping']): RecordInput['mapping'] {
	if (!mapping.frameworkVersion) return null;
	const framework = getFramework(mapping.frameworkVersion);
	const known = new Map(framework?.domains.flatMap((d) => d.outcomes).map((o) => [o.id, o]));
	return {
		framework: framework?.version.shortTitle ?? mapping.frameworkVersion,
		outcomes: mapping.outcomes.map((id) => {
			const outcome = known.get(id);
			return {
				id,
				title: outcome?.title ?? '',
				statements: mapping.statements
					.filter((s) => s.outcomeId === id)
					.map((s) => ({
						id: s.statementId,
						text: outcome?.statements.find((t) => t.id === s.statementId)?.text ?? ''
					}))
			};
		})
	};
}

/**
 * The sign-off chain's entries made in the range, each outcome named and each record cited by
 * its title; those brought from another authority say where they were made.
 */
export function signoffsForPdf(
	signoffs: PortfolioSignoff[],
	records: PortfolioRecord[],
	range?: DateRange
): SignoffInput[] {
	const titles = new Map(records.map((r) => [r.id, r.title]));
	const imported = new Map(
		records.flatMap((r) => (r.importedFrom ? [[r.importedFrom.originalId, r.title]] : []))
	);
	return signoffs
		.filter((entry) => within(entry.at, range))
		.map((entry) => {
			const outcome = getFramework(entry.frameworkVersion)
				?.domains.flatMap((d) => d.outcomes)
				.find((o) => o.id === entry.outcomeId);
			const cited = entry.origin ? imported : titles;
			return {
				outcome: outcome ? `${outcome.id} ${outcome.title}` : entry.outcomeId,
				action: entry.action,
				actorName: entry.origin ? `${entry.by} (at ${entry.origin})` : entry.by,
				created_at: entry.at,
				rationale: entry.rationale,
				evidence: entry.evidenceIds.map((id) => cited.get(id) ?? 'A record not in this PDF')
			};
		});
}
