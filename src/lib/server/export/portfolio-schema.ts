import { z } from 'zod';
import {
	cpdTypes,
	evidenceStatuses,
	evidenceTypes,
	reflectiveModels
} from '$lib/portfolio/vocabulary';
import { maxTextLength } from '../forms';
import { maxFileBytes, maxFilesPerRecord } from '../portfolio/file-type';

// `portfolio.json`, the portfolio as data: one schema, checked when a portfolio is exported
// (in tests) and whenever one is imported. docs/api.md describes it field by field (The portfolio as data);
// a change that a reader of version 1 would misread is version 2.

export const portfolioSchemaName = 'golden-thread/portfolio';
export const portfolioSchemaVersion = 1;

const keysOf = <T extends object>(vocabulary: T) =>
	Object.keys(vocabulary) as [Extract<keyof T, string>, ...Extract<keyof T, string>[]];

const text = z.string().max(maxTextLength);
const short = z.string().max(200);
const id = z.string().min(1).max(100);
const instant = z.iso.datetime();
const day = z.iso.date();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hash in lowercase hex');

const review = z.object({ by: short, at: instant, feedback: text });
const comment = z.object({ by: short, at: instant, body: text });
const observation = z.object({
	by: short,
	observedOn: day,
	setting: short,
	wentWell: text,
	toDevelop: text,
	reflection: text
});

/** What happened to a record where it was made: shown as history, never carried as a review. */
export const historySchema = z.object({
	status: z.enum(keysOf(evidenceStatuses)),
	submittedAt: instant.nullable(),
	review: review.nullable(),
	comments: z.array(comment).max(1000),
	observation: observation.nullable()
});

const file = z.object({
	name: z.string().min(1).max(200),
	mime: short,
	size: z.int().min(1).max(maxFileBytes),
	sha256,
	/** Where its bytes are in the ZIP: `files/<its id>/<its name>`. */
	path: z
		.string()
		.max(300)
		.regex(/^files\/[^/\\]+\/[^/\\]+$/, 'must be files/<folder>/<name>')
		.refine((path) => !path.split('/').some((part) => /^\.\.?$/.test(part)), 'must stay in files/'),
	addedAt: instant
});

const mapping = z.object({
	/** The framework version the outcomes and statements belong to; null when there are none. */
	frameworkVersion: id.nullable(),
	outcomes: z.array(id).max(500),
	statements: z.array(z.object({ outcomeId: id, statementId: id })).max(2000)
});

const standard = z.object({ setId: id, setVersion: id, ref: id });

const record = z
	.object({
		id,
		title: z.string().min(1).max(200),
		activityDate: day,
		type: z.enum(keysOf(evidenceTypes)),
		account: text,
		reflectionModel: z.enum(keysOf(reflectiveModels)),
		reflection: z.record(z.string(), text),
		cpd: z.object({
			type: z.enum(keysOf(cpdTypes)).nullable(),
			relevance: text,
			learning: text,
			impact: text,
			peerReflected: z.boolean().nullable(),
			peerReflection: text,
			minutes: z.int().min(1).max(12_000).nullable()
		}),
		createdAt: instant,
		updatedAt: instant,
		mapping,
		standards: z.array(standard).max(500),
		files: z.array(file).max(maxFilesPerRecord),
		history: historySchema,
		/** Where the record was before it was imported here, with its history there. */
		importedFrom: historySchema
			.extend({ originalId: id, origin: short, exportedAt: instant, importedAt: instant })
			.nullable()
	})
	.superRefine((value, context) => {
		const prompts: readonly { key: string }[] = reflectiveModels[value.reflectionModel].prompts;
		for (const key of Object.keys(value.reflection))
			if (!prompts.some((p) => p.key === key))
				context.addIssue({
					code: 'custom',
					path: ['reflection', key],
					message: `is not a prompt of the ${value.reflectionModel} reflective model`
				});
	});

export const signoffSchema = z.object({
	id,
	practitionerId: id,
	sequence: z.int().min(1),
	frameworkVersion: id,
	outcomeId: id,
	action: z.enum(['sign-off', 'withdraw']),
	rationale: text,
	/**
	 * The records cited: ids of `records` in this file; for a sign-off made elsewhere (`origin`),
	 * their ids there (each record's `importedFrom.originalId`).
	 */
	evidenceIds: z.array(id).max(1000),
	by: short,
	actorId: id,
	at: instant,
	previousHash: sha256,
	hash: sha256,
	/** Where it was made, when that is not where this file was exported from. */
	origin: short.nullable()
});

export const portfolioSchema = z
	.object({
		schema: z.literal(portfolioSchemaName),
		version: z.literal(portfolioSchemaVersion),
		exportedAt: instant,
		/** The address of the service the file was exported from. */
		exportedFrom: short,
		person: z.object({
			name: short,
			email: short,
			sweNumber: short.nullable(),
			careerStage: short.nullable()
		}),
		/** The framework version in use where it was exported. */
		frameworkVersion: id,
		records: z.array(record).max(10_000),
		signoffs: z.array(signoffSchema).max(10_000)
	})
	.superRefine((value, context) => {
		const repeated = (values: string[]) => {
			const seen = new Set<string>();
			return values.find((v) => seen.size === seen.add(v).size);
		};
		const recordId = repeated(value.records.map((r) => r.id));
		if (recordId)
			context.addIssue({ code: 'custom', path: ['records'], message: `repeat the id ${recordId}` });
		const path = repeated(value.records.flatMap((r) => r.files.map((f) => f.path)));
		if (path)
			context.addIssue({ code: 'custom', path: ['records'], message: `repeat the file ${path}` });
	});

export type PortfolioFile = z.infer<typeof portfolioSchema>;
export type PortfolioRecord = PortfolioFile['records'][number];
export type PortfolioHistory = z.infer<typeof historySchema>;
export type PortfolioSignoff = PortfolioFile['signoffs'][number];
