import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** Liveness, for a load balancer or orchestrator: the process is up and answering. Public. */
export const GET: RequestHandler = () =>
	json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
