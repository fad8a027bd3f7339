import { isGrade, type Grade } from '$lib/audit/grades';
import type { Db } from '../db';
import { getPathway } from '../pathways';
import type { Pathway } from '../pathways/definition';
import { completedPathways, type ImpactRow } from './impact-query';

export interface AuditSide {
	/** Finalised audits of the worker on this side of the completion date. */
	audits: number;
	/** Mean score (Outstanding 4 … Inadequate 1) of the pathway's practice areas, or of the overall grade. */
	score: number | null;
	/** The latest audit's overall grade (moderated where moderated). */
	latestOverall: Grade | null;
	/** Development findings tagged with the pathway's outcomes. */
	findingsOnOutcomes: number;
}

export interface PathwayImpact {
	progressId: string;
	practitionerId: string;
	practitionerName: string;
	teamName: string | null;
	pathwayId: string;
	pathwayTitle: string;
	completedAt: string;
	/** What the comparison measures: the pathway's practice areas, or the overall grade. */
	measure: 'areas' | 'overall';
	before: AuditSide;
	after: AuditSide;
	change: 'improved' | 'unchanged' | 'declined' | 'no-later-audit' | 'no-earlier-audit';
}

/**
 * For each completed pathway, the worker's audits before and after its completion: the grades
 * of the practice areas the pathway is about (its local standards; the overall grade when it
 * names none, moderated grades where an audit was moderated) and the development findings
 * tagged with its outcomes. Audits on the completion day count as before. Aggregated in SQL,
 * one row per completed pathway.
 */
export async function pathwayImpact(
	db: Db,
	scope: { practitionerId?: string; teamId?: string; since?: string }
): Promise<PathwayImpact[]> {
	const rows = await completedPathways(db, scope);
	return rows.flatMap((row) => {
		const pathway = getPathway(row.pathway_id);
		return pathway ? [impactOf(row, pathway)] : [];
	});
}

function impactOf(row: ImpactRow, pathway: Pathway): PathwayImpact {
	const measure = pathway.standards.length ? 'areas' : 'overall';
	const before = sideOf(
		measure,
		row.beforeAudits,
		row.areasBefore,
		row.beforeOverall,
		row.beforeLatest,
		row.findingsBefore
	);
	const after = sideOf(
		measure,
		row.afterAudits,
		row.areasAfter,
		row.afterOverall,
		row.afterLatest,
		row.findingsAfter
	);
	return {
		progressId: row.id,
		practitionerId: row.practitioner_id,
		practitionerName: row.name,
		teamName: row.teamName,
		pathwayId: pathway.id,
		pathwayTitle: pathway.title,
		completedAt: row.completed_at!,
		measure,
		before,
		after,
		change: changeBetween(before, after)
	};
}

// PostgreSQL sends averages and counts as text; SQLite as numbers.
const number = (value: number | string | null | undefined) =>
	value === null || value === undefined ? null : Number(value);

/** The latest overall grade from `audited_on grade`. */
function latest(text: string | null) {
	const grade = text?.split(' ')[1];
	return isGrade(grade) ? grade : null;
}

/** One side's figures; its score is of the pathway's areas, or of the overall grade. */
function sideOf(
	measure: PathwayImpact['measure'],
	audits: number,
	areas: number | string | null,
	overallScore: number | null,
	last: string | null,
	findings: number | string | null
): AuditSide {
	return {
		audits: Number(audits),
		score:
			Number(audits) === 0
				? null
				: measure === 'areas'
					? number(areas)
					: overallScore === null
						? null
						: Number(overallScore),
		latestOverall: latest(last),
		findingsOnOutcomes: Number(findings || 0)
	};
}

function changeBetween(before: AuditSide, after: AuditSide): PathwayImpact['change'] {
	if (after.score === null) return 'no-later-audit';
	if (before.score === null) return 'no-earlier-audit';
	if (after.score > before.score) return 'improved';
	return after.score < before.score ? 'declined' : 'unchanged';
}

/** Counts of completed pathways by what later audits showed, for a team or the service. */
export function summariseImpact(rows: PathwayImpact[]) {
	const count = (change: PathwayImpact['change']) => rows.filter((r) => r.change === change).length;
	return {
		completed: rows.length,
		improved: count('improved'),
		unchanged: count('unchanged'),
		declined: count('declined'),
		awaiting: count('no-later-audit') + count('no-earlier-audit')
	};
}
