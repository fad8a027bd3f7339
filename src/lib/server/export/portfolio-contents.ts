import type { Db } from '../db';
import { frameworkLibrary, getFramework, type Framework } from '../framework';
import { coverageFor } from '../portfolio/coverage';
import { enrolmentProgramme } from '../programme';
import type { ProgrammeView } from '../programme/assessment-record';
import { enrolmentsOf } from '../programme/enrolments';
import { packPage, type PackPage } from '../programme/pack';
import type { PortfolioDocumentInput, ProgrammeInput } from './document-input';
import { readPortfolio } from './portfolio-data';
import { recordsForPdf, signoffsForPdf, within } from './portfolio-records';

// Everything a portfolio PDF shows, read from the database: the moderation panel pack's own
// data (the same loader as its page), coverage, and the records and sign-off chain as the
// portfolio as data reads them (`portfolio.json`'s reading).

export interface PortfolioOptions {
	/** The owner's portfolio (every record, drafts included), or the panel's pack (accepted ones). */
	kind?: 'portfolio' | 'pack';
	/** One of the owner's enrolments: only that programme, and what falls in its dates. */
	period?: string;
	/** The framework version to read coverage in (records mapped in another count through the
	 * crosswalks); the one in use unless told. */
	framework?: Framework;
	now?: Date;
}

/** The PDF's contents; undefined when there is no such person, or no such period of theirs. */
export async function portfolioContents(
	db: Db,
	ownerId: string,
	options: PortfolioOptions = {}
): Promise<PortfolioDocumentInput | undefined> {
	const { kind = 'portfolio', framework = getFramework()!, now = new Date() } = options;
	const programme = options.period ? await periodOf(db, ownerId, options.period) : undefined;
	if (options.period && !programme) return undefined;
	const page = await packPage(db, ownerId, framework, programme);
	if (!page) return undefined;
	const range = programme && {
		from: programme.startsOn,
		to: programme.endedOn ?? programme.endsOn
	};
	const portfolio = await readPortfolio(db, ownerId, '', now);
	const records = recordsForPdf(portfolio.records, {
		statuses: kind === 'pack' ? ['accepted'] : undefined,
		range
	});
	return {
		kind,
		person: { name: page.person.name, sweNumber: page.person.sweNumber },
		madeAt: now.toISOString(),
		period: range ? { title: programme.programme.title, ...range } : null,
		frameworkName: page.frameworkName,
		domains: page.domains,
		coverage: await coverageFor(db, ownerId, framework, frameworkLibrary().crosswalks, range),
		programme: programmeOf(page),
		observations: page.pack.observations.filter((o) => within(o.observed_on, range)),
		selfAssessments: page.pack.selfAssessments
			.map((s) => s.created_at)
			.filter((at) => within(at, range)),
		signoffs: signoffsForPdf(portfolio.signoffs, portfolio.records, range),
		records
	};
}

/** The owner's programme periods, the latest first, to download one of them. */
export async function portfolioPeriods(db: Db, ownerId: string) {
	const periods = await Promise.all(
		(await enrolmentsOf(db, ownerId)).map((enrolment) => enrolmentProgramme(db, enrolment))
	);
	return periods.flatMap((p) =>
		p
			? [
					{
						id: p.enrolmentId,
						title: p.programme.title,
						from: p.startsOn,
						to: p.endedOn ?? p.endsOn
					}
				]
			: []
	);
}

/** An enrolment of theirs, with its calendar; undefined if they have none by that id. */
async function periodOf(db: Db, ownerId: string, enrolmentId: string) {
	const enrolment = (await enrolmentsOf(db, ownerId)).find((e) => e.id === enrolmentId);
	return enrolment && enrolmentProgramme(db, enrolment);
}

function programmeOf({ person, pack, agreement }: PackPage): ProgrammeInput | null {
	const programme: ProgrammeView | null = pack.programme ?? null;
	if (!programme) return null;
	const finalId = programme.reviews.find((r) => r.final)?.id;
	const title = (id: string) => programme.reviews.find((r) => r.id === id)?.title ?? id;
	return {
		title: programme.programme.title,
		startsOn: programme.startsOn,
		endsOn: programme.endsOn,
		fte: programme.fte,
		agreement: agreement && {
			terms: agreement.terms,
			signatures: [
				{ who: `Practitioner (${person.name})`, signedAt: agreement.practitioner_signed_at },
				{
					who: `Supervisor (${agreement.supervisorName ?? '—'})`,
					signedAt: agreement.supervisor_signed_at
				},
				{
					who: `Assessor (${agreement.assessorName ?? '—'})`,
					signedAt: agreement.assessor_signed_at
				}
			]
		},
		checklist: pack.record?.checklist ?? [],
		reviews: pack.reviews.map((r) => ({
			...r,
			title: title(r.review_id),
			final: r.review_id === finalId
		})),
		plans: (pack.record?.plans ?? []).map((p) => ({ title: p.title, written: p.written })),
		reflections: (pack.record?.reflections ?? []).map((r) => ({
			reviewTitle: r.review.title,
			written: r.written
		}))
	};
}
