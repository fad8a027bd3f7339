import { isDeepStrictEqual } from 'node:util';
import { CompiledQuery, type Compilable, type Expression } from 'kysely';
import { isPostgres, type Db } from '.';
import { clean } from './text-plugin';

// Queries built once. Kysely builds a query's tree and compiles it to SQL on every call, and on
// a signed-in page that asks twenty small questions of the database, building and compiling took
// a third as long as the database took to answer (docs/performance.md). A query whose SQL is the
// same whatever its values is built once for each database kind (and each length of any list
// among its values), then run with each call's values in the places its own were.

/**
 * A value a prepared query takes: text, a number, none, or a list of them (an `in` list); or a
 * query that selects ids (`Ids`), with which it is built afresh, as its SQL is the query's.
 */
type Value = string | number | null | readonly (string | number)[] | Expression<unknown>;

/**
 * Where each parameter of the SQL comes from: a value given, one of a list's, a whole list as one
 * parameter (`anyOf`: JSON on SQLite, an array on PostgreSQL), or the query itself.
 */
type Slot = { arg: number; item?: number; whole?: 'json' | 'array' } | { constant: unknown };

interface Plan {
	sql: string;
	slots: Slot[];
}

/** Stands for the `arg`th value (its `item`th, for a list) while the query is built once. */
const marker = (arg: number, item?: number) =>
	`\u{E000}prepared ${arg}${item === undefined ? '' : `.${item}`}`;
const markerPattern = /^\u{E000}prepared (\d+)(?:\.(\d+))?$/u;

/** How many plans a query keeps (one for each database kind and length of its lists). */
const keptPlans = 32;

/** In the unit tests every call is built afresh as well, and must come to the same SQL and values. */
const checking = Boolean(process.env.VITEST);

/**
 * A query of one shape, built and compiled once: `build` must not look at its values (no
 * `if (value)`, no changing a value, no value written into the SQL), only place them, so that
 * building it again with other values would only change the parameters. That is checked as far as
 * it can be when it is first built (every value is a parameter, as given), and on every call in
 * the unit tests (the query built afresh comes to the same SQL and parameters). Returns its rows.
 */
export function prepared<A extends Value[], R>(build: (db: Db, ...args: A) => Compilable<R>) {
	const plans = new Map<string, Plan>();
	return async (db: Db, ...args: A): Promise<R[]> => {
		if (args.some(isQuery)) return (await db.executeQuery(build(db, ...args).compile())).rows;
		const key = `${isPostgres(db) ? 'pg' : 'sqlite'} ${args.map(shapeOf).join(' ')}`;
		let plan = plans.get(key);
		if (!plan) {
			plan = planOf(db, build, args);
			// A list's every length is a plan of its own: past a few, the oldest goes.
			if (plans.size >= keptPlans) plans.delete(plans.keys().next().value!);
			plans.set(key, plan);
		}
		const parameters = plan.slots.map((slot) => {
			if ('constant' in slot) return slot.constant;
			const value = args[slot.arg];
			if (slot.whole === 'json') return clean(JSON.stringify(value));
			if (slot.whole === 'array') return clean([...(value as readonly unknown[])]);
			return clean(slot.item === undefined ? value : (value as readonly unknown[])[slot.item]);
		});
		if (checking) checkAgainstFresh(build(db, ...args).compile(), plan.sql, parameters);
		const { rows } = await db.executeQuery<R>(CompiledQuery.raw(plan.sql, parameters));
		return rows;
	};
}

const isQuery = (value: Value) =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

/** What decides a query's SQL beyond its kind of database: the length of each list. */
const shapeOf = (value: Value) => (Array.isArray(value) ? `[${value.length}]` : '.');

/** Builds the query once with markers for its values, and finds where each marker went. */
function planOf<A extends Value[], R>(
	db: Db,
	build: (db: Db, ...args: A) => Compilable<R>,
	args: A
): Plan {
	const markers = args.map((value, arg) =>
		Array.isArray(value) ? value.map((_, item) => marker(arg, item)) : marker(arg)
	) as unknown as A;
	const { sql, parameters } = build(db, ...markers).compile();
	if (sql.includes('\u{E000}prepared'))
		throw new Error(`A prepared query wrote a value into its SQL: ${sql}`);
	// A list sent whole is its markers as JSON, or as an array.
	const whole = (parameter: unknown): Slot | undefined => {
		const arg = (markers as Value[]).findIndex(
			(list) =>
				Array.isArray(list) &&
				(Array.isArray(parameter)
					? isDeepStrictEqual(parameter, list)
					: parameter === JSON.stringify(list))
		);
		if (arg >= 0) return { arg, whole: Array.isArray(parameter) ? 'array' : 'json' };
	};
	const slots = parameters.map((parameter): Slot => {
		const found = typeof parameter === 'string' ? markerPattern.exec(parameter) : null;
		if (!found) return whole(parameter) ?? { constant: parameter };
		return { arg: Number(found[1]), item: found[2] === undefined ? undefined : Number(found[2]) };
	});
	const placed = new Set(
		slots.flatMap((s) => {
			if (!('arg' in s)) return [];
			const list = args[s.arg] as readonly unknown[];
			if (s.whole) return list.map((_, item) => `${s.arg}.${item}`);
			return [`${s.arg}.${s.item ?? ''}`];
		})
	);
	args.forEach((value, arg) => {
		const items = Array.isArray(value) ? value.map((_, item) => `${arg}.${item}`) : [`${arg}.`];
		if (!items.every((item) => placed.has(item)))
			throw new Error(
				`A prepared query changed or left out its value ${arg + 1} (values are only placed): ${sql}`
			);
	});
	return { sql, slots };
}

/** Refuses a prepared query whose SQL or values differ from the same query built afresh. */
function checkAgainstFresh(fresh: CompiledQuery, sql: string, parameters: unknown[]) {
	if (fresh.sql !== sql || !isDeepStrictEqual(fresh.parameters, parameters))
		throw new Error(
			`A prepared query built afresh differs (it must not look at its values):\n${fresh.sql}\n${JSON.stringify(fresh.parameters)}\nprepared:\n${sql}\n${JSON.stringify(parameters)}`
		);
}
