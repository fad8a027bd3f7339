import fc from 'fast-check';
import type { Field } from './forms';

// Form bodies as a careless person or an attacker might send them: the page's own form with
// some fields missing, repeated or replaced by hostile values, extra fields, and bodies that
// are nothing like the form; urlencoded and multipart.

export interface Upload {
	filename: string;
	type: string;
	content: string;
}
export type Value = string | Upload;
export interface Body {
	encoding: 'urlencoded' | 'multipart';
	entries: [string, Value][];
}

/** Values the page cannot offer, known to the test: other people's records, the demo password. */
export interface Pools {
	/** Ids of records in the database, most of them someone else's. */
	ids: string[];
	/** A demo account's email and the password that signs it in, so some sign-ins succeed. */
	email: string;
	password: string;
}

export const prototypeNames = ['toString', 'constructor', '__proto__', 'valueOf', 'hasOwnProperty'];
const megabyte = 1 << 20;
const hostileTexts = [
	...prototypeNames,
	'\0',
	'before\0after',
	'\uD800',
	'lone \uDC00 surrogate',
	'',
	' ',
	'\t\r\n ',
	'\u00a0',
	'\u200b',
	'NaN',
	'1.5',
	'1e308',
	'99999999999',
	'-1',
	'0',
	'-0',
	'Infinity',
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
const megabyteTexts = ['a'.repeat(megabyte), 'é'.repeat(megabyte / 2)];
const uploads: Upload[] = [
	{ filename: 'notes.txt', type: 'text/plain', content: 'A file where text was expected' },
	// What a browser sends for a file input left empty.
	{ filename: '', type: 'application/octet-stream', content: '' },
	{ filename: '../../evil.html', type: 'text/html', content: '<script>alert(1)</script>' },
	{ filename: 'big.txt', type: 'text/plain', content: megabyteTexts[0] }
];
const extraNames = [...prototypeNames, '', 'extra', '\0', 'a[b]', 'x'.repeat(1000)];

const thisYear = new Date().getFullYear();

/** What a person would put in the field: what the page offers, or something like it. */
function plausible(field: Field, pools: Pools, multipart: boolean): fc.Arbitrary<Value> {
	const offered = field.values.length ? [fc.constantFrom(...field.values)] : [];
	const like = (...values: string[]) => fc.constantFrom(...values);
	if (['select', 'radio', 'checkbox', 'hidden', 'submit'].includes(field.kind) && offered.length)
		return offered[0];
	// A file input in a urlencoded body sends only the file's name, as browsers do.
	if (field.kind === 'file')
		return fc.constant(
			multipart ? { filename: 'notes.txt', type: 'text/plain', content: 'Notes' } : 'notes.txt'
		);
	if (field.name.endsWith('-day')) return like('1', '9', '28', '29', '30', '31');
	if (field.name.endsWith('-month')) return like('1', '2', '9', '12');
	if (field.name.endsWith('-year'))
		return like(String(thisYear - 1), String(thisYear), String(thisYear + 1), '2023');
	const typed =
		field.kind === 'email'
			? like('fuzz@demo.test', 'someone.new@example.gov.uk', pools.email)
			: field.kind === 'password'
				? like(pools.password, 'a long and unusual passphrase for fuzzing')
				: field.kind === 'number'
					? like('1', '2', '7.5')
					: like('Reflected on the visit with my supervisor', 'x');
	return fc.oneof(...offered, typed);
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

function bodyOf(fields: Field[], pools: Pools, encoding: Body['encoding']): fc.Arbitrary<Body> {
	const multipart = encoding === 'multipart';
	const bad = hostile(pools, multipart);
	// Cross-shrinking lets a counterexample shrink towards the first choice of each `oneof`:
	// a field left out, a plausible value, the form-like body. What is left is what fails.
	const shrinking = { withCrossShrink: true };
	const value = (field: Field) =>
		fc.oneof(
			shrinking,
			{ weight: 6, arbitrary: plausible(field, pools, multipart) },
			{ weight: 1, arbitrary: bad }
		);
	const extra = fc.tuple(
		fc.oneof(fc.constantFrom(...extraNames), fc.string({ maxLength: 10 })),
		bad
	);
	const ticked = (field: Field) =>
		fc.subarray(field.values, { maxLength: Math.min(5, field.values.length) });
	// Each field sent once (mostly), left out, or repeated; checkboxes as a person ticks them.
	const sent = (field: Field) =>
		field.kind === 'checkbox'
			? fc.oneof(
					shrinking,
					{ weight: 4, arbitrary: ticked(field) },
					{ weight: 1, arbitrary: fc.array(value(field), { maxLength: 3 }) }
				)
			: fc.oneof(
					shrinking,
					{ weight: 1, arbitrary: fc.constant([]) },
					{ weight: 8, arbitrary: value(field).map((v) => [v]) },
					{ weight: 1, arbitrary: fc.array(value(field), { minLength: 2, maxLength: 3 }) }
				);
	const asOnForm = fc.tuple(
		fc.tuple(
			...fields.map((field) =>
				sent(field).map((values) => values.map((v): [string, Value] => [field.name, v]))
			)
		),
		fc.array(extra, { maxLength: 2 })
	);
	const formLike = asOnForm.map(([perField, extras]) => [...perField.flat(), ...extras]);
	const anyField = fields.map((field) => fc.tuple(fc.constant(field.name), value(field)));
	const chaos = fc.array(fc.oneof(...anyField, extra), { maxLength: 10 });
	return fc
		.oneof(shrinking, { weight: 4, arbitrary: formLike }, { weight: 1, arbitrary: chaos })
		.map((entries) => describable({ encoding, entries }));
}

/** Bodies for a form with these fields: urlencoded and multipart, half each. */
export const bodies = (fields: Field[], pools: Pools) =>
	fc.oneof(
		{ withCrossShrink: true },
		bodyOf(fields, pools, 'urlencoded'),
		bodyOf(fields, pools, 'multipart')
	);

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
