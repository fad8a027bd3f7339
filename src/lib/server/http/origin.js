// Where the service is reached when ORIGIN is not set: plain JavaScript, shared by the server
// entry (`server/index.js`) and the app.

/** The header the server entry sets, and adapter-node reads, for the scheme of a loopback request. */
export const loopbackProtocolHeader = 'x-golden-thread-loopback-protocol';

/**
 * Whether a Host header names this machine's loopback address (`localhost`, `127.x.x.x`,
 * `[::1]`), with or without a port: the addresses a newcomer opens the demo at.
 * @param {string | undefined} host
 */
export function isLoopbackHost(host) {
	if (!host) return false;
	const name = host
		.toLowerCase()
		.replace(/:\d+$/, '')
		.replace(/^\[(.*)\]$/, '$1');
	return name === 'localhost' || name === '::1' || /^127(\.\d{1,3}){3}$/.test(name);
}

/**
 * The address to give in emails and printed links: ORIGIN, or, when it is not set, this
 * machine's loopback address on PORT.
 */
export function publicOrigin() {
	return process.env.ORIGIN || `http://localhost:${process.env.PORT || 3000}`;
}
