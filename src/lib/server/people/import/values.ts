import { careerStageNames, roleNames } from '$lib/format';
import { careerStages, roles, type CareerStage, type Role } from '../../db/schema';
import { emailField } from '../../forms';
import { sweNumberPattern } from '../person-form';

// What one cell of the staff file says, read as leniently as HR systems and spreadsheets write
// it; anything else is a message saying what would be accepted. Pure functions.

export type Read<T> = { value: T } | { error: string };

const email = emailField();

export function readEmail(text: string): Read<string> {
	const parsed = email.safeParse(text);
	return parsed.success ? { value: parsed.data } : { error: parsed.error.issues[0].message };
}

/** A name part: required, and short enough to show. */
export function readName(text: string, label: string): Read<string> {
	if (!text) return { error: `Enter the ${label}` };
	if (text.length > 100) return { error: `The ${label} must be 100 characters or fewer` };
	return { value: text.replace(/\s+/g, ' ') };
}

/** A vocabulary's keys and names, compared without case: `psw` and "Principal social worker". */
function lookup<T extends string>(keys: readonly T[], names: Record<string, string>) {
	const found = new Map<string, T>();
	for (const key of keys) {
		found.set(key, key);
		found.set(names[key].toLowerCase(), key);
	}
	return (text: string) => found.get(text.toLowerCase().replace(/\s+/g, ' '));
}

const roleOf = lookup(roles, roleNames);
const stageOf = lookup(careerStages, careerStageNames);

/** Roles separated by semicolons or vertical bars: `practitioner; supervisor`. */
export function readRoles(text: string): Read<Role[]> {
	const found: Role[] = [];
	for (const part of text.split(/[;|]/).map((p) => p.trim())) {
		if (!part) continue;
		const role = roleOf(part);
		if (!role)
			return {
				error: `“${part}” is not a role: use ${roles.join(', ')}, separated by semicolons (;)`
			};
		if (!found.includes(role)) found.push(role);
	}
	return { value: roles.filter((role) => found.includes(role)) };
}

export function readCareerStage(text: string): Read<CareerStage> {
	const stage = stageOf(text);
	return stage
		? { value: stage }
		: { error: `“${text}” is not a career stage: use ${careerStages.join(', ')}` };
}

export function readSweNumber(text: string): Read<string> {
	const number = text.replace(/\s+/g, '').toUpperCase();
	return sweNumberPattern.test(number)
		? { value: number }
		: { error: `“${text}” is not a Social Work England registration number like SW123456` };
}

const months = [
	'january',
	'february',
	'march',
	'april',
	'may',
	'june',
	'july',
	'august',
	'september',
	'october',
	'november',
	'december'
];

/** A real date from 1900 to 2100 as `YYYY-MM-DD`, or undefined. */
function isoDate(year: number, month: number, day: number) {
	const date = new Date(Date.UTC(year, month - 1, day));
	if (year < 1900 || year > 2100 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
		return undefined;
	return date.toISOString().slice(0, 10);
}

/**
 * A date as the UK writes it (23/11/2026, 23-11-2026, 23 November 2026, 23 Nov 2026), as ISO
 * (2026-11-23), or as a spreadsheet keeps it (days since 30 December 1899: 46349). A day comes
 * before its month: 03/04/2026 is 3 April.
 */
export function readDate(text: string): Read<string> {
	const iso = text.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/);
	const uk = text.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/);
	const named = text.match(/^(\d{1,2})[\s-]+([a-z]+)[\s-]+(\d{2}|\d{4})$/i);
	const serial = text.match(/^\d{3,5}$/);
	const month = named && months.findIndex((m) => m.startsWith(named[2].toLowerCase())) + 1;
	if ((uk && uk[3].length === 2) || (named && named[3].length === 2))
		return { error: `Write the year in full, like 23/11/2026, not “${text}”` };
	const value = iso
		? isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))
		: uk
			? isoDate(Number(uk[3]), Number(uk[2]), Number(uk[1]))
			: named && month && named[2].length >= 3
				? isoDate(Number(named[3]), month, Number(named[1]))
				: serial
					? spreadsheetDate(Number(text))
					: undefined;
	return value
		? { value }
		: { error: `“${text}” is not a date: write it like 23/11/2026 or 2026-11-23` };
}

/** A spreadsheet's day number (Excel and LibreOffice count from 30 December 1899). */
function spreadsheetDate(days: number) {
	const date = new Date(Date.UTC(1899, 11, 30) + days * 86_400_000);
	return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}
