import fc from 'fast-check';
import type { Body } from './bodies';
import type { Value } from './values';

// A body as bytes on the wire, and as a line in fast-check's report.

/** A value as a report shows it: long strings shortened, files by name and type. */
function show(value: Value) {
	if (typeof value !== 'string')
		return `file(${JSON.stringify(value.filename)}, ${value.type}, ${value.content.length} chars)`;
	if (value.length <= 80) return JSON.stringify(value);
	return `${JSON.stringify(value.slice(0, 20))}… (${value.length} chars)`;
}

/** Bodies print compactly in fast-check's report: a megabyte of "a" would bury it. */
export function describable(body: Body): Body {
	return Object.assign(body, {
		[fc.toStringMethod]: () =>
			`${body.enhanced ? 'enhanced ' : ''}${body.encoding} {${body.entries.map(([name, value]) => ` ${show(name)}: ${show(value)}`).join(',')} }`
	});
}

/** The megabytes, encoded once. */
const encodedLong = new Map<string, string>();

/** Percent-encodes text for a urlencoded body; a lone surrogate goes as its (invalid) UTF-8 bytes. */
function formEncode(text: string) {
	if (text.length < 10_000) return encodeText(text);
	let encoded = encodedLong.get(text);
	if (encoded === undefined) encodedLong.set(text, (encoded = encodeText(text)));
	return encoded;
}

function encodeText(text: string) {
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

/** A body as sent: its bytes, their type, and whether it goes as `use:enhance` sends it. */
export interface Encoded {
	data: Buffer;
	contentType: string;
	enhanced?: boolean;
}

/** The bytes and content type to send. Multipart goes through Node's own FormData encoder. */
export async function encode(body: Body): Promise<Encoded> {
	const { enhanced } = body;
	if (body.encoding === 'urlencoded') {
		const pairs = body.entries.map(([name, value]) => {
			if (typeof value !== 'string') throw new Error('a file cannot be sent urlencoded');
			return `${formEncode(name)}=${formEncode(value)}`;
		});
		const data = Buffer.from(pairs.join('&'));
		return { data, contentType: 'application/x-www-form-urlencoded', enhanced };
	}
	const form = new FormData();
	for (const [name, value] of body.entries) {
		if (typeof value === 'string') form.append(name, value);
		else form.append(name, new Blob([value.content], { type: value.type }), value.filename);
	}
	const response = new Response(form);
	return {
		data: Buffer.from(await response.arrayBuffer()),
		contentType: response.headers.get('content-type')!,
		enhanced
	};
}
