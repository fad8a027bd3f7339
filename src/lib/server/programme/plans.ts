import { inTransaction, type Db } from '../db';
import { recordEvent } from '../db/events';
import { newId } from '../db/ids';
import { timestamp } from '../db/time';
import { FieldError } from '../errors';

// Development plans, one for each stage the programme names (content): drafted by the
// practitioner with their assessor, either of whom may write it, and agreed by the assessor.
// A save says which version it edited (0 for a plan not yet written), as evidence does; an
// agreed plan is kept as agreed, and the next stage's plan takes it on.

export interface PlanInput {
	goals: string;
	actions: string;
}

/** The plans written for an enrolment, with who wrote and who agreed them. */
export function plansOf(db: Db, enrolmentId: string) {
	return db
		.selectFrom('development_plans')
		.innerJoin('users as writer', 'writer.id', 'development_plans.updated_by')
		.leftJoin('users as agreer', 'agreer.id', 'development_plans.agreed_by')
		.selectAll('development_plans')
		.select(['writer.name as updatedByName', 'agreer.name as agreedByName'])
		.where('enrolment_id', '=', enrolmentId)
		.orderBy('created_at')
		.execute();
}

export type WrittenPlan = Awaited<ReturnType<typeof plansOf>>[number];

export async function getPlan(db: Db, enrolmentId: string, planId: string) {
	return (await plansOf(db, enrolmentId)).find((p) => p.plan_id === planId);
}

const changedSinceSaving =
	'This plan was changed by someone else (or in another tab) after you opened it, so your changes were not saved. Your text is below: copy what you need, then open the plan again.';
const changedSinceAgreeing =
	'This plan was changed after you opened it, so it was not agreed. Read it again, then agree it.';

/** Writes a plan, or changes the version the person opened; refused once it is agreed. */
export async function savePlan(
	db: Db,
	actorId: string,
	enrolmentId: string,
	planId: string,
	expectedVersion: number,
	input: PlanInput,
	now = new Date()
) {
	await inTransaction(db, async (tx) => {
		const at = timestamp(now);
		const saved =
			expectedVersion === 0
				? await tx
						.insertInto('development_plans')
						.values({
							id: newId(),
							enrolment_id: enrolmentId,
							plan_id: planId,
							...input,
							version: 1,
							created_by: actorId,
							created_at: at,
							updated_by: actorId,
							updated_at: at
						})
						.onConflict((c) => c.columns(['enrolment_id', 'plan_id']).doNothing())
						.executeTakeFirst()
						.then((r) => Number(r.numInsertedOrUpdatedRows ?? 0))
				: await tx
						.updateTable('development_plans')
						.set({ ...input, version: expectedVersion + 1, updated_by: actorId, updated_at: at })
						.where('enrolment_id', '=', enrolmentId)
						.where('plan_id', '=', planId)
						.where('version', '=', expectedVersion)
						.where('agreed_at', 'is', null)
						.executeTakeFirst()
						.then((r) => Number(r.numUpdatedRows));
		if (saved !== 1) throw await refusal(tx, enrolmentId, planId, 'goals', changedSinceSaving);
		await recordEvent(
			tx,
			{
				actorId,
				action: 'programme.plan-saved',
				subjectType: 'enrolment',
				subjectId: enrolmentId,
				detail: { planId, version: expectedVersion + 1 }
			},
			now
		);
	});
}

/** Why a save or an agreement found the plan other than the person saw it, beside `field`. */
async function refusal(
	tx: Db,
	enrolmentId: string,
	planId: string,
	field: string,
	changed: string
) {
	const current = await tx
		.selectFrom('development_plans')
		.select('agreed_at')
		.where('enrolment_id', '=', enrolmentId)
		.where('plan_id', '=', planId)
		.executeTakeFirst();
	if (!current) return new FieldError(field, 'This plan has not been written yet.');
	if (current.agreed_at)
		return new FieldError(field, 'This plan has been agreed and can no longer be changed.', 409);
	return new FieldError(field, changed, 409);
}

/** The assessor agrees the version of the plan they read; it is kept as agreed. */
export async function agreePlan(
	db: Db,
	actorId: string,
	enrolmentId: string,
	planId: string,
	expectedVersion: number,
	now = new Date()
) {
	await inTransaction(db, async (tx) => {
		const agreed = await tx
			.updateTable('development_plans')
			.set({ agreed_by: actorId, agreed_at: timestamp(now) })
			.where('enrolment_id', '=', enrolmentId)
			.where('plan_id', '=', planId)
			.where('version', '=', expectedVersion)
			.where('agreed_at', 'is', null)
			.executeTakeFirst();
		if (Number(agreed.numUpdatedRows) !== 1)
			throw await refusal(tx, enrolmentId, planId, 'agree', changedSinceAgreeing);
		await recordEvent(
			tx,
			{
				actorId,
				action: 'programme.plan-agreed',
				subjectType: 'enrolment',
				subjectId: enrolmentId,
				detail: { planId, version: expectedVersion }
			},
			now
		);
	});
}
