// Random choices from one seed, and dates relative to today, so that every run makes the same
// authority (fictional, deterministic data).

import { random } from '../../src/lib/random.js';

export const day = 86_400_000;
export const pad = (n, width) => String(n).padStart(width, '0');

/** Numbers, chances, picks (plain and by weight) and ids, all from one seed. */
export function randomChoices(seed) {
	const next = random(seed);
	const int = (min, max) => min + Math.floor(next() * (max - min + 1));
	const chance = (p) => next() < p;
	const pick = (list) => list[Math.floor(next() * list.length)];
	/** Picks by weight: `[[value, weight], …]`. */
	const weighted = (entries) => {
		const total = entries.reduce((sum, [, w]) => sum + w, 0);
		let r = next() * total;
		for (const [value, w] of entries) if ((r -= w) < 0) return value;
		return entries.at(-1)[0];
	};
	const distinct = (list, count) => {
		const chosen = new Set();
		while (chosen.size < Math.min(count, list.length)) chosen.add(pick(list));
		return [...chosen];
	};
	const hex32 = () =>
		Math.floor(next() * 4294967296)
			.toString(16)
			.padStart(8, '0');
	const uuid = () => {
		const h = hex32() + hex32() + hex32() + hex32();
		return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16], 16) & 3]}${h.slice(17, 20)}-${h.slice(20)}`;
	};
	const hash64 = () =>
		hex32() + hex32() + hex32() + hex32() + hex32() + hex32() + hex32() + hex32();
	return { next, int, chance, pick, weighted, distinct, uuid, hash64 };
}

/** Times and dates counted back from now; `int` chooses the day and the minute. */
export function clock(int) {
	const now = Date.now();
	const iso = (ms) => new Date(Math.min(ms, now)).toISOString();
	const date = (ms) => iso(ms).slice(0, 10);
	/** A time on one of the last `from`…`to` days, in working hours. */
	const daysAgo = (from, to) => {
		const midnight = Math.floor((now - int(from, to) * day) / day) * day;
		return midnight + int(8 * 60, 17 * 60) * 60_000;
	};
	return { now, iso, date, daysAgo };
}
