import { expect, type APIRequestContext } from '@playwright/test';
import Database from 'better-sqlite3';
import { unzip, zipOf } from '../../src/lib/server/export/zip-buffers';
import { e2eDatabase } from './server';
import { apiAs } from './session';

// Portfolios as data in the browser tests: a ZIP exported through the app, and read back.

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
	return zipOf([['portfolio.json', JSON.stringify(json)]]);
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
