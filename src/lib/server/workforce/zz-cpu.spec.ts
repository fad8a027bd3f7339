import { it } from 'vitest';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { createDb } from '../db';
import { workforceView, type WorkforceView } from './index';

it('profiles a view', async () => {
	const db = createDb(process.env.PROF_DB!);
	const name = (process.env.PROF_VIEW ?? 'progress') as WorkforceView;
	await workforceView(db, name, new URLSearchParams());
	const session = new Session();
	session.connect();
	await session.post('Profiler.enable');
	await session.post('Profiler.start');
	for (let i = 0; i < 3; i++) await workforceView(db, name, new URLSearchParams());
	const { profile } = await session.post('Profiler.stop');
	writeFileSync('/tmp/view.cpuprofile', JSON.stringify(profile));
	await db.destroy();
}, 3_600_000);
