import { formatDate, formatPeriod } from '$lib/format';

/** Where a table of a workforce view downloads as CSV, with the view's filters. */
export function csvHref(view: string, filters: Record<string, string>, table: string) {
	const params = new URLSearchParams({ ...filters, format: 'csv', table });
	return `/api/v1/workforce/${view}?${params}`;
}

/**
 * A cell as the page shows it: numbers as they are, dates and periods as people write them
 * (see `Column.format`), nothing as a dash.
 */
export function showCell(value: string | number | null | undefined, format?: 'date' | 'period') {
	if (value === null || value === undefined || value === '') return '—';
	if (format === 'date') return formatDate(String(value));
	if (format === 'period') return formatPeriod(String(value));
	return String(value);
}
