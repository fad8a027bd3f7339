import { createHash } from 'node:crypto';
import { invitesByEmail } from '../../auth/invitations';
import { inTransaction, type Db } from '../../db';
import { recordEvent } from '../../db/events';
import { newId } from '../../db/ids';
import { addMs, dateOnly, days, timestamp } from '../../db/time';
import { sendInvitations } from '../../auth/invitations';
import { FieldError } from '../../errors';
import { applyPlan, type ImportSummary } from './apply';
import { decodeCsv, readImportCsv } from './csv';
import { emptyPlan, planImport, type ImportOptions, type Plan } from './plan';
import { importSnapshot } from './snapshot';

// Staff from HR by a CSV file, in two steps. The dry run reads the file and works out what it
// would do, changing nothing; a file without problems is kept (by its SHA-256 too) for the
// administrator to apply. Applying works the plan out again, inside one transaction, and goes
// ahead only if it is exactly what the dry run showed (its digest), so what is applied is what
// was seen. A dry run not applied within a day is deleted: the file holds personal data.

export interface StaffFile {
	fileName: string;
	bytes: Uint8Array;
	everyone: boolean;
	createTeams: boolean;
}

const keptFor = days(1);

export { invitesByEmail };

/** A plan's digest: what the dry run showed, so that applying can tell it is still the same. */
export const planDigest = (plan: Plan) =>
	createHash('sha256')
		.update(JSON.stringify([plan.add, plan.change, plan.deactivate, plan.teamsToCreate]))
		.digest('hex');

async function planFor(db: Db, content: string, options: ImportOptions) {
	return planImport(readImportCsv(content), await importSnapshot(db, options.today), options);
}

/**
 * The dry run: what the file would do. A file with problems is not kept (the plan says what
 * they are); one without is kept, and its id returned, to be applied.
 */
export async function checkStaffFile(db: Db, actorId: string, file: StaffFile, now = new Date()) {
	const decoded = decodeCsv(file.bytes);
	const options = { ...file, actorId, today: dateOnly(now) };
	if ('problem' in decoded) return { plan: emptyPlan([decoded.problem]) };
	const plan = await planFor(db, decoded.text, options);
	if (plan.problems.length > 0) return { plan };
	await db
		.deleteFrom('imports')
		.where('applied_at', 'is', null)
		.where('uploaded_at', '<', timestamp(addMs(now, -keptFor)))
		.execute();
	const id = newId();
	await db
		.insertInto('imports')
		.values({
			id,
			file_name: file.fileName.slice(0, 200),
			content: decoded.text,
			content_sha256: createHash('sha256').update(file.bytes).digest('hex'),
			everyone: file.everyone ? 1 : 0,
			create_teams: file.createTeams ? 1 : 0,
			uploaded_by: actorId,
			uploaded_at: timestamp(now),
			applied_by: null,
			applied_at: null,
			summary: null
		})
		.execute();
	return { plan, id };
}

/** A kept file with who checked and applied it, and (until it is applied) its plan today. */
export async function importReview(db: Db, actorId: string, id: string, now = new Date()) {
	const record = await db
		.selectFrom('imports')
		.leftJoin('users as uploader', 'uploader.id', 'imports.uploaded_by')
		.leftJoin('users as applier', 'applier.id', 'imports.applied_by')
		.select([
			'imports.id',
			'imports.file_name',
			'imports.everyone',
			'imports.create_teams',
			'imports.uploaded_at',
			'imports.applied_at',
			'imports.summary',
			'imports.content',
			'uploader.name as uploaderName',
			'applier.name as applierName'
		])
		.where('imports.id', '=', id)
		.executeTakeFirst();
	if (!record) return undefined;
	const { content, summary, ...shown } = record;
	if (record.applied_at)
		return { ...shown, summary: JSON.parse(summary!) as ImportSummary, plan: null, digest: null };
	const plan = await planFor(db, content, optionsOf(record, actorId, now));
	return { ...shown, summary: null, plan, digest: planDigest(plan) };
}

const optionsOf = (
	record: { everyone: number; create_teams: number },
	actorId: string,
	now: Date
): ImportOptions => ({
	everyone: record.everyone === 1,
	createTeams: record.create_teams === 1,
	actorId,
	today: dateOnly(now)
});

/**
 * Applies a kept file in one transaction, if its plan is still the one the dry run showed (by
 * `digest`); refused (409) when it was applied already or people or teams changed since. New
 * people are then invited, unless they sign in with single sign-on.
 */
export async function applyImport(
	db: Db,
	actorId: string,
	id: string,
	digest: string,
	origin: string,
	now = new Date()
) {
	const { summary, added } = await inTransaction(db, async (tx) => {
		const record = await tx
			.selectFrom('imports')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirst();
		if (!record) throw new FieldError('apply', 'There is no such file: upload it again');
		if (record.applied_at) throw new FieldError('apply', 'This file has been applied already', 409);
		const plan = await planFor(tx, record.content, optionsOf(record, actorId, now));
		if (plan.problems.length > 0 || planDigest(plan) !== digest)
			throw new FieldError(
				'apply',
				'People or teams have changed since this dry run, so nothing was applied: check what the file would do now, and apply it again',
				409
			);
		const added = await applyPlan(tx, actorId, plan, now);
		const summary: ImportSummary = {
			added: added.length,
			changed: plan.change.length,
			deactivated: plan.deactivate.length,
			teamsCreated: plan.teamsToCreate.length,
			invited: invitesByEmail() ? added.length : 0
		};
		await tx
			.updateTable('imports')
			.set({ applied_by: actorId, applied_at: timestamp(now), summary: JSON.stringify(summary) })
			.where('id', '=', id)
			.execute();
		await recordEvent(
			tx,
			{
				actorId,
				action: 'import.applied',
				subjectType: 'import',
				subjectId: id,
				detail: { ...summary }
			},
			now
		);
		return { summary, added };
	});
	// After the transaction: an email is kept in the outbox, and a failure to send it is no
	// reason to undo the import. An administrator can send an invitation again from the person's page.
	if (summary.invited > 0) await sendInvitations(db, added, origin);
	return summary;
}

/** The latest files checked, newest first, for the import page. */
export function recentImports(db: Db, limit = 10) {
	return db
		.selectFrom('imports')
		.leftJoin('users', 'users.id', 'imports.uploaded_by')
		.select([
			'imports.id',
			'imports.file_name',
			'imports.uploaded_at',
			'imports.applied_at',
			'imports.summary',
			'users.name as uploaderName'
		])
		.orderBy('imports.uploaded_at', 'desc')
		.limit(limit)
		.execute();
}
