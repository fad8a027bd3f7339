import fc from 'fast-check';
import type { Field } from './forms';

// The values a body is made of: what a person would type into each field, and the hostile
// values, by kind (what issue 12 lists, and a few more of each) and by what a field is for.

export interface Upload {
	filename: string;
	type: string;
	content: string;
}
export type Value = string | Upload;

/** Values the page cannot offer, known to the test. */
export interface Pools {
	/** Ids of records in the database, most of them someone else's. */
	ids: string[];
	/** A demo account's email and the password that signs it in, so some sign-ins succeed. */
	email: string;
	password: string;
}

/** Names an object inherits: a lookup like `labels[value]` finds these without an own entry. */
export const prototypeNames = ['toString', 'constructor', '__proto__', 'valueOf', 'hasOwnProperty'];

/** NUL bytes, and lone surrogates (sent urlencoded as their invalid UTF-8 bytes). */
export const controlTexts = ['\0', 'before\0after', '\uD800', 'lone \uDC00 surrogate'];

/** Empty, whitespace only, invisible. */
export const blankTexts = ['', ' ', '\t\r\n ', '\u00a0', '\u200b'];

/** Numbers that are not plain small whole numbers. */
export const numberTexts = ['NaN', '1.5', '1e308', '99999999999', '-1', '0', '-0', 'Infinity'];

/** What careless code turns things into, and the usual injections. */
const otherTexts = [
	'0x1F',
	'1,000',
	'2025-02-31',
	'0000-00-00',
	'99999-12-31',
	'31/02/2025',
	'undefined',
	'null',
	'<script>alert(1)</script>',
	"' or 1=1 --",
	'../../../etc/passwd'
];

/** Just over the limits fields have (a name, a title, a comment, any text): each must be refused. */
export const longTexts = [101, 201, 5001, 20_001].map((length) =>
	'long '.repeat(length).slice(0, length)
);

export const hostileTexts = [
	...prototypeNames,
	...controlTexts,
	...blankTexts,
	...numberTexts,
	...otherTexts,
	...longTexts
];

const mebibyte = 1 << 20;
/** A megabyte of text: one byte a character, and two. */
export const megabyteTexts = ['a'.repeat(mebibyte), 'é'.repeat(mebibyte / 2)];

/** Day, month and year of dates that do not exist: 31 February, day 0, year 99999… */
export const impossibleDates = [
	['31', '2', '2025'],
	['29', '2', '2023'],
	['0', '1', '2025'],
	['32', '1', '2025'],
	['1', '13', '2025'],
	['1', '0', '2025'],
	['1', '1', '99999'],
	['1', '1', '0'],
	['1.5', '1', '2025'],
	['-1', '1', '2025']
];

/** Files where text is expected: what a browser sends for an empty file input, and others. */
export const uploads: Upload[] = [
	{ filename: 'notes.txt', type: 'text/plain', content: 'A file where text was expected' },
	{ filename: '', type: 'application/octet-stream', content: '' },
	{ filename: '../../evil.html', type: 'text/html', content: '<script>alert(1)</script>' }
];
const bigUpload: Upload = { filename: 'big.txt', type: 'text/plain', content: megabyteTexts[0] };

/**
 * A megabyte of text, or a file of one. Rare: each costs the app (and this test) a hundred
 * times what another value does, and a few per action find what they can find.
 */
const megabyte = (multipart: boolean) =>
	fc.constantFrom(...megabyteTexts, ...(multipart ? [bigUpload] : []));

export const datePart = /^(.*)-(day|month|year)$/;

const day = 86_400_000;
/** Dates a person might enter: today, last week, next month, two years ago. */
const nearDates = [0, -7, 30, -730].map((days) => new Date(Date.now() + days * day));
/** …as the day, month and year of a GOV.UK date field… */
export const plausibleDates = nearDates.map((date) =>
	[date.getDate(), date.getMonth() + 1, date.getFullYear()].map(String)
);
/** …and as a date input sends them. */
const isoDates = nearDates.map((date) => date.toISOString().slice(0, 10));

