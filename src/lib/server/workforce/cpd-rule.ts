import { z } from 'zod';
import { ContentError } from '../content/error.ts';
import type { ContentFiles } from '../content/files.ts';
import { parseMarkdown } from '../content/frontmatter.ts';
import { addDays, dateOnly } from '../db/time.ts';

const monthDay = z.string().regex(/^\d\d-\d\d$/, 'must read MM-DD, e.g. 12-01');

export const cpdRuleSchema = z.object({
	id: z.string().min(1),
	title: z.string().min(1),
	registrationYearStarts: monthDay,
	minimumRecords: z.number().int().min(0),
	minimumPeerReflected: z.number().int().min(0),
	/** From this day of the registration year, everyone is reminded that it is ending. */
	firstReminder: monthDay.default('09-01'),
	/** From this day, those who have not yet recorded what the rule asks are reminded again. */
	secondReminder: monthDay.default('11-01')
});

export type CpdRule = z.infer<typeof cpdRuleSchema>;

/** The CPD requirement (`content/cpd/social-work-england.md`): content an authority can change. */
export function loadCpdRule(files: ContentFiles): CpdRule {
	const file = 'cpd/social-work-england.md';
	if (files[file] === undefined) throw new ContentError(file, 'the CPD requirement is missing');
	const rule = parseMarkdown(file, files[file], cpdRuleSchema).data;
	const year = registrationYear(rule, '2026-06-01');
	for (const key of ['firstReminder', 'secondReminder'] as const)
		if (dayInYear(year, rule[key]) === addDays(year.end, 1))
			throw new ContentError(file, `${key} must be a day of the year, e.g. 09-01`);
	return rule;
}

export interface RegistrationYear {
	start: string;
	end: string;
	/** The year is named by the calendar year it ends in: 2026 is 1 December 2025 to 30 November 2026. */
	name: number;
}

/** The registration year a day falls in: its first and last day, and its name. */
export function registrationYear(rule: CpdRule, today: string): RegistrationYear {
	const startThisYear = `${today.slice(0, 4)}-${rule.registrationYearStarts}`;
	const startYear =
		today >= startThisYear ? Number(today.slice(0, 4)) : Number(today.slice(0, 4)) - 1;
	const start = `${startYear}-${rule.registrationYearStarts}`;
	const end = addDays(`${startYear + 1}-${rule.registrationYearStarts}`, -1);
	return { start, end, name: Number(end.slice(0, 4)) };
}

/** The registration year that ends in the calendar year `name` (2026: 1 December 2025 to 30 November 2026). */
export function registrationYearNamed(rule: CpdRule, name: number): RegistrationYear {
	const startsOnNewYear = rule.registrationYearStarts === '01-01';
	return registrationYear(
		rule,
		`${startsOnNewYear ? name : name - 1}-${rule.registrationYearStarts}`
	);
}

const isRealDay = (date: string) =>
	!Number.isNaN(Date.parse(date)) && dateOnly(new Date(date)) === date;

/** The day of the registration year that falls on a month and day (`09-01`), or the day after it ends. */
function dayInYear(year: RegistrationYear, monthDay: string) {
	for (const candidate of [`${year.start.slice(0, 4)}-${monthDay}`, `${year.name}-${monthDay}`])
		if (candidate >= year.start && candidate <= year.end && isRealDay(candidate)) return candidate;
	return addDays(year.end, 1);
}

/** The days of a registration year on which its reminders start. */
export function reminderDays(rule: CpdRule, year: RegistrationYear) {
	return {
		first: dayInYear(year, rule.firstReminder),
		second: dayInYear(year, rule.secondReminder)
	};
}

export interface CpdCounts {
	/** Records that count: a CPD type, dated in the year, submitted (not a draft). */
	records: number;
	peerReflected: number;
}

/** What the rule still asks of someone: how many more records, and how many more with a peer. */
export function cpdShortfall(rule: CpdRule, counts: CpdCounts) {
	const records = Math.max(0, rule.minimumRecords - counts.records);
	const peerReflected = Math.max(0, rule.minimumPeerReflected - counts.peerReflected);
	return { records, peerReflected, met: records === 0 && peerReflected === 0 };
}

/**
 * Which reminder is due today, if any: the first from its day to the end of the year; from the
 * second's day, the second instead for someone who has not recorded what the rule asks.
 */
export function reminderDue(
	rule: CpdRule,
	today: string,
	met: boolean
): { kind: 'first' | 'second'; on: string } | null {
	const days = reminderDays(rule, registrationYear(rule, today));
	if (!met && today >= days.second) return { kind: 'second', on: days.second };
	if (today >= days.first) return { kind: 'first', on: days.first };
	return null;
}
