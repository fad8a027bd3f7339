import { describe, expect, it } from 'vitest';
import { portfolioHtml } from './index-html';
import type { PortfolioFile, PortfolioHistory } from './portfolio-schema';

const history: PortfolioHistory = {
	status: 'accepted',
	submittedAt: null,
	review: null,
	comments: [],
	observation: null
};

const portfolio = (title: string, fileName: string): PortfolioFile => ({
	schema: 'golden-thread/portfolio',
	version: 1,
	exportedAt: '2026-11-23T09:30:00.000Z',
	exportedFrom: 'https://cpd.example.gov.uk',
	person: { name: 'Ama <Owusu>', email: 'ama@example.gov.uk', sweNumber: null, careerStage: null },
	frameworkVersion: 'pqs-2025',
	records: [
		{
			id: 'r1',
			title,
			activityDate: '2026-11-01',
			type: 'reading',
			account: 'First paragraph.\n\nSecond & last.',
			reflectionModel: 'free',
			reflection: { text: '' },
			cpd: {
				type: null,
				relevance: '',
				learning: '',
				impact: '',
				peerReflected: null,
				peerReflection: '',
				minutes: null
			},
			createdAt: '2026-11-01T09:00:00.000Z',
			updatedAt: '2026-11-01T09:00:00.000Z',
			mapping: { frameworkVersion: 'pqs-2025', outcomes: ['2.3'], statements: [] },
			standards: [],
			files: [
				{
					name: fileName,
					mime: 'text/plain',
					size: 3,
					sha256: '0'.repeat(64),
					path: `files/f1/${fileName}`,
					addedAt: '2026-11-01T09:00:00.000Z'
				}
			],
			history,
			importedFrom: null
		}
	],
	signoffs: []
});

describe('index.html', () => {
	it('escapes every text from a record, and links only to the files beside it', () => {
		const html = portfolioHtml(
			portfolio('<script>alert("x")</script>', 'a "quoted" #1?.txt'),
			(version, id) => (version === 'pqs-2025' && id === '2.3' ? 'Builds relationships' : undefined)
		);
		expect(html).not.toContain('<script>');
		expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
		expect(html).toContain('<title>Portfolio of Ama &lt;Owusu&gt;</title>');
		expect(html).toContain(
			'<a href="files/f1/a%20%22quoted%22%20%231%3F.txt">a &quot;quoted&quot; #1?.txt</a>'
		);
		expect(html).toContain('<p>First paragraph.</p><p>Second &amp; last.</p>');
		expect(html).toContain('2.3 Builds relationships');
		expect(html).toContain('Exported from https://cpd.example.gov.uk on 23 November 2026');
		// Nothing it links to or loads is outside the ZIP.
		expect([...html.matchAll(/(?:href|src)="([^"]*)"/g)].map((m) => m[1])).toEqual([
			'portfolio.json',
			'portfolio.pdf',
			'files/f1/a%20%22quoted%22%20%231%3F.txt'
		]);
	});
});
