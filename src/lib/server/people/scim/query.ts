import { ScimError, invalidValue, schemaIds } from './protocol';

// What `GET /scim/v2/Users` is asked for: one filter, `userName eq "…"` (what Entra ID and Okta
// send to find someone before creating them), and a page by `startIndex` (1-based) and `count`.

/** The most people one page lists, as ServiceProviderConfig says. */
export const maxResults = 200;
/** People on a page when `count` is not given. */
export const defaultCount = 100;

export interface ListQuery {
	/** Only the person with this email (in any case); null for everyone. */
	userName: string | null;
	startIndex: number;
	count: number;
}

// The attribute, with or without its schema's name; `eq`; a JSON string. Both case-insensitive.
const userNameEq = new RegExp(
	`^\\s*(?:${schemaIds.user.replaceAll('.', '\\.')}:)?userName\\s+eq\\s+("(?:[^"\\\\]|\\\\.)*")\\s*$`,
	'i'
);

/** The email a filter asks for; 400 invalidFilter for any other filter. */
export function parseFilter(filter: string): string {
	const match = userNameEq.exec(filter);
	let value: unknown;
	try {
		value = match ? JSON.parse(match[1]) : undefined;
	} catch {
		value = undefined;
	}
	if (typeof value !== 'string')
		throw new ScimError(
			400,
			`Golden Thread filters people by userName only, as userName eq "name@example.gov.uk"; it cannot filter by: ${filter}`,
			'invalidFilter'
		);
	return value;
}

function integerParameter(params: URLSearchParams, name: string): number | null {
	const text = params.get(name)?.trim();
	if (!text) return null;
	if (!/^[+-]?\d{1,9}$/.test(text)) throw invalidValue(`${name} must be a whole number`);
	return Number(text);
}

/** The list asked for. As RFC 7644 §3.4.2.4 says: a startIndex below 1 is 1, a negative count 0. */
export function parseListQuery(params: URLSearchParams): ListQuery {
	const filter = params.get('filter')?.trim();
	const startIndex = integerParameter(params, 'startIndex') ?? 1;
	const count = integerParameter(params, 'count') ?? defaultCount;
	return {
		userName: filter ? parseFilter(filter) : null,
		startIndex: Math.max(1, startIndex),
		count: Math.min(maxResults, Math.max(0, count))
	};
}
