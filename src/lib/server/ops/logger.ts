import pino from 'pino';

/**
 * The app's structured log: one JSON line per event on stdout. LOG_LEVEL (`info` unless set;
 * `debug` adds health checks, `silent` none) chooses how much; the tests run it silent unless
 * LOG_LEVEL is set. What is
 * logged is chosen field by field: never a header, a body, a query string or a path, which may
 * hold a password, a token or a record's text.
 */
export const logger = pino({
	level: process.env.LOG_LEVEL || (process.env.VITEST ? 'silent' : 'info'),
	timestamp: pino.stdTimeFunctions.isoTime
});
