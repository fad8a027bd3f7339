// The anchors that keep a sign-off chain from being shortened or rewritten unseen: each
// practitioner's head (newest sequence and hash) and an append-only head log chained across
// all practitioners, every record MAC'd with SIGNOFF_KEY. Plain JavaScript, shared by the app
// and `npm run verify-signoffs`. A database editor without the key can delete rows and put
// back older MAC'd rows, but cannot make a MAC, so what this checks is that every MAC'd
// record still agrees with the others and with the chains.
import { verifyChains } from './chain.js';
import { erasureMac, headMac, logMac, macMatches, sealMac } from './mac.js';

/**
 * @typedef {import('./chain.js').ChainEntry} ChainEntry
 * @typedef {import('./mac.js').Seal} Seal
 * @typedef {import('./mac.js').Head} Head
 * @typedef {import('./mac.js').LogEntry} LogEntry
 * @typedef {{ entries: ChainEntry[], heads: Head[], log: LogEntry[], seal: Seal | undefined }} SignoffRecords
 * @typedef {{ practitionerId: string | null, sequence: number | null, entryId: string | null,
 *   problem: string }} Problem
 */

/** The MAC'd records, split into those the key vouches for and the rest. */
function vouched(/** @type {SignoffRecords} */ records, /** @type {string} */ key) {
	const { seal, heads, log } = records;
	return {
		seal: seal !== undefined && macMatches(sealMac(key, seal), seal.mac),
		heads: heads.filter((head) => macMatches(headMac(key, head), head.mac)),
		log: log.filter((entry) => macMatches(logMac(key, entry), entry.mac))
	};
}

/**
 * Whether `key` is the one the records were sealed with: true before they are sealed, and
 * false when there are MAC'd records and the key vouches for none of them.
 * @param {SignoffRecords} records @param {string} key
 */
export function keyFits({ seal, heads, log }, key) {
	if (seal === undefined && heads.length + log.length === 0) return true;
	return (
		(seal !== undefined && macMatches(sealMac(key, seal), seal.mac)) ||
		heads.some((head) => macMatches(headMac(key, head), head.mac)) ||
		log.some((entry) => macMatches(logMac(key, entry), entry.mac))
	);
}

/**
 * What a gap in the head log before `entry` says: each entry names whose head the one before
 * it recorded, so the last deleted entry's practitioner is known when `entry`'s MAC holds.
 * @param {LogEntry} entry @param {number} expected @param {boolean} vouched
 * @returns {Problem}
 */
function gap(entry, expected, vouched) {
	const at = Number(entry.sequence);
	const deleted =
		at === expected + 1
			? `head log entry ${expected} was deleted`
			: `head log entries ${expected} to ${at - 1} were deleted`;
	const whose = vouched ? entry.previous_practitioner_id : null;
	const what = `${at === expected + 1 ? 'it' : 'the last'} recorded its entry ${entry.previous_head_sequence}`;
	return {
		practitionerId: whose,
		sequence: null,
		entryId: null,
		problem: whose ? `${deleted}; ${what}` : deleted
	};
}

/**
 * The head log runs 1, 2, 3…, its first entry follows the seal, each later one follows the
 * entry before it, and every MAC holds.
 * @param {LogEntry[]} log @param {string | null} sealMac @param {Set<LogEntry>} vouched
 * @returns {Problem[]}
 */
function logProblems(log, sealMac, vouched) {
	/** @type {Problem[]} */
	const problems = [];
	let expected = 1;
	let previous = sealMac;
	for (const entry of [...log].sort((a, b) => Number(a.sequence) - Number(b.sequence))) {
		const at = Number(entry.sequence);
		const holds = vouched.has(entry);
		const note = (/** @type {string} */ problem) =>
			problems.push({
				practitionerId: entry.practitioner_id,
				sequence: null,
				entryId: null,
				problem
			});
		if (at > expected) problems.push(gap(entry, expected, holds));
		else if (previous !== null && entry.previous_mac !== previous)
			note(`head log entry ${at} does not follow the entry before it`);
		if (!holds) note(`head log entry ${at} was changed after it was written`);
		expected = at + 1;
		previous = entry.mac;
	}
	return problems;
}

