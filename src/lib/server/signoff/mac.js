// The keyed MACs (HMAC-SHA-256 with SIGNOFF_KEY) over the sign-off seal, heads, head log and
// erased entries, shared by the app and `npm run verify-signoffs`.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { entryFields } from './chain.js';

/**
 * @typedef {{ sealed_at: string, mac: string }} Seal
 * @typedef {{ practitioner_id: string, sequence: number, hash: string, mac: string }} Head
 * @typedef {{ sequence: number, practitioner_id: string, kind: string, head_sequence: number,
 *   head_hash: string, created_at: string, previous_practitioner_id: string | null,
 *   previous_head_sequence: number | null, previous_mac: string, mac: string }} LogEntry
 */

/** HMAC-SHA-256 over a tag and fields; the tag keeps one kind of record's MAC from passing as another's. */
function mac(
	/** @type {string} */ key,
	/** @type {string} */ tag,
	/** @type {unknown[]} */ fields
) {
	return createHmac('sha256', key)
		.update(JSON.stringify([tag, ...fields]))
		.digest('hex');
}

export const sealMac = (/** @type {string} */ key, /** @type {Omit<Seal, 'mac'>} */ seal) =>
	mac(key, 'seal', [seal.sealed_at]);

export const headMac = (/** @type {string} */ key, /** @type {Omit<Head, 'mac'>} */ head) =>
	mac(key, 'head', [head.practitioner_id, Number(head.sequence), head.hash]);

export const logMac = (/** @type {string} */ key, /** @type {Omit<LogEntry, 'mac'>} */ entry) =>
	mac(key, 'head-log', [
		Number(entry.sequence),
		entry.practitioner_id,
		entry.kind,
		Number(entry.head_sequence),
		entry.head_hash,
		entry.created_at,
		entry.previous_practitioner_id,
		entry.previous_head_sequence === null ? null : Number(entry.previous_head_sequence),
		entry.previous_mac
	]);

/**
 * Over every field of a sign-off entry whose rationale was erased, its hash and when: the
 * entry can no longer match its hash, so this is what shows it unchanged since the erasure.
 * @param {string} key
 * @param {import('./chain.js').ChainEntry} entry
 */
export const erasureMac = (key, entry) =>
	mac(key, 'erasure', [...entryFields(entry), entry.hash, entry.erased_at ?? null]);

/** Compares MACs in constant time. @param {string} expected @param {string} actual */
export function macMatches(expected, actual) {
	const a = Buffer.from(expected);
	const b = Buffer.from(String(actual));
	return a.length === b.length && timingSafeEqual(a, b);
}
