// One server process of `npm start` (`server/index.js`): adapter-node's request handler behind
// an HTTP server of our own, so that every answer carries the security headers, including the
// files adapter-node serves before SvelteKit's hooks run (`/_app/immutable/*` and `static/`). It
// listens on HOST and PORT and shuts down as adapter-node's own `build/index.js` does: on
// SIGTERM or SIGINT it stops taking connections, lets the requests in flight finish (for
// SHUTDOWN_TIMEOUT seconds at most), and then tells the app (`sveltekit:shutdown`) to close the
// database.
import http from 'node:http';
import process from 'node:process';
import { inArrivalOrder } from '../src/lib/server/http/arrival-order.js';
import { listening } from '../src/lib/server/http/listening.js';
import { isLoopbackHost, loopbackProtocolHeader } from '../src/lib/server/http/origin.js';
import {
	fallbackContentSecurityPolicy,
	securityHeaders
} from '../src/lib/server/http/security-headers.js';

// Without ORIGIN, the service answers at this machine's loopback addresses over plain HTTP
// (localhost, 127.0.0.1, [::1] — whichever a newcomer opens), taking the address from the
// request. Any other address needs ORIGIN, and the pages say so. adapter-node reads its
// settings when it is loaded, so this comes first.
const originSet = Boolean(process.env.ORIGIN);
if (!originSet) process.env.PROTOCOL_HEADER = loopbackProtocolHeader;
const { handler } = await import('../build/handler.js');

const { keepAliveTimeout, headersTimeout, listen } = listening(process.env);
const shutdownTimeout = Number(process.env.SHUTDOWN_TIMEOUT || 30) * 1000;
const headers = Object.entries(
	securityHeaders({ https: (process.env.ORIGIN ?? '').startsWith('https:') })
);

let shuttingDown = false;

// Each request is begun in its turn (arrival-order.js), so none waits while later ones are answered.
const answer = inArrivalOrder((req, res) => {
	for (const [name, value] of headers) res.setHeader(name, value);
	// Pages replace this with their own policy from kit.csp; files and JSON keep it. (A
	// prerendered page would be served as a file and keep it too: there are none, and one
	// would need this entry to leave its policy alone.)
	res.setHeader('content-security-policy', fallbackContentSecurityPolicy);
	if (shuttingDown) res.setHeader('connection', 'close');
	if (!originSet) {
		// Only this entry sets the header: a client cannot choose its own scheme.
		delete req.headers[loopbackProtocolHeader];
		if (isLoopbackHost(req.headers.host)) req.headers[loopbackProtocolHeader] = 'http';
	}
	res.on('finish', () => {
		// An answer given before the body was read (a refusal that comes before the form is read)
		// leaves SvelteKit's reader paused on the rest of the body, and the next request on this
		// kept-alive connection waits until the connection times out, seconds later. Drop the
		// rest, as Node does with a body nobody began to read.
		if (!req.complete) {
			req.removeAllListeners('data');
			req.resume();
		}
	});
	res.on('close', () => {
		// A kept-alive connection would hold the server open until the deadline: close each as it
		// falls idle, once its answer is sent (a request in flight when the signal came was not
		// told to close its connection).
		if (shuttingDown) setImmediate(() => server.closeIdleConnections());
	});
	handler(req, res, () => {
		res.statusCode = 404;
		res.end('Not found');
	});
});

const server = http.createServer(answer);

server.keepAliveTimeout = keepAliveTimeout;
if (headersTimeout !== undefined) server.headersTimeout = headersTimeout;

server.listen(listen, () => {
	const address = server.address();
	console.log(
		'path' in listen
			? `Listening on ${listen.path}`
			: `Listening on http://${listen.host}:${typeof address === 'object' && address ? address.port : listen.port}`
	);
});

/** @param {NodeJS.Signals} signal */
function shutDown(signal) {
	if (shuttingDown) return;
	shuttingDown = true;
	const deadline = setTimeout(() => server.closeAllConnections(), shutdownTimeout);
	deadline.unref();
	server.closeIdleConnections();
	server.close(() => {
		clearTimeout(deadline);
		// @ts-expect-error adapter-node's custom event, which Node's types do not list
		process.emit('sveltekit:shutdown', signal);
		// One of several processes (server/processes.js): its channel to the first would keep it.
		if (process.connected) process.disconnect();
	});
}

process.on('SIGTERM', shutDown);
process.on('SIGINT', shutDown);
