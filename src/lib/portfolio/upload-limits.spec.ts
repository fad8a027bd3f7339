import { describe, expect, it } from 'vitest';
import { inMegabytes, requestBytes, uploadProblem } from './upload-limits';

const megabyte = 1024 * 1024;
const limits = { fileBytes: 10 * megabyte, requestBytes: 25 * megabyte };

function formWith(files: { name: string; size: number }[], text = 'What happened') {
	const form = new FormData();
	form.set('title', 'A visit');
	form.set('account', text);
	for (const file of files) form.append('files', new File([new Uint8Array(file.size)], file.name));
	return form;
}

describe('upload limits', () => {
	it('writes sizes in megabytes, rounding up', () => {
		expect(inMegabytes(10 * megabyte)).toBe('10 MB');
		expect(inMegabytes(210 * megabyte)).toBe('210 MB');
		expect(inMegabytes(10 * megabyte + 1)).toBe('10.1 MB');
		expect(inMegabytes(1536 * 1024)).toBe('1.5 MB');
	});

	it('counts every byte of text and files, and something for each field', () => {
		const form = formWith([{ name: 'notes.pdf', size: 5000 }], 'Café');
		const counted = requestBytes(form);
		const content = 'titleA visit'.length + 'accountCafé'.length + 1 + 'files'.length + 5000;
		expect(counted).toBeGreaterThan(content + 'notes.pdf'.length);
		expect(counted).toBeLessThan(content + 'notes.pdf'.length + 3 * 300);
	});

	it('counts at least what the browser sends', async () => {
		const form = formWith([
			{ name: 'a.txt', size: 3000 },
			{ name: 'b.txt', size: 10 }
		]);
		const sent = await new Response(form).arrayBuffer();
		expect(requestBytes(form)).toBeGreaterThanOrEqual(sent.byteLength);
	});

	it('passes files within both limits, and a form without files', () => {
		expect(uploadProblem(formWith([]), limits)).toBeUndefined();
		expect(uploadProblem(formWith([{ name: 'a.pdf', size: 10 * megabyte }]), limits)).toBe(
			undefined
		);
	});

	it('names a file over the per-file limit', () => {
		const form = formWith([
			{ name: 'small.pdf', size: 1000 },
			{ name: 'scan.pdf', size: 12 * megabyte }
		]);
		expect(uploadProblem(form, limits)).toBe(
			'“scan.pdf” is 12 MB: files must be 10 MB or smaller. Choose a smaller file.'
		);
	});

	it('says when the files together are more than the server reads at once', () => {
		const files = [1, 2, 3].map((n) => ({ name: `part-${n}.pdf`, size: 9 * megabyte }));
		expect(uploadProblem(formWith(files), limits)).toBe(
			'The selected files and your text come to 27.1 MB: you can send up to 25 MB at a time. Attach fewer files, save, then add the rest.'
		);
		expect(uploadProblem(formWith(files.slice(0, 2)), limits)).toBeUndefined();
	});
});
