import { describe, expect, it } from 'vitest';
import { readImportCsv } from './csv';
import { planImport, type ImportOptions, type Snapshot, type SnapshotPerson } from './plan';

// The rules of a staff file, on written-out rows against a small authority.

const person = (
	id: string,
	name: string,
	overrides: Partial<SnapshotPerson> = {}
): SnapshotPerson => ({
	id,
	email: `${id}@council.gov.uk`,
	name,
	active: true,
	teamId: 'north',
	roles: ['practitioner'],
	careerStage: null,
	sweNumber: null,
	lineManagerId: null,
	lineManagerSince: null,
	...overrides
});

const snapshot: Snapshot = {
	teams: [
		{ id: 'north', name: 'North Team' },
		{ id: 'south', name: 'South Team' }
	],
	people: [
		person('admin', 'Ada Admin', { roles: ['admin'], teamId: null }),
		person('sam', 'Sam Okoro', { roles: ['supervisor'] }),
		person('ali', 'Ali Khan', {
			careerStage: 'asye',
			sweNumber: 'SW123',
			lineManagerId: 'sam',
			lineManagerSince: '2026-01-05'
		}),
		person('old', 'Olu Old'),
		person('ext', 'Eve External', { roles: ['external-assessor'], teamId: null }),
		person('gone', 'Gil Gone', { active: false })
	]
};

const options: ImportOptions = {
	everyone: false,
	createTeams: false,
	actorId: 'admin',
	today: '2026-12-01'
};

const header =
	'email,given_name,family_name,team,roles,career_stage,swe_registration,line_manager_email,start_date';
const plan = (rows: string[], overrides: Partial<ImportOptions> = {}) =>
	planImport(readImportCsv([header, ...rows].join('\n')), snapshot, { ...options, ...overrides });

