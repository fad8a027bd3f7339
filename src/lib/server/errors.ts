/**
 * A domain rule refused what was asked: the message goes beside one field of the form (or at
 * the top, for `form`). Routes turn it into the form's error summary with `fieldFailure`.
 */
export class FieldError extends Error {
	constructor(
		readonly field: string,
		message: string
	) {
		super(message);
	}
}
