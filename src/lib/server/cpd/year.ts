import { cpdTypes } from '$lib/portfolio/vocabulary';
import type { Db } from '../db';
import { dateOnly } from '../db/time';
import { getPerson } from '../people/users';
import { cpdRule } from '../workforce';
import { registrationYear, registrationYearNamed, type CpdRule } from '../workforce/cpd-rule';
import { comparedText, counts, cpdChecklist, thinParts } from './checks';
import { cpdRecordsOf, type CpdRecord } from './records';
import { nearDuplicates } from './similarity';

// "My CPD year": a person's CPD records in one registration year, checked against the rule, for
// the page and its CSV and PDF downloads.

/** The earliest year asked for: before it there is nothing to find, only a typing mistake. */
const firstYear = 2000;

/**
 * The registration year named in a query string (`2026`: the year ending in 2026), the current
 * one when none is given; or why the text names no year that can be shown.
 */
export function readYearName(
	text: string | null,
	current: number
): { name: number } | { problem: string } {
	if (text === null || text.trim() === '') return { name: current };
	if (!/^\d{4}$/.test(text.trim()))
		return {
			problem: `Give the registration year as four digits, the year it ends in, like ${current}.`
		};
	const name = Number(text);
	if (name > current)
		return { problem: `The registration year ${name} has not begun: the latest is ${current}.` };
	if (name < firstYear)
		return { problem: `There are no registration years before ${firstYear} to show.` };
	return { name };
}

/** The year a query string asks for, against today's registration year. */
export const yearAsked = (text: string | null, today = dateOnly(), rule = cpdRule()) =>
	readYearName(text, registrationYear(rule, today).name);

export interface CheckedCpdRecord extends CpdRecord {
	typeLabel: string;
	/** Why it is thin, one message a field; empty when it is not. */
	thin: string[];
	/** The records it nearly repeats, this year's or last year's. */
	duplicates: { id: string; title: string; date: string; earlier: boolean; percent: number }[];
}

const typeLabel = (type: string) => (cpdTypes as Record<string, string>)[type] ?? type;

/**
 * A person's CPD year: who they are, the year, its records (those that count, checked), its
 * drafts, and the checklist; `sweNumber` is null for someone without a registration number, and
 * nothing else is read for them.
 */
export async function cpdYearOf(
	db: Db,
	userId: string,
	name: number,
	today = dateOnly(),
	rule: CpdRule = cpdRule()
) {
	const person = await getPerson(db, userId);
	const year = registrationYearNamed(rule, name);
	const current = registrationYear(rule, today);
	const base = {
		person: { name: person?.name ?? '', sweNumber: person?.swe_number ?? null },
		year,
		current,
		rule
	};
	if (!person?.swe_number) return { ...base, records: [], drafts: [], checklist: null };
	const before = registrationYearNamed(rule, name - 1);
	const all = await cpdRecordsOf(db, [userId], before.start, year.end);
	const inYear = all.filter((r) => r.date >= year.start);
	const counted = inYear.filter(counts);
	const earlier = all.filter((r) => r.date < year.start && counts(r));
	return {
		...base,
		records: checkRecords(counted, earlier),
		drafts: inYear.filter((r) => !counts(r)).map(({ id, title, date }) => ({ id, title, date })),
		checklist: cpdChecklist(rule, counted)
	};
}

function checkRecords(records: CpdRecord[], earlier: CpdRecord[]): CheckedCpdRecord[] {
	const text = (r: CpdRecord) => ({ id: r.id, text: comparedText(r) });
	const found = nearDuplicates(records.map(text), earlier.map(text));
	const byId = new Map([...records, ...earlier].map((r) => [r.id, r]));
	return records.map((record) => ({
		...record,
		typeLabel: typeLabel(record.type),
		thin: thinParts(record),
		duplicates: found.get(record.id)!.map((d) => {
			const other = byId.get(d.id)!;
			return { ...d, title: other.title, date: other.date };
		})
	}));
}

export type CpdYear = Awaited<ReturnType<typeof cpdYearOf>>;
