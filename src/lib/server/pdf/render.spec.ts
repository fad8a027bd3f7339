import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { licenceAttribution, renderPdf } from './render';

async function textOf(bytes: Buffer) {
	const pdf = await getDocumentProxy(new Uint8Array(bytes));
	return { pages: pdf.numPages, text: (await extractText(pdf, { mergePages: true })).text };
}

describe('renderPdf', () => {
	it('makes a PDF whose text reads back, curly quotes and accents included', async () => {
		const bytes = await renderPdf({
			title: 'A test',
			content: [{ text: 'Ama’s café, 23 November 2026', style: 'title' }, licenceAttribution()]
		});
		expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
		const { pages, text } = await textOf(bytes);
		expect(pages).toBe(1);
		expect(text).toContain('Ama’s café, 23 November 2026');
		expect(text).toContain('Open Government Licence v3.0');
		expect(text).toContain('Page 1 of 1');
	});

	it('never reads a file or URL a record names as an image', async () => {
		const content = [{ image: '/etc/passwd' }, { image: 'https://example.com/x.png' }];
		for (const image of content)
			await expect(renderPdf({ title: 'x', content: [image] })).rejects.toThrow(/denied/);
	});
});
