import type { Db } from '../db';
import { pathwayImpact } from './impact';
import { learningNeedsOf } from './needs';
import { pathwaysFor } from './assignments';

/** A practitioner's learning: needs from audits, pathways assigned, and what audits show since. */
export async function learningOf(db: Db, practitionerId: string) {
	const [needs, work, impact] = await Promise.all([
		learningNeedsOf(db, practitionerId),
		pathwaysFor(db, practitionerId),
		pathwayImpact(db, { practitionerId })
	]);
	return {
		needs,
		pathways: work.map((w) => ({
			id: w.id,
			pathwayId: w.pathway.id,
			title: w.pathway.title,
			scope: w.scope,
			dueOn: w.due_on,
			assignedAt: w.assigned_at,
			assignedByName: w.assignedByName,
			steps: w.pathway.steps.length,
			stepsDone: w.stepsDone.length,
			startedAt: w.started_at,
			completedAt: w.completed_at,
			evidenceId: w.evidence_id
		})),
		impact
	};
}

export type Learning = Awaited<ReturnType<typeof learningOf>>;
