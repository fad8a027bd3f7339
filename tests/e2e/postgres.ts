import pg from 'pg';

/**
 * A new, empty schema in the PostgreSQL database at `url` (one a run cut short left is dropped
 * first), and the URL that works in it. Name it by port, so two runs never share one.
 */
export async function scratchSchema(url: string, schema: string) {
	const scoped = new URL(url);
	scoped.searchParams.set('options', `-c search_path=${schema}`);
	const admin = new pg.Client({ connectionString: url });
	await admin.connect();
	await admin.query(`drop schema if exists ${schema} cascade`);
	await admin.query(`create schema ${schema}`);
	return {
		url: scoped.toString(),
		/** Runs a query in the schema, for a test to look at what the app wrote. */
		async query<T>(text: string, values: unknown[] = []): Promise<T[]> {
			const client = new pg.Client({ connectionString: scoped.toString() });
			await client.connect();
			try {
				return (await client.query(text, values)).rows as T[];
			} finally {
				await client.end();
			}
		},
		async drop() {
			await admin.query(`drop schema ${schema} cascade`);
			await admin.end();
		}
	};
}