describe('working out what a staff file would do', () => {
	it('adds new people with their line manager from their start date', () => {
		const result = plan([
			'new@council.gov.uk,Nia,New,north team,practitioner,ASYE,SW42,sam@council.gov.uk,05/01/2027'
		]);
		expect(result.problems).toEqual([]);
		expect(result.add).toEqual([
			{
				row: 2,
				email: 'new@council.gov.uk',
				person: {
					name: 'Nia New',
					team: 'North Team',
					roles: ['practitioner'],
					careerStage: 'asye',
					sweNumber: 'SW42'
				},
				lineManager: { email: 'sam@council.gov.uk', startsOn: '2027-01-05' }
			}
		]);
		expect(result.unchanged).toBe(0);
	});

	it('shows what changes, leaves blank cells as they are, and counts rows that change nothing', () => {
		const result = plan([
			'ali@council.gov.uk,Ali,Khan-Smith,South Team,,,,,',
			'sam@council.gov.uk,Sam,Okoro,North Team,supervisor,,,,',
			'gone@council.gov.uk,Gil,Gone,,,,,,'
		]);
		expect(result.problems).toEqual([]);
		expect(result.change.map((c) => [c.email, c.differences])).toEqual([
			[
				'ali@council.gov.uk',
				[
					{ field: 'Name', from: 'Ali Khan', to: 'Ali Khan-Smith' },
					{ field: 'Team', from: 'North Team', to: 'South Team' }
				]
			],
			['gone@council.gov.uk', [{ field: 'Account', from: 'Deactivated', to: 'Active' }]]
		]);
		expect(result.change[0].person).toMatchObject({ careerStage: 'asye', sweNumber: 'SW123' });
		expect(result.unchanged).toBe(1);
	});

	it('changes a line manager from today, after the current one started', () => {
		const result = plan([
			'lee@council.gov.uk,Lee,Lead,,supervisor,,,,',
			'ali@council.gov.uk,,,,,,,lee@council.gov.uk,'
		]);
		expect(result.problems).toEqual([]);
		expect(result.change[0]).toMatchObject({
			lineManager: { email: 'lee@council.gov.uk', startsOn: '2026-12-01' },
			differences: [{ field: 'Line manager', from: 'Sam Okoro', to: 'Lee Lead' }]
		});
		const tooSoon = planImport(
			readImportCsv(`${header}\nali@council.gov.uk,,,,,,,admin@council.gov.uk,`),
			{
				...snapshot,
				people: snapshot.people.map((p) =>
					p.id === 'ali'
						? { ...p, lineManagerSince: '2026-12-01' }
						: p.id === 'admin'
							? { ...p, roles: ['admin', 'supervisor'] }
							: p
				)
			},
			options
		);
		expect(tooSoon.problems).toEqual([
			{
				row: 2,
				column: 'line_manager_email',
				message: 'Their line manager changed on 1 December 2026: change it by hand after that day'
			}
		]);
	});

	it('names every problem by row and column', () => {
		const result = plan([
			'not-an-email,A,B,,practitioner,,,,',
			'x1@council.gov.uk,,,Nowhere,manager,NQSW,12345,nobody@council.gov.uk,31/02/2027',
			'x2@council.gov.uk,C,D,,practitioner,,,ali@council.gov.uk,',
			'x2@council.gov.uk,C,D,,practitioner,,,,',
			'x3@council.gov.uk,E,F,,practitioner,,,x3@council.gov.uk,',
			'x4@council.gov.uk,G,H,,practitioner,,,gone@council.gov.uk,',
			',I,J,,practitioner,,,,',
			'admin@council.gov.uk,Ada,Admin,,practitioner,,,,'
		]);
		expect(result.problems.map((p) => [p.row, p.column])).toEqual([
			[2, 'email'],
			[3, 'given_name'],
			[3, 'family_name'],
			[3, 'team'],
			[3, 'roles'],
			[3, 'career_stage'],
			[3, 'swe_registration'],
			[3, 'line_manager_email'],
			[3, 'start_date'],
			[4, 'line_manager_email'],
			[5, 'email'],
			[6, 'line_manager_email'],
			[7, 'line_manager_email'],
			[8, 'email'],
			[9, 'roles']
		]);
		const messages = new Map(result.problems.map((p) => [`${p.row} ${p.column}`, p.message]));
		expect(messages.get('3 team')).toContain('There is no team called “Nowhere”');
		expect(messages.get('3 line_manager_email')).toBe(
			'Nobody with the email address nobody@council.gov.uk is in the file or has an account'
		);
		expect(messages.get('4 line_manager_email')).toBe(
			'ali@council.gov.uk is not a supervisor: only supervisors can be line managers'
		);
		expect(messages.get('5 email')).toBe('x2@council.gov.uk is on row 4 too: each person once');
		expect(messages.get('6 line_manager_email')).toBe('A person cannot be their own line manager');
		expect(messages.get('7 line_manager_email')).toBe(
			'gone@council.gov.uk has left: their account is deactivated'
		);
		expect(messages.get('9 roles')).toBe('You cannot remove your own administrator role');
	});

	it('makes teams the file names only when asked', () => {
		const rows = ['new@council.gov.uk,Nia,New,East Team,practitioner,,,,'];
		expect(plan(rows).problems).toHaveLength(1);
		const result = plan(rows, { createTeams: true });
		expect(result.problems).toEqual([]);
		expect(result.teamsToCreate).toEqual(['East Team']);
		expect(result.add[0].person.team).toBe('East Team');
	});

	it('deactivates whoever the file leaves out only when it is everyone, never the importer or external assessors', () => {
		const rows = ['sam@council.gov.uk,Sam,Okoro,,,,,,', 'ali@council.gov.uk,Ali,Khan,,,,,,'];
		expect(plan(rows).deactivate).toEqual([]);
		const result = plan(rows, { everyone: true });
		expect(result.deactivate).toEqual([
			{ personId: 'old', name: 'Olu Old', email: 'old@council.gov.uk' }
		]);
		expect(result.keptActor).toBe(true);
		// A line manager the file leaves out would be deactivated: not one to choose.
		const leftOut = plan(['ali@council.gov.uk,,,,,,,sam@council.gov.uk,'], { everyone: true });
		expect(leftOut.problems.map((p) => p.message)).toEqual([
			'sam@council.gov.uk is not in the file, so they would be deactivated'
		]);
	});
});
