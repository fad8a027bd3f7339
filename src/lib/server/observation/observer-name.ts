import { sql } from 'kysely';

/**
 * Who observed, for people, in a query on `observations` that left-joins `users` on the
 * observer: their name, or the name an observer from outside gave, with "(by link)".
 */
export const observerName = sql<string>`coalesce(${sql.ref('users.name')}, ${sql.ref(
	'observations.observer_name'
)} || ' (by link)')`;
