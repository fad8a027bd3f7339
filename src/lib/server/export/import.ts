import { createHash } from 'node:crypto';
import type { Db } from '../db';
import { recordEvent } from '../db/events';
import { newId } from '../db/ids';
import { timestamp } from '../db/time';
import { formatDate } from '$lib/format';
import { frameworkLibrary } from '../framework';
import type { FrameworkLibrary } from '../framework/load';
import { checkFilesText } from '../portfolio/file-check';
import {
	recordAttachments,
	withStoredFiles,
	type CheckedFile,
	type StoredUpload
} from '../portfolio/attachments';
import { addMapping, createEvidence, type EvidenceInput } from '../portfolio/evidence';
import { replaceStandards } from '../portfolio/standards';
import { practiceStandardSets, type StandardSet } from '../standards';
import { carryMapping, keepStandards } from './import-mapping';
import { readPortfolioZip } from './import-read';
import { refuse, zipLimits, type ZipLimits } from './import-zip';
import { importSignoffs } from './import-signoffs';
import type { ImportSummary, RecordReport } from './import-summary';
import type { PortfolioFile, PortfolioRecord } from './portfolio-schema';

// A portfolio brought from another authority by its owner. Everything is read and checked first
// (import-read.ts); then the files are stored, and one transaction makes every record as the
// owner's own draft, unreviewed here, with its mapping carried (import-mapping.ts), its files,
// and its history there kept read-only; the sign-offs made there are kept as history only. A
// refusal or a failure leaves nothing: no row, and no stored file.

export interface ImportOptions {
	library?: FrameworkLibrary;
	standardSets?: StandardSet[];
	limits?: ZipLimits;
	now?: Date;
}

/**
 * The time the text check of an import's files may take in all: a file reached after it is
 * marked not read, as one that takes too long is through the form.
 */
const importTextBudget = 60_000;

const inputOf = (record: PortfolioRecord): EvidenceInput => ({
	title: record.title,
	activityDate: record.activityDate,
	type: record.type,
	account: record.account,
	reflectionModel: record.reflectionModel,
	reflection: record.reflection,
	cpdType: record.cpd.type,
	cpdRelevance: record.cpd.relevance,
	cpdLearning: record.cpd.learning,
	cpdImpact: record.cpd.impact,
	peerReflected: record.cpd.peerReflected,
	peerReflection: record.cpd.peerReflection,
	cpdMinutes: record.cpd.minutes
});

async function refuseRepeat(db: Db, userId: string, sha256: string) {
	const earlier = await db
		.selectFrom('portfolio_imports')
		.select('imported_at')
		.where('user_id', '=', userId)
		.where('file_sha256', '=', sha256)
		.executeTakeFirst();
	if (earlier)
		throw refuse(
			`You imported this file on ${formatDate(earlier.imported_at)}: its records are in your portfolio already.`
		);
}

/** One record, in the import's transaction: the draft, its mapping, standards, files and history. */
async function importRecord(
	tx: Db,
	context: { userId: string; importId: string; options: Required<ImportOptions> },
	record: PortfolioRecord,
	files: StoredUpload[]
): Promise<RecordReport> {
	const { userId, importId, options } = context;
	const id = await createEvidence(tx, userId, inputOf(record), options.now);
	const carried = carryMapping(record.mapping, options.library);
	if (carried.mapping) await addMapping(tx, id, carried.mapping);
	const standards = keepStandards(record.standards, options.standardSets);
	if (standards.kept.length) await replaceStandards(tx, id, standards.kept);
	await recordAttachments(tx, userId, id, files, options.now);
	await tx
		.insertInto('imported_evidence')
		.values({
			evidence_id: id,
			import_id: importId,
			original_id: record.id,
			history: JSON.stringify(record.history)
		})
		.execute();
	await recordEvent(
		tx,
		{ actorId: userId, action: 'evidence.imported', subjectType: 'evidence', subjectId: id },
		options.now
	);
	return {
		evidenceId: id,
		originalId: record.id,
		fate: carried.fate,
		from: carried.from,
		to: carried.to,
		notCarried: carried.notCarried,
		standardsDropped: standards.dropped
	};
}

async function importAll(
	tx: Db,
	context: { userId: string; importId: string; options: Required<ImportOptions> },
	data: PortfolioFile,
	stored: StoredUpload[]
): Promise<ImportSummary> {
	const records: RecordReport[] = [];
	let next = 0;
	for (const record of data.records) {
		const files = stored.slice(next, (next += record.files.length));
		records.push(await importRecord(tx, context, record, files));
	}
	const signoffs = await importSignoffs(tx, context.importId, data, records);
	const person = { name: data.person.name, email: data.person.email };
	return { person, records, files: stored.length, signoffs };
}

/**
 * The ZIP's files in the order of their records, each with its text checked for details that
 * identify a child or family, as a file added through the form is: what the check finds is
 * listed under the file, and asked about on submitting.
 */
async function textChecked(
	db: Db,
	userId: string,
	data: { records: { files: { path: string }[] }[] },
	files: Map<string, CheckedFile>
) {
	const owner = await db
		.selectFrom('users')
		.select('name')
		.where('id', '=', userId)
		.executeTakeFirstOrThrow();
	return checkFilesText(
		data.records.flatMap((r) => r.files.map((f) => files.get(f.path)!)),
		[owner.name],
		importTextBudget
	);
}

/**
 * Imports a portfolio's ZIP for `userId`; returns the import's id. Refused (a FieldError on
 * `file`, with nothing written) when the ZIP or anything in it is not right.
 */
export async function importPortfolio(
	db: Db,
	userId: string,
	upload: { name: string; bytes: Buffer },
	options: ImportOptions = {}
): Promise<string> {
	const settings: Required<ImportOptions> = {
		library: options.library ?? frameworkLibrary(),
		standardSets: options.standardSets ?? practiceStandardSets(),
		limits: options.limits ?? zipLimits,
		now: options.now ?? new Date()
	};
	const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
	await refuseRepeat(db, userId, sha256);
	const { data, files } = await readPortfolioZip(upload.bytes, settings.limits);
	const inOrder = await textChecked(db, userId, data, files);
	const importId = newId();
	return withStoredFiles(db, inOrder, async (tx, stored) => {
		await tx
			.insertInto('portfolio_imports')
			.values({
				id: importId,
				user_id: userId,
				file_name: upload.name.slice(0, 200),
				file_sha256: sha256,
				origin: data.exportedFrom,
				exported_at: data.exportedAt,
				imported_at: timestamp(settings.now),
				summary: '{}'
			})
			.execute();
		const context = { userId, importId, options: settings };
		const summary = await importAll(tx, context, data, stored);
		await tx
			.updateTable('portfolio_imports')
			.set({ summary: JSON.stringify(summary) })
			.where('id', '=', importId)
			.execute();
		await recordEvent(
			tx,
			{
				actorId: userId,
				action: 'portfolio.imported',
				subjectType: 'user',
				subjectId: userId,
				detail: { importId, records: summary.records.length, files: summary.files }
			},
			settings.now
		);
		return importId;
	});
}
