import fc from 'fast-check';
import type { Field } from './forms';
import {
	blankTexts,
	controlTexts,
	hostileTexts,
	impossibleDates,
	megabyteTexts,
	numberTexts,
	prototypeNames,
	uploads
} from './values';

// Form bodies as a careless person or an attacker might send them: the page's own form filled
// in plausibly, then a few fields left out, repeated or replaced by hostile values, a date made
// impossible, extra fields added; and bodies that are nothing like the form. Urlencoded and
// multipart. A plausible body with no changes is also sent, so actions succeed too.

export interface Upload {
	filename: string;
	type: string;
	content: string;
}
export type Value = string | Upload;
type Entry = [string, Value];
export interface Body {
	encoding: 'urlencoded' | 'multipart';
	entries: Entry[];
}

/** Values the page cannot offer, known to the test. */
export interface Pools {
	/** Ids of records in the database, most of them someone else's. */
	ids: string[];
	/** A demo account's email and the password that signs it in, so some sign-ins succeed. */
	email: string;
	password: string;
}

const day = 86_400_000;
/** Dates a person might enter: today, last week, next month, two years ago. */
const plausibleDates = [0, -7, 30, -730].map((days) => {
	const date = new Date(Date.now() + days * day);
	return [date.getDate(), date.getMonth() + 1, date.getFullYear()].map(String);
});
const datePart = /^(.*)-(day|month|year)$/;
const extraNames = [...prototypeNames, '', 'extra', '\0', 'a[b]', 'x'.repeat(1000)];
// Cross-shrinking lets a counterexample shrink towards the first choice of each `oneof`: fewer
// changes, plausible values, the form-like body. What is left is what fails.
const shrinking = { withCrossShrink: true };

/** What a person would put in the field: what the page offers, or something like it. */
function plausible(field: Field, pools: Pools, multipart: boolean): fc.Arbitrary<Value> {
	const offered = field.values.filter(Boolean);
	if (['select', 'radio', 'checkbox', 'hidden', 'submit'].includes(field.kind) && offered.length)
		return fc.constantFrom(...offered);
	// A file input in a urlencoded body sends only the file's name, as browsers do.
	if (field.kind === 'file')
		return fc.constant(
			multipart ? { filename: 'notes.txt', type: 'text/plain', content: 'Notes' } : 'notes.txt'
		);
	const typed = {
		email: ['fuzz@demo.test', 'someone.new@example.gov.uk', pools.email],
		password: [pools.password, 'a long and unusual passphrase for fuzzing'],
		number: ['1', '2', '7.5', '80']
	}[field.kind] ?? ['Reflected on the visit with my supervisor', 'x'];
	return fc.constantFrom(...offered, ...typed);
}

