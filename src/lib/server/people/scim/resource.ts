import { createHash } from 'node:crypto';
import { schemaIds } from './protocol';
import type { ScimValues } from './values';

// A person as a SCIM User resource (RFC 7643 §4.1, with the enterprise extension §4.3 for their
// team and line manager), and as the values a request starts from. Nulls are left out, as
// Entra ID asks.

/** A person as `people.ts` reads them for SCIM. */
export interface ScimPerson {
	id: string;
	email: string;
	name: string;
	active: boolean;
	externalId: string | null;
	givenName: string | null;
	familyName: string | null;
	team: string | null;
	manager: { id: string; name: string } | null;
	created: string;
	lastModified: string;
}

/** Where a person's resource is: `<origin>/scim/v2/Users/<id>`. */
export const userLocation = (origin: string, id: string) => `${origin}/scim/v2/Users/${id}`;

/** A weak ETag of what the resource says, so it changes whenever any attribute does. */
const versionOf = (resource: object) =>
	`W/"${createHash('sha256').update(JSON.stringify(resource)).digest('hex').slice(0, 20)}"`;

const given = <T>(entries: Record<string, T | null>) =>
	Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== null)) as Record<
		string,
		T
	>;

export function scimUser(person: ScimPerson, origin: string) {
	const extension = given<unknown>({
		department: person.team,
		manager: person.manager ? { value: person.manager.id, displayName: person.manager.name } : null
	});
	const hasExtension = Object.keys(extension).length > 0;
	const resource = {
		schemas: hasExtension ? [schemaIds.user, schemaIds.enterprise] : [schemaIds.user],
		id: person.id,
		...given({ externalId: person.externalId }),
		userName: person.email,
		name: given({
			formatted: person.name,
			givenName: person.givenName,
			familyName: person.familyName
		}),
		displayName: person.name,
		active: person.active,
		emails: [{ value: person.email, type: 'work', primary: true }],
		...(hasExtension ? { [schemaIds.enterprise]: extension } : {})
	};
	return {
		...resource,
		meta: {
			resourceType: 'User',
			created: person.created,
			lastModified: person.lastModified,
			location: userLocation(origin, person.id),
			version: versionOf(resource)
		}
	};
}

export type ScimUser = ReturnType<typeof scimUser>;

/** What a PUT or PATCH starts from. */
export const valuesOf = (person: ScimPerson): ScimValues => ({
	userName: person.email,
	active: person.active,
	externalId: person.externalId,
	givenName: person.givenName,
	familyName: person.familyName,
	formatted: null,
	displayName: null,
	currentName: person.name,
	nameChanged: false
});
