import { EventEmitter, once } from 'node:events';
import { createServer, get, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { inArrivalOrder } from './arrival-order.js';

/** A request and its answer, enough for the queue: the answer says 'close' when it is done. */
function request(n: number) {
	return [{ n } as unknown as IncomingMessage, new EventEmitter() as unknown as ServerResponse];
}

/** The queue with turns of the event loop taken by hand, and the requests begun so far. */
function queue(inFlight?: number) {
	const turns: (() => void)[] = [];
	const begun: number[] = [];
	const handle = (req: IncomingMessage) => begun.push((req as unknown as { n: number }).n);
	const take = inArrivalOrder(handle, { inFlight, nextTurn: (run) => turns.push(run) });
	const turn = () => turns.shift()?.();
	return { take, turns, begun, turn };
}

describe('requests begun in the order they arrived', () => {
	it('begins nothing as it arrives, then one request at each turn, first come first', () => {
		const { take, begun, turn } = queue();
		const requests = [1, 2, 3].map(request);
		for (const [req, res] of requests) take(req as IncomingMessage, res as ServerResponse);
		expect(begun).toEqual([]);
		turn();
		expect(begun).toEqual([1]);
		turn();
		turn();
		expect(begun).toEqual([1, 2, 3]);
	});

	it('asks for one turn at a time, and none when nothing waits', () => {
		const { take, turns, turn } = queue();
		const [req, res] = request(1);
		take(req as IncomingMessage, res as ServerResponse);
		const [req2, res2] = request(2);
		take(req2 as IncomingMessage, res2 as ServerResponse);
		expect(turns).toHaveLength(1);
		turn();
		turn();
		expect(turns).toHaveLength(0);
	});

	it('has no more than inFlight at once: the next begins when an answer closes', () => {
		const { take, begun, turn, turns } = queue(2);
		const requests = [1, 2, 3, 4].map(request);
		for (const [req, res] of requests) take(req as IncomingMessage, res as ServerResponse);
		turn();
		turn();
		turn();
		expect(begun).toEqual([1, 2]);
		expect(turns).toHaveLength(0);
		(requests[1][1] as EventEmitter).emit('close');
		turn();
		expect(begun).toEqual([1, 2, 3]);
		// A client that leaves before its answer frees its place as well.
		(requests[0][1] as EventEmitter).emit('close');
		turn();
		expect(begun).toEqual([1, 2, 3, 4]);
	});

	it('drops a request whose client went while it waited, and keeps its place for the next', () => {
		const { take, begun, turn } = queue(1);
		const requests = [1, 2, 3].map(request);
		for (const [req, res] of requests) take(req as IncomingMessage, res as ServerResponse);
		turn();
		// The second client goes before its turn; then the first answer is sent.
		(requests[1][1] as EventEmitter).emit('close');
		(requests[0][1] as EventEmitter).emit('close');
		turn();
		expect(begun).toEqual([1, 3]);
		// Its place is free again once the third is answered: nothing is counted twice.
		const [req4, res4] = request(4);
		take(req4 as IncomingMessage, res4 as ServerResponse);
		(requests[2][1] as EventEmitter).emit('close');
		turn();
		expect(begun).toEqual([1, 3, 4]);
	});

	it('does not begin a request whose connection has gone, before its close is told', () => {
		// At shutdown the server closes once its connections have: a request begun after that
		// would find the database closed.
		const { take, begun, turn } = queue();
		const [req, res] = request(1);
		(req as unknown as { socket: { destroyed: boolean } }).socket = { destroyed: true };
		take(req as IncomingMessage, res as ServerResponse);
		const [req2, res2] = request(2);
		take(req2 as IncomingMessage, res2 as ServerResponse);
		turn();
		expect(begun).toEqual([2]);
	});

	it('takes its turns from the event loop unless told otherwise', async () => {
		const begun: number[] = [];
		const take = inArrivalOrder((req: IncomingMessage) =>
			begun.push((req as unknown as { n: number }).n)
		);
		for (const [req, res] of [1, 2].map(request))
			take(req as IncomingMessage, res as ServerResponse);
		await new Promise((resolve) => setImmediate(resolve));
		await new Promise((resolve) => setImmediate(resolve));
		expect(begun).toEqual([1, 2]);
	});

	it('keeps answering after clients go while their requests wait (a real server)', async () => {
		// One at a time: the first request is held until the second's client has gone.
		let release = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		let first = true;
		const server = createServer(
			inArrivalOrder(
				(req, res) => {
					if (!first) return res.end('answered');
					first = false;
					held.then(() => res.end('first'));
				},
				{ inFlight: 1 }
			)
		);
		server.listen(0, '127.0.0.1');
		await once(server, 'listening');
		const { port } = server.address() as AddressInfo;
		const ask = () => {
			const req = get({ host: '127.0.0.1', port, agent: false });
			const answer = new Promise<string>((resolve, reject) => {
				req.on('response', (res) => {
					let body = '';
					res.on('data', (chunk) => (body += chunk));
					res.on('end', () => resolve(body));
				});
				req.on('error', reject);
			});
			return { req, answer };
		};
		try {
			const one = ask();
			const two = ask();
			two.answer.catch(() => {});
			// Wait until the server holds both connections, then the second client goes.
			while ((await new Promise<number>((r) => server.getConnections((_, n) => r(n)))) < 2)
				await new Promise((r) => setImmediate(r));
			two.req.destroy();
			while ((await new Promise<number>((r) => server.getConnections((_, n) => r(n)))) > 1)
				await new Promise((r) => setImmediate(r));
			release();
			expect(await one.answer).toBe('first');
			expect(await ask().answer).toBe('answered');
		} finally {
			server.closeAllConnections();
			server.close();
		}
	});
});
