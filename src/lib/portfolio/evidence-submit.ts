import type { SubmitFunction } from '@sveltejs/kit';
import { isCheckedField } from './live-check.svelte';
import { checkingUploads, type UploadLimits } from './upload-limits';

// `use:enhance` for the evidence form. Saving checks the files' sizes first (upload-limits.ts).
// A "Replace" button sends the text without the files, which stay chosen in the form, and the
// answer changes the texts in place: the form is not reset, so nothing else typed is touched.

export function enhancingEvidence(
	limits: UploadLimits,
	show: (problem: string | undefined) => void
): SubmitFunction {
	const saving = checkingUploads(limits, show);
	return (input) => {
		if (input.submitter?.getAttribute('name') !== 'replace') return saving(input);
		input.formData.delete('files');
		return async ({ result, update }) => {
			await update({ reset: false, invalidateAll: false });
			if (result.type !== 'success') return;
			// A field edited since the page was drawn shows what was typed, not what it is given,
			// until it is told.
			const values = (result.data?.values ?? {}) as Record<string, string>;
			for (const [name, value] of Object.entries(values)) {
				const field = input.formElement.elements.namedItem(name);
				const text = field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement;
				if (text && isCheckedField(name) && field.value !== value) field.value = value;
			}
		};
	};
}
