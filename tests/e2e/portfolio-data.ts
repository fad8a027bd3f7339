import { expect, type APIRequestContext } from '@playwright/test';
import Database from 'better-sqlite3';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { e2eDatabase } from './server';
import { apiAs } from './session';

// Portfolios as data in the browser tests: a ZIP exported through the app, and read back.

/** Every entry of a ZIP, unpacked, by name. */
export async function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
	const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true });
	const entries = new Map<string, Buffer>();
	for (;;) {
		const entry = await new Promise<yauzl.Entry | undefined>((resolve, reject) => {
			zip
				.once('entry', resolve)
				.once('end', () => resolve(undefined))
				.once('error', reject);
			zip.readEntry();
		});
		if (!entry) return entries;
		const chunks: Buffer[] = [];
		for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
		entries.set(entry.fileName, Buffer.concat(chunks));
	}
}

/** Someone's portfolio, exported as they would download it; with how many records it holds. */
export async function exportedPortfolio(api: APIRequestContext) {
	const response = await api.get('/portfolio/export');
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('application/zip');
	const zip = await response.body();
	const json = JSON.parse((await unzip(zip)).get('portfolio.json')!.toString());
	return { zip, records: (json.records as unknown[]).length };
}

/** A ZIP of a portfolio with no records: importing it changes nobody's records. */
function emptyPortfolioZip(email: string): Promise<Buffer> {
	const json = {
		schema: 'golden-thread/portfolio',
		version: 1,
		exportedAt: '2026-01-05T09:00:00.000Z',
		exportedFrom: 'https://elsewhere.example',
		person: { name: email, email, sweNumber: null, careerStage: null },
		frameworkVersion: 'pqs-2025',
		records: [],
		signoffs: []
	};
	const zip = new yazl.ZipFile();
	zip.addBuffer(Buffer.from(JSON.stringify(json)), 'portfolio.json');
	zip.end();
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
		zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
		zip.outputStream.on('error', reject);
	});
}

/**
 * The page of an import of a portfolio with no records by someone: made the first time, found
 * after (the same file again is refused), so tests side by side share one.
 */
export async function emptyImport(baseURL: string, email: string) {
	const client = await apiAs(baseURL, email);
	await client.post('/portfolio/import', {
		multipart: {
			file: {
				name: 'empty.zip',
				mimeType: 'application/zip',
				buffer: await emptyPortfolioZip(email)
			}
		},
		headers: { accept: 'text/html' },
		maxRedirects: 0
	});
	const db = new Database(e2eDatabase, { readonly: true });
	const found = db
		.prepare(
			'select i.id from portfolio_imports i join users u on u.id = i.user_id where u.email = ? limit 1'
		)
		.get(email) as { id: string };
	db.close();
	return `/portfolio/import/${found.id}`;
}
