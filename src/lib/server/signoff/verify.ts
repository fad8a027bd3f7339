import type { Db } from '../db';
import { summarise, verifySignoffRecords } from './anchor.js';
import { readSignoffRecords, signoffKey } from './heads';
import { SignoffKeyError } from './key.js';

/** The key, or why there is none, so that a missing key reads as "cannot check" rather than a 500. */
function keyOrReason(key?: string): { key: string } | { reason: string } {
	try {
		return { key: key ?? signoffKey() };
	} catch (error) {
		if (error instanceof SignoffKeyError) return { reason: error.message };
		throw error;
	}
}

/**
 * Every practitioner's chain checked against itself, its head and the head log, with names,
 * for the administration page (the command line does the same in verify-signoffs.js).
 * `cannotCheck` says why nothing could be checked; `key` is for tests.
 */
export async function verifySignoffs(db: Db, key?: string) {
	const records = await readSignoffRecords(db);
	const found = keyOrReason(key);
	const result =
		'key' in found
			? verifySignoffRecords(records, found.key)
			: { ...summarise(records), cannotCheck: found.reason, problems: [] };
	const ids = [...new Set(result.problems.flatMap((p) => p.practitionerId ?? []))];
	const people = ids.length
		? await db.selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', ids).execute()
		: [];
	return {
		...result,
		entries: records.entries.length,
		// By name, so that each person's problems read together; the whole log's come first.
		problems: result.problems
			.map((p) => ({ ...p, practitioner: people.find((u) => u.id === p.practitionerId) }))
			.sort((a, b) => (a.practitioner?.name ?? '').localeCompare(b.practitioner?.name ?? ''))
	};
}
