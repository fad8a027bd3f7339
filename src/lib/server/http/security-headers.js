// The security headers on every answer. Plain JavaScript, because both the app's hooks and the
// production server entry (`server/index.js`, which runs on Node without a build step) use it:
// the entry adds them to the files adapter-node serves before the hooks run.

/**
 * Headers for every answer: pages, JSON, downloads and static files alike.
 * @param {{ https: boolean }} options whether the service is reached over HTTPS (its ORIGIN)
 * @returns {Record<string, string>}
 */
export function securityHeaders({ https }) {
	return {
		'x-content-type-options': 'nosniff',
		'referrer-policy': 'same-origin',
		'x-frame-options': 'DENY',
		'permissions-policy': 'camera=(), microphone=(), geolocation=()',
		'cross-origin-opener-policy': 'same-origin',
		'cross-origin-resource-policy': 'same-origin',
		// A year, as the NCSC and GOV.UK advise; only over HTTPS, where browsers heed it.
		...(https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {})
	};
}

/**
 * The policy for answers that are not pages (JSON, CSV, attachments, static files): nothing
 * in them may load, run or be framed. Pages get their own from `kit.csp` in svelte.config.js.
 */
export const fallbackContentSecurityPolicy =
	"default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
