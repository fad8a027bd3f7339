import { isObject, removeAttribute, setAttribute, setAttributes } from './attributes';
import { ScimError, invalidValue } from './protocol';
import { newScimValues, type ScimValues } from './values';

// The three requests that change a person, read into `ScimValues`: a new resource (POST), a
// whole resource in place of the old (PUT), and a list of operations (PATCH), in the shapes
// RFC 7644 gives and those Microsoft Entra ID sends: `op` in any case ("Replace"), operations
// without a path whose value holds the attributes ({"active": false}, {"name.givenName": …}),
// and "True"/"False" for booleans.

const invalidSyntax = (detail: string) => new ScimError(400, detail, 'invalidSyntax');

function resource(body: unknown): Record<string, unknown> {
	if (!isObject(body)) throw invalidSyntax('The body must be a JSON object: a User resource');
	return body;
}

const says = (object: Record<string, unknown>, attribute: string) =>
	Object.keys(object).some((key) => key.toLowerCase() === attribute.toLowerCase());

/** A new person from a POSTed User resource. */
export function valuesToCreate(body: unknown): ScimValues {
	const user = resource(body);
	const values = newScimValues();
	setAttributes(values, user);
	if (!values.userName) throw invalidValue('userName is required: the person’s email address');
	return values;
}

/**
 * A person from a PUT User resource, in place of what they were. The name is made from what it
 * gives alone; attributes it leaves out (externalId, active, department, manager) are taken as
 * not asserted and left as they are, as RFC 7644 §3.5.1 allows.
 */
export function valuesToReplace(current: ScimValues, body: unknown): ScimValues {
	const user = resource(body);
	if (!says(user, 'userName'))
		throw invalidValue('userName is required: the person’s email address');
	const values: ScimValues = {
		...current,
		givenName: null,
		familyName: null,
		formatted: null,
		displayName: null,
		currentName: null,
		nameChanged: true,
		department: undefined,
		managerId: undefined
	};
	setAttributes(values, user);
	return values;
}

/** A person after a PatchOp's operations, applied in order to what they are. */
export function valuesToPatch(current: ScimValues, body: unknown): ScimValues {
	const request = resource(body);
	const key = Object.keys(request).find((k) => k.toLowerCase() === 'operations');
	const operations = key ? request[key] : undefined;
	if (!Array.isArray(operations) || operations.length === 0)
		throw invalidSyntax('A PATCH needs "Operations": a list of add, replace and remove operations');
	const values: ScimValues = { ...current, nameChanged: false };
	for (const operation of operations) applyOperation(values, operation);
	return values;
}

function applyOperation(values: ScimValues, operation: unknown) {
	if (!isObject(operation)) throw invalidSyntax('Each operation must be a JSON object');
	const { path, value } = operation;
	const op = typeof operation.op === 'string' ? operation.op.toLowerCase() : '';
	if (path !== undefined && (typeof path !== 'string' || !path.trim()))
		throw new ScimError(400, 'An operation’s path must be an attribute’s name', 'invalidPath');
	if (op === 'remove') {
		if (!path) throw new ScimError(400, 'A remove operation needs a path', 'noTarget');
		return removeAttribute(values, path);
	}
	if (op !== 'add' && op !== 'replace')
		throw invalidSyntax(`An operation’s op must be add, replace or remove, not “${operation.op}”`);
	if (path) return setAttribute(values, path, value);
	if (!isObject(value))
		throw invalidSyntax('An operation without a path needs an object of attributes as its value');
	setAttributes(values, value);
}
