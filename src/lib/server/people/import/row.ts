import type { CareerStage, Role } from '../../db/schema';
import type { ImportColumn } from './columns';
import type { ImportProblem, ImportRow } from './csv';
import {
	readCareerStage,
	readDate,
	readEmail,
	readName,
	readRoles,
	readSweNumber,
	type Read
} from './values';

/**
 * One row as values. A blank cell (or a column the file leaves out) is undefined: for someone
 * already in the app it changes nothing, so a file without SWE numbers keeps the ones recorded.
 */
export interface RowValues {
	row: number;
	/** Undefined when the address is missing or not an email address. */
	email?: string;
	givenName?: string;
	familyName?: string;
	team?: string;
	roles?: Role[];
	careerStage?: CareerStage;
	sweNumber?: string;
	lineManagerEmail?: string;
	startsOn?: string;
}

/** The row's values, and a problem for each cell that says something the import cannot read. */
export function readRow({ row, cells }: ImportRow) {
	const problems: ImportProblem[] = [];
	const cell = <T>(column: ImportColumn, read: (text: string) => Read<T>) => {
		const text = cells[column] ?? '';
		if (!text) return undefined;
		const result = read(text);
		if ('value' in result) return result.value;
		problems.push({ row, column, message: result.error });
		return undefined;
	};
	const email = cells.email
		? cell('email', readEmail)
		: void problems.push({ row, column: 'email', message: 'Enter an email address' });
	const values: RowValues = {
		row,
		email,
		givenName: cell('given_name', (text) => readName(text, 'given name')),
		familyName: cell('family_name', (text) => readName(text, 'family name')),
		team: cell('team', (text) =>
			text.length > 200 ? { error: 'A team name must be 200 characters or fewer' } : { value: text }
		),
		roles: cell('roles', readRoles),
		careerStage: cell('career_stage', readCareerStage),
		sweNumber: cell('swe_registration', readSweNumber),
		lineManagerEmail: cell('line_manager_email', readEmail),
		startsOn: cell('start_date', readDate)
	};
	if (values.roles?.length === 0)
		problems.push({ row, column: 'roles', message: 'Enter at least one role' });
	if (email && values.lineManagerEmail === email)
		problems.push({
			row,
			column: 'line_manager_email',
			message: 'A person cannot be their own line manager'
		});
	return { values, problems };
}