function hostile(pools: Pools, multipart: boolean): fc.Arbitrary<Value> {
	return fc.oneof(
		{ weight: 6, arbitrary: fc.constantFrom(...hostileTexts) },
		{ weight: 1, arbitrary: fc.constantFrom(...megabyteTexts) },
		{ weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
		{ weight: 1, arbitrary: fc.uuid() },
		{ weight: 2, arbitrary: fc.constantFrom(...pools.ids) },
		{ weight: multipart ? 3 : 0, arbitrary: fc.constantFrom(...uploads) }
	);
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a field is for, which says which hostile values are most likely to hurt it. */
function purpose(field: Field) {
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
function hostileFor(field: Field, pools: Pools, multipart: boolean): fc.Arbitrary<Value> {
	const files = multipart ? [fc.constantFrom(...uploads)] : [];
	const specific = {
		choice: [fc.constantFrom(...prototypeNames)],
		id: [fc.constantFrom(...pools.ids), fc.uuid(), fc.constantFrom(...prototypeNames)],
		number: [fc.constantFrom(...numberTexts)],
		date: [fc.constantFrom('0', '31', '32', '99999', '-1', '1.5', 'NaN')],
		text: [
			fc.constantFrom(...controlTexts, ...blankTexts),
			fc.constantFrom(...megabyteTexts),
			...files
		],
		file: [fc.constantFrom('', 'notes.txt'), ...files]
	}[purpose(field)];
	return fc.oneof(
		{ weight: 3, arbitrary: fc.oneof(...specific) },
		{ weight: 2, arbitrary: hostile(pools, multipart) }
	);
}

type Change =
	| { drop: number }
	| { replace: number; value: Value }
	| { repeat: number; value: Value }
	| { extra: Entry }
	| { date: string; parts: string[] };

function bodyOf(fields: Field[], pools: Pools, encoding: Body['encoding']): fc.Arbitrary<Body> {
	const multipart = encoding === 'multipart';
	const bad = hostile(pools, multipart);
	const value = (field: Field) =>
		fc.oneof(
			shrinking,
			{ weight: 6, arbitrary: plausible(field, pools, multipart) },
			{ weight: 1, arbitrary: bad }
		);
	const dates = [...new Set(fields.flatMap((f) => f.name.match(datePart)?.[1] ?? []))];
	// The form as a person fills it in: every field once, boxes ticked, dates that exist.
	const filledIn = fc.tuple(
		fc.tuple(
			...fields.map((field) =>
				field.kind === 'checkbox'
					? fc.subarray(field.values, { maxLength: Math.min(5, field.values.length) })
					: // Nearly always there; shrinking leaves out the ones a failure does not need.
						fc
							.option(plausible(field, pools, multipart), { freq: 40 })
							.map((v) => (v === null ? [] : [v]))
			)
		),
		fc.tuple(...dates.map(() => fc.constantFrom(...plausibleDates)))
	);
	const field = fc.nat({ max: Math.max(fields.length - 1, 0) });
	const extra = fc.tuple(
		fc.oneof(fc.constantFrom(...extraNames), fc.string({ maxLength: 10 })),
		bad
	);
	// Choices, ids and numbers are few and the most often mishandled: they are changed the most.
	const replaced = fields.map((f, i) => ({
		weight: purpose(f) === 'text' ? 1 : 3,
		arbitrary: hostileFor(f, pools, multipart).map((value) => ({ replace: i, value }))
	}));
	const change: fc.Arbitrary<Change> = fc.oneof(
		...(fields.length
			? [
					{ weight: 4, arbitrary: fc.oneof(...replaced) },
					{ weight: 1, arbitrary: field.map((i) => ({ drop: i })) },
					{
						weight: 1,
						arbitrary: fc.record({ repeat: field, value: fc.oneof(bad, ...fields.map(value)) })
					}
				]
			: []),
		{ weight: 1, arbitrary: extra.map((entry) => ({ extra: entry })) },
		...(dates.length
			? [
					{
						weight: 1,
						arbitrary: fc.record({
							date: fc.constantFrom(...dates),
							parts: fc.constantFrom(...impossibleDates)
						})
					}
				]
			: [])
	);
	const changes = fc.array(change, { maxLength: 4 });
	const formLike = fc.tuple(filledIn, changes).map(([[values, parts], changed]) => {
		const sent: Value[][] = values.map((v) => [...v]);
		dates.forEach((prefix, d) => setDate(fields, sent, prefix, parts[d], true));
		const extras: Entry[] = [];
		for (const change of changed) {
			if ('drop' in change) sent[change.drop] = [];
			else if ('replace' in change) sent[change.replace] = [change.value];
			else if ('repeat' in change) sent[change.repeat].push(change.value);
			else if ('extra' in change) extras.push(change.extra);
			else setDate(fields, sent, change.date, change.parts);
		}
		return [...fields.flatMap((f, i) => sent[i].map((v): Entry => [f.name, v])), ...extras];
	});
	const anyField = fields.map((f) => fc.tuple(fc.constant(f.name), value(f)));
	const chaos = fc.array(fc.oneof(...anyField, extra), { maxLength: 10 });
	return fc
		.oneof(shrinking, { weight: 4, arbitrary: formLike }, { weight: 1, arbitrary: chaos })
		.map((entries) => describable({ encoding, entries }));
}

/** Puts a day, month and year into the date field whose parts are named `<prefix>-day`… */
function setDate(
	fields: Field[],
	sent: Value[][],
	prefix: string,
	[d, m, y]: string[],
	onlyThoseSent = false
) {
	const parts: Record<string, string> = { day: d, month: m, year: y };
	fields.forEach((f, i) => {
		const part = f.name.match(datePart);
		if (part?.[1] === prefix && (sent[i].length || !onlyThoseSent)) sent[i] = [parts[part[2]]];
	});
}

/** Bodies for a form with these fields: urlencoded and multipart, half each. */
export const bodies = (fields: Field[], pools: Pools) =>
	fc.oneof(shrinking, bodyOf(fields, pools, 'urlencoded'), bodyOf(fields, pools, 'multipart'));

/** A value as a report shows it: long strings shortened, files by name and type. */
function show(value: Value) {
	if (typeof value !== 'string')
		return `file(${JSON.stringify(value.filename)}, ${value.type}, ${value.content.length} chars)`;
	if (value.length <= 80) return JSON.stringify(value);
	return `${JSON.stringify(value.slice(0, 20))}… (${value.length} chars)`;
}

/** Bodies print compactly in fast-check's report: a megabyte of "a" would bury it. */
function describable(body: Body): Body {
	return Object.assign(body, {
		[fc.toStringMethod]: () =>
			`${body.encoding} {${body.entries.map(([name, value]) => ` ${show(name)}: ${show(value)}`).join(',')} }`
	});
}

/** Percent-encodes text for a urlencoded body; a lone surrogate goes as its (invalid) UTF-8 bytes. */
function formEncode(text: string) {
	if (text.isWellFormed()) return new URLSearchParams({ t: text }).toString().slice(2);
	return Array.from(text, (c) => {
		const code = c.charCodeAt(0);
		if (c.length > 1 || code < 0xd800 || code > 0xdfff)
			return new URLSearchParams({ t: c }).toString().slice(2);
		return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
			.map((b) => `%${b.toString(16).toUpperCase()}`)
			.join('');
	}).join('');
}

/** The bytes and content type to send. Multipart goes through Node's own FormData encoder. */
export async function encode(body: Body): Promise<{ data: Buffer; contentType: string }> {
	if (body.encoding === 'urlencoded') {
		const pairs = body.entries.map(([name, value]) => {
			if (typeof value !== 'string') throw new Error('a file cannot be sent urlencoded');
			return `${formEncode(name)}=${formEncode(value)}`;
		});
		return {
			data: Buffer.from(pairs.join('&')),
			contentType: 'application/x-www-form-urlencoded'
		};
	}
	const form = new FormData();
	for (const [name, value] of body.entries) {
		if (typeof value === 'string') form.append(name, value);
		else form.append(name, new Blob([value.content], { type: value.type }), value.filename);
	}
	const response = new Response(form);
	return {
		data: Buffer.from(await response.arrayBuffer()),
		contentType: response.headers.get('content-type')!
	};
}
