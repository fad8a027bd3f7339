// Which groups of a staff health check's answers may be shown, so that nobody's answer can be
// picked out: pure, so the rule is tested on its own.
//
// The rule, with `min` = 5:
// 1. Nothing is shown for fewer than `min` answers in all; only the count.
// 2. A team is shown on its own only with `min` answers or more. Its service's other teams
//    together (the service less the teams shown on their own) must also have none or at least
//    `min`, or the smallest team shown is merged back, and so on: otherwise subtracting the teams
//    from their service would give a group under `min`.
// 3. A service is shown with `min` answers or more; the services under that are pooled as
//    "Other services", shown when the pool has `min` or more. The pool (the whole authority less
//    the services shown) must itself have none or at least `min`, or the smallest service shown
//    joins the pool, and so on.
// 4. A row that would repeat another's figures (a team that is its service's only team with
//    answers, a service that is the whole authority) is left out.
// A team with no service is a service of its own, named after the team.

export const smallestGroup = 5;

export interface TeamCount {
	teamId: string;
	team: string;
	service: string | null;
	answers: number;
	/** How many in the team were sent a link, for the response rate. */
	invited: number;
}

export interface Group {
	level: 'authority' | 'service' | 'team' | 'other';
	name: string;
	teamIds: string[];
	answers: number;
	invited: number;
	/** What a merged group takes in, by name: the teams of a service, the services pooled. */
	includes: string[];
}

interface Part {
	name: string;
	teams: TeamCount[];
	answers: number;
	invited: number;
}

const sum = (parts: { answers: number }[]) => parts.reduce((n, p) => n + p.answers, 0);

function partOf(name: string, teams: TeamCount[]): Part {
	return { name, teams, answers: sum(teams), invited: teams.reduce((n, t) => n + t.invited, 0) };
}

/**
 * The parts (of at least `min` answers) that may be shown apart from the rest of `whole`
 * answers: the rest must be none or at least `min`, so the smallest part is let go until it is.
 */
function separable<T extends { name: string; answers: number }>(
	parts: T[],
	whole: number,
	min: number
) {
	const kept = parts
		.filter((p) => p.answers >= min)
		.sort((a, b) => b.answers - a.answers || a.name.localeCompare(b.name));
	for (let rest = whole - sum(kept); rest > 0 && rest < min; rest = whole - sum(kept)) kept.pop();
	return kept;
}

function group(level: Group['level'], name: string, part: Part, includes: string[] = []): Group {
	const teamIds = part.teams.map((t) => t.teamId);
	return { level, name, teamIds, answers: part.answers, invited: part.invited, includes };
}

const byName = <T extends { name: string }>(list: T[]) =>
	[...list].sort((a, b) => a.name.localeCompare(b.name));

/** The groups that may be shown, the whole authority first; none under `min` answers in all. */
export function groupsToShow(teams: TeamCount[], min = smallestGroup): Group[] {
	const whole = partOf('All staff', teams);
	if (whole.answers < min) return [];
	const services = new Map<string, TeamCount[]>();
	for (const team of teams) {
		const name = team.service ?? team.team;
		services.set(name, [...(services.get(name) ?? []), team]);
	}
	const parts = [...services].map(([name, members]) => partOf(name, members));
	const shown = separable(parts, whole.answers, min);
	const groups = [group('authority', whole.name, whole)];
	const alone = shown.length === 1 && whole.answers === shown[0].answers;
	for (const service of byName(shown)) {
		const members = service.teams.map((t) => partOf(t.team, [t]));
		const apart = separable(members, service.answers, min);
		const same = apart.length === 1 && apart[0].answers === service.answers;
		const includes = service.teams.map((t) => t.team).sort();
		if (!alone) groups.push(group('service', service.name, service, includes));
		if (!same) for (const team of byName(apart)) groups.push(group('team', team.name, team));
	}
	const pooled = parts.filter((p) => !shown.includes(p));
	const pool = partOf(
		'Other services',
		pooled.flatMap((p) => p.teams)
	);
	if (shown.length && pool.answers > 0)
		groups.push(group('other', pool.name, pool, pooled.map((p) => p.name).sort()));
	return groups;
}
