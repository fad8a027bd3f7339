// Dates as people read them in the UK: "23 November 2026".

const dateFormat = new Intl.DateTimeFormat('en-GB', {
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'Europe/London'
});
// `hourCycle: 'h12'`, not `hour12: true`, which in en-GB counts from 0: noon would read "0:00pm".
const timeFormat = new Intl.DateTimeFormat('en-GB', {
	hour: 'numeric',
	minute: '2-digit',
	hourCycle: 'h12',
	timeZone: 'Europe/London'
});

/**
 * Dates already written out, by the text they were given as: the same few hundred dates fill page
 * after page, and writing one out costs the Intl library several microseconds (a supervisee's
 * page spent 2 % of its processor time on it). Emptied when full.
 */
const writtenOut = new Map<string, string>();

/** `2026-11-23` or an ISO timestamp → "23 November 2026". */
export function formatDate(value: string | Date | null | undefined): string {
	if (!value) return '';
	if (typeof value !== 'string') return dateFormat.format(value);
	let text = writtenOut.get(value);
	if (text === undefined) {
		if (writtenOut.size >= 5_000) writtenOut.clear();
		text = dateFormat.format(new Date(value.length === 10 ? `${value}T12:00:00Z` : value));
		writtenOut.set(value, text);
	}
	return text;
}

const monthFormat = new Intl.DateTimeFormat('en-GB', {
	month: 'long',
	year: 'numeric',
	timeZone: 'UTC'
});

/** The months' names in English, as `monthFormat` writes them. */
const monthNames = Array.from(
	{ length: 12 },
	(_, i) => monthFormat.format(new Date(Date.UTC(2000, i, 15))).split(' ')[0]
);

/**
 * `2025-12` (or a date in it) → "December 2025": from the names, as a chart or a table of the
 * workforce figures writes hundreds of months (Intl took 4 % of the audit analysis's time).
 */
export function formatMonth(value: string): string {
	const month = /^(\d{4})-(\d{2})/.exec(value);
	const name = month && monthNames[Number(month[2]) - 1];
	if (name) return `${name} ${month[1]}`;
	return monthFormat.format(new Date(`${value.slice(0, 7)}-15T12:00:00Z`));
}

/**
 * A month for a chart's axis, where space is short: `2025-12` → `['Dec', '2025']` (GOV.UK style
 * abbreviates months only where space is limited; the chart's description and its table say
 * "December 2025").
 */
export function monthOnAxis(value: string): [string, string] {
	const [month, year] = formatMonth(value).split(' ');
	return [month.slice(0, 3), year];
}

/**
 * A period of the workforce figures as people read it: a month `2025-12` → "December 2025", a
 * quarter `2026-Q1` → "January to March 2026"; anything else as it is.
 */
export function formatPeriod(value: string): string {
	if (/^\d{4}-\d{2}$/.test(value)) return formatMonth(value);
	const quarter = /^(\d{4})-Q([1-4])$/.exec(value);
	if (!quarter) return value;
	const first = (Number(quarter[2]) - 1) * 3 + 1;
	const month = (m: number) => formatMonth(`${quarter[1]}-${String(m).padStart(2, '0')}`);
	return `${month(first).split(' ')[0]} to ${month(first + 2)}`;
}

const numberFormat = new Intl.NumberFormat('en-GB');

/** A whole number as GOV.UK writes it: 5,000. */
export const formatNumber = (n: number) => numberFormat.format(n);

/** A count and its noun: "1 outcome", "3 outcomes", "0 people" (with the plural given). */
export function plural(count: number, one: string, many = `${one}s`): string {
	return `${count} ${count === 1 ? one : many}`;
}

/** An instant → "3:42pm" (UK time). */
export function formatTime(value: string | Date): string {
	return timeFormat.format(new Date(value)).replace(' ', '').toLowerCase();
}

/** An instant → "23 November 2026 at 3:42pm". */
export const formatDateTime = (value: string | Date) =>
	`${formatDate(value)} at ${formatTime(value)}`;

export const careerStageNames: Record<string, string> = {
	asye: 'ASYE',
	'social-worker': 'Social worker',
	'senior-social-worker': 'Senior social worker',
	'advanced-practitioner': 'Advanced practitioner'
};

export const roleNames: Record<string, string> = {
	practitioner: 'Practitioner',
	supervisor: 'Supervisor',
	auditor: 'Auditor',
	psw: 'Principal social worker',
	admin: 'Administrator',
	'external-assessor': 'External assessor'
};

/** The relationships someone may hold to a practitioner. */
export const relationshipNames: Record<string, string> = {
	'line-manager': 'Line manager',
	'practice-supervisor': 'Practice supervisor',
	assessor: 'Assessor'
};

/** Relationships in words: "line manager, practice supervisor and assessor". */
export function formatRelationships(kinds: readonly string[]): string {
	const names = kinds.map((kind) => (relationshipNames[kind] ?? kind).toLowerCase());
	return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names.join('');
}

/** A file's size as people read it: "34 KB", "1.2 MB". */
export const formatFileSize = (bytes: number) =>
	bytes < 1024 * 1024
		? `${Math.max(1, Math.round(bytes / 1024))} KB`
		: `${(bytes / 1024 / 1024).toFixed(1)} MB`;
