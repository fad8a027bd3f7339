import { gradeScore, isGrade, type Grade } from '$lib/audit/grades';
import type { Db } from '../db';
import { getPathway } from '../pathways';

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

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/**
 * For each completed pathway, the worker's audits before and after its completion: the grades
 * of the practice areas the pathway is about (its local standards; the overall grade when it
 * names none, moderated grades where an audit was moderated) and the development findings
 * tagged with its outcomes. Audits on the completion day count as before.
 */
export async function pathwayImpact(
	db: Db,
	scope: { practitionerId?: string; teamId?: string; since?: string }
): Promise<PathwayImpact[]> {
	let query = db
		.selectFrom('pathway_progress')
		.innerJoin('pathway_assignments', 'pathway_assignments.id', 'pathway_progress.assignment_id')
		.innerJoin('users', 'users.id', 'pathway_progress.practitioner_id')
		.leftJoin('teams', 'teams.id', 'users.team_id')
		.select([
			'pathway_progress.id',
			'pathway_progress.practitioner_id',
			'pathway_progress.completed_at',
			'pathway_assignments.pathway_id',
			'users.name',
			'teams.name as teamName'
		])
		.where('pathway_progress.completed_at', 'is not', null);
	if (scope.practitionerId)
		query = query.where('pathway_progress.practitioner_id', '=', scope.practitionerId);
	if (scope.teamId) query = query.where('users.team_id', '=', scope.teamId);
	if (scope.since) query = query.where('pathway_progress.completed_at', '>=', scope.since);
	const completed = await query.orderBy('pathway_progress.completed_at', 'desc').execute();
	if (!completed.length) return [];

	const people = [...new Set(completed.map((c) => c.practitioner_id))];
	const audits = await db
		.selectFrom('audits')
		.select([
			'id',
			'practitioner_id',
			'audited_on',
			'overall_grade',
			'moderated_overall_grade',
			'moderated_at'
		])
		.where('status', '=', 'finalised')
		.where('practitioner_id', 'in', people)
		.orderBy('audited_on')
		.execute();
	const auditIds = audits.map((a) => a.id);
	const grades = auditIds.length
		? await db
				.selectFrom('audit_grades')
				.select(['audit_id', 'stage', 'area_id', 'effective_grade'])
				.where('audit_id', 'in', auditIds)
				.execute()
		: [];
	const tags = auditIds.length
		? await db
				.selectFrom('audit_finding_tags')
				.innerJoin('audit_findings', 'audit_findings.id', 'audit_finding_tags.finding_id')
				.select(['audit_findings.audit_id', 'audit_finding_tags.ref'])
				.where('audit_findings.audit_id', 'in', auditIds)
				.where('audit_findings.kind', '=', 'development')
				.where('audit_finding_tags.kind', '=', 'outcome')
				.execute()
		: [];

	return completed.flatMap((c) => {
		const pathway = getPathway(c.pathway_id);
		if (!pathway) return [];
		const measure = pathway.standards.length ? 'areas' : 'overall';
		const day = c.completed_at!.slice(0, 10);
		const mine = audits.filter((a) => a.practitioner_id === c.practitioner_id);
		const side = (list: typeof mine): AuditSide => {
			const scores = list.flatMap((a) => {
				if (measure === 'overall') {
					const g = a.moderated_overall_grade ?? a.overall_grade;
					return isGrade(g) ? [gradeScore(g)] : [];
				}
				const stage = a.moderated_at ? 'moderation' : 'audit';
				return grades
					.filter(
						(g) => g.audit_id === a.id && g.stage === stage && pathway.standards.includes(g.area_id)
					)
					.map((g) => g.effective_grade)
					.filter(isGrade)
					.map(gradeScore);
			});
			const latest = list.at(-1);
			const latestGrade = latest ? (latest.moderated_overall_grade ?? latest.overall_grade) : null;
			return {
				audits: list.length,
				score: mean(scores),
				latestOverall: isGrade(latestGrade) ? latestGrade : null,
				findingsOnOutcomes: tags.filter(
					(t) => list.some((a) => a.id === t.audit_id) && pathway.outcomes.includes(t.ref)
				).length
			};
		};
		const before = side(mine.filter((a) => a.audited_on <= day));
		const after = side(mine.filter((a) => a.audited_on > day));
		const change =
			after.score === null
				? 'no-later-audit'
				: before.score === null
					? 'no-earlier-audit'
					: after.score > before.score
						? 'improved'
						: after.score < before.score
							? 'declined'
							: 'unchanged';
		return [
			{
				progressId: c.id,
				practitionerId: c.practitioner_id,
				practitionerName: c.name,
				teamName: c.teamName,
				pathwayId: pathway.id,
				pathwayTitle: pathway.title,
				completedAt: c.completed_at!,
				measure,
				before,
				after,
				change
			}
		];
	});
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
