/** Where a table of a workforce view downloads as CSV, with the view's filters. */
export function csvHref(view: string, filters: Record<string, string>, table: string) {
	const params = new URLSearchParams({ ...filters, format: 'csv', table });
	return `/api/v1/workforce/${view}?${params}`;
}

/** A cell as the page shows it: numbers as they are, nothing as a dash. */
export const showCell = (value: string | number | null | undefined) =>
	value === null || value === undefined || value === '' ? '—' : String(value);
