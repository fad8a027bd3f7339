// `npm start`: the service in one process for each processor the machine gives it (up to four),
// or in WEB_CONCURRENCY, sharing its port (`server/processes.js`); in one, `server/app.js` alone.
// The processes keep nothing of their own (sessions, limits, PDFs being made and scheduled work
// are in the database), so any of them may answer any request, as several servers may.
import cluster from 'node:cluster';
import process from 'node:process';
import { serverProcesses } from '../src/lib/server/http/listening.js';

const processes = serverProcesses(process.env);
if (processes > 1 && cluster.isPrimary) {
	const { runProcesses } = await import('./processes.js');
	runProcesses(processes);
} else {
	await import('./app.js');
}
