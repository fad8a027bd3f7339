// A placeholder origin under `.invalid`, a name reserved never to exist (RFC 2606), so no real
// address can share it.
const placeholder = 'http://x.invalid';

// Control characters (a tab or newline that browsers drop, a NUL that no header may carry) and
// backslashes (which browsers read as slashes) have no place in a path of ours.
const suspicious = /[\p{Cc}\\]/u;

/**
 * Where to send someone when a request names the page to go to next (`?redirectTo=`): the
 * path, query and fragment of a page on this site, normalised and percent-encoded, or `/` when
 * the target is missing, malformed or could take them to another site.
 */
export function safeRedirectPath(target: string | null | undefined): string {
	if (!target || suspicious.test(target)) return '/';
	let url: URL;
	try {
		url = new URL(target, placeholder);
	} catch {
		return '/';
	}
	if (url.origin !== placeholder) return '/';
	const path = url.pathname + url.search + url.hash;
	// `/.//evil.example` normalises to `//evil.example`, which a browser reads as another host.
	return path.startsWith('//') ? '/' : path;
}
