import { execFileSync } from 'node:child_process';
import type { FuzzServer } from './server';

/** A token made as a deployment script makes one, for the demo's first administrator. */
export function makeToken(server: FuzzServer, scope: 'api' | 'scim') {
	return execFileSync(
		process.execPath,
		['src/lib/server/auth/create-token.js', '--scope', scope, '--name', `Fuzz ${scope}`],
		{
			env: { ...process.env, DATABASE_URL: server.databaseUrl },
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe']
		}
	).trim();
}
