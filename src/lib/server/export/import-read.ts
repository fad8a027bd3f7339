import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { cleanText } from '../forms';
import type { CheckedFile } from '../portfolio/attachments';
import { checkUpload } from '../portfolio/file-type';
import { openPortfolioZip, refuse, zipLimits, type OpenedZip } from './import-zip';
import {
	portfolioSchema,
	portfolioSchemaName,
	portfolioSchemaVersion,
	type PortfolioFile
} from './portfolio-schema';

// A portfolio's ZIP read and checked whole, before anything is stored: `portfolio.json` against
// its schema, and every file it lists present, the same bytes it says (by SHA-256), and a file
// the evidence form would take (its name, size and type). The first problem refuses it all.

export interface ReadPortfolio {
	data: PortfolioFile;
	/** Each listed file, checked, by its path in the ZIP. */
	files: Map<string, CheckedFile>;
}

/** The first few problems zod found, each with where it is: `records[3].title: Too big…`. */
function describeIssues(issues: z.core.$ZodIssue[]) {
	const where = (path: PropertyKey[]) =>
		path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
	const listed = issues.slice(0, 3).map((i) => `${where(i.path) || 'the file'}: ${i.message}`);
	const more = issues.length > 3 ? `, and ${issues.length - 3} more` : '';
	return `${listed.join('; ')}${more}`;
}

/** `portfolio.json`, parsed and checked against the schema. */
export function parsePortfolioJson(bytes: Buffer): PortfolioFile {
	let json: unknown;
	try {
		// Text as the database keeps it: no NUL characters or halves of an emoji.
		json = JSON.parse(bytes.toString('utf8'), (_key, value) =>
			typeof value === 'string' ? cleanText(value) : value
		);
	} catch {
		throw refuse('portfolio.json in the ZIP is not valid JSON.');
	}
	const head = (json ?? {}) as { schema?: unknown; version?: unknown };
	if (head.schema !== portfolioSchemaName)
		throw refuse(
			`portfolio.json is not a Golden Thread portfolio: its “schema” must be “${portfolioSchemaName}”.`
		);
	if (head.version !== portfolioSchemaVersion)
		throw refuse(
			`portfolio.json is version ${JSON.stringify(head.version)} of the portfolio schema: this service reads version ${portfolioSchemaVersion}.`
		);
	const parsed = portfolioSchema.safeParse(json);
	if (!parsed.success)
		throw refuse(
			`portfolio.json does not match version ${portfolioSchemaVersion} of the portfolio schema: ${describeIssues(parsed.error.issues)}.`
		);
	return parsed.data;
}

async function readFiles(zip: OpenedZip, data: PortfolioFile, fileBytes: number) {
	const files = new Map<string, CheckedFile>();
	for (const listed of data.records.flatMap((r) => r.files)) {
		const bytes = await zip.read(listed.path, fileBytes);
		const hash = createHash('sha256').update(bytes).digest('hex');
		if (hash !== listed.sha256 || bytes.length !== listed.size)
			throw refuse(
				`${listed.path} in the ZIP is not the file portfolio.json lists (its size or SHA-256 differs).`
			);
		const checked = await checkUpload(listed.name, bytes);
		if (!checked.ok) throw refuse(checked.message);
		files.set(listed.path, { name: checked.name, kind: checked.kind, size: checked.size, bytes });
	}
	return files;
}

/** Reads and checks a portfolio's ZIP; throws a refusal (a FieldError on `file`) at the first problem. */
export async function readPortfolioZip(bytes: Buffer, limits = zipLimits): Promise<ReadPortfolio> {
	const zip = await openPortfolioZip(bytes, limits);
	try {
		if (!zip.names.includes('portfolio.json'))
			throw refuse('The ZIP has no portfolio.json: upload the ZIP exactly as it was exported.');
		const data = parsePortfolioJson(await zip.read('portfolio.json', limits.jsonBytes));
		return { data, files: await readFiles(zip, data, limits.fileBytes) };
	} finally {
		zip.close();
	}
}
