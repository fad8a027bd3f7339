import type { Db } from '../db';
import type { EvidenceStatus } from '$lib/portfolio/vocabulary';

// A person's CPD records: their portfolio records with a CPD type, in the fields Social Work
// England asks for.

export interface CpdRecord {
	id: string;
	ownerId: string;
	title: string;
	date: string;
	status: EvidenceStatus;
	/** A key of `cpdTypes`. */
	type: string;
	relevance: string;
	learning: string;
	impact: string;
	peerReflected: boolean;
	peerReflection: string;
	minutes: number | null;
}

/** The CPD records of these people dated from `start` to `end`, by date, oldest first. */
export async function cpdRecordsOf(db: Db, ownerIds: string[], start: string, end: string) {
	if (ownerIds.length === 0) return [];
	const rows = await db
		.selectFrom('evidence')
		.select([
			'id',
			'owner_id',
			'title',
			'activity_date',
			'status',
			'cpd_type',
			'cpd_relevance',
			'cpd_learning',
			'cpd_impact',
			'peer_reflected',
			'peer_reflection',
			'cpd_minutes'
		])
		.where('owner_id', 'in', ownerIds)
		.where('cpd_type', 'is not', null)
		.where('activity_date', '>=', start)
		.where('activity_date', '<=', end)
		.orderBy('activity_date')
		.orderBy('created_at')
		.execute();
	return rows.map((r): CpdRecord => ({
		id: r.id,
		ownerId: r.owner_id,
		title: r.title,
		date: r.activity_date,
		status: r.status,
		type: r.cpd_type!,
		relevance: r.cpd_relevance,
		learning: r.cpd_learning,
		impact: r.cpd_impact,
		peerReflected: r.peer_reflected === 1,
		peerReflection: r.peer_reflection,
		minutes: r.cpd_minutes
	}));
}
