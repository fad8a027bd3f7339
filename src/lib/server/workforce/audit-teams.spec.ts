import { describe, expect, it } from 'vitest';
import { teamsByNeed } from './audit-teams';
import type { Table } from './figures';

const columns: Table['columns'] = [
	{ key: 'team', label: 'Team' },
	{ key: 'period', label: 'Quarter', format: 'period' },
	{ key: 'outstanding', label: 'Outstanding', numeric: true },
	{ key: 'good', label: 'Good', numeric: true },
	{ key: 'requires-improvement', label: 'Requires improvement', numeric: true },
	{ key: 'inadequate', label: 'Inadequate', numeric: true },
	{ key: 'total', label: 'Audits', numeric: true },
	{ key: 'goodOrBetter', label: 'Good or better %', numeric: true }
];

/** A row of the teams-by-period table: outstanding, good, requires improvement, inadequate. */
const row = (team: string, teamId: string | null, period: string, [o, g, r, i]: number[]) => ({
	team,
	teamId,
	period,
	outstanding: o,
	good: g,
	'requires-improvement': r,
	inadequate: i,
	total: o + g + r + i,
	goodOrBetter: null
});

/** The teams by need from rows of the teams-by-period table. */
const byNeed = (...rows: ReturnType<typeof row>[]) =>
	teamsByNeed({ id: 'teams', title: 'Overall grades by team and quarter', columns, rows });

describe('teamsByNeed', () => {
	it('sums each team over its periods, the smallest share Good or better first', () => {
		const table = byNeed(
			row('Alpha', 'a', '2026-Q3', [1, 3, 0, 0]),
			row('Alpha', 'a', '2026-Q4', [0, 2, 2, 0]),
			row('Beta', 'b', '2026-Q4', [0, 1, 2, 1]),
			row('No team', null, '2026-Q4', [0, 0, 1, 0])
		);
		expect(table.id).toBe('teams-by-need');
		expect(table.columns.map((c) => c.key)).toEqual([
			'team',
			'outstanding',
			'good',
			'requires-improvement',
			'inadequate',
			'total',
			'goodOrBetter'
		]);
		expect(table.rows).toEqual([
			{
				team: 'No team',
				teamId: null,
				outstanding: 0,
				good: 0,
				'requires-improvement': 1,
				inadequate: 0,
				total: 1,
				goodOrBetter: 0
			},
			{
				team: 'Beta',
				teamId: 'b',
				outstanding: 0,
				good: 1,
				'requires-improvement': 2,
				inadequate: 1,
				total: 4,
				goodOrBetter: 25
			},
			{
				team: 'Alpha',
				teamId: 'a',
				outstanding: 1,
				good: 5,
				'requires-improvement': 2,
				inadequate: 0,
				total: 8,
				goodOrBetter: 75
			}
		]);
	});

	it('puts the most Inadequate first among equal shares, then the most audits, then by name', () => {
		const names = byNeed(
			row('Delta', 'd', '2026-Q4', [0, 1, 1, 0]),
			row('Charlie', 'c', '2026-Q4', [0, 1, 0, 1]),
			row('Echo', 'e', '2026-Q4', [1, 1, 2, 0]),
			row('Bravo', 'b', '2026-Q4', [0, 1, 1, 0])
		).rows.map((r) => r.team);
		expect(names).toEqual(['Charlie', 'Echo', 'Bravo', 'Delta']);
	});

	it('has no rows when no team has audits in the period', () => {
		expect(byNeed().rows).toEqual([]);
	});
});
