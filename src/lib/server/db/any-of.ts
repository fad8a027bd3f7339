import { sql, type Expression, type SqlBool } from 'kysely';
import { isPostgres, type Db } from '.';

/**
 * Ids as a list, or as a query that selects them (one column). A selection the database can make
 * itself is better sent as the query: a national cohort's early-career progress read each of its
 * records for 8,000 enrolments, and writing and parsing those lists cost more than the reading.
 */
export type Ids = readonly string[] | Expression<unknown>;

/**
 * `column` is one of `values`, sent as one parameter however many there are, or is selected by
 * the query given. A list written out is a parameter each, which the driver writes and the
 * database parses one by one, and a new text for SQLite to prepare at each length. PostgreSQL
 * takes the values as an array, SQLite as JSON read by `json_each`.
 */
export function anyOf(db: Db, column: string, values: Ids): Expression<SqlBool> {
	if (!Array.isArray(values)) return sql<SqlBool>`${sql.ref(column)} in ${values}`;
	return isPostgres(db)
		? sql<SqlBool>`${sql.ref(column)} = any(cast(${[...values]} as text[]))`
		: sql<SqlBool>`${sql.ref(column)} in (select value from json_each(${JSON.stringify(values)}))`;
}
