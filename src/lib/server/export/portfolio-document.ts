import type { Content } from 'pdfmake/interfaces';
import { formatDate, formatDateTime, plural } from '$lib/format';
import { licenceAttribution, type PdfDocument } from '../pdf/render';
import type { PortfolioDocumentInput } from './document-input';
import { heading, hint, paragraph, summaryList, table } from './document-parts';
import { observationsSection, programmeSection } from './document-programme';
import { attachmentsSection, recordsSection } from './document-records';

// A portfolio as a PDF, for its owner or for a moderation panel: a cover page, the contents,
// coverage of the framework, the sign-offs with who made them and when, the programme with its
// reviews, plans and reflections, observations, self-assessments, every record in full, and a
// list of the files attached. A pure function of its input, so tests give it fixtures.

export function portfolioDocument(input: PortfolioDocumentInput): PdfDocument {
	const what = input.kind === 'pack' ? 'Moderation panel pack' : 'Portfolio';
	return {
		title: `${what} – ${input.person.name}`,
		footer: `${input.person.name} – ${what.toLowerCase()}, made ${formatDate(input.madeAt)}`,
		content: [
			...cover(input, what),
			{ toc: { title: { text: 'Contents', style: 'heading' } }, pageBreak: 'after' },
			...coverageSection(input),
			...signoffsSection(input),
			...programmeSection(input),
			...observationsSection(input.observations),
			heading('Self-assessments'),
			paragraph(input.selfAssessments.map((at) => formatDate(at)).join(', '), 'None recorded.'),
			...recordsSection(input.records, input.kind),
			...attachmentsSection(input.records),
			licenceAttribution()
		]
	};
}

function cover(input: PortfolioDocumentInput, what: string): Content[] {
	const accepted = input.records.filter((r) => r.status === 'accepted').length;
	return [
		{ text: what, style: 'hint', fontSize: 16, margin: [0, 120, 0, 6] },
		{ text: input.person.name, style: 'title' },
		summaryList([
			['Social Work England registration', input.person.sweNumber ?? 'Not recorded'],
			[
				'Covers',
				input.period
					? `${input.period.title}: ${formatDate(input.period.from)} to ${formatDate(input.period.to)}`
					: 'The whole portfolio'
			],
			['Framework', input.frameworkName],
			[
				'Records',
				input.kind === 'pack'
					? plural(accepted, 'accepted record')
					: `${plural(input.records.length, 'record')}, ${accepted} accepted`
			],
			['Observations of practice', String(input.observations.length)],
			['Sign-offs', plural(input.signoffs.length, 'entry', 'entries')],
			['Made', formatDateTime(input.madeAt)]
		]),
		{
			text: 'Made by Golden Thread from the records as they stood when it was made.',
			style: 'hint',
			pageBreak: 'after'
		}
	];
}

function coverageSection(input: PortfolioDocumentInput): Content[] {
	return [
		heading('Coverage'),
		hint(
			`Records submitted or accepted for each outcome of ${input.frameworkName}, the Knows and Does statements they show, and whether the outcome is signed off.`
		),
		...input.coverage.map((domain) => ({
			stack: [
				{ text: `${domain.id}. ${domain.title}`, style: 'subheading' },
				table(
					['Outcome', 'Records', 'Accepted', 'Knows', 'Does', 'Signed off'],
					domain.outcomes.map((o) => [
						`${o.id} ${o.title}`,
						String(o.records),
						String(o.accepted),
						`${o.knows.evidenced} of ${o.knows.total}`,
						`${o.does.evidenced} of ${o.does.total}`,
						o.signedOff ? 'Yes' : 'No'
					]),
					['*', 45, 50, 45, 45, 45]
				)
			]
		})),
		licenceAttribution()
	];
}

function signoffsSection(input: PortfolioDocumentInput): Content[] {
	return [
		heading('Sign-offs', true),
		hint('Every sign-off and withdrawal, oldest first, with who made it and when.'),
		input.signoffs.length
			? table(
					['Outcome', 'Entry', 'Rationale and evidence cited'],
					input.signoffs.map((s) => [
						s.outcome,
						`${s.action === 'sign-off' ? 'Signed off' : 'Withdrawn'} by ${s.actorName}, ${formatDateTime(s.created_at)}`,
						{
							stack: [
								s.rationale,
								...(s.evidence.length
									? [{ text: `Evidence: ${s.evidence.join('; ')}`, style: 'hint' }]
									: [])
							]
						}
					]),
					[120, 120, '*']
				)
			: paragraph(null, 'No outcomes signed off yet.')
	];
}
