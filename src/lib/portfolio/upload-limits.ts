import type { SubmitFunction } from '@sveltejs/kit';

// How large an upload may be, checked in the browser before anything is sent (so a form that
// would be refused keeps everything typed in it) and named in the server's messages.

export interface UploadLimits {
	/** The largest file the store takes. */
	fileBytes: number;
	/** The largest request the server reads (BODY_SIZE_LIMIT), text and files together. */
	requestBytes: number;
}

const megabyte = 1024 * 1024;
// What multipart/form-data adds to each field: the boundary, its headers and line ends.
const partOverhead = 200;

/** Megabytes, rounded up to one decimal place, so a size over a limit never reads as within it. */
export function inMegabytes(bytes: number): string {
	return `${Math.ceil((bytes / megabyte) * 10) / 10} MB`;
}

/** About how many bytes a form sends as multipart/form-data, never fewer. */
export function requestBytes(form: FormData): number {
	const encoder = new TextEncoder();
	let total = 0;
	for (const [name, value] of form.entries()) {
		total += partOverhead + encoder.encode(name).length;
		total +=
			typeof value === 'string'
				? encoder.encode(value).length
				: value.size + encoder.encode(value.name).length + value.type.length;
	}
	return total;
}

/** Why a form would be refused for its size, in words for the person; nothing when it is fine. */
export function uploadProblem(form: FormData, limits: UploadLimits): string | undefined {
	const files = [...form.values()].filter((v): v is File => typeof v !== 'string');
	const tooLarge = files.find((file) => file.size > limits.fileBytes);
	if (tooLarge) {
		return `“${tooLarge.name}” is ${inMegabytes(tooLarge.size)}: files must be ${inMegabytes(limits.fileBytes)} or smaller. Choose a smaller file.`;
	}
	const total = requestBytes(form);
	if (total <= limits.requestBytes) return undefined;
	return `The selected files and your text come to ${inMegabytes(total)}: you can send up to ${inMegabytes(limits.requestBytes)} at a time. Attach fewer files, save, then add the rest.`;
}

/**
 * For `use:enhance` on a form with files: checks their sizes before anything is sent and, when
 * they are too large, says so through `show` and sends nothing, so the typed text stays. A 413
 * from the server all the same (its limit changed since the page loaded) is shown the same way.
 */
export function checkingUploads(
	limits: UploadLimits,
	show: (problem: string | undefined) => void
): SubmitFunction {
	return ({ formData, cancel }) => {
		const problem = uploadProblem(formData, limits);
		show(problem);
		if (problem) return cancel();
		return async ({ result, update }) => {
			if (result.type === 'error' && result.status === 413)
				return show(result.error?.message ?? 'The files were too large to upload.');
			await update();
		};
	};
}
