// The sign-off chain's hashing and checking, in plain JavaScript so that the app and the
// `npm run verify-signoffs` command (which runs on Node without a build) share one definition.
import { createHash } from 'node:crypto';

/** The hash before a practitioner's first entry. */
export const genesisHash = '0'.repeat(64);

/**
 * @typedef {{ id: string, practitioner_id: string, sequence: number, framework_version: string,
 *   outcome_id: string, action: string, rationale: string, evidence_ids: string,
 *   actor_id: string, created_at: string, previous_hash: string, hash: string,
 *   erased_at?: string | null, erasure_mac?: string | null }} ChainEntry
 */

/**
 * SHA-256 over the previous hash and every field of the entry, in a fixed order, so that a
 * change to any field, or to the order, changes every hash after it.
 * @param {Omit<ChainEntry, 'hash'>} entry
 */
export function entryHash(entry) {
	return createHash('sha256')
		.update(JSON.stringify(entryFields(entry)))
		.digest('hex');
}

/**
 * The fields an entry's hash covers, in their fixed order.
 * @param {Omit<ChainEntry, 'hash'>} entry
 */
export function entryFields(entry) {
	return [
		entry.previous_hash,
		entry.id,
		entry.practitioner_id,
		String(entry.sequence),
		entry.framework_version,
		entry.outcome_id,
		entry.action,
		entry.rationale,
		entry.evidence_ids,
		entry.actor_id,
		entry.created_at
	];
}

/**
 * Checks each practitioner's chain: sequences run 1, 2, 3…, each entry names the hash of the
 * one before it, and each hash matches the entry's contents. An entry whose rationale was
 * erased keeps its hash but can no longer match it: `erasureHolds` says whether the service
 * erased it (its keyed MAC holds), and then its link is checked but not its contents.
 * @param {ChainEntry[]} entries
 * @param {(entry: ChainEntry) => boolean} [erasureHolds]
 * @returns {{ practitionerId: string, entryId: string, sequence: number, problem: string }[]}
 */
export function verifyChains(entries, erasureHolds = () => false) {
	/** @type {Map<string, ChainEntry[]>} */
	const byPractitioner = new Map();
	for (const entry of entries) {
		const list = byPractitioner.get(entry.practitioner_id) ?? [];
		list.push(entry);
		byPractitioner.set(entry.practitioner_id, list);
	}
	/** @type {{ practitionerId: string, entryId: string, sequence: number, problem: string }[]} */
	const problems = [];
	for (const [practitionerId, list] of byPractitioner) {
		list.sort((a, b) => Number(a.sequence) - Number(b.sequence));
		let previous = genesisHash;
		list.forEach((entry, index) => {
			const at = { practitionerId, entryId: entry.id, sequence: Number(entry.sequence) };
			if (Number(entry.sequence) !== index + 1) {
				problems.push({
					...at,
					problem: `entry ${entry.sequence} is out of sequence (expected ${index + 1}): an entry is missing`
				});
			} else if (entry.previous_hash !== previous) {
				problems.push({ ...at, problem: 'does not follow the entry before it' });
			} else if (entry.erased_at) {
				if (!erasureHolds(entry))
					problems.push({
						...at,
						problem: 'it is marked as erased, but not by the service, or it was changed since'
					});
			} else if (entryHash(entry) !== entry.hash) {
				problems.push({ ...at, problem: 'its contents were changed after it was written' });
			}
			previous = entry.hash;
		});
	}
	return problems;
}
