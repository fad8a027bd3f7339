import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupsToShow, type Group, type TeamCount } from './grouping';

const team = (name: string, service: string | null, answers: number, invited = 12): TeamCount => ({
	teamId: name,
	team: name,
	service,
	answers,
	invited
});

const rows = (groups: Group[]) => groups.map((g) => `${g.level} ${g.name}: ${g.answers}`);

/**
 * Every figure a reader could work out: each group shown, and each group less any set of other
 * groups shown inside it that do not overlap. None may be between 1 and 4.
 */
function derivable(groups: Group[]) {
	const figures: number[] = [];
	for (const outer of groups) {
		const inside = groups.filter(
			(g) => g !== outer && g.teamIds.every((id) => outer.teamIds.includes(id))
		);
		for (let mask = 0; mask < 1 << inside.length; mask++) {
			const chosen = inside.filter((_, i) => mask & (1 << i));
			const ids = chosen.flatMap((g) => g.teamIds);
			if (new Set(ids).size < ids.length) continue;
			figures.push(outer.answers - chosen.reduce((n, g) => n + g.answers, 0));
		}
	}
	return figures;
}

describe('which groups of health-check answers are shown', () => {
	it('shows nothing at all below five answers in the whole authority', () => {
		expect(groupsToShow([team('North', 'Assessment', 3), team('South', 'Assessment', 1)])).toEqual(
			[]
		);
	});

	it('shows a team of five or more on its own when the rest of its service is five or more', () => {
		const groups = groupsToShow([
			team('North', 'Assessment', 7),
			team('South', 'Assessment', 5),
			team('Care', 'Children in care', 6)
		]);
		expect(rows(groups)).toEqual([
			'authority All staff: 18',
			'service Assessment: 12',
			'team North: 7',
			'team South: 5',
			'service Children in care: 6'
		]);
		expect(groups[1].includes).toEqual(['North', 'South']);
	});

	it('merges a team under five into its service, and the team of eight with it: 11 less 8 would show the 3', () => {
		const groups = groupsToShow([
			team('North', 'Assessment', 8),
			team('Safeguarding', 'Assessment', 3),
			team('Care', 'Children in care', 6)
		]);
		expect(rows(groups)).toEqual([
			'authority All staff: 17',
			'service Assessment: 11',
			'service Children in care: 6'
		]);
	});

	it('keeps the larger team apart when letting the smaller one go leaves five or more', () => {
		const groups = groupsToShow([
			team('A', 'S', 9),
			team('B', 'S', 5),
			team('C', 'S', 2),
			team('D', 'S', 2),
			team('Other', 'T', 5)
		]);
		// With A and B apart the rest of S is 4: B (the smaller) goes back, leaving 9 apart.
		expect(rows(groups)).toEqual([
			'authority All staff: 23',
			'service S: 18',
			'team A: 9',
			'service T: 5'
		]);
	});

	it('pools services under five as "Other services", shown at five or more', () => {
		const groups = groupsToShow([
			team('North', 'Assessment', 6),
			team('Edge', 'Edge of care', 3),
			team('Leaving', 'Leaving care', 2),
			team('Fostering', null, 1)
		]);
		expect(rows(groups)).toEqual([
			'authority All staff: 12',
			'service Assessment: 6',
			'other Other services: 6'
		]);
		expect(groups.at(-1)!.includes).toEqual(['Edge of care', 'Fostering', 'Leaving care']);
	});

	it('merges the smallest service into the pool when the pool alone would be under five', () => {
		const groups = groupsToShow([
			team('North', 'Assessment', 9),
			team('Care', 'Children in care', 6),
			team('Edge', 'Edge of care', 3)
		]);
		expect(rows(groups)).toEqual([
			'authority All staff: 18',
			'service Assessment: 9',
			'other Other services: 9'
		]);
	});

	it('shows only the whole authority when no service reaches five', () => {
		const groups = groupsToShow([team('A', 'S', 4), team('B', 'T', 4)]);
		expect(rows(groups)).toEqual(['authority All staff: 8']);
	});

	it('leaves out a row that repeats another: one service, or a service of one team', () => {
		expect(rows(groupsToShow([team('A', 'S', 6), team('B', 'S', 0)]))).toEqual([
			'authority All staff: 6'
		]);
		const groups = groupsToShow([team('A', 'S', 6), team('B', 'S', 5)]);
		expect(rows(groups)).toEqual(['authority All staff: 11', 'team A: 6', 'team B: 5']);
	});

	it('adds up who was sent a link in each group, for its response rate', () => {
		const groups = groupsToShow([
			team('North', 'Assessment', 8, 13),
			team('Safeguarding', 'Assessment', 3, 12),
			team('Care', 'Children in care', 6, 12)
		]);
		expect(groups.map((g) => g.invited)).toEqual([37, 25, 12]);
	});

	it('never shows a group under five, nor one a reader could work out by subtraction', () => {
		const teams = fc.array(
			fc.record({
				service: fc.constantFrom('S1', 'S2', 'S3', 'S4', null),
				answers: fc.nat({ max: 12 })
			}),
			{ maxLength: 9 }
		);
		fc.assert(
			fc.property(teams, (list) => {
				const groups = groupsToShow(list.map((t, i) => team(`T${i}`, t.service, t.answers)));
				for (const figure of derivable(groups)) expect(figure === 0 || figure >= 5).toBe(true);
				for (const g of groups) expect(g.answers).toBeGreaterThanOrEqual(5);
			}),
			{ numRuns: 2000 }
		);
	});
});
