// Orders that are the same everywhere they are used.

/**
 * Ids with numbers in them as people count them: outcome `1.2` before `1.10`, `D2` before `D10`.
 * One collator, made once: `localeCompare` given options makes a new collator on every call,
 * about 7 µs each (sorting five outcome ids took 50 µs so, 1.6 µs with this). The lint refuses
 * `localeCompare` with options.
 */
export const byNumber = new Intl.Collator('en', { numeric: true }).compare;
