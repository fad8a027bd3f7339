import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../pdf/render';
import type { PortfolioDocumentInput, RecordInput } from './document-input';
import { portfolioDocument } from './portfolio-document';

/** The PDF's text, pages joined, with runs of white space as one space. */
async function pdfText(input: PortfolioDocumentInput) {
	const bytes = await renderPdf(portfolioDocument(input));
	const pdf = await getDocumentProxy(new Uint8Array(bytes));
	const { text } = await extractText(pdf, { mergePages: true });
	return { pages: pdf.numPages, text: text.replace(/\s+/g, ' ') };
}

const record: RecordInput = {
	title: 'Home visit with the Adeyemi family',
	activity_date: '2026-03-04',
	type: 'case-work',
	status: 'accepted',
	account: 'I visited the family at home to review the plan.',
	reflection_model: 'driscoll',
	reflection: { what: 'The visit went to plan.', soWhat: 'I learnt to slow down.', nowWhat: '' },
	cpd_type: 'practice-learning',
	cpd_relevance: 'Direct work with a family.',
	cpd_learning: 'Listening first.',
	cpd_impact: 'I plan visits around the child’s day.',
	peer_reflected: 1,
	peer_reflection: 'My colleague asked what the child wanted.',
	cpd_minutes: 90,
	reviewerName: 'Sam Assessor',
	reviewed_at: '2026-03-10T10:00:00.000Z',
	review_feedback: 'A clear account: well done.',
	mapping: {
		framework: 'PQS 2025',
		outcomes: [
			{
				id: '2.3',
				title: 'Assessment',
				statements: [{ id: '2.3.1', text: 'Gathers the child’s views' }]
			}
		]
	},
	standards: ['Gloucestershire practice standards, Standard 3: Assessment'],
	comments: [
		{ authorName: 'Sue Supervisor', created_at: '2026-03-11T09:30:00.000Z', body: 'Good work.' }
	],
	attachments: [
		{ name: 'visit-notes.pdf', mime: 'application/pdf', size: 35_000, created_at: '2026-03-05' }
	]
};

const input: PortfolioDocumentInput = {
	kind: 'portfolio',
	person: { name: 'Priya Shah', sweNumber: 'SW123456' },
	madeAt: '2026-11-23T14:05:00.000Z',
	period: null,
	frameworkName: 'PQS 2025',
	domains: [{ id: '2', title: 'Assessment and planning' }],
	coverage: [
		{
			id: '2',
			title: 'Assessment and planning',
			outcomes: [
				{
					id: '2.3',
					title: 'Assessment',
					records: 1,
					accepted: 1,
					knows: { evidenced: 1, total: 4 },
					does: { evidenced: 0, total: 3 },
					signedOff: true
				}
			]
		}
	],
	programme: {
		title: 'Assessed and Supported Year in Employment',
		startsOn: '2025-12-01',
		endsOn: '2026-11-30',
		fte: 1,
		agreement: {
			terms: 'We meet every month.',
			signatures: [
				{ who: 'Practitioner (Priya Shah)', signedAt: '2025-12-02T09:00:00.000Z' },
				{ who: 'Assessor (Sam Assessor)', signedAt: null }
			]
		},
		checklist: [
			{ requirement: '3 observations of practice', state: 'missing', status: '1 of 3 recorded' }
		],
		reviews: [
			{
				title: '3-month review',
				final: false,
				completed_at: '2026-03-01T10:00:00.000Z',
				reviewerName: 'Sam Assessor',
				progress: { '2': 'Assessments are thorough.' },
				strengths: 'Relationships with families.',
				areas_to_develop: 'Report writing.',
				practitioner_comments: '',
				recommendation: 'on-track',
				reflection_given: 1,
				countersignerName: null,
				countersigned_at: null,
				panel_decision: null,
				panelName: null,
				panel_at: null,
				panel_reasons: null
			}
		],
		plans: [{ title: 'Initial development plan', written: null }],
		reflections: [
			{
				reviewTitle: '3-month review',
				written: { reflection: 'My first three months.', updated_at: '2026-02-27T10:00:00.000Z' }
			}
		]
	},
	observations: [
		{
			setting: 'Home visit',
			observed_on: '2026-02-10',
			observerName: 'Sam Assessor',
			went_well: 'Warm and clear.',
			to_develop: 'Summarise at the end.',
			practitioner_reflection: ''
		}
	],
	selfAssessments: ['2026-01-15T10:00:00.000Z'],
	signoffs: [
		{
			outcome: '2.3 Assessment',
			action: 'sign-off',
			actorName: 'Sam Assessor',
			created_at: '2026-04-01T11:00:00.000Z',
			rationale: 'Shown in the home visit.',
			evidence: ['Home visit with the Adeyemi family']
		}
	],
	records: [record, { ...record, title: 'A draft about court', status: 'draft', attachments: [] }]
};

