import type { Db } from '../db';
import { signoffSchema, type PortfolioSignoff } from './portfolio-schema';

// A person's sign-offs for `portfolio.json`: the entries of their sign-off chain here, with every
// field the chain's hashes cover (so whoever receives the file can check them), and then those
// brought from other authorities, which are history only and keep the hash they had there.

export async function listSignoffs(db: Db, practitionerId: string): Promise<PortfolioSignoff[]> {
	const here = await db
		.selectFrom('signoffs')
		.innerJoin('users', 'users.id', 'signoffs.actor_id')
		.selectAll('signoffs')
		.select('users.name')
		.where('practitioner_id', '=', practitionerId)
		.orderBy('sequence')
		.execute();
	const brought = await db
		.selectFrom('imported_signoffs')
		.innerJoin('portfolio_imports', 'portfolio_imports.id', 'imported_signoffs.import_id')
		.select(['imported_signoffs.entry', 'imported_signoffs.origin'])
		.where('portfolio_imports.user_id', '=', practitionerId)
		.orderBy('portfolio_imports.imported_at')
		.orderBy('imported_signoffs.sequence')
		.execute();
	return [
		...here.map((s) => ({
			id: s.id,
			practitionerId: s.practitioner_id,
			sequence: Number(s.sequence),
			frameworkVersion: s.framework_version,
			outcomeId: s.outcome_id,
			action: s.action,
			rationale: s.rationale,
			evidenceIds: JSON.parse(s.evidence_ids) as string[],
			by: s.name,
			actorId: s.actor_id,
			at: s.created_at,
			previousHash: s.previous_hash,
			hash: s.hash,
			origin: null
		})),
		...brought.map((s) => {
			const entry = signoffSchema.parse(JSON.parse(s.entry));
			return { ...entry, origin: entry.origin ?? s.origin };
		})
	];
}
