import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from '../db';
import { minutes } from '../db/time';
import { takeLease } from './lease';

/** This process, as a lease's holder: readable in the database, and never another's. */
export const thisServer = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/**
 * Runs `work` if no other server has run it in the last `every` ms: the first server to ask
 * takes the lease for that long (a minute less, so its own next turn finds it expired or its
 * own) and runs it; the others, asking meanwhile, do nothing. The lease is kept after the work,
 * so work that fails or a server that stops mid-way waits for its next turn. Returns whether
 * this server ran it.
 */
export async function runOnceAcrossServers(
	db: Db,
	name: string,
	every: number,
	work: () => Promise<void>,
	now = new Date()
): Promise<boolean> {
	if (!(await takeLease(db, name, thisServer, every - minutes(1), now))) return false;
	await work();
	return true;
}
