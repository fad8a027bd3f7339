import type { CareerStage, Role } from '../db/schema';

// A fictional authority: every name and number here is invented.

export const demoPassword = 'golden-thread-demo';

export interface DemoPerson {
	email: string;
	name: string;
	roles: Role[];
	team?: string;
	stage?: CareerStage;
	/** ASYE programme month today (1–12). */
	asyeMonth?: number;
	/** Email of their current supervisor. */
	supervisor?: string;
}

export const demoTeams = [
	{ name: 'North Assessment Team', manager: 'grace.mensah@demo.test' },
	{ name: 'Family Safeguarding Team', manager: 'owen.price@demo.test' },
	{ name: 'Children in Care Team', manager: 'farah.siddiqui@demo.test' }
];

const [north, safeguarding, care] = demoTeams.map((t) => t.name);

const leaders: DemoPerson[] = [
	{ email: 'admin@demo.test', name: 'Alex Morgan', roles: ['admin'] },
	{
		email: 'psw@demo.test',
		name: 'Patricia Adeyemi',
		roles: ['psw'],
		stage: 'advanced-practitioner'
	},
	{
		email: 'auditor@demo.test',
		name: 'Martin Hughes',
		roles: ['auditor'],
		stage: 'advanced-practitioner'
	},
	// Team managers supervise, and two of them audit.
	{
		email: 'grace.mensah@demo.test',
		name: 'Grace Mensah',
		roles: ['supervisor', 'auditor'],
		team: north,
		stage: 'advanced-practitioner'
	},
	{
		email: 'owen.price@demo.test',
		name: 'Owen Price',
		roles: ['supervisor', 'auditor'],
		team: safeguarding,
		stage: 'advanced-practitioner'
	},
	{
		email: 'farah.siddiqui@demo.test',
		name: 'Farah Siddiqui',
		roles: ['supervisor'],
		team: care,
		stage: 'advanced-practitioner'
	},
	// Practice supervisors and ASYE assessors.
	{
		email: 'supervisor@demo.test',
		name: 'Sam Okoro',
		roles: ['supervisor'],
		team: north,
		stage: 'senior-social-worker'
	},
	{
		email: 'helen.walsh@demo.test',
		name: 'Helen Walsh',
		roles: ['supervisor'],
		team: safeguarding,
		stage: 'senior-social-worker'
	},
	{
		email: 'daniel.byrne@demo.test',
		name: 'Daniel Byrne',
		roles: ['supervisor'],
		team: care,
		stage: 'senior-social-worker'
	}
];

/** Ten practitioners a team, four of them in their ASYE; supervisors by team. */
function team(
	name: string,
	manager: string,
	practiceSupervisor: string,
	people: [string, string, CareerStage, number?][]
) {
	return people.map(([email, fullName, stage, asyeMonth], index): DemoPerson => ({
		email,
		name: fullName,
		roles: ['practitioner'],
		team: name,
		stage,
		asyeMonth,
		// ASYEs and every other experienced worker go to the practice supervisor; the rest to the manager.
		supervisor: asyeMonth || index % 2 === 0 ? practiceSupervisor : manager
	}));
}

const practitioners: DemoPerson[] = [
	...team(north, 'grace.mensah@demo.test', 'supervisor@demo.test', [
		['practitioner@demo.test', 'Priya Shah', 'asye', 5],
		['colleague@demo.test', 'Chris Doyle', 'social-worker'],
		['tom.ellis@demo.test', 'Tom Ellis', 'asye', 2],
		['aisha.bello@demo.test', 'Aisha Bello', 'asye', 9],
		['lucy.chen@demo.test', 'Lucy Chen', 'asye', 11],
		['mark.fenton@demo.test', 'Mark Fenton', 'social-worker'],
		['nadia.rahman@demo.test', 'Nadia Rahman', 'senior-social-worker'],
		['joe.kelly@demo.test', 'Joe Kelly', 'social-worker'],
		['ruth.ambrose@demo.test', 'Ruth Ambrose', 'social-worker'],
		['ben.harris@demo.test', 'Ben Harris', 'senior-social-worker']
	]),
	...team(safeguarding, 'owen.price@demo.test', 'helen.walsh@demo.test', [
		['kemi.afolabi@demo.test', 'Kemi Afolabi', 'asye', 1],
		['liam.murphy@demo.test', 'Liam Murphy', 'asye', 4],
		['sara.novak@demo.test', 'Sara Novak', 'asye', 7],
		['dev.patel@demo.test', 'Dev Patel', 'asye', 12],
		['emma.clarke@demo.test', 'Emma Clarke', 'social-worker'],
		['jamal.ahmed@demo.test', 'Jamal Ahmed', 'social-worker'],
		['olivia.grant@demo.test', 'Olivia Grant', 'senior-social-worker'],
		['peter.lane@demo.test', 'Peter Lane', 'social-worker'],
		['zainab.ali@demo.test', 'Zainab Ali', 'social-worker'],
		['hannah.reid@demo.test', 'Hannah Reid', 'senior-social-worker']
	]),
	...team(care, 'farah.siddiqui@demo.test', 'daniel.byrne@demo.test', [
		['maya.joseph@demo.test', 'Maya Joseph', 'asye', 3],
		['ryan.cole@demo.test', 'Ryan Cole', 'asye', 6],
		['isla.fraser@demo.test', 'Isla Fraser', 'asye', 8],
		['kwame.boateng@demo.test', 'Kwame Boateng', 'asye', 10],
		['sophie.turner@demo.test', 'Sophie Turner', 'social-worker'],
		['adam.wright@demo.test', 'Adam Wright', 'social-worker'],
		['yasmin.haddad@demo.test', 'Yasmin Haddad', 'senior-social-worker'],
		['george.evans@demo.test', 'George Evans', 'social-worker'],
		['fatima.malik@demo.test', 'Fatima Malik', 'social-worker'],
		['noah.bennett@demo.test', 'Noah Bennett', 'advanced-practitioner']
	])
];

export const demoPeople: DemoPerson[] = [...leaders, ...practitioners];
