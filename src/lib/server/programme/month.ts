import { isoDate } from '../db/time';

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

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const daysIn = (year: number, month: number) =>
	month === 2 && isLeap(year) ? 29 : monthDays[month - 1];

/** The date `months` calendar months before (negative) or after a date, clamped to the month's end. */
export function addMonths(date: string, months: number): string {
	const count = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
	const day = Number(date.slice(8, 10));
	if (!Number.isInteger(count) || !(day >= 1)) throw new RangeError(`not a date: ${date}`);
	const year = Math.floor(count / 12);
	const month = count - year * 12 + 1;
	return isoDate(year, month, Math.min(day, daysIn(year, month)));
}
