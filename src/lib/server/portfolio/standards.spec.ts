import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { newUser, testDatabases } from '../db/testing';
import { practiceStandardSets } from '../standards';
import type { StandardSet } from '../standards/schema';
import { createEvidence, getEvidence, setMapping, submitEvidence } from './evidence';
import { listEvidence } from './list';
import { chooseStandards, standardsCoverage, standardsOf } from './standards';

const draft = {
	title: 'Spoke to the child alone',
	activityDate: '2026-11-02',
	type: 'observation',
	account: 'I saw the child (A) alone at school.',
	reflectionModel: 'driscoll' as const,
	reflection: { what: 'A visit.' },
	cpdType: null,
	cpdRelevance: '',
	cpdLearning: '',
	cpdImpact: '',
	peerReflected: null,
	peerReflection: '',
	cpdMinutes: null
};

const pqsMapping = { frameworkVersion: 'pqs-2025', outcomes: ['2.3'], statements: [] };

/** Ticks standards on the mapping form as the route does: checked, then saved with the outcomes. */
async function mapTo(db: Db, owner: string, id: string, version: number, chosen: string[]) {
	const local = await chooseStandards(db, id, chosen);
	if ('error' in local) throw new Error(local.error);
	await setMapping(db, owner, id, version, { ...pqsMapping, standards: local.standards });
}

describe.each(testDatabases())('local practice standards on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());

	it('saves a record’s standards with the set’s edition, and replaces them on the next save', async () => {
		const owner = await newUser(db);
		const id = await createEvidence(db, owner, draft);
		await mapTo(db, owner, id, 1, ['gloucestershire-1', 'knowsley-2@1']);
		expect(await standardsOf(db, id)).toEqual(
			expect.arrayContaining([
				{ setId: 'gloucestershire', setVersion: '1', ref: 'gloucestershire-1' },
				{ setId: 'knowsley', setVersion: '1', ref: 'knowsley-2' }
			])
		);
		await mapTo(db, owner, id, 2, ['gloucestershire-3@1']);
		expect(await standardsOf(db, id)).toEqual([
			{ setId: 'gloucestershire', setVersion: '1', ref: 'gloucestershire-3' }
		]);
		// The same optimistic lock as the outcomes: a stale form saves nothing.
		await expect(mapTo(db, owner, id, 2, ['knowsley-1'])).rejects.toMatchObject({
			field: 'mapping',
			status: 409,
			message: expect.stringContaining('changed in another tab')
		});
		expect((await standardsOf(db, id)).map((s) => s.ref)).toEqual(['gloucestershire-3']);
		// Saving outcomes without saying anything about standards leaves them alone.
		await setMapping(db, owner, id, 3, pqsMapping);
		expect((await standardsOf(db, id)).map((s) => s.ref)).toEqual(['gloucestershire-3']);
		expect((await getEvidence(db, id))?.version).toBe(4);
	});

	it('refuses refs that are not items of a practice-standards set, saving nothing', async () => {
		const owner = await newUser(db);
		const id = await createEvidence(db, owner, draft);
		await mapTo(db, owner, id, 1, ['knowsley-1']);
		for (const bad of ['gloucestershire-99', 'priority-areas-1', 'knowsley-1@7', '']) {
			expect(await chooseStandards(db, id, [bad])).toEqual({
				error: `“${bad}” is not one of your authority’s practice standards`
			});
		}
		expect((await standardsOf(db, id)).map((s) => s.ref)).toEqual(['knowsley-1']);
	});

	it('keeps a mapping to an earlier edition as it was, and counts only the current edition', async () => {
		const owner = await newUser(db);
		const id = await createEvidence(db, owner, draft);
		await mapTo(db, owner, id, 1, ['knowsley-4']);
		await submitEvidence(db, owner, id, 2, true);
		const nextEdition: StandardSet[] = practiceStandardSets().map((s) =>
			s.id === 'knowsley' ? { ...s, version: '2' } : s
		);
		expect(await chooseStandards(db, id, ['knowsley-4@1'], nextEdition)).toEqual({
			standards: [{ setId: 'knowsley', setVersion: '1', ref: 'knowsley-4' }]
		});
		const knowsley = (await standardsCoverage(db, owner, nextEdition)).find(
			(s) => s.id === 'knowsley'
		)!;
		expect(knowsley.items[3]).toMatchObject({ ref: 'knowsley-4', records: 0 });
	});

	it('counts submitted and accepted records for each standard, not drafts, and filters the list', async () => {
		const owner = await newUser(db);
		const unsent = await createEvidence(db, owner, { ...draft, title: 'Still a draft' });
		await mapTo(db, owner, unsent, 1, ['gloucestershire-1', 'gloucestershire-2']);
		const sent = await createEvidence(db, owner, { ...draft, title: 'Submitted' });
		await mapTo(db, owner, sent, 1, ['gloucestershire-1']);
		await submitEvidence(db, owner, sent, 2, true);
		const accepted = await createEvidence(db, owner, { ...draft, title: 'Accepted' });
		await mapTo(db, owner, accepted, 1, ['gloucestershire-1']);
		await submitEvidence(db, owner, accepted, 2, true);
		await db
			.updateTable('evidence')
			.set({ status: 'accepted' })
			.where('id', '=', accepted)
			.execute();

		const sets = await standardsCoverage(db, owner, practiceStandardSets());
		const gloucestershire = sets.find((s) => s.id === 'gloucestershire')!;
		expect(gloucestershire.items.slice(0, 2)).toMatchObject([
			{ ref: 'gloucestershire-1', number: 1, records: 2, accepted: 1 },
			{ ref: 'gloucestershire-2', records: 0, accepted: 0 }
		]);
		const other = await standardsCoverage(db, await newUser(db), practiceStandardSets());
		expect(other.flatMap((s) => s.items).every((i) => i.records === 0)).toBe(true);

		const titles = async (standard: string) =>
			(await listEvidence(db, owner, { standard })).map((r) => r.title).sort();
		expect(await titles('gloucestershire-1')).toEqual(['Accepted', 'Still a draft', 'Submitted']);
		expect(await titles('gloucestershire-2')).toEqual(['Still a draft']);
		expect(await titles('gloucestershire-99')).toEqual([]);
	});
});
