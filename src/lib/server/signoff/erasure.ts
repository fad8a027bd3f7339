import type { Db } from '../db';
import { timestamp } from '../db/time';
import { erasureMac } from './mac.js';

/** What an erased rationale reads. */
export const erasedRationale = 'Erased with the practitioner’s records.';

/**
 * Erases the rationale of each entry in a practitioner's chain, in the caller's transaction.
 * The chain stays append-only in every other way: each entry keeps its hash, so the chain, its
 * head and the head log still verify, and gains a MAC over what is left, so the check can tell
 * this erasure from tampering. Returns how many entries were erased.
 */
export async function eraseChainRationales(tx: Db, key: string, practitionerId: string, now: Date) {
	const entries = await tx
		.selectFrom('signoffs')
		.selectAll()
		.where('practitioner_id', '=', practitionerId)
		.where('erased_at', 'is', null)
		.execute();
	for (const entry of entries) {
		const erased = { ...entry, rationale: erasedRationale, erased_at: timestamp(now) };
		await tx
			.updateTable('signoffs')
			.set({
				rationale: erased.rationale,
				erased_at: erased.erased_at,
				erasure_mac: erasureMac(key, erased)
			})
			.where('id', '=', entry.id)
			.execute();
	}
	return entries.length;
}
