/**
 * A domain rule refused what was asked: the one error type every domain module throws for a
 * refusal the person can act on. The message goes beside one field of the form (or at the top,
 * for a field the page shows no input for), and actions turn it into the form's error summary
 * with `orFail` (`forms.ts`). Anything else thrown is a fault, not a refusal, and stays a 500.
 */
export class FieldError extends Error {
	constructor(
		readonly field: string,
		message: string,
		/**
		 * 409 when the record moved on since the form was opened (saved in another tab, already
		 * signed, finalised): a conflict with what is stored rather than a mistake in the input.
		 */
		readonly status: 400 | 409 = 400
	) {
		super(message);
	}
}