/**
 * The practitioner's head against the newest head the log recorded for them.
 * @param {Head | undefined} head @param {boolean} vouched
 * @param {{ sequence: number, hash: string } | undefined} logged
 */
function headProblem(head, vouched, logged) {
	if (!head) return 'its head record was deleted';
	if (!vouched) return 'its head record was changed';
	const at = Number(head.sequence);
	if (!logged) return 'its head is missing from the head log: head log entries were deleted';
	if (at < logged.sequence)
		return `its head was set back to entry ${at}; the head log shows entry ${logged.sequence}`;
	if (at > logged.sequence || head.hash !== logged.hash)
		return `its head, entry ${at}, is missing from the head log: head log entries were deleted`;
	return null;
}

/**
 * From its seal (or from entry 1) the log records each of the practitioner's entries once, in
 * order: a skipped entry means a deleted log entry, a repeated one a chain cut back and regrown.
 * @param {LogEntry[]} logged
 */
function logGap(logged) {
	let expected = logged[0]?.kind === 'seal' ? Number(logged[0].head_sequence) : 1;
	for (const entry of logged) {
		const at = Number(entry.head_sequence);
		if (at > expected)
			return `the head log's record of entry ${expected}${at > expected + 1 ? ` to ${at - 1}` : ''} was deleted`;
		if (at < expected)
			return `the head log records entry ${at} twice: the chain was cut back and written again`;
		expected = at + 1;
	}
	return null;
}

/**
 * The chain against every head recorded for it: nothing cut off the end, nothing rewritten.
 * @param {ChainEntry[]} chain @param {{ sequence: number, hash: string }[]} recorded
 * @returns {{ sequence: number | null, problem: string }[]}
 */
function chainProblems(chain, recorded) {
	if (!recorded.length) return [];
	const problems = [];
	const newest = Math.max(...recorded.map((r) => r.sequence));
	const last = Number(chain.at(-1)?.sequence ?? 0);
	if (last === 0) problems.push(`its whole chain of ${newest} entries was deleted`);
	else if (last === newest - 1) problems.push(`its newest entry, ${newest}, was deleted`);
	else if (last < newest)
		problems.push(`its newest entries, ${last + 1} to ${newest}, were deleted`);
	else if (last > newest)
		problems.push(`entries after ${newest}, its recorded head, were added outside the service`);
	/** @type {{ sequence: number | null, problem: string }[]} */
	const found = problems.map((problem) => ({ sequence: null, problem }));
	const bySequence = new Map(chain.map((e) => [Number(e.sequence), e.hash]));
	const differs = recorded
		.filter((r) => bySequence.has(r.sequence) && bySequence.get(r.sequence) !== r.hash)
		.sort((a, b) => a.sequence - b.sequence)[0];
	if (differs)
		found.push({
			sequence: differs.sequence,
			problem:
				'is not the entry recorded when it was written: it or an earlier entry was changed and the hashes after it recomputed'
		});
	return found;
}

/**
 * One practitioner's chain against their head and every head the log recorded for them
 * (`logged`: the log entries the key vouches for; `listed`: all of theirs, changed or not).
 * @param {{ id: string, chain: ChainEntry[], head: Head | undefined, headVouched: boolean,
 *   logged: LogEntry[], listed: LogEntry[] }} practitioner
 * @returns {Problem[]}
 */
function practitionerProblems({ id, chain, head, headVouched, logged, listed }) {
	const recorded = logged.map((e) => ({ sequence: Number(e.head_sequence), hash: e.head_hash }));
	/** @type {{ sequence: number | null, problem: string | null }[]} */
	const found = [
		{ sequence: null, problem: headProblem(head, headVouched, recorded.at(-1)) },
		{ sequence: null, problem: logGap(listed) }
	];
	if (head && headVouched) recorded.push({ sequence: Number(head.sequence), hash: head.hash });
	found.push(...chainProblems(chain, recorded));
	return found.flatMap(({ sequence, problem }) =>
		problem === null
			? []
			: [
					{
						practitionerId: id,
						sequence,
						entryId: chain.find((e) => Number(e.sequence) === sequence)?.id ?? null,
						problem
					}
				]
	);
}

