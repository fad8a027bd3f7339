// Ofsted's four grades and the authority's cascade rule. Shared by the server and the pages.

/** Best first. */
export const grades = ['outstanding', 'good', 'requires-improvement', 'inadequate'] as const;
export type Grade = (typeof grades)[number];

export const gradeNames: Record<Grade, string> = {
	outstanding: 'Outstanding',
	good: 'Good',
	'requires-improvement': 'Requires improvement',
	inadequate: 'Inadequate'
};

/** An area that does not apply to this child, such as CP/IRO when there is no plan. */
export const notApplicable = 'not-applicable';
export type AreaGrade = Grade | typeof notApplicable;

export const isGrade = (value: unknown): value is Grade => grades.includes(value as Grade);

/** 4 for Outstanding down to 1 for Inadequate, for averages and comparisons. */
export const gradeScore = (grade: Grade) => grades.length - grades.indexOf(grade);

const worse = (a: Grade, b: Grade) => (grades.indexOf(a) >= grades.indexOf(b) ? a : b);

export interface GradedArea {
	id: string;
	/** Takes the overall grade when practice requires improvement or is inadequate. */
	cascade: boolean;
}

export interface DerivedGrades {
	/** Undefined until every area that must be graded has a grade. */
	overall?: Grade;
	/** Each area's grade after the cascade. */
	areas: Record<string, AreaGrade | undefined>;
	/** The areas the cascade changed. */
	cascaded: string[];
}

/**
 * The overall grade and the cascade. The overall grade is never better than the worst area;
 * so where any area is Requires improvement or Inadequate, the overall grade is the worst such
 * grade. In that case the cascading areas ("Management oversight and supervision", "CP/IRO")
 * are brought down to it too, unless the auditor records evident and exceptional grip of the
 * key issues. Areas marked not applicable take no part.
 */
export function deriveGrades(
	areas: GradedArea[],
	recorded: Record<string, AreaGrade | undefined>,
	grip: boolean
): DerivedGrades {
	const given = areas.map((a) => recorded[a.id]).filter(isGrade);
	const complete = areas.every((a) => recorded[a.id] !== undefined);
	const worst = given.length ? given.reduce(worse) : undefined;
	const failing = worst === 'requires-improvement' || worst === 'inadequate';
	const result: DerivedGrades = { areas: {}, cascaded: [] };
	for (const area of areas) {
		const grade = recorded[area.id];
		if (failing && !grip && area.cascade && isGrade(grade) && worse(grade, worst) !== grade) {
			result.areas[area.id] = worst;
			result.cascaded.push(area.id);
		} else result.areas[area.id] = grade;
	}
	if (complete && worst) result.overall = worst;
	return result;
}
