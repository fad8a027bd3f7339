import type { Content } from 'pdfmake/interfaces';
import { formatDate, formatDateTime } from '$lib/format';
import { recommendationName, theReview } from '$lib/programme/vocabulary';
import type {
	ObservationInput,
	PortfolioDocumentInput,
	ProgrammeInput,
	ReviewInput
} from './document-input';
import {
	heading,
	hint,
	label,
	paragraph,
	subheading,
	summaryList,
	together
} from './document-parts';

// The programme in a portfolio PDF, as the moderation panel pack page shows it: the programme
// and its agreement, the panel's checklist, the reviews with who wrote, countersigned and
// decided them, the development plans and critical reflections, and observations of practice.

export function programmeSection(input: PortfolioDocumentInput): Content[] {
	const programme = input.programme;
	if (!programme) return [heading('Programme', true), paragraph(null, 'Not on a programme.')];
	return [
		heading('Programme', true),
		paragraph(
			`${programme.title}, started ${formatDate(programme.startsOn)}, ${
				programme.fte === 1 ? 'full time' : `${programme.fte} of full time`
			}, ends ${formatDate(programme.endsOn)}.`
		),
		subheading('Support and assessment agreement'),
		...(programme.agreement
			? [
					paragraph(programme.agreement.terms),
					summaryList(
						programme.agreement.signatures.map(({ who, signedAt }) => [
							who,
							signedAt ? `Signed ${formatDateTime(signedAt)}` : 'Not signed yet'
						])
					)
				]
			: [paragraph(null, 'No agreement yet.')]),
		subheading('What the panel checks'),
		checklist(programme),
		heading('Reviews'),
		...(programme.reviews.length
			? programme.reviews.flatMap((review) => reviewContent(review, input.domains))
			: [paragraph(null, 'No reviews recorded yet.')]),
		...plansAndReflections(programme)
	];
}

function checklist(programme: ProgrammeInput): Content {
	const met = programme.checklist.filter((item) => item.state === 'met').length;
	return {
		stack: [
			paragraph(`${met} of ${programme.checklist.length} done.`),
			summaryList(
				programme.checklist.map((item) => [
					item.requirement,
					item.state === 'missing' ? `Missing: ${item.status}` : item.status
				])
			)
		]
	};
}

function reviewContent(review: ReviewInput, domains: { id: string; title: string }[]): Content[] {
	const rows: [string, string][] = [
		...domains.flatMap(({ id, title }): [string, string][] =>
			review.progress[id] ? [[`${id}. ${title}`, review.progress[id]]] : []
		),
		['Strengths', review.strengths],
		['Areas to develop', review.areas_to_develop],
		['Practitioner’s comments', review.practitioner_comments],
		['Recommendation', recommendationName(review.recommendation)]
	];
	if (review.reflection_given !== null)
		rows.push([
			'Critical reflection',
			review.reflection_given ? 'Given at the review' : 'Not given at the review'
		]);
	if (review.final) rows.push(...finalRows(review));
	return [
		together(
			subheading(
				`${review.title}, ${formatDate(review.completed_at)}, by ${review.reviewerName ?? '—'}`
			),
			summaryList(rows)
		)
	];
}

function finalRows(review: ReviewInput): [string, string][] {
	const decision = review.panel_decision === 'agree' ? 'Agreed' : 'Referred back';
	return [
		[
			'Countersigned',
			review.countersignerName && review.countersigned_at
				? `${review.countersignerName}, ${formatDateTime(review.countersigned_at)}`
				: 'Not yet'
		],
		[
			'Panel decision',
			review.panel_decision && review.panel_at
				? `${decision} by ${review.panelName}, ${formatDateTime(review.panel_at)}${
						review.panel_reasons ? `: ${review.panel_reasons}` : ''
					}`
				: 'Not yet'
		]
	];
}

function plansAndReflections(programme: ProgrammeInput): Content[] {
	return [
		heading('Development plans'),
		...(programme.plans.length
			? programme.plans.flatMap(({ title, written }) => [
					subheading(title),
					written
						? summaryList([
								['Development goals', written.goals],
								['Actions, support and timescales', written.actions],
								[
									'Last changed',
									`By ${written.updatedByName}, ${formatDateTime(written.updated_at)}`
								],
								[
									'Agreed',
									written.agreed_at
										? `By ${written.agreedByName}, ${formatDateTime(written.agreed_at)}`
										: 'Not yet'
								]
							])
						: paragraph(null, 'Not written yet.')
				])
			: [paragraph(null, 'The programme asks for no development plans.')]),
		heading('Critical reflections'),
		...programme.reflections.flatMap(({ reviewTitle, written }) => [
			subheading(`For ${theReview(reviewTitle)}`),
			...(written
				? [hint(`Last changed ${formatDate(written.updated_at)}.`), paragraph(written.reflection)]
				: [paragraph(null, 'Not written.')])
		])
	];
}

export function observationsSection(observations: ObservationInput[]): Content[] {
	return [
		heading(`Observations of practice (${observations.length})`, true),
		...(observations.length
			? observations.flatMap((o) => [
					subheading(`${o.setting}, ${formatDate(o.observed_on)}, by ${o.observerName}`),
					label('Went well'),
					paragraph(o.went_well),
					label('To develop'),
					paragraph(o.to_develop),
					label('Practitioner’s reflection'),
					paragraph(o.practitioner_reflection)
				])
			: [paragraph(null, 'None recorded.')])
	];
}
