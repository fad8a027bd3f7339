import type { Db } from '../db';
import { recordEvent } from '../db/events';
import { FieldError } from '../errors';
import { filesDir } from './attachments';
import { releaseStoredFiles } from './file-references';

/**
 * Deletes a draft record, with its mapping and files, for good. Only its author may, and only
 * while it is a draft: once submitted, a record is part of the portfolio's history. Nothing
 * else keeps a draft, but a supervision record, a pathway or a feedback request may name the
 * draft started from (or asked about): they keep their own text and lose the link. The event log
 * keeps that a draft was deleted, not what it said. Feedback given by link is never deleted: it
 * is someone else's words.
 */
export async function deleteDraft(db: Db, actorId: string, id: string, now = new Date()) {
	const hashes = await db.transaction().execute(async (tx) => {
		const record = await tx
			.selectFrom('evidence')
			.select(['owner_id', 'status'])
			.where('id', '=', id)
			.executeTakeFirst();
		if (!record || record.owner_id !== actorId)
			throw new FieldError('delete', 'Only the person whose portfolio this is can delete it');
		if (record.status !== 'draft')
			throw new FieldError('delete', 'Only a draft can be deleted: this record has been submitted');
		const given = await tx
			.selectFrom('feedback_requests')
			.select('id')
			.where('record_id', '=', id)
			.executeTakeFirst();
		if (given)
			throw new FieldError(
				'delete',
				'Feedback given by link cannot be deleted: it is what someone else said about your practice'
			);
		const files = await tx
			.deleteFrom('attachments')
			.where('evidence_id', '=', id)
			.returning('file_hash')
			.execute();
		for (const table of ['evidence_statements', 'evidence_outcomes', 'evidence_comments'] as const)
			await tx.deleteFrom(table).where('evidence_id', '=', id).execute();
		for (const table of ['supervision_records', 'pathway_progress'] as const)
			await tx
				.updateTable(table)
				.set({ evidence_id: null })
				.where('evidence_id', '=', id)
				.execute();
		await tx
			.updateTable('feedback_requests')
			.set({ about_id: null })
			.where('about_id', '=', id)
			.execute();
		await tx.deleteFrom('evidence').where('id', '=', id).execute();
		await recordEvent(
			tx,
			{ actorId, action: 'evidence.draft-deleted', subjectType: 'evidence', subjectId: id },
			now
		);
		return files.map((f) => f.file_hash);
	});
	// After the commit: bytes another record shares stay (the store checks every reference).
	await releaseStoredFiles(db, filesDir(), hashes).catch((error) =>
		console.error(`Stored files not deleted (the next sweep will): ${(error as Error).message}`)
	);
}