describe('portfolioDocument', () => {
	it('sets out the cover, coverage, sign-offs, programme, observations, records and files', async () => {
		const { pages, text } = await pdfText(input);
		expect(pages).toBeGreaterThan(5);
		for (const words of [
			// The cover and the contents.
			'Portfolio Priya Shah',
			'SW123456',
			'The whole portfolio',
			'2 records, 1 accepted',
			'23 November 2026 at 2:05pm',
			'Contents',
			// Coverage, with the framework's text and its licence.
			'2.3 Assessment 1 1 1 of 4 0 of 3 Yes',
			'Open Government Licence v3.0',
			// Sign-offs: who and when, and the evidence cited.
			'Signed off by Sam Assessor, 1 April 2026 at 12:00pm',
			'Evidence: Home visit with the Adeyemi family',
			// The programme, reviews, plans and reflections.
			'Assessed and Supported Year in Employment, started 1 December 2025, full time',
			'Signed 2 December 2025 at 9:00am',
			'Missing: 1 of 3 recorded',
			'3-month review, 1 March 2026, by Sam Assessor',
			'2. Assessment and planning Assessments are thorough.',
			'Recommendation On track',
			'Initial development plan Not written yet.',
			'For the 3-month review',
			'My first three months.',
			'Home visit, 10 February 2026, by Sam Assessor',
			'Summarise at the end.',
			'15 January 2026',
			// A record in full.
			'Home visit with the Adeyemi family',
			'Date of the activity 4 March 2026',
			'Type Case work example',
			'Reviewed By Sam Assessor, 10 March 2026',
			'Reflection (Driscoll’s What? model)',
			'I learnt to slow down.',
			'Impact on practice I plan visits around the child’s day.',
			'Hours 1.5',
			'Mapped to (PQS 2025)',
			'2.3.1 Gathers the child’s views',
			'Standard 3: Assessment',
			'Assessor’s feedback A clear account: well done.',
			'Sue Supervisor, 11 March 2026 at 9:30am',
			'Status Draft',
			// The files.
			'visit-notes.pdf Home visit with the Adeyemi family application/pdf 34 KB 5 March 2026'
		])
			expect(text, words).toContain(words);
	});

	it('calls the panel’s pack by its name, and says so when a section is empty', async () => {
		const { text } = await pdfText({
			...input,
			kind: 'pack',
			period: { title: 'ASYE', from: '2025-12-01', to: '2026-11-30' },
			programme: null,
			observations: [],
			signoffs: [],
			selfAssessments: [],
			records: []
		});
		for (const words of [
			'Moderation panel pack Priya Shah',
			'ASYE: 1 December 2025 to 30 November 2026',
			'0 accepted records',
			'Not on a programme.',
			'No outcomes signed off yet.',
			'Observations of practice (0) None recorded.',
			'No accepted evidence yet.',
			'No files are attached to these records.',
			'Priya Shah – moderation panel pack, made 23 November 2026'
		])
			expect(text, words).toContain(words);
	});
});