/**
 * What a person would put in the field: what the page offers, or something like it; now and
 * then nothing, where the page offers a blank choice or the field is one to type in.
 */
export function plausible(field: Field, pools: Pools, multipart: boolean): fc.Arbitrary<Value> {
	const offered = field.values.filter(Boolean);
	const orBlank = (values: fc.Arbitrary<Value>, blank = true) =>
		blank
			? fc.oneof({ weight: 4, arbitrary: values }, { weight: 1, arbitrary: fc.constant('') })
			: values;
	if (['select', 'radio', 'checkbox', 'hidden', 'submit'].includes(field.kind) && offered.length)
		return orBlank(fc.constantFrom(...offered), field.values.includes(''));
	// A file input in a urlencoded body sends only the file's name, as browsers do.
	if (field.kind === 'file')
		return fc.constant(
			multipart ? { filename: 'notes.txt', type: 'text/plain', content: 'Notes' } : 'notes.txt'
		);
	const typed = {
		email: ['fuzz@demo.test', 'someone.new@example.gov.uk', pools.email],
		password: [pools.password, 'a long and unusual passphrase for fuzzing'],
		// Months, hours and percentages of full time.
		number: ['1', '3', '12', '60', '100', '7.5'],
		date: isoDates
	}[field.kind] ?? ['Reflected on the visit with my supervisor', 'x', 'C-104829'];
	return orBlank(fc.constantFrom(...offered, ...typed));
}

export function hostile(pools: Pools, multipart: boolean): fc.Arbitrary<Value> {
	return fc.oneof(
		{ weight: 18, arbitrary: fc.constantFrom(...hostileTexts) },
		{ weight: 1, arbitrary: megabyte(multipart) },
		{ weight: 6, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
		{ weight: 3, arbitrary: fc.uuid() },
		{ weight: 6, arbitrary: fc.constantFrom(...pools.ids) },
		{ weight: multipart ? 6 : 0, arbitrary: fc.constantFrom(...uploads) }
	);
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a field is for, which says which hostile values are most likely to hurt it. */
export function purpose(field: Field) {
	const offered = field.values.filter(Boolean);
	if (field.kind === 'file') return 'file';
	if (datePart.test(field.name)) return 'date';
	if (/Id$/.test(field.name) || (offered.length && offered.every((v) => uuid.test(v)))) return 'id';
	if (field.kind === 'number' || (offered.length && offered.every((v) => /^\d+$/.test(v))))
		return 'number';
	if (['select', 'radio', 'checkbox', 'hidden', 'submit'].includes(field.kind)) return 'choice';
	return 'text';
}

/**
 * Hostile values for a field, most of them of the kinds that hurt its purpose: a built-in's
 * name for a choice, someone else's id for an id, a number that is not one for a number, NUL,
 * a lone surrogate, a megabyte or a file for text; and any hostile value.
 */
export function hostileFor(field: Field, pools: Pools, multipart: boolean): fc.Arbitrary<Value> {
	const files = { weight: multipart ? 2 : 0, arbitrary: fc.constantFrom(...uploads) };
	const big = { weight: 1, arbitrary: megabyte(multipart) };
	const specific = {
		choice: [fc.constantFrom(...prototypeNames)],
		id: [fc.constantFrom(...pools.ids), fc.uuid(), fc.constantFrom(...prototypeNames)],
		number: [fc.constantFrom(...numberTexts)],
		date: [fc.constantFrom('0', '31', '32', '99999', '-1', '1.5', 'NaN')],
		text: [
			fc.oneof(
				{ weight: 4, arbitrary: fc.constantFrom(...controlTexts, ...blankTexts) },
				{ weight: 2, arbitrary: fc.constantFrom(...longTexts) },
				big,
				files
			)
		],
		file: [fc.oneof({ weight: 4, arbitrary: fc.constantFrom('', 'notes.txt') }, big, files)]
	}[purpose(field)];
	return fc.oneof(
		{ weight: 3, arbitrary: fc.oneof(...specific) },
		{ weight: 2, arbitrary: hostile(pools, multipart) }
	);
}
