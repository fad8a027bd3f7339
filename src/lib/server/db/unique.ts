/**
 * Whether a database error is a unique constraint refusing a second row: SQLite's
 * `SQLITE_CONSTRAINT_UNIQUE`, PostgreSQL's `23505`. Where two requests race past a check, the
 * index is what refuses the second, and this tells that refusal from a real failure.
 */
export function isUniqueViolation(error: unknown): boolean {
	const code = (error as { code?: unknown } | null)?.code;
	return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}
