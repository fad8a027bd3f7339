import { inTransaction, type Db } from '../db';
import { recordEvent } from '../db/events';
import { FieldError } from '../errors';
import { deactivatePerson } from '../people/leavers';
import { filesDir } from '../portfolio/attachments';
import { releaseStoredFiles } from '../portfolio/file-references';
import { eraseChainRationales } from '../signoff/erasure';
import { signoffKey } from '../signoff/heads';
import { eraseIdentity, eraseMentions } from './erase-identity';
import { countRecords, eraseRecords, type RecordCounts } from './erase-records';

export interface ErasureCounts extends RecordCounts {
	/** Sign-off entries whose rationale went; each keeps its hash. */
	signoffs: number;
	/** Stored files deleted (a file another record shares stays). */
	filesDeleted: number;
}

/**
 * Erases a person (on their request, or when the retention policy says their time is up): their
 * records and files, their name and email, and every way to sign in as them. They are
 * deactivated first, as any leaver is. Their sign-off chain keeps its hashes with the
 * rationales erased, so it still verifies. The event log keeps counts, never what went. Refused
 * for oneself, for nobody, and for someone already erased. `key` is the sign-off key (for tests).
 */
export async function erasePerson(
	db: Db,
	actorId: string | null,
	personId: string,
	now = new Date(),
	key = signoffKey()
): Promise<ErasureCounts> {
	if (actorId === personId) throw new FieldError('confirmEmail', 'You cannot erase yourself');
	const { counts, hashes } = await inTransaction(db, async (tx) => {
		const person = await tx
			.selectFrom('users')
			.select(['id', 'name', 'email', 'erased_at'])
			.where('id', '=', personId)
			.executeTakeFirst();
		if (!person) throw new FieldError('confirmEmail', 'There is nobody with this id');
		if (person.erased_at)
			throw new FieldError('confirmEmail', 'They have been erased already', 409);
		await deactivatePerson(tx, actorId, personId, now);
		const records = await countRecords(tx, personId);
		await eraseMentions(tx, person);
		const hashes = await eraseRecords(tx, personId);
		const signoffs = await eraseChainRationales(tx, key, personId, now);
		await eraseIdentity(tx, person, now);
		const counts = { ...records, signoffs };
		await recordEvent(
			tx,
			{
				actorId,
				action: 'person.erased',
				subjectType: 'user',
				subjectId: personId,
				detail: counts
			},
			now
		);
		return { counts, hashes };
	});
	// After the commit: bytes another record shares stay (the store checks every reference).
	const filesDeleted = await releaseStoredFiles(db, filesDir(), hashes);
	return { ...counts, filesDeleted };
}
