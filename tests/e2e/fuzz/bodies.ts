import fc from 'fast-check';
import { describable } from './encode';
import type { Field } from './forms';
import {
	datePart,
	hostile,
	hostileFor,
	impossibleDates,
	plausible,
	plausibleDates,
	prototypeNames,
	purpose,
	type Pools,
	type Value
} from './values';

// Form bodies as a careless person or an attacker might send them: the page's own form filled
// in plausibly, then a few fields left out, repeated or replaced by hostile values, a date made
// impossible, extra fields added; and bodies that are nothing like the form. Urlencoded and
// multipart, posted as a page without JavaScript does or as `use:enhance` does. A plausible body with no changes is also sent, so actions succeed too.

type Entry = [string, Value];
export interface Body {
	encoding: 'urlencoded' | 'multipart';
	/** Sent as `use:enhance` sends it (JavaScript on), answered with an action result. */
	enhanced: boolean;
	entries: Entry[];
}

const extraNames = [...prototypeNames, '', 'extra', '\0', 'a[b]', 'x'.repeat(1000)];
// Cross-shrinking lets a counterexample shrink towards the first choice of each `oneof`: fewer
// changes, plausible values, the form-like body. What is left is what fails.
const shrinking = { withCrossShrink: true };

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
					: // Nearly always there (a button half the time: another may have been pressed);
						// shrinking leaves out the ones a failure does not need.
						fc
							.option(plausible(field, pools, multipart), {
								freq: field.kind === 'submit' ? 2 : 40
							})
							.map((v) => (v === null ? [] : [v]))
			)
		),
		fc.tuple(...dates.map((prefix) => dateOf(fields, prefix)))
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
	// A quarter of form-like bodies are sent as filled in, so that actions succeed too.
	const changes = fc.oneof(
		shrinking,
		{ weight: 1, arbitrary: fc.constant([]) },
		{ weight: 3, arbitrary: fc.array(change, { minLength: 1, maxLength: 4 }) }
	);
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
	const entries = fc.oneof(
		shrinking,
		{ weight: 4, arbitrary: formLike },
		{ weight: 1, arbitrary: chaos }
	);
	// Shrinks towards the page without JavaScript, which renders what the action returned.
	return fc
		.tuple(entries, fc.boolean())
		.map(([entries, enhanced]) => describable({ encoding, enhanced, entries }));
}

/** A date for the field whose parts are `<prefix>-day`…: as the page shows it (often blank), or another. */
function dateOf(fields: Field[], prefix: string) {
	const shown = ['day', 'month', 'year'].map(
		(part) => fields.find((f) => f.name === `${prefix}-${part}`)?.values[0] ?? ''
	);
	return fc.oneof(
		{ weight: 2, arbitrary: fc.constant(shown) },
		{ weight: 3, arbitrary: fc.constantFrom(...plausibleDates) }
	);
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
