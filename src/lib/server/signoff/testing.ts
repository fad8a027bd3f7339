import { spawnSync } from 'node:child_process';
import type { Db } from '../db';
import { newUser } from '../db/testing';
import { assignSupervisor } from '../people/relationships';
import { createEvidence, setMapping, submitEvidence } from '../portfolio/evidence';
import { acceptEvidence } from '../review/review';
import { signOffOutcome, withdrawSignOff } from './signoffs';
import { verifySignoffs } from './verify';

// Factories and helpers for the sign-off tests: practitioners with accepted evidence, chains
// grown through the service, and the command line check run as an operator would.

const frameworkVersion = 'pqs-2025';
const outcomeId = '2.3';

export interface Supervisee {
	id: string;
	supervisorId: string;
	evidenceId: string;
}

/** A supervisee with one accepted record mapped to outcome 2.3, ready to be signed off. */
export async function newSupervisee(
	db: Db,
	supervisorId: string,
	name: string,
	email: string
): Promise<Supervisee> {
	const id = await newUser(db, { name, email });
	await assignSupervisor(db, null, { supervisorId, superviseeId: id, startsOn: '2026-01-01' });
	const evidenceId = await createEvidence(db, id, {
		title: 'Life-story work',
		activityDate: '2026-10-01',
		type: 'case-work',
		account: 'Life-story work with the child (A).',
		reflectionModel: 'free',
		reflection: { text: 'It mattered.' },
		cpdType: null,
		cpdRelevance: '',
		cpdLearning: '',
		cpdImpact: '',
		peerReflected: null,
		peerReflection: '',
		cpdMinutes: null
	});
	await setMapping(db, id, evidenceId, 1, {
		frameworkVersion,
		outcomes: [outcomeId],
		statements: [{ outcomeId, statementId: '2.3 D9' }]
	});
	await submitEvidence(db, id, evidenceId, 2, false);
	await acceptEvidence(db, supervisorId, evidenceId, ['2.3 D9'], 'http://localhost');
	return { id, supervisorId, evidenceId };
}

/** Adds the practitioner's next chain entry through the service: sign-offs at odd places, withdrawals at even. */
export async function nextEntry(
	db: Db,
	who: Awaited<ReturnType<typeof newSupervisee>>,
	place: number
) {
	const result =
		place % 2
			? await signOffOutcome(db, who.supervisorId, who.id, {
					frameworkVersion,
					outcomeId,
					rationale: `Met, entry ${place}`,
					evidenceIds: [who.evidenceId]
				})
			: await withdrawSignOff(db, who.supervisorId, who.id, {
					frameworkVersion,
					outcomeId,
					reason: `Too early, entry ${place}`
				});
	if (Object.keys(result.problems).length) throw new Error(JSON.stringify(result.problems));
}

/** The check's findings as [name, entry, problem], or why it could not check. */
export async function findings(db: Db, key?: string) {
	const result = await verifySignoffs(db, key);
	if (result.cannotCheck) return result.cannotCheck;
	return result.problems.map((p) => [p.practitioner?.name ?? null, p.sequence, p.problem]);
}

/** `npm run verify-signoffs` on the database at `url`, with `env` over the test's own. */
export function verifyCommand(url: string, env: Record<string, string | undefined> = {}) {
	const result = spawnSync(process.execPath, ['src/lib/server/signoff/verify-signoffs.js'], {
		env: { ...process.env, DATABASE_URL: url, ...env },
		encoding: 'utf8'
	});
	return { status: result.status, output: `${result.stdout}${result.stderr}` };
}
