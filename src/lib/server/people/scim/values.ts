import { invalidValue } from './protocol';

// What SCIM may say about a person, while a request is applied to it: a plain record that
// `attributes.ts` changes attribute by attribute and `people.ts` then stores. The app keeps
// one name; SCIM's given and family names are kept beside it, so that a request changing one
// of them alone can make the name again.

export interface ScimValues {
	/** The email address, lower case: the person's one identity here. */
	userName: string | null;
	active: boolean;
	/** The client's own id for them. */
	externalId: string | null;
	givenName: string | null;
	familyName: string | null;
	formatted: string | null;
	displayName: string | null;
	/** The app's name for them before the request; null for someone new. */
	currentName: string | null;
	/** Whether the request said anything about their name. */
	nameChanged: boolean;
	/** Their team, by name: undefined when the request did not say (left as it is), null for none. */
	department?: string | null;
	/** Their line manager's id: undefined when the request did not say, null for none. */
	managerId?: string | null;
}

/** Someone new, before the request says who. */
export const newScimValues = (): ScimValues => ({
	userName: null,
	active: true,
	externalId: null,
	givenName: null,
	familyName: null,
	formatted: null,
	displayName: null,
	currentName: null,
	nameChanged: true
});

/**
 * The app's one name for them: the given and family names when the request gives both (or
 * changed one of them, and the other is known), else `name.formatted`, else `displayName`.
 * A request that said nothing of the name leaves it as it was.
 */
export function appName(values: ScimValues): string {
	const { givenName, familyName, formatted, displayName, currentName } = values;
	if (!values.nameChanged && currentName) return currentName;
	const name =
		givenName && familyName
			? `${givenName} ${familyName}`
			: formatted ||
				displayName ||
				currentName ||
				[givenName, familyName].filter(Boolean).join(' ');
	if (!name)
		throw invalidValue(
			'A name is needed: name.givenName and name.familyName, name.formatted or displayName'
		);
	return name;
}
