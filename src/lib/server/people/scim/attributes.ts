import { z } from 'zod';
import { isKeyOf } from '../../forms';
import { ScimError, invalidValue, schemaIds } from './protocol';
import type { ScimValues } from './values';

// SCIM's attributes as the app keeps them: which it keeps, how each is read, and where a path
// (`name.givenName`, `urn:…:enterprise:2.0:User:manager`, `emails[type eq "work"].value`)
// leads. Attribute names are compared in any case (RFC 7643 §2.1). What the app does not keep
// (phone numbers, addresses, titles, other email addresses, roles, passwords) is ignored, as
// RFC 7644 lets a service provider do, so the directory's other mappings do no harm.

type Setter = (values: ScimValues, value: unknown) => void;

export const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** A string attribute, spaces tidied; null, absent or blank is null. */
function text(attribute: string, value: unknown, max = 256): string | null {
	if (value === null || value === undefined) return null;
	if (typeof value !== 'string') throw invalidValue(`${attribute} must be a string`);
	const tidy = value.replace(/\s+/g, ' ').trim();
	if (tidy.length > max) throw invalidValue(`${attribute} must be ${max} characters or fewer`);
	return tidy || null;
}

const email = z.email();

function userName(value: unknown): string {
	const address = text('userName', value, 254)?.toLowerCase();
	if (!address) throw invalidValue('userName is required: the person’s email address');
	if (!email.safeParse(address).success)
		throw invalidValue(`userName must be an email address, which is how people sign in here`);
	return address;
}

/** A boolean; Entra ID without its `aadOptscim062020` flag sends "True" and "False". */
function boolean(attribute: string, value: unknown): boolean {
	if (typeof value === 'boolean') return value;
	if (typeof value === 'string' && /^(true|false)$/i.test(value.trim()))
		return value.trim().toLowerCase() === 'true';
	throw invalidValue(`${attribute} must be true or false`);
}

/** The manager's id: `{ "value": id }` as RFC 7643 has it, or the id alone, as Entra ID sends. */
function managerId(value: unknown): string | null {
	const one = Array.isArray(value) && value.length <= 1 ? value[0] : value;
	return text('manager.value', isObject(one) ? one.value : one);
}

const nameSetter =
	(key: 'givenName' | 'familyName' | 'formatted' | 'displayName'): Setter =>
	(values, value) => {
		values[key] = text(key, value);
		values.nameChanged = true;
	};

const core: Record<string, Setter> = {
	username: (values, value) => (values.userName = userName(value)),
	active: (values, value) => (values.active = boolean('active', value)),
	externalid: (values, value) => (values.externalId = text('externalId', value)),
	displayname: nameSetter('displayName'),
	'name.givenname': nameSetter('givenName'),
	'name.familyname': nameSetter('familyName'),
	'name.formatted': nameSetter('formatted')
};

const enterprise: Record<string, Setter> = {
	department: (values, value) => (values.department = text('department', value)),
	manager: (values, value) => (values.managerId = managerId(value)),
	'manager.value': (values, value) => (values.managerId = text('manager.value', value))
};

type Target =
	| { attributes: Record<string, Setter>; name: string }
	| { extension: Record<string, Setter> }
	| null;

/** Where a path leads: an attribute of the core schema or the enterprise extension, or nowhere kept. */
function target(path: string): Target {
	const lower = path.trim().toLowerCase();
	const extension = schemaIds.enterprise.toLowerCase();
	const user = schemaIds.user.toLowerCase();
	if (lower === extension) return { extension: enterprise };
	if (lower.startsWith(`${extension}:`))
		return { attributes: enterprise, name: lower.slice(extension.length + 1) };
	if (lower.startsWith(`${user}:`)) return { attributes: core, name: lower.slice(user.length + 1) };
	// Another schema's extension, or a filtered path into a list (emails, phone numbers).
	if (lower.startsWith('urn:') || lower.includes('[')) return null;
	return { attributes: core, name: lower };
}

function setIn(
	attributes: Record<string, Setter>,
	name: string,
	values: ScimValues,
	value: unknown
) {
	// Its own entries only: a directory may send any name, `__proto__` and `constructor` too.
	const setter = isKeyOf(attributes, name) ? attributes[name] : undefined;
	if (setter) return setter(values, value);
	// A complex attribute given whole (`name`): its sub-attributes one by one, the rest kept.
	const complex = Object.keys(attributes).some((key) => key.startsWith(`${name}.`));
	if (!complex) return;
	if (!isObject(value)) throw invalidValue(`${name} must be an object`);
	for (const [key, part] of Object.entries(value))
		setIn(attributes, `${name}.${key.toLowerCase()}`, values, part);
}

/** Sets the attribute a path names (an `add` or `replace`, or one attribute of a resource). */
export function setAttribute(values: ScimValues, path: string, value: unknown) {
	const to = target(path);
	if (!to) return;
	if ('extension' in to) {
		if (!isObject(value)) throw invalidValue(`${schemaIds.enterprise} must be an object`);
		for (const [key, part] of Object.entries(value))
			setIn(to.extension, key.toLowerCase(), values, part);
		return;
	}
	setIn(to.attributes, to.name, values, value);
}

/** Every attribute an object gives: a resource, or a PATCH operation without a path. */
export function setAttributes(values: ScimValues, object: Record<string, unknown>) {
	for (const [key, value] of Object.entries(object))
		if (!['schemas', 'id', 'meta'].includes(key.toLowerCase())) setAttribute(values, key, value);
}

/** Removes the attribute a path names; userName and active cannot be removed. */
export function removeAttribute(values: ScimValues, path: string) {
	const to = target(path);
	if (!to) return;
	const attributes = 'extension' in to ? to.extension : to.attributes;
	const name = 'extension' in to ? '' : to.name;
	if (name === 'username' || name === 'active')
		throw new ScimError(400, `${path} cannot be removed`, 'mutability');
	for (const key of Object.keys(attributes))
		if (!name || key === name || key.startsWith(`${name}.`)) attributes[key](values, null);
}
