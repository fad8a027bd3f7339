/** Instants are stored as ISO 8601 text in UTC; see schema.ts. */
export const timestamp = (date: Date = new Date()) => date.toISOString();

/** A calendar date (`2026-11-25`) in UTC. */
export const dateOnly = (date: Date = new Date()) => date.toISOString().slice(0, 10);

export const addMs = (date: Date, ms: number) => new Date(date.getTime() + ms);

export const minutes = (n: number) => n * 60_000;
export const hours = (n: number) => n * 3_600_000;
export const days = (n: number) => n * 86_400_000;

// Date arithmetic by numbers rather than by parsing and printing ISO text: a national
// programme's calendars call these millions of times, and this is several times faster.

const midnight = (date: string) =>
	Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));

export const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `YYYY-MM-DD` from its parts: `month` 1 to 12. */
export const isoDate = (year: number, month: number, day: number) =>
	`${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;

/** The calendar date some days after a date (before it, when negative). */
export function addDays(date: string, n: number) {
	const at = new Date(midnight(date) + days(n));
	if (Number.isNaN(at.getTime())) throw new RangeError(`not a date: ${date}`);
	return isoDate(at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate());
}

/** Days from one calendar date to another (negative when `to` comes first). */
export const daysBetween = (from: string, to: string) => (midnight(to) - midnight(from)) / days(1);

/**
 * Orders ISO dates and times (`2026-11-23`, `2026-11-23T09:30:00.000Z`) earliest first: by their
 * characters, as they sort, without the locale's rules that `localeCompare` looks up each time.
 */
export const byIsoDate = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
