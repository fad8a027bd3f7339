import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { renderPdfOffThread, type RenderStage } from './thread';

describe('renderPdfOffThread', () => {
	it('renders in a worker thread, saying where it is', async () => {
		const stages: RenderStage['stage'][] = [];
		const content = Array.from({ length: 40 }, (_, n) => ({ text: `Paragraph ${n + 1}` }));
		const bytes = await renderPdfOffThread({ title: 'Off the thread', content }, (s) =>
			stages.push(s.stage)
		);
		const pdf = await getDocumentProxy(new Uint8Array(bytes));
		const { text } = await extractText(pdf, { mergePages: true });
		expect(text).toContain('Paragraph 40');
		expect(stages[0]).toBe('laying-out');
		expect(stages.at(-1)).toBe('writing');
	});

	it('fails with the worker’s error, and the next document is made all the same', async () => {
		await expect(
			renderPdfOffThread({ title: 'x', content: [{ image: '/etc/passwd' }] })
		).rejects.toThrow(/denied/);
		const bytes = await renderPdfOffThread({ title: 'y', content: [{ text: 'Still here' }] });
		expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
	});
});
