import { sql, type Expression, type SqlBool } from 'kysely';
import { isPostgres, type Db } from '.';

/**
 * `column` is one of `values`, sent as one parameter however many there are. A list written out
 * is a parameter each, which the driver writes and the database parses one by one, and a new
 * text for SQLite to prepare at each length: a national cohort's early-career progress sent
 * seven lists of 8,000. PostgreSQL takes the values as an array, SQLite as JSON read by
 * `json_each`.
 */
export function anyOf(db: Db, column: string, values: readonly string[]): Expression<SqlBool> {
	return isPostgres(db)
		? sql<SqlBool>`${sql.ref(column)} = any(cast(${[...values]} as text[]))`
		: sql<SqlBool>`${sql.ref(column)} in (select value from json_each(${JSON.stringify(values)}))`;
}
