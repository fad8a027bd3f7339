import { percent, type Table } from './figures';

type Row = Table['rows'][number];
const n = (value: Row[string] | undefined) => Number(value ?? 0);

// The audit analysis's teams as its page leads with them: one row per team for the whole period,
// the teams that most need attention first. The table of each team's grades by month or quarter
// (`teams`, in the CSV and the JSON) stays as it is; this is what the page shows of it.

export const teamsByNeedId = 'teams-by-need';

const counted = ['outstanding', 'good', 'requires-improvement', 'inadequate', 'total'] as const;

/**
 * Each team's grades summed over its months or quarters, ordered by need: the smallest share
 * graded Good or better first, then the most graded Inadequate, then the most audits, then by
 * name. A team without audits in the period has no row, as in the table it is made from.
 */
export function teamsByNeed(teams: Table): Table {
	const sums = new Map<string, Row>();
	for (const row of teams.rows) {
		const key = String(row.teamId ?? '');
		const sum = sums.get(key) ?? { team: row.team, teamId: row.teamId ?? null };
		for (const k of counted) sum[k] = n(sum[k]) + n(row[k]);
		sums.set(key, sum);
	}
	const rows: Row[] = [...sums.values()].map((sum) => ({
		...sum,
		goodOrBetter: percent(n(sum.outstanding) + n(sum.good), n(sum.total))
	}));
	rows.sort(
		(a, b) =>
			n(a.goodOrBetter) - n(b.goodOrBetter) ||
			n(b.inadequate) - n(a.inadequate) ||
			n(b.total) - n(a.total) ||
			String(a.team).localeCompare(String(b.team))
	);
	return {
		id: teamsByNeedId,
		title: 'Overall grades by team, those with the fewest graded Good or better first',
		columns: teams.columns.filter((c) => c.key !== 'period'),
		rows
	};
}
