import type { CareerStage, Role } from '../../db/schema';
import { importColumns, type ImportColumn } from './columns';
import type { ImportProblem, ImportRow } from './csv';
import { differences, type Difference } from './differences';
import { planLineManagers } from './line-managers';
import { readRow, type RowValues } from './row';

// What a staff file would do, worked out from the file and the people and teams as they are:
// who is added, who changes and how, who is deactivated, which teams are made, and every
// problem by row and column. A pure function: the dry run shows it, and applying works it out
// again inside the transaction and applies it only if it is still what the dry run showed.

export interface SnapshotPerson {
	id: string;
	email: string;
	name: string;
	active: boolean;
	teamId: string | null;
	roles: Role[];
	careerStage: CareerStage | null;
	sweNumber: string | null;
	/** Today's line manager, if any. */
	lineManagerId: string | null;
	/** The latest start of a line manager not yet ended: a new one must start after it. */
	lineManagerSince: string | null;
}

/** The people and teams the file is compared with. */
export interface Snapshot {
	people: SnapshotPerson[];
	teams: { id: string; name: string }[];
}

export interface ImportOptions {
	/** The file lists everyone who should have an account: anyone else active is deactivated. */
	everyone: boolean;
	/** Teams the file names that do not exist are made, rather than being problems. */
	createTeams: boolean;
	/** The administrator importing: never deactivated, and cannot lose their own admin role. */
	actorId: string;
	/** `YYYY-MM-DD` */
	today: string;
}

/** A person as the file leaves them; a team by its name. */
export interface PersonTarget {
	name: string;
	team: string | null;
	roles: Role[];
	careerStage: CareerStage | null;
	sweNumber: string | null;
}

export interface LineManagerChange {
	email: string;
	startsOn: string;
}

export interface Addition {
	row: number;
	email: string;
	person: PersonTarget;
	lineManager: LineManagerChange | null;
}

export interface Change {
	row: number;
	personId: string;
	email: string;
	person: PersonTarget;
	reactivate: boolean;
	lineManager: LineManagerChange | null;
	differences: Difference[];
}

export interface Plan {
	add: Addition[];
	change: Change[];
	deactivate: { personId: string; name: string; email: string }[];
	teamsToCreate: string[];
	/** Rows that would change nothing. */
	unchanged: number;
	/** Everyone was ticked, but the administrator importing is not in the file: kept active. */
	keptActor: boolean;
	problems: ImportProblem[];
}

/** Each row read, with duplicates of an email address earlier in the file refused. */
function readRows(rows: ImportRow[], problems: ImportProblem[]) {
	const byEmail = new Map<string, RowValues>();
	for (const row of rows) {
		const read = readRow(row);
		problems.push(...read.problems);
		const { email } = read.values;
		if (!email) continue;
		const first = byEmail.get(email);
		if (first)
			problems.push({
				row: row.row,
				column: 'email',
				message: `${email} is on row ${first.row} too: each person once`
			});
		else byEmail.set(email, read.values);
	}
	return byEmail;
}

/** A team name as compared: in any case, with any spacing. */
export const teamKey = (name: string) => name.toLowerCase().replace(/\s+/g, ' ').trim();

/** Each team the file names, as the app spells it; unknown teams made or refused. */
function planTeams(
	rows: Iterable<RowValues>,
	snapshot: Snapshot,
	options: ImportOptions,
	problems: ImportProblem[]
) {
	const names = new Map(snapshot.teams.map((t) => [teamKey(t.name), t.name]));
	const teamsToCreate: string[] = [];
	for (const values of rows) {
		if (!values.team) continue;
		const known = names.get(teamKey(values.team));
		if (known) values.team = known;
		else if (options.createTeams) {
			names.set(teamKey(values.team), values.team);
			teamsToCreate.push(values.team);
		} else
			problems.push({
				row: values.row,
				column: 'team',
				message: `There is no team called “${values.team}”: add it first, or tick “Create teams the file names”`
			});
	}
	return teamsToCreate;
}

/** The person a row leaves, from the row and what the app has for cells left blank. */
function target(values: RowValues, existing: SnapshotPerson | undefined, teamName: string | null) {
	const name =
		values.givenName && values.familyName
			? `${values.givenName} ${values.familyName}`
			: (existing?.name ?? '');
	return {
		name,
		team: values.team ?? teamName,
		roles: values.roles ?? existing?.roles ?? [],
		careerStage: values.careerStage ?? existing?.careerStage ?? null,
		sweNumber: values.sweNumber ?? existing?.sweNumber ?? null
	};
}

