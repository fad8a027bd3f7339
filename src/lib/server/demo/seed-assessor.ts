import type { Db } from '../db';
import { newId } from '../db/ids';

// An external assessor from outside the authority: invited like anyone else, assessing two of
// the demo ASYEs from their first day. Their practice supervisor stays their line manager and
// practice supervisor.

const assessor = { email: 'assessor@demo.test', name: 'Irene Okafor' };
const assessed = ['tom.ellis@demo.test', 'aisha.bello@demo.test'];

/** Adds the external assessor, who takes over the assessing of two ASYEs from the start. */
export async function seedDemoAssessor(tx: Db, passwordHash: string, created: string) {
	const id = newId();
	await tx
		.insertInto('users')
		.values({
			id,
			email: assessor.email,
			name: assessor.name,
			password_hash: passwordHash,
			career_stage: null,
			swe_number: null,
			team_id: null,
			active: 1,
			created_at: created,
			deactivated_at: null
		})
		.execute();
	await tx.insertInto('user_roles').values({ user_id: id, role: 'external-assessor' }).execute();
	await tx
		.updateTable('supervisions')
		.set({ supervisor_id: id })
		.where('kind', '=', 'assessor')
		.where('ends_on', 'is', null)
		.where(
			'supervisee_id',
			'in',
			tx.selectFrom('users').select('id').where('email', 'in', assessed)
		)
		.execute();
}
