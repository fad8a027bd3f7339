// Vitest global setup: after the unit tests, one line saying which databases the database tests
// ran on, so a local run without PostgreSQL never passes for a run on both.
export default function setup() {
	return () => {
		const line = process.env.TEST_POSTGRES_URL
			? 'Database tests ran on SQLite and PostgreSQL.'
			: 'Database tests ran on SQLite only: set TEST_POSTGRES_URL to run them on PostgreSQL too (CI does).';
		console.log(`\n${line}\n`);
	};
}
