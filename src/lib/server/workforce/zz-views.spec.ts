import { it } from 'vitest';
import { createDb } from '../db';
import { workforceView, type WorkforceView } from './index';

const url = process.env.PROF_DB ?? 'file:data/bench-workforce.db';
const views = (process.env.PROF_VIEWS ?? 'coverage,progress,audits,learning,cpd,report,qa-coverage').split(',') as WorkforceView[];
it('times views', async () => {
	const db = createDb(url);
	for (const name of views) {
		const ms: number[] = [];
		const cpu: number[] = [];
		for (let i = 0; i < Number(process.env.PROF_RUNS ?? 3); i++) {
			const t = performance.now();
			const c = process.cpuUsage();
			await workforceView(db, name, new URLSearchParams(process.env.PROF_QUERY ?? ''));
			const u = process.cpuUsage(c);
			ms.push(performance.now() - t);
			cpu.push((u.user + u.system) / 1000);
		}
		ms.sort((a, b) => a - b);
		cpu.sort((a, b) => a - b);
		console.log(`${name}: median ${ms[Math.floor(ms.length / 2)].toFixed(0)} ms, cpu ${cpu[Math.floor(cpu.length / 2)].toFixed(0)} ms`);
	}
	await db.destroy();
}, 3_600_000);
