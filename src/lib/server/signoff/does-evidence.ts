import type { Db } from '../db';
import type { Outcome } from '../framework/schema';
import { programmeDefinitions } from '../programme';
import type { Programme } from '../programme/definition';
import { doesStatements } from './does';

/** The statements of an outcome each record was accepted as showing, by record id. */
export async function statementsByRecord(
	db: Db,
	evidenceIds: string[],
	frameworkVersion: string,
	outcomeId: string
) {
	const byRecord = new Map<string, string[]>(evidenceIds.map((id) => [id, []]));
	if (!evidenceIds.length) return byRecord;
	const rows = await db
		.selectFrom('evidence_statements')
		.select(['evidence_id', 'statement_id'])
		.where('evidence_id', 'in', evidenceIds)
		.where('framework_version', '=', frameworkVersion)
		.where('outcome_id', '=', outcomeId)
		.execute();
	for (const row of rows) byRecord.get(row.evidence_id)?.push(row.statement_id);
	return byRecord;
}

/**
 * Whether signing off the practitioner's outcomes needs evidence of a Does statement: their
 * (latest) programme's `signOffNeedsDoes`, and yes for anyone not on a programme.
 */
export async function signOffNeedsDoes(
	db: Db,
	practitionerId: string,
	programmes: Pick<Programme, 'id' | 'signOffNeedsDoes'>[] = programmeDefinitions()
) {
	const enrolment = await db
		.selectFrom('enrolments')
		.select('programme')
		.where('user_id', '=', practitionerId)
		.orderBy('starts_on', 'desc')
		.executeTakeFirst();
	const programme = programmes.find((p) => p.id === enrolment?.programme);
	return programme?.signOffNeedsDoes ?? true;
}

/**
 * The records a sign-off may cite, each with the outcome's Does statements it was accepted as
 * showing, and the Does statements they show between them: what the assessor sees before trying.
 */
export async function withDoesStatements<R extends { id: string }>(
	db: Db,
	records: R[],
	frameworkVersion: string,
	outcome: Outcome
) {
	const byRecord = await statementsByRecord(
		db,
		records.map((r) => r.id),
		frameworkVersion,
		outcome.id
	);
	const does = (id: string) => doesStatements(outcome, byRecord.get(id) ?? []).shown;
	return {
		records: records.map((r) => ({ ...r, does: does(r.id).map((s) => s.id) })),
		does: doesStatements(outcome, [...byRecord.values()].flat()).shown
	};
}
