import { error } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { inMegabytes, type UploadLimits } from '$lib/portfolio/upload-limits';
import type { CheckedFile } from './attachments';
import { checkUpload, maxFileBytes } from './file-type';

const multipliers: Record<string, number> = { K: 1024, M: 1024 ** 2, G: 1024 ** 3 };

/** BODY_SIZE_LIMIT as adapter-node reads it: bytes, or a number then K, M or G; 512K when unset. */
export function parseBodySizeLimit(value = '512K'): number {
	const multiplier = multipliers[value.at(-1)?.toUpperCase() ?? ''];
	return Number(multiplier ? value.slice(0, -1) : value) * (multiplier ?? 1);
}

/** What the server takes: the store's per-file limit, and the request limit it runs with. */
export function uploadLimits(): UploadLimits {
	// The development server reads bodies of any size.
	const requestBytes = dev ? Infinity : parseBodySizeLimit(process.env.BODY_SIZE_LIMIT);
	return { fileBytes: maxFileBytes, requestBytes };
}

/**
 * The form. A body over BODY_SIZE_LIMIT cannot be read at all, text included, so the answer
 * is a page saying why and how to get the text back (the browser's back button keeps it);
 * where JavaScript runs, the form checks the sizes first and never sends it.
 */
export async function readForm(request: Request): Promise<FormData> {
	try {
		return await request.formData();
	} catch (cause) {
		if ((cause as { status?: number }).status !== 413)
			error(400, 'The form could not be read. Go back and try again.');
		const { fileBytes, requestBytes } = uploadLimits();
		error(
			413,
			`Nothing was saved: the files were too large to upload. Each file can be up to ${inMegabytes(fileBytes)}, and everything sent at once, your text included, up to ${inMegabytes(requestBytes)}.`
		);
	}
}

/** The files chosen in a form, each checked; the first problem stops them all (the text is kept). */
export async function readUploads(
	form: FormData
): Promise<{ files: CheckedFile[]; error?: string }> {
	const files: CheckedFile[] = [];
	for (const entry of form.getAll('files')) {
		if (typeof entry === 'string' || (entry.size === 0 && entry.name === '')) continue;
		const bytes = new Uint8Array(await entry.arrayBuffer());
		const checked = await checkUpload(entry.name, bytes);
		if (!checked.ok)
			return {
				files: [],
				error: `${checked.message} Nothing was saved: fix the file and choose your files again.`
			};
		files.push({ name: checked.name, kind: checked.kind, size: checked.size, bytes });
	}
	return { files };
}
