type Person = { id: string; name: string };

/**
 * The breadcrumbs that many pages start from, so each area is named one way wherever a page
 * leads back to it: `breadcrumbs={[crumbs.admin, crumbs.people]}`.
 */
export const crumbs = {
	portfolio: { href: '/portfolio', label: 'Your portfolio' },
	programme: { href: '/portfolio/programme', label: 'Your programme' },
	admin: { href: '/admin', label: 'Administration' },
	people: { href: '/admin/people', label: 'People' },
	supervision: { href: '/supervision', label: 'Supervision' },
	audits: { href: '/audits', label: 'Case audits' },
	/** A person's page in administration. */
	person: (person: Person) => ({ href: `/admin/people/${person.id}`, label: person.name })
};

/** The trail to a supervisee's page, for the pages about their work. */
export const superviseeTrail = (person: Person) => [
	crumbs.supervision,
	{ href: `/supervision/${person.id}`, label: person.name }
];

/** The trail on to a supervisee's programme, for its reviews and plans. */
export const programmeTrail = (person: Person) => [
	...superviseeTrail(person),
	{ href: `/supervision/${person.id}/programme`, label: 'Programme' }
];
