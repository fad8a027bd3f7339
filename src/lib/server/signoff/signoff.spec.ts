import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { newEnrolment, newUser, testDatabases } from '../db/testing';
import {
	createEvidence,
	setMapping,
	submitEvidence,
	type EvidenceInput
} from '../portfolio/evidence';
import { assignSupervisor } from '../people/relationships';
import { acceptEvidence } from '../review/review';
import { entryHash, genesisHash, verifyChains } from './chain.js';
import { signOffNeedsDoes } from './does-evidence';
import { signOffOutcome, signOffProblems, signOffState, withdrawSignOff } from './signoffs';
import { verifySignoffs } from './verify';

const record: EvidenceInput = {
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
};

describe('signOffProblems', () => {
	const ok = {
		rationale: 'Shown in two visits',
		cited: ['a'],
		eligible: ['a', 'b'],
		minimum: 1,
		signedOff: false
	};
	it('needs a rationale, cited accepted evidence up to the minimum, and no sign-off already', () => {
		expect(signOffProblems(ok)).toEqual({});
		expect(signOffProblems({ ...ok, rationale: ' ' })).toEqual({
			rationale: 'Write why the outcome is met, citing the evidence'
		});
		expect(signOffProblems({ ...ok, cited: [] })).toEqual({
			evidence: 'Cite at least 1 accepted record'
		});
		expect(signOffProblems({ ...ok, cited: ['a'], minimum: 2 })).toEqual({
			evidence: 'Cite at least 2 accepted records'
		});
		expect(signOffProblems({ ...ok, cited: [], eligible: [] })).toEqual({
			evidence: 'Signing off needs at least 1 accepted record mapped to this outcome'
		});
		expect(signOffProblems({ ...ok, cited: ['z'] })).toEqual({
			evidence: 'Cite only accepted evidence mapped to this outcome'
		});
		expect(signOffProblems({ ...ok, signedOff: true })).toEqual({
			outcome: 'This outcome is already signed off'
		});
	});
});

describe('verifyChains', () => {
	const entry = (sequence: number, previous: string) => {
		const row = {
			id: `e${sequence}`,
			practitioner_id: 'p1',
			sequence,
			framework_version: 'pqs-2025',
			outcome_id: '2.3',
			action: sequence % 2 ? 'sign-off' : 'withdraw',
			rationale: `reason ${sequence}`,
			evidence_ids: '[]',
			actor_id: 's1',
			created_at: `2026-11-0${sequence}T10:00:00.000Z`,
			previous_hash: previous
		};
		return { ...row, hash: entryHash(row) };
	};
	const chain = () => {
		const first = entry(1, genesisHash);
		const second = entry(2, first.hash);
		return [first, second, entry(3, second.hash)];
	};

	it('accepts an intact chain and finds a changed, a removed and a reordered entry', () => {
		expect(verifyChains(chain())).toEqual([]);
		const changed = chain();
		changed[1].rationale = 'quietly changed';
		expect(verifyChains(changed)).toEqual([
			{
				practitionerId: 'p1',
				entryId: 'e2',
				sequence: 2,
				problem: 'its contents were changed after it was written'
			}
		]);
		const removed = chain().filter((e) => e.sequence !== 2);
		expect(verifyChains(removed)[0]).toMatchObject({
			entryId: 'e3',
			problem: expect.stringContaining('out of sequence')
		});
		const rehashed = chain();
		rehashed[1].rationale = 'changed and rehashed';
		rehashed[1].hash = entryHash(rehashed[1]);
		expect(verifyChains(rehashed)).toEqual([
			{
				practitionerId: 'p1',
				entryId: 'e3',
				sequence: 3,
				problem: 'does not follow the entry before it'
			}
		]);
	});
});

