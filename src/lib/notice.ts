// Every form action that changes something ends on a page that says what happened: it redirects
// (303) there with `?saved=<key>`, and that page maps its keys to messages (SavedNotice).

/** Where an action sends the person: `path` (a query or #fragment kept) with `?saved=<key>`. */
export function withNotice(path: string, key: string) {
	const url = new URL(path, 'http://localhost');
	url.searchParams.set('saved', key);
	return `${url.pathname}${url.search}${url.hash}`;
}

/** The message a page has for the notice its address asks for, if any. */
export function noticeFor(messages: Record<string, string>, url: URL) {
	const key = url.searchParams.get('saved');
	return key !== null && Object.hasOwn(messages, key) ? messages[key] : undefined;
}
