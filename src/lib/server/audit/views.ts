import { inTransaction, type Db } from '../db';
import { recordEvent } from '../db/events';
import { timestamp } from '../db/time';
import { draftAudit } from './audits';

export const viewFields = [
	'child_view',
	'parent_view',
	'views_not_obtained',
	'worker_view',
	'manager_view'
] as const;
export type ViewField = (typeof viewFields)[number];

/** Saves the triangulation: whichever of the views this person may write. */
export async function saveViews(
	db: Db,
	actorId: string,
	id: string,
	views: Partial<Record<ViewField, string>>,
	now = new Date()
) {
	await inTransaction(db, async (tx) => {
		await draftAudit(tx, id);
		await tx
			.updateTable('audits')
			.set({ ...views, updated_at: timestamp(now) })
			.where('id', '=', id)
			.execute();
		await recordEvent(
			tx,
			{
				actorId,
				action: 'audit.views-saved',
				subjectType: 'audit',
				subjectId: id,
				detail: { fields: Object.keys(views) }
			},
			now
		);
	});
}
