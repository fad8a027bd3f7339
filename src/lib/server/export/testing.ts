import { vi } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../db';
import { newUser } from '../db/testing';
import { createEvidenceWithFiles, filesDir } from '../portfolio/attachments';
import { setMapping, type EvidenceInput } from '../portfolio/evidence';
import { checkUpload } from '../portfolio/file-type';
import { listStore } from '../portfolio/file-store';
import { addComment } from '../review/review';
import { newSupervisee, nextEntry } from '../signoff/testing';
import { readPortfolio } from './portfolio-data';
import { portfolioZip } from './portfolio-zip';
import { bufferOf } from './zip-buffers';

// Helpers for the export and import tests: a practitioner with a bit of everything, ZIPs made
// and read in memory, and what a database and its file store hold, to show nothing changed.

/** A PNG's signature and header, then every byte value: binary through and through. */
export const pngBytes = Buffer.concat([
	Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
	Buffer.from('IHDR'),
	Buffer.from(Array.from({ length: 256 }, (_, i) => i))
]);

async function checked(name: string, bytes: Uint8Array) {
	const result = await checkUpload(name, bytes);
	if (!result.ok) throw new Error(result.message);
	return { name, kind: result.kind, size: result.size, bytes };
}

const reflective: EvidenceInput = {
	title: 'Direct work with a sibling group',
	activityDate: '2026-09-14',
	type: 'reflective-account',
	account: 'Three visits with the children (A, B and C) to plan contact.\n\nA second paragraph.',
	reflectionModel: 'gibbs',
	reflection: { description: 'What happened.', feelings: 'Anxious, then calmer ✓', analysis: '' },
	cpdType: 'practice-learning',
	cpdRelevance: 'Contact planning for siblings.',
	cpdLearning: 'To ask each child on their own.',
	cpdImpact: 'I now plan separate time with each child.',
	peerReflected: true,
	peerReflection: 'A colleague asked what the youngest wanted.',
	cpdMinutes: 90
};

/**
 * A practitioner with an accepted record (reviewed, commented on, signed off), and a draft with
 * two files, mapped to outcomes, statements and a local practice standard.
 */
export async function samplePortfolio(db: Db) {
	const supervisorId = await newUser(db, { roles: ['supervisor'], name: 'Sam Okafor' });
	const who = await newSupervisee(db, supervisorId, 'Priya Export', `${supervisorId}@x.example`);
	await nextEntry(db, who, 1);
	await addComment(db, supervisorId, who.evidenceId, 'Well evidenced <b>and</b> clear.');
	const files = [
		// A postcode for the anonymity check to find in the file when it is imported.
		await checked('notes.txt', new TextEncoder().encode('Notes, with “quotes”, at GL1 2AB.\n')),
		await checked('plan.png', pngBytes)
	];
	const draftId = await createEvidenceWithFiles(db, who.id, reflective, files);
	await setMapping(db, who.id, draftId, 1, {
		frameworkVersion: 'pqs-2025',
		outcomes: ['2.3', '1.1'],
		statements: [{ outcomeId: '2.3', statementId: '2.3 D2' }],
		standards: [{ setId: 'gloucestershire', setVersion: '1', ref: 'gloucestershire-3' }]
	});
	return { ...who, draftId, files };
}

/** A portfolio's ZIP, made as the export makes it, with a stand-in PDF. */
export async function exportedZip(db: Db, ownerId: string) {
	const data = await readPortfolio(db, ownerId, 'https://first.example');
	const pdf = Buffer.from('%PDF-1.4 stand-in\n');
	return { data, zip: await bufferOf(portfolioZip(data, pdf, filesDir())) };
}

/** A file store of its own, so an import must store every file itself. */
export function freshFileStore() {
	vi.stubEnv('FILES_DIR', mkdtempSync(join(tmpdir(), 'golden-thread-import-')));
}

/** How many rows each table has, and what the file store holds: to show nothing changed. */
export async function snapshot(db: Db) {
	const counts: Record<string, number> = {};
	for (const table of [
		'evidence',
		'evidence_outcomes',
		'evidence_statements',
		'evidence_standards',
		'attachments',
		'events',
		'portfolio_imports',
		'imported_evidence',
		'imported_signoffs'
	] as const) {
		const row = await db
			.selectFrom(table)
			.select((eb) => eb.fn.countAll().as('n'))
			.executeTakeFirstOrThrow();
		counts[table] = Number(row.n);
	}
	const store = (await listStore(filesDir())).map((e) => e.file).sort();
	return { counts, store };
}
