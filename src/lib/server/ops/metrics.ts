import { createHash, timingSafeEqual } from 'node:crypto';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { bearerToken } from '../auth/api-user';
import { getDb } from '../db';
import { countUnsent } from '../mail/outbox';
import { logger } from './logger';
import { answerForOwnMetrics, metricsOfEveryProcess } from './process-metrics.js';

// Prometheus metrics at /metrics: the process (memory, CPU, event loop, from prom-client), the
// requests by route and status, and the outbox's unsent mail, read from the database when
// scraped. Labels are route ids, never paths, so no id or token becomes a label. With several
// server processes, a scrape gets all of theirs added up (process-metrics.js).

export const registry = new Registry();
collectDefaultMetrics({ register: registry });

export const requestDuration = new Histogram({
	name: 'http_request_duration_seconds',
	help: 'Time to answer a request, by method, route and status',
	labelNames: ['method', 'route', 'status'] as const,
	buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
	registers: [registry]
});

export const requestErrors = new Counter({
	name: 'http_request_errors_total',
	help: 'Requests that failed with an error the app did not expect (answered 500)',
	labelNames: ['route'] as const,
	registers: [registry]
});

new Gauge({
	name: 'golden_thread_outbox_unsent',
	help: 'Emails in the outbox not (yet) sent: with SMTP_URL set, each failed to send',
	registers: [registry],
	// Every process reads the same outbox: its count once, not once a process.
	aggregator: 'max',
	async collect() {
		try {
			this.set(await countUnsent(getDb()));
		} catch (error) {
			logger.warn({ err: (error as Error).message }, 'outbox not counted for metrics');
		}
	}
});

answerForOwnMetrics(registry);

/** The metrics in Prometheus text: every server process's, added up. */
export const metricsText = () => metricsOfEveryProcess(registry);

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Who may read /metrics: 'none' when METRICS_TOKEN is not set (the page is not there), 'no'
 * without the token, 'yes' with it. Compared in constant time, as digests of equal length.
 */
export function metricsAccess(request: Request, token = process.env.METRICS_TOKEN) {
	if (!token) return 'none';
	const given = bearerToken(request);
	if (!given) return 'no';
	return timingSafeEqual(digest(given), digest(token)) ? 'yes' : 'no';
}
