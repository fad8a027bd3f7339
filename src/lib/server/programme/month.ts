/**
 * Which month of a programme a day falls in: the start date is in month 1, the same day of
 * the next month begins month 2, and so on. Dates are `YYYY-MM-DD`.
 */
export function programmeMonth(startsOn: string, today: string): number {
	const [sy, sm, sd] = startsOn.split('-').map(Number);
	const [ty, tm, td] = today.split('-').map(Number);
	const months = (ty - sy) * 12 + (tm - sm) - (td < sd ? 1 : 0);
	return months + 1;
}

/** The date `months` calendar months before (negative) or after a date, clamped to the month's end. */
export function addMonths(date: string, months: number): string {
	const [y, m, d] = date.split('-').map(Number);
	const first = new Date(Date.UTC(y, m - 1 + months, 1));
	const lastDay = new Date(
		Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)
	).getUTCDate();
	first.setUTCDate(Math.min(d, lastDay));
	return first.toISOString().slice(0, 10);
}