/** @template T @param {T[]} rows @param {(row: T) => string} by */
function groupBy(rows, by) {
	/** @type {Map<string, T[]>} */
	const groups = new Map();
	for (const row of rows) {
		const group = groups.get(by(row));
		if (group) group.push(row);
		else groups.set(by(row), [row]);
	}
	return groups;
}

const bySequence = (/** @type {{ sequence: number }} */ a, /** @type {{ sequence: number }} */ b) =>
	Number(a.sequence) - Number(b.sequence);

/**
 * When the chains were sealed, and the head log's length and newest MAC: written down outside
 * the database, these show a later rollback of the whole database (see docs/security.md).
 * @param {SignoffRecords} records
 */
export function summarise(records) {
	return {
		sealedAt: records.seal?.sealed_at ?? null,
		logEntries: records.log.length,
		latestMac: [...records.log].sort(bySequence).at(-1)?.mac ?? null
	};
}

/**
 * Every check on the sign-off records: the chains, the seal, the head log and each
 * practitioner's head. `cannotCheck` says why nothing could be checked (not sealed yet, or
 * the wrong key); otherwise `problems` is empty exactly when every chain is intact.
 * @param {SignoffRecords} records
 * @param {string} key
 * @returns {{ cannotCheck: string | null, problems: Problem[], sealedAt: string | null,
 *   logEntries: number, latestMac: string | null }}
 */
export function verifySignoffRecords(records, key) {
	const { entries, heads, log, seal } = records;
	const summary = summarise(records);
	const anchored = seal !== undefined || heads.length + log.length > 0;
	const refuse = (/** @type {string | null} */ cannotCheck) => ({
		...summary,
		cannotCheck,
		problems: []
	});
	if (!anchored)
		return refuse(
			entries.length
				? 'the sign-off chains have not been sealed yet: start the service once to seal them'
				: null
		);
	if (!keyFits(records, key))
		return refuse(
			'the sign-off key is not the one these records were sealed with (or every seal, head and head log record was changed)'
		);
	const good = vouched(records, key);
	/** @type {Problem[]} */
	const problems = verifyChains(entries, (entry) =>
		macMatches(erasureMac(key, entry), entry.erasure_mac ?? '')
	);
	const global = (/** @type {string} */ problem) =>
		problems.push({ practitionerId: null, sequence: null, entryId: null, problem });
	if (!seal) global('the seal, which marks when the chains were first anchored, was deleted');
	else if (!good.seal)
		global('the seal, which marks when the chains were first anchored, was changed');
	problems.push(...logProblems(log, good.seal && seal ? seal.mac : null, new Set(good.log)));
	const chains = groupBy(entries, (e) => e.practitioner_id);
	const logged = groupBy(good.log, (e) => e.practitioner_id);
	const listed = groupBy(log, (e) => e.practitioner_id);
	const headOf = new Map(heads.map((h) => [h.practitioner_id, h]));
	const vouchedHeads = new Set(good.heads.map((h) => h.practitioner_id));
	const ids = new Set([...chains.keys(), ...logged.keys(), ...headOf.keys()]);
	for (const id of [...ids].sort())
		problems.push(
			...practitionerProblems({
				id,
				chain: [...(chains.get(id) ?? [])].sort(bySequence),
				head: headOf.get(id),
				headVouched: vouchedHeads.has(id),
				logged: [...(logged.get(id) ?? [])].sort(bySequence),
				listed: [...(listed.get(id) ?? [])].sort(bySequence)
			})
		);
	return { ...summary, cannotCheck: null, problems };
}
