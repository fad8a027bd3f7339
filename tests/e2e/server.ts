// Where the browser tests' server listens and keeps its data, shared by the Playwright config
// and the tests that read the database directly. Named by port, so two runs on different
// E2E_PORTs (two checkouts, or two people on one machine) never share a database.
export const e2ePort = Number(process.env.E2E_PORT ?? 4173);
export const e2eDatabase = `data/e2e-${e2ePort}.db`;
export const e2eFiles = `data/e2e-${e2ePort}-files`;
/** The browser tests' server's METRICS_TOKEN: for tests only. */
export const e2eMetricsToken = 'golden-thread-e2e-metrics-token-0123456789';
