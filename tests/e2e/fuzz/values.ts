import type { Upload } from './bodies';

// The hostile values, in one place and by kind: what issue 12 lists, and a few more of each.

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

export const hostileTexts = [
	...prototypeNames,
	...controlTexts,
	...blankTexts,
	...numberTexts,
	...otherTexts
];

const megabyte = 1 << 20;
/** A megabyte of text: one byte a character, and two. */
export const megabyteTexts = ['a'.repeat(megabyte), 'é'.repeat(megabyte / 2)];

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
	{ filename: '../../evil.html', type: 'text/html', content: '<script>alert(1)</script>' },
	{ filename: 'big.txt', type: 'text/plain', content: megabyteTexts[0] }
];
