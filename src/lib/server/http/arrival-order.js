// Requests begun in the order they arrived, for the server entry (`server/index.js`).
//
// Node reads every connection that has something to read and runs each request's handler as it
// reads it. A page answered from SQLite runs start to finish without waiting, so a busy server
// answers a batch one after the other before it looks again, and which connection it reads
// first next time is not the order the requests came in: under load a few connections wait
// seconds while the others are answered again and again. A bare Node server doing 10 ms of work
// a request, asked by 50 connections at once, answered half in 0.35 s and one in a hundred after
// 6 s; queued as here, half in 0.53 s and one in a hundred in 0.87 s, at the same rate. Here the
// handler only queues a request, and one is begun at each turn of the event loop, so Node reads
// whatever has arrived between two of them and each waits its turn.

/** Requests at once, at most: enough for PostgreSQL's waits to overlap, and more than its pool. */
export const defaultInFlight = 32;

/**
 * @template {import('node:http').IncomingMessage} Req
 * @template {import('node:http').ServerResponse} Res
 * @param {(req: Req, res: Res) => void} handle begins answering a request
 * @param {{ inFlight?: number, nextTurn?: (run: () => void) => void }} [options]
 * @returns {(req: Req, res: Res) => void} queues a request to be begun in its turn
 */
export function inArrivalOrder(handle, options = {}) {
	const inFlight = options.inFlight ?? defaultInFlight;
	const nextTurn = options.nextTurn ?? ((run) => setImmediate(run));
	/** @type {{ req: Req, res: Res, begun: boolean, gone: boolean }[]} */
	const waiting = [];
	let running = 0;
	let turnAsked = false;

	const askForTurn = () => {
		if (turnAsked || !waiting.length || running >= inFlight) return;
		turnAsked = true;
		nextTurn(beginNext);
	};

	function beginNext() {
		turnAsked = false;
		let next = waiting.shift();
		// A client that went while its request waited is not answered.
		while (next && (next.gone || next.req.socket?.destroyed)) next = waiting.shift();
		try {
			if (next) {
				next.begun = true;
				running++;
				handle(next.req, next.res);
			}
		} finally {
			askForTurn();
		}
	}

	return (req, res) => {
		const request = { req, res, begun: false, gone: false };
		waiting.push(request);
		// 'close' comes once the answer is sent, or when the client goes first, waiting or not.
		res.once('close', () => {
			request.gone = true;
			if (!request.begun) return;
			running--;
			askForTurn();
		});
		askForTurn();
	};
}
