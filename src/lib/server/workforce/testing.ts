import type { Db } from '../db';
import { newUser } from '../db/testing';
import { assignSupervisor } from '../people/relationships';
import { createTeam } from '../people/teams';
import {
	createEvidence,
	setMapping,
	submitEvidence,
	type EvidenceInput
} from '../portfolio/evidence';
import { acceptEvidence } from '../review/review';

// Factories for the workforce figures' database tests: a team, and accepted evidence.

/** A team of `size` practitioners (the first in their ASYE) supervised by its manager. */
export async function newTeam(db: Db, size: number) {
	const manager = await newUser(db, { roles: ['supervisor', 'auditor'] });
	const id = await createTeam(db, null, `Team ${manager}`, manager);
	const people: string[] = [];
	for (let i = 0; i < size; i++) {
		const person = await newUser(db, {
			teamId: id,
			careerStage: i === 0 ? 'asye' : 'social-worker'
		});
		await assignSupervisor(db, null, {
			supervisorId: manager,
			superviseeId: person,
			startsOn: '2025-01-01'
		});
		people.push(person);
	}
	return { id, manager, people };
}

/** A CPD record's form: practice learning on `date`, of `minutes`, reflected on with a peer or not. */
export const cpdRecord = (date: string, cpd = { minutes: 60, peer: false }): EvidenceInput => ({
	title: 'Record',
	activityDate: date,
	type: 'case-work',
	account: 'An account.',
	reflectionModel: 'free',
	reflection: { text: 'A reflection.' },
	cpdType: 'practice-learning',
	cpdRelevance: '',
	cpdLearning: '',
	cpdImpact: '',
	peerReflected: cpd.peer,
	peerReflection: cpd.peer ? 'Talked it through with a colleague.' : '',
	cpdMinutes: cpd.minutes
});

/** A record of `owner`'s for one outcome (and its first Does statement), accepted. */
export async function newAcceptedEvidence(
	db: Db,
	owner: string,
	supervisor: string,
	outcome: string,
	date: string,
	cpd = { minutes: 60, peer: false }
) {
	const id = await createEvidence(db, owner, cpdRecord(date, cpd));
	await setMapping(db, owner, id, 1, {
		frameworkVersion: 'pqs-2025',
		outcomes: [outcome],
		statements: [{ outcomeId: outcome, statementId: `${outcome} D1` }]
	});
	await submitEvidence(db, owner, id, 2, false);
	// A Does statement, so that the record can be cited for a sign-off.
	await acceptEvidence(db, supervisor, id, [`${outcome} D1`], 'http://localhost');
	return id;
}