/** The problems of the file, by row, then in the template's order of columns. */
const byRowAndColumn = (a: ImportProblem, b: ImportProblem) =>
	(a.row ?? 0) - (b.row ?? 0) ||
	(a.column ? importColumns.indexOf(a.column) + 1 : 0) -
		(b.column ? importColumns.indexOf(b.column) + 1 : 0);

/** What a new person's row leaves blank that they need (a cell already refused is not blank). */
function newPersonProblems(values: RowValues, problems: ImportProblem[]): ImportProblem[] {
	const { row } = values;
	const blank = (column: ImportColumn) =>
		!problems.some((p) => p.row === row && p.column === column);
	const missing: ImportProblem[] = [];
	if (!values.givenName && blank('given_name'))
		missing.push({ row, column: 'given_name', message: 'Enter the given name' });
	if (!values.familyName && blank('family_name'))
		missing.push({ row, column: 'family_name', message: 'Enter the family name' });
	if (!values.roles && blank('roles'))
		missing.push({ row, column: 'roles', message: 'Enter their roles' });
	return missing;
}

/** A plan that does nothing, for a file that cannot be read at all. */
export const emptyPlan = (problems: ImportProblem[]): Plan => ({
	add: [],
	change: [],
	deactivate: [],
	teamsToCreate: [],
	unchanged: 0,
	keptActor: false,
	problems
});

/** A line manager's change in names, from today's to the file's (a new person by the file's). */
function lineManagerNames(
	snapshot: Snapshot,
	byEmail: Map<string, RowValues>,
	people: Map<string, SnapshotPerson>
) {
	const names = new Map(snapshot.people.map((p) => [p.id, p.name]));
	return (existing: SnapshotPerson, { email }: LineManagerChange) => {
		const row = byEmail.get(email);
		return {
			from: existing.lineManagerId ? (names.get(existing.lineManagerId) ?? null) : null,
			to:
				row?.givenName && row.familyName
					? `${row.givenName} ${row.familyName}`
					: (people.get(email)?.name ?? email)
		};
	};
}

/** Works out what importing the file (as `readImportCsv` read it) would do. */
export function planImport(
	file: { rows: ImportRow[]; problems: ImportProblem[] },
	snapshot: Snapshot,
	options: ImportOptions
): Plan {
	const { rows } = file;
	const problems: ImportProblem[] = [...file.problems];
	const byEmail = readRows(rows, problems);
	const teamsToCreate = planTeams(byEmail.values(), snapshot, options, problems);
	const people = new Map(snapshot.people.map((p) => [p.email.toLowerCase(), p]));
	const teamNames = new Map(snapshot.teams.map((t) => [t.id, t.name]));
	const lineManagers = planLineManagers(byEmail, people, options, problems);
	const plan: Plan = { ...emptyPlan(problems), teamsToCreate };
	const managerNames = lineManagerNames(snapshot, byEmail, people);
	for (const [email, values] of byEmail) {
		const existing = people.get(email);
		const teamName = existing?.teamId ? (teamNames.get(existing.teamId) ?? null) : null;
		const person = target(values, existing, teamName);
		const lineManager = lineManagers.get(email) ?? null;
		if (!existing) {
			problems.push(...newPersonProblems(values, problems));
			plan.add.push({ row: values.row, email, person, lineManager });
			continue;
		}
		if (existing.id === options.actorId && !person.roles.includes('admin'))
			problems.push({
				row: values.row,
				column: 'roles',
				message: 'You cannot remove your own administrator role'
			});
		const found = differences(
			existing,
			teamName,
			person,
			lineManager && managerNames(existing, lineManager)
		);
		if (found.length === 0) plan.unchanged++;
		else
			plan.change.push({
				row: values.row,
				personId: existing.id,
				email,
				person,
				reactivate: !existing.active,
				lineManager,
				differences: found
			});
	}
	if (options.everyone) planLeavers(plan, snapshot, byEmail, options.actorId);
	problems.sort(byRowAndColumn);
	return plan;
}

/**
 * With "everyone" ticked, each active person the file leaves out is deactivated: except the
 * administrator importing, and external assessors (from outside the authority, so never in HR's
 * file).
 */
function planLeavers(
	plan: Plan,
	snapshot: Snapshot,
	byEmail: Map<string, RowValues>,
	actorId: string
) {
	for (const person of snapshot.people) {
		if (!person.active || byEmail.has(person.email.toLowerCase())) continue;
		if (person.roles.length > 0 && person.roles.every((r) => r === 'external-assessor')) continue;
		if (person.id === actorId) plan.keptActor = true;
		else plan.deactivate.push({ personId: person.id, name: person.name, email: person.email });
	}
}
