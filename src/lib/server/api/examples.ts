import type { FrameworkJson } from '../framework/json';
import type { EnrolmentJson } from '../programme/enrolment-json';
import type { ViewJson } from '../workforce/view-json';

// Examples for the OpenAPI document, from the demo authority. A test checks each against its
// schema, so an example cannot drift from the shape the API sends.

/** A framework version cut down to its first domain, outcome and statement. */
export function frameworkExample(framework: FrameworkJson): FrameworkJson {
	const [domain] = framework.domains;
	const [outcome] = domain.outcomes;
	return {
		...framework,
		domains: [{ ...domain, outcomes: [{ ...outcome, statements: outcome.statements.slice(0, 1) }] }]
	};
}

/** GET /api/v1/workforce/learning, shortened to one table and two rows. */
export const workforceExample: ViewJson = {
	view: 'learning',
	title: 'Learning',
	filters: { period: 'all' },
	tables: [
		{
			id: 'needs-by-team',
			title: 'Learning needs by team',
			columns: [
				{ key: 'team', label: 'Team' },
				{ key: 'open', label: 'Open', numeric: true },
				{ key: 'met', label: 'Met', numeric: true },
				{ key: 'total', label: 'All', numeric: true }
			],
			rows: [
				{ team: 'Children in Care Team', open: 5, met: 1, total: 6, teamId: 'b4f0…' },
				{ team: 'Family Safeguarding Team', open: 1, met: 2, total: 3, teamId: '5e1d…' }
			]
		}
	]
};

/** GET /api/v1/workforce/cpd?format=csv&table=teams: a byte order mark, then RFC 4180 CSV. */
export const csvExample = [
	'\ufeffTeam,Practitioners,Recorded what is required,Not yet,Hours',
	'Children in Care Team,10,3,7,36.5',
	'Family Safeguarding Team,10,3,7,49',
	''
].join('\r\n');

export const csvFileNameExample = 'attachment; filename="cpd-teams-all-2025-12-01_2026-11-30.csv"';

/** The new starter enrolled on the ASYE at 0.6 of full time from 1 December 2026. */
export const enrolmentExample: EnrolmentJson = {
	id: '0b6f2c1e-5d7a-4c3b-9e21-7f4d8a6b2c90',
	person: 'new.starter@demo.test',
	programme: 'asye',
	start: '2026-12-01',
	fte: 0.6,
	assessor: 'supervisor@demo.test',
	status: 'active',
	reviews: [
		{ name: '3-month review', due: '2027-05-01' },
		{ name: '6-month review', due: '2027-10-01' },
		{ name: '9-month review', due: '2028-03-01' },
		{ name: 'Final review', due: '2028-08-01' }
	]
};
