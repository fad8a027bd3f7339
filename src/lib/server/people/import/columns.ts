// The columns of the staff file from HR, as the template spells them. A header may spell them
// as people do too ("Given name", "Line manager's email"): letters and digits are compared, in
// any case, and a few other names HR systems use are known. Columns may come in any order.

export const importColumns = [
	'email',
	'given_name',
	'family_name',
	'team',
	'roles',
	'career_stage',
	'swe_registration',
	'line_manager_email',
	'start_date'
] as const;
export type ImportColumn = (typeof importColumns)[number];

/** The columns a file must have: who someone is. Every other column may be left out. */
export const requiredColumns: readonly ImportColumn[] = ['email', 'given_name', 'family_name'];

/** The template: the header row alone, so that no example row is ever imported by mistake. */
export const templateCsv = `${importColumns.join(',')}\r\n`;

const otherNames: Record<ImportColumn, string[]> = {
	email: ['emailaddress'],
	given_name: ['firstname', 'forename'],
	family_name: ['surname', 'lastname'],
	team: [],
	roles: ['role'],
	career_stage: [],
	swe_registration: ['sweregistrationnumber', 'swenumber', 'sweno'],
	line_manager_email: ['linemanagersemail', 'linemanageremailaddress', 'linemanagersemailaddress'],
	start_date: []
};

/** A heading as compared: "Line manager’s email" and `line_manager_email` alike. */
const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

const byName = new Map<string, ImportColumn>(
	importColumns.flatMap((column) =>
		[squash(column), ...otherNames[column]].map((name) => [name, column] as const)
	)
);

/** The column a heading names, if any. */
export const columnNamed = (heading: string) => byName.get(squash(heading));
