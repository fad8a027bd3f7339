import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '../db';
import { eventsFor } from '../db/events';
import { newUser, testDatabases } from '../db/testing';
import { filesDir } from '../portfolio/attachments';
import { readTextCheck } from '../portfolio/file-check';
import { deleteDraft } from '../portfolio/delete-draft';
import { readStoredFile } from '../portfolio/file-store';
import { importPortfolio } from './import';
import { getImport, importedHistory } from './imports';
import { readPortfolio } from './portfolio-data';
import { portfolioSchema, type PortfolioRecord } from './portfolio-schema';
import { exportedZip, freshFileStore, samplePortfolio } from './testing';
import { unzip, zipOf } from './zip-buffers';

// Export → import into a fresh database: every record, mapping and attachment comes across,
// byte for byte, as the newcomer's own drafts; the history there comes as history.

/** What an import carries of a record: all but its id, times and history, and where files sit. */
const carried = ({ id, createdAt, updatedAt, history, importedFrom, ...rest }: PortfolioRecord) => {
	void [id, createdAt, updatedAt, history, importedFrom];
	return {
		...rest,
		files: rest.files.map(({ path, addedAt, ...file }) => (void [path, addedAt], file))
	};
};

describe.each(testDatabases())('a portfolio exported and imported on $name', (database) => {
	let first: { db: Db; close(): Promise<void> };
	let second: { db: Db; close(): Promise<void> };
	beforeAll(async () => {
		first = await database.open();
		second = await database.open();
	});
	afterAll(async () => {
		vi.unstubAllEnvs();
		await first.close();
		await second.close();
	});

	it('comes across whole: records, mappings, standards and files byte for byte', async () => {
		const sample = await samplePortfolio(first.db);
		const { data, zip } = await exportedZip(first.db, sample.id);
		const entries = await unzip(zip);
		expect([...entries.keys()].slice(0, 3)).toEqual([
			'portfolio.json',
			'index.html',
			'portfolio.pdf'
		]);
		// The file holds exactly what the schema says, and the schema holds all of it.
		const json = JSON.parse(entries.get('portfolio.json')!.toString());
		expect(portfolioSchema.parse(json)).toEqual(json);
		expect(json).toEqual(JSON.parse(JSON.stringify(data)));
		expect(data.records.map((r) => r.history.status)).toEqual(['draft', 'accepted']);
		expect(data.records[0].files.map((f) => entries.get(f.path))).toEqual(
			sample.files.map((f) => Buffer.from(f.bytes))
		);

		freshFileStore();
		const newcomer = await newUser(second.db, { name: 'Priya Export' });
		const importId = await importPortfolio(second.db, newcomer, { name: 'mine.zip', bytes: zip });
		const back = await readPortfolio(second.db, newcomer, 'https://second.example');

		expect(back.records.map(carried)).toEqual(data.records.map(carried));
		expect(back.records.map((r) => r.history.status)).toEqual(['draft', 'draft']);
		for (const file of back.records.flatMap((r) => r.files))
			expect(await readStoredFile(filesDir(), file.sha256)).toEqual(
				entries.get(
					data.records.flatMap((r) => r.files).find((f) => f.sha256 === file.sha256)!.path
				)
			);
		// Their history there comes along, read-only, and is exported again with them.
		expect(
			back.records.map((r) => r.importedFrom && { ...r.importedFrom, importedAt: '' })
		).toEqual(
			data.records.map((r) => ({
				...r.history,
				originalId: r.id,
				origin: 'https://first.example',
				exportedAt: data.exportedAt,
				importedAt: ''
			}))
		);
		expect(back.signoffs).toEqual(
			data.signoffs.map((s) => ({ ...s, origin: 'https://first.example' }))
		);
		// Each file's text was checked as it came in, as through the form.
		const checks = await second.db
			.selectFrom('attachments')
			.innerJoin('evidence', 'evidence.id', 'attachments.evidence_id')
			.select(['attachments.name', 'attachments.text_check'])
			.where('evidence.owner_id', '=', newcomer)
			.orderBy('attachments.name')
			.execute();
		expect(
			checks.map(({ name, text_check }) => ({ name, check: readTextCheck(text_check) }))
		).toMatchObject([
			{ name: 'notes.txt', check: { status: 'checked', findings: [{ match: 'GL1 2AB' }] } },
			{ name: 'plan.png', check: { status: 'no-text' } }
		]);
		const imported = await getImport(second.db, newcomer, importId);
		expect(imported?.summary.signoffs).toEqual({ count: 1, check: 'verified', problems: [] });
		expect(imported?.summary.person).toEqual({ name: 'Priya Export', email: data.person.email });
		expect(imported?.signoffs[0].evidenceIds).toEqual([back.records[1].id]);
		expect(imported?.summary.records.map((r) => r.fate)).toEqual(['kept', 'kept']);
		const history = await importedHistory(second.db, back.records[1].id);
		expect(history?.history.review?.by).toBe('Sam Okafor');
		expect(history?.history.comments.map((c) => c.body)).toEqual([
			'Well evidenced <b>and</b> clear.'
		]);
		const events = await eventsFor(second.db, 'user', newcomer);
		expect(events.map((e) => e.action)).toContain('portfolio.imported');
		// An imported draft is theirs to delete, its history there with it.
		await deleteDraft(second.db, newcomer, back.records[0].id);
		const left = await getImport(second.db, newcomer, importId);
		expect(left?.records.map((r) => r.id)).toEqual([back.records[1].id]);
		expect(await importedHistory(second.db, back.records[0].id)).toBeUndefined();
	});

	it('says where the sign-off record no longer checks out', async () => {
		const sample = await samplePortfolio(first.db);
		const { data } = await exportedZip(first.db, sample.id);
		const tampered = {
			...data,
			signoffs: data.signoffs.map((s) => ({ ...s, rationale: `${s.rationale}, and more` }))
		};
		const files = data.records.flatMap((r) => r.files);
		const zip = await zipOf([
			['portfolio.json', JSON.stringify(tampered)],
			...(await Promise.all(
				files.map(
					async (f) => [f.path, await readStoredFile(filesDir(), f.sha256)] as [string, Buffer]
				)
			))
		]);
		const newcomer = await newUser(second.db);
		const importId = await importPortfolio(second.db, newcomer, { name: 'x.zip', bytes: zip });
		const imported = await getImport(second.db, newcomer, importId);
		expect(imported?.summary.signoffs).toEqual({
			count: 1,
			check: 'broken',
			problems: ['Entry 1 its contents were changed after it was written.']
		});
	});
});
