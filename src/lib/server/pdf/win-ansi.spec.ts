import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { renderPdf } from './render';
import { winAnsi, winAnsiContent } from './win-ansi.js';

describe('winAnsi', () => {
	it('keeps what the standard fonts draw', () => {
		const text = 'Zoë’s café: “quoted” – dashed … €5, 23 November 2026\nnext line';
		expect(winAnsi(text)).toBe(text);
	});

	it('takes off marks the fonts lack, and puts ? for what has no plain letter', () => {
		expect(winAnsi('Łukasz Wróbel, Zdeněk Dvořák, Ştefan')).toBe(
			'Lukasz Wróbel, Zdenek Dvorák, Stefan'
		);
		expect(winAnsi('✓ done 😀 Ελένη 中文')).toBe('? done ? ????? ??');
	});

	it('joins a letter and its combining mark, drops control characters and lone surrogates', () => {
		expect(winAnsi('Zoe\u0308\u0000\r\n\tx\uD800')).toBe('Zoë\n x?');
	});

	it('reaches every string in a definition', () => {
		const content = [{ table: { body: [['Łódź', { text: ['✓', { text: 'ą' }] }]] } }];
		expect(winAnsiContent(content)).toEqual([
			{ table: { body: [['Lódz', { text: ['?', { text: 'a' }] }]] } }
		]);
	});
});

describe('renderPdf', () => {
	it('draws a name outside WinAnsi without garbling the letters around it', async () => {
		const bytes = await renderPdf({
			title: 'Łukasz',
			content: [{ text: 'Łukasz Nowak ✓ reviewed' }],
			footer: 'Łukasz Nowak'
		});
		const pdf = await getDocumentProxy(new Uint8Array(bytes));
		const { text } = await extractText(pdf, { mergePages: true });
		expect(text).toContain('Lukasz Nowak ? reviewed');
		expect(text).toContain('Lukasz Nowak Page 1 of 1');
	});
});
