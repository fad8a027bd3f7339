import { adminEmail, pswEmail } from './settings.js';
import {
	asyeEvery,
	digits,
	extraAuditorCount,
	practitionerCount,
	supervisorsPerTeam,
	teamCount
} from './authority.js';
import { day, pad } from './random.js';

// The authority's people: two principal social workers, teams with their managers and
// supervisors, auditors, and practitioners (every fifth in their ASYE) each with a supervisor,
// and the ASYE reviews done so far.

/** Adds the people; `g` is the generator (see generate.js). */
export function generatePeople(g) {
	const admin = g.db.prepare('select id from users where email = ?').get(adminEmail);
	if (!admin) throw new Error(`the new database has no ${adminEmail}: did start-up change?`);
	const people = { teams: [], auditors: [], practitioners: [], psws: [] };
	const person = personMaker(g);
	g.db.transaction(() => {
		for (let n = 1; n <= 2; n++) {
			const email = n === 1 ? pswEmail : `psw${n}@bench.test`;
			people.psws.push(
				person(email, `Principal Social Worker ${n}`, ['psw'], 'advanced-practitioner', null)
			);
		}
		for (let t = 0; t < teamCount; t++) people.teams.push(addTeam(g, person, people, t));
		for (let n = 1; n <= extraAuditorCount; n++)
			people.auditors.push(
				person(
					`auditor${pad(n, digits(extraAuditorCount, 2))}@bench.test`,
					`Auditor ${pad(n, digits(extraAuditorCount, 2))}`,
					['auditor'],
					'advanced-practitioner',
					null
				)
			);
		for (let i = 0; i < practitionerCount; i++)
			people.practitioners.push(addPractitioner(g, person, people, i));
		addReviews(g, people);
	})();
	return people;
}

/** Adds a user with roles; registered social workers get the next SWE number. */
function personMaker(g) {
	let swe = 100000;
	return (email, name, roles, stage, teamId, createdMs = g.daysAgo(1000, 2500)) => {
		const id = g.uuid();
		const sweNumber = stage ? `SW${swe++}` : null;
		g.add.users(id, email, name, null, stage, sweNumber, teamId, 1, g.iso(createdMs), null);
		for (const role of roles) g.add.user_roles(id, role);
		return id;
	};
}

/** A team of ten: its manager (an auditor too) and nine supervisors. */
function addTeam(g, person, people, t) {
	const [teamNo, width] = [
		pad(t + 1, digits(teamCount, 2)),
		digits(teamCount * supervisorsPerTeam, 3)
	];
	const team = { id: g.uuid(), name: `Team ${teamNo}`, supervisors: [], members: [] };
	for (let s = 0; s < supervisorsPerTeam; s++) {
		const number = t * supervisorsPerTeam + s + 1;
		const manager = s === 0;
		const id = person(
			manager ? `manager${teamNo}@bench.test` : `supervisor${pad(number, width)}@bench.test`,
			manager ? `Team Manager ${teamNo}` : `Supervisor ${pad(number, width)}`,
			manager ? ['supervisor', 'auditor'] : ['supervisor'],
			manager || s > 6 ? 'advanced-practitioner' : 'senior-social-worker',
			team.id
		);
		team.supervisors.push(id);
		if (manager) {
			team.manager = id;
			people.auditors.push(id);
		}
	}
	g.add.teams(team.id, team.name, team.manager, g.iso(g.daysAgo(1000, 2000)));
	return team;
}

/** A practitioner in a team, supervised; in their ASYE, enrolled on it and started lately. */
function addPractitioner(g, person, people, i) {
	const team = people.teams[i % teamCount];
	const asye = i % asyeEvery === 0;
	const stage = asye
		? 'asye'
		: g.weighted([
				['social-worker', 55],
				['senior-social-worker', 32],
				['advanced-practitioner', 13]
			]);
	const startMs = asye ? g.daysAgo(0, 425) : null;
	const id = person(
		`practitioner${pad(i + 1, digits(practitionerCount, 4))}@bench.test`,
		`Practitioner ${pad(i + 1, digits(practitionerCount, 4))}`,
		['practitioner'],
		stage,
		team.id,
		asye ? startMs - 21 * day : undefined
	);
	const supervisor = team.supervisors[Math.floor(i / teamCount) % supervisorsPerTeam];
	const p = { id, team, supervisor, asye, startMs, accepted: [] };
	if (asye) {
		p.fte = g.weighted([
			[100, 85],
			[80, 10],
			[60, 5]
		]);
		p.enrolmentId = g.uuid();
		g.add.enrolments(p.enrolmentId, id, 'asye', g.date(startMs), g.iso(startMs - 7 * day), p.fte);
	}
	const supervisionStart = asye ? startMs : g.daysAgo(30, 900);
	const created = g.iso(supervisionStart);
	g.add.supervisions(
		g.uuid(),
		supervisor,
		id,
		g.date(supervisionStart),
		null,
		people.psws[0],
		created
	);
	team.members.push(p);
	return p;
}

/** Reviews at 3, 6, (9) and 12 months, stretched for part-time workers. */
function addReviews(g, people) {
	const reviewPoints = [
		['month-3', 3],
		['month-6', 6],
		['month-9', 9],
		['final', 12]
	];
	const progress = JSON.stringify(
		Object.fromEntries(
			[1, 2, 3, 4, 5, 6].map((d) => [String(d), 'Making steady progress in this domain.'])
		)
	);
	for (const p of people.practitioners.filter((q) => q.asye)) {
		for (const [reviewId, months] of reviewPoints) {
			const dueMs = p.startMs + ((months * 30.44 * day) / p.fte) * 100;
			if (dueMs + 14 * day > g.now) continue;
			if (reviewId === 'month-9' ? !g.chance(0.3) : !g.chance(0.9)) continue;
			addReview(g, people, p, reviewId, dueMs + g.int(-7, 14) * day, progress);
		}
	}
}

function addReview(g, people, p, reviewId, completedMs, progress) {
	const final = reviewId === 'final';
	const countersigned = final && g.chance(0.8);
	const panel = countersigned && g.chance(0.6);
	g.add.programme_reviews(
		g.uuid(),
		p.enrolmentId,
		reviewId,
		progress,
		'Builds trusting relationships with children and families.',
		'Analysis in written assessments.',
		final ? 'I have learned a great deal this year.' : '',
		final
			? g.weighted([
					['pass', 90],
					['extend', 8],
					['fail', 2]
				])
			: g.chance(0.9)
				? 'on-track'
				: 'not-on-track',
		p.supervisor,
		g.iso(completedMs),
		countersigned ? people.psws[0] : null,
		countersigned ? g.iso(completedMs + 3 * day) : null,
		panel ? 'agree' : null,
		panel ? 'The evidence supports the recommendation.' : null,
		panel ? people.psws[1] : null,
		panel ? g.iso(completedMs + 10 * day) : null
	);
}
