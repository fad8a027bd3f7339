import type { RequestEvent } from '@sveltejs/kit';
import { getDb } from '../../db';
import { readScimJson, scimJson } from './endpoint';
import { listScimPeople, scimPerson } from './people';
import { ScimError, schemaIds } from './protocol';
import {
	createScimPerson,
	deactivateScimPerson,
	updateScimPerson,
	type Provisioner
} from './provision';
import { parseListQuery } from './query';
import { scimUser, valuesOf } from './resource';
import { valuesToCreate, valuesToPatch, valuesToReplace } from './requests';

// The answers of /scim/v2/Users and /scim/v2/Users/<id>, for the routes to hand on.

type Event = Pick<RequestEvent, 'request' | 'url' | 'params'>;

const notFound = (id: string) => new ScimError(404, `Nobody here has the id ${id}`);

/** The weak ETag compared without its W/ (RFC 7232 §2.3.2, weak comparison). */
const sameVersion = (a: string, b: string) => a.replace(/^W\//, '') === b.replace(/^W\//, '');

async function found(event: Event) {
	const id = event.params.id ?? '';
	const person = await scimPerson(getDb(), id);
	if (!person) throw notFound(id);
	return person;
}

/** Refuses a change (412) when If-Match names a version the person no longer has. */
async function foundAsMatched(event: Event) {
	const person = await found(event);
	const ifMatch = event.request.headers.get('if-match');
	const { version } = scimUser(person, event.url.origin).meta;
	if (
		ifMatch &&
		ifMatch.trim() !== '*' &&
		!ifMatch.split(',').some((v) => sameVersion(v.trim(), version))
	)
		throw new ScimError(412, 'The person has changed since that version: read them again');
	return person;
}

async function answerPerson(event: Event, id: string, status = 200) {
	const person = (await scimPerson(getDb(), id))!;
	const resource = scimUser(person, event.url.origin);
	const headers: Record<string, string> = { etag: resource.meta.version };
	if (status === 201) headers.location = resource.meta.location;
	return scimJson(resource, status, headers);
}

/** GET /Users: everyone, or the one `filter=userName eq "…"` names, a page at a time. */
export async function listUsers(event: Event) {
	const query = parseListQuery(event.url.searchParams);
	const { total, people } = await listScimPeople(getDb(), query);
	return scimJson({
		schemas: [schemaIds.listResponse],
		totalResults: total,
		itemsPerPage: people.length,
		startIndex: query.startIndex,
		Resources: people.map((person) => scimUser(person, event.url.origin))
	});
}

/** POST /Users: 201 with the new person, where they are, and their version. */
export async function createUser(event: Event, by: Provisioner) {
	const values = valuesToCreate(await readScimJson(event.request));
	const id = await createScimPerson(getDb(), by, values, event.url.origin);
	return answerPerson(event, id, 201);
}

/** GET /Users/<id>; 304 when If-None-Match names the version they have. */
export async function getUser(event: Event) {
	const person = await found(event);
	const resource = scimUser(person, event.url.origin);
	const ifNoneMatch = event.request.headers.get('if-none-match');
	if (ifNoneMatch?.split(',').some((v) => sameVersion(v.trim(), resource.meta.version)))
		return new Response(null, { status: 304, headers: { etag: resource.meta.version } });
	return scimJson(resource, 200, { etag: resource.meta.version });
}

/** PUT /Users/<id>: the person replaced by the resource sent. */
export async function replaceUser(event: Event, by: Provisioner) {
	const person = await foundAsMatched(event);
	const values = valuesToReplace(valuesOf(person), await readScimJson(event.request));
	await updateScimPerson(getDb(), by, person, values, 'replace');
	return answerPerson(event, person.id);
}

/** PATCH /Users/<id>: the operations applied; 200 with the person as they now are. */
export async function patchUser(event: Event, by: Provisioner) {
	const person = await foundAsMatched(event);
	const values = valuesToPatch(valuesOf(person), await readScimJson(event.request));
	await updateScimPerson(getDb(), by, person, values, 'patch');
	return answerPerson(event, person.id);
}

/** DELETE /Users/<id>: 204; the person is deactivated and their records kept. */
export async function deleteUser(event: Event, by: Provisioner) {
	const person = await foundAsMatched(event);
	await deactivateScimPerson(getDb(), by, person);
	return new Response(null, { status: 204 });
}

/** Any other method: 405 in SCIM's form. */
export const methodNotAllowed = (event: Event) => {
	throw new ScimError(405, `${event.request.method} is not allowed here`);
};