describe.each(testDatabases())('outcome sign-off on $name', (database) => {
	let db: Db;
	let url: string;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, url, close } = await database.open()));
	afterAll(() => close());

	it('signs off with accepted evidence, withdraws with a reason, and detects a changed row', async () => {
		const supervisor = await newUser(db, { roles: ['supervisor'], name: 'Sam Supervisor' });
		const practitioner = await newUser(db, { name: 'Pat Practitioner', email: 'pat@test.example' });
		await assignSupervisor(db, null, {
			supervisorId: supervisor,
			superviseeId: practitioner,
			startsOn: '2026-01-01'
		});
		const id = await createEvidence(db, practitioner, record);
		await setMapping(db, practitioner, id, 1, {
			frameworkVersion: 'pqs-2025',
			outcomes: ['2.3'],
			statements: [{ outcomeId: '2.3', statementId: '2.3 D9' }]
		});

		const early = await signOffOutcome(db, supervisor, practitioner, {
			frameworkVersion: 'pqs-2025',
			outcomeId: '2.3',
			rationale: 'Good',
			evidenceIds: [id]
		});
		expect(early.problems).toEqual({
			evidence: 'Cite only accepted evidence mapped to this outcome'
		});

		await submitEvidence(db, practitioner, id, 2, false);
		await acceptEvidence(db, supervisor, id, ['2.3 D9'], 'http://localhost');
		expect(
			await signOffOutcome(db, supervisor, practitioner, {
				frameworkVersion: 'pqs-2025',
				outcomeId: '2.3',
				rationale: 'Life-story work shows D9',
				evidenceIds: [id]
			})
		).toEqual({ problems: {} });
		expect((await signOffState(db, practitioner, 'pqs-2025')).get('2.3')?.action).toBe('sign-off');
		expect(
			(
				await withdrawSignOff(db, supervisor, practitioner, {
					frameworkVersion: 'pqs-2025',
					outcomeId: '2.3',
					reason: ''
				})
			).problems
		).toEqual({
			reason: 'Write why the sign-off is withdrawn'
		});
		await withdrawSignOff(db, supervisor, practitioner, {
			frameworkVersion: 'pqs-2025',
			outcomeId: '2.3',
			reason: 'Signed off too early'
		});
		expect((await signOffState(db, practitioner, 'pqs-2025')).get('2.3')?.action).toBe('withdraw');
		await signOffOutcome(db, supervisor, practitioner, {
			frameworkVersion: 'pqs-2025',
			outcomeId: '2.3',
			rationale: 'Now met',
			evidenceIds: [id]
		});
		expect(await verifySignoffs(db)).toMatchObject({ entries: 3, problems: [], cannotCheck: null });

		const verify = () =>
			spawnSync(process.execPath, ['src/lib/server/signoff/verify-signoffs.js'], {
				env: { ...process.env, DATABASE_URL: url },
				encoding: 'utf8'
			});
		const intact = verify();
		expect(intact.status).toBe(0);
		expect(intact.stdout).toContain('Sign-off chains intact: 3 entries checked.');

		// Someone edits a row directly in the database.
		await db
			.updateTable('signoffs')
			.set({ rationale: 'Edited behind the service’s back' })
			.where('practitioner_id', '=', practitioner)
			.where('sequence', '=', 2)
			.execute();
		const { problems } = await verifySignoffs(db);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatchObject({
			sequence: 2,
			practitioner: { name: 'Pat Practitioner' },
			problem: 'its contents were changed after it was written'
		});
		const broken = verify();
		expect(broken.status).toBe(1);
		expect(broken.stderr).toContain('Pat Practitioner <pat@test.example>, entry 2');
	});

	it('signs off only on cited evidence of a Does statement, unless the programme says otherwise', async () => {
		const supervisor = await newUser(db, { roles: ['supervisor'] });
		const practitioner = await newUser(db);
		await assignSupervisor(db, null, {
			supervisorId: supervisor,
			superviseeId: practitioner,
			startsOn: '2026-01-01'
		});
		// A record mapped to statements, accepted as showing some of them (all unless told).
		const accepted = async (mapped: string[], acceptedAs = mapped) => {
			const id = await createEvidence(db, practitioner, record);
			await setMapping(db, practitioner, id, 1, {
				frameworkVersion: 'pqs-2025',
				outcomes: ['2.3'],
				statements: mapped.map((statementId) => ({ outcomeId: '2.3', statementId }))
			});
			await submitEvidence(db, practitioner, id, 2, false);
			await acceptEvidence(db, supervisor, id, acceptedAs, 'http://localhost');
			return id;
		};
		const knowing = await accepted(['2.3 K4']);
		// Mapped to D9 by the practitioner, but the reviewer accepted it as showing K4 only.
		const narrowed = await accepted(['2.3 K4', '2.3 D9'], ['2.3 K4']);
		const doing = await accepted(['2.3 K4', '2.3 D2', '2.3 D9']);
		const signOff = (evidenceIds: string[]) =>
			signOffOutcome(db, supervisor, practitioner, {
				frameworkVersion: 'pqs-2025',
				outcomeId: '2.3',
				rationale: 'Met',
				evidenceIds
			});

		await newEnrolment(db, practitioner, '2026-01-05', 'asye');
		expect(await signOffNeedsDoes(db, practitioner)).toBe(true);
		const refused = await signOff([knowing, narrowed]);
		expect(refused.problems.evidence).toMatch(
			/^Outcome 2\.3 can be signed off only when the cited evidence shows at least one of its Does statements; it shows only Knows statements \(2\.3 K4\), and knowing is not enough\. Any of these would count: 2\.3 D1, .* or 2\.3 D10$/
		);
		expect((await signOffState(db, practitioner, 'pqs-2025')).get('2.3')).toBeUndefined();

		expect(await signOff([knowing, doing])).toEqual({ problems: {} });
		const event = await db
			.selectFrom('events')
			.select('detail')
			.where('action', '=', 'outcome.sign-off')
			.where('subject_id', '=', practitioner)
			.executeTakeFirstOrThrow();
		expect(JSON.parse(String(event.detail))).toEqual({
			outcome: '2.3',
			does: ['2.3 D2', '2.3 D9']
		});

		// A programme may turn the rule off; someone on no programme has it on.
		const relaxed = [{ id: 'asye', signOffNeedsDoes: false }];
		expect(await signOffNeedsDoes(db, practitioner, relaxed)).toBe(false);
		expect(await signOffNeedsDoes(db, practitioner, [{ id: 'asye' }])).toBe(true);
		expect(await signOffNeedsDoes(db, await newUser(db), relaxed)).toBe(true);
	});
});
