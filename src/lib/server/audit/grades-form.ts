import { grades, gradeNames, isGrade, notApplicable, type AreaGrade } from '$lib/audit/grades';
import { formValues, type FieldErrors } from '../forms';
import type { AuditView } from './audits';
import type { AreaGradeInput } from './grading';
import type { AuditDefinition } from './definition';

/** The grade choices for an area: the four grades, and "not applicable" where it may not apply. */
export function gradeChoices(definition: AuditDefinition) {
	return definition.areas.map((area) => ({
		id: area.id,
		title: area.title,
		cascade: area.cascade,
		options: [
			...grades.map((g) => ({ value: g as string, label: gradeNames[g] })),
			...(area.optional ? [{ value: notApplicable, label: 'Not applicable' }] : [])
		]
	}));
}

/** A stage's saved grades as the form's values. */
export function gradeValues(
	rows: AuditView['grades']['audit'],
	grip?: { grip: number; reason: string }
) {
	const values: Record<string, unknown> = {};
	for (const row of rows) {
		values[`grade-${row.area_id}`] = row.grade;
		values[`evidence-${row.area_id}`] = row.evidence;
	}
	if (grip?.grip) {
		values.grip = 'yes';
		values.gripReason = grip.reason;
	}
	return values;
}

/**
 * Reads a grades form. Areas may be saved a few at a time; an area given a grade needs the
 * evidence for it (except "not applicable"), and evidence needs a grade.
 */
export function parseGradesForm(definition: AuditDefinition, form: FormData, withGrip: boolean) {
	const values = formValues(form);
	const text = (key: string) => String(values[key] ?? '');
	const errors: FieldErrors = {};
	const result: Record<string, AreaGradeInput> = {};
	for (const area of definition.areas) {
		const grade = text(`grade-${area.id}`);
		const evidence = text(`evidence-${area.id}`);
		if (!grade && !evidence) continue;
		const valid = isGrade(grade) || (area.optional && grade === notApplicable);
		if (!valid) {
			errors[`grade-${area.id}`] = `Choose a grade for ${area.title}`;
			continue;
		}
		if (grade !== notApplicable && !evidence)
			errors[`evidence-${area.id}`] = `Write the evidence for the grade for ${area.title}`;
		else if (evidence.length > 5000)
			errors[`evidence-${area.id}`] =
				`The evidence for ${area.title} must be 5,000 characters or fewer`;
		else result[area.id] = { grade: grade as AreaGrade, evidence };
	}
	const grip = withGrip && values.grip === 'yes';
	if (grip && !text('gripReason'))
		errors.gripReason = 'Say what shows evident and exceptional grip of the key issues';
	return { values, errors, grades: result, grip, gripReason: grip ? text('gripReason') : '' };
}
