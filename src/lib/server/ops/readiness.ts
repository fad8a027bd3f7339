import { sql } from 'kysely';
import type { Db } from '../db';
import { pendingMigrations } from '../db/migrate';
import { openStore } from '../storage';
import { logger } from './logger';

export type CheckName = 'database' | 'fileStore' | 'migrations';
export type CheckResult = 'ok' | 'failing';

export interface Readiness {
	status: 'ok' | 'unavailable';
	checks: Record<CheckName, CheckResult>;
}

// A check that hangs (a database behind a dropped connection) counts as failing after this.
const checkTimeout = 5_000;

function withinTime<T>(work: Promise<T>): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const late = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`no answer in ${checkTimeout} ms`)), checkTimeout);
	});
	return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * Whether this server can do its work: the database answers, the file store can be reached, and
 * every migration this code knows has run (a server of a newer release may have run more).
 * Why a check fails is logged, never answered: /readyz is public.
 */
export async function readiness(db: Db, store: string): Promise<Readiness> {
	const checks: Record<CheckName, () => Promise<unknown>> = {
		database: () => sql`select 1`.execute(db),
		fileStore: () => openStore(store).check(),
		migrations: async () => {
			const pending = await pendingMigrations(db);
			if (pending.length) throw new Error(`pending: ${pending.join(', ')}`);
		}
	};
	const results = await Promise.all(
		Object.entries(checks).map(async ([name, check]) => {
			try {
				await withinTime(check());
				return [name, 'ok'] as const;
			} catch (error) {
				logger.warn({ check: name, err: (error as Error).message }, 'not ready');
				return [name, 'failing'] as const;
			}
		})
	);
	const failing = results.some(([, result]) => result === 'failing');
	return {
		status: failing ? 'unavailable' : 'ok',
		checks: Object.fromEntries(results) as Record<CheckName, CheckResult>
	};
}
