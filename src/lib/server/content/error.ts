/** A content file that does not meet its schema. The message always names the file. */
export class ContentError extends Error {
	constructor(
		readonly file: string,
		detail: string,
		readonly line?: number
	) {
		super(`content/${file}${line ? `:${line}` : ''}: ${detail}`);
		this.name = 'ContentError';
	}
}
