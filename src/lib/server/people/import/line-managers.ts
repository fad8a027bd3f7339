import { formatDate } from '$lib/format';
import type { ImportProblem } from './csv';
import type { ImportOptions, LineManagerChange, SnapshotPerson } from './plan';
import type { RowValues } from './row';

/**
 * Each row's new line manager, where it changes: someone in the file or an active person in the
 * app (not one the file is about to deactivate) who will be a supervisor. The relationship
 * starts on the row's start date for someone new (today without one), and today for someone
 * already in the app (or their start date, if that is later). Problems by the row's column.
 */
export function planLineManagers(
	byEmail: Map<string, RowValues>,
	people: Map<string, SnapshotPerson>,
	options: ImportOptions,
	problems: ImportProblem[]
) {
	const changes = new Map<string, LineManagerChange>();
	for (const [email, values] of byEmail) {
		const managerEmail = values.lineManagerEmail;
		if (!managerEmail || managerEmail === email) continue;
		const problem = (message: string) =>
			problems.push({ row: values.row, column: 'line_manager_email', message });
		const inFile = byEmail.get(managerEmail);
		const known = people.get(managerEmail);
		if (!inFile && !(known?.active && !options.everyone)) {
			problem(
				!known
					? `Nobody with the email address ${managerEmail} is in the file or has an account`
					: known.active
						? `${managerEmail} is not in the file, so they would be deactivated`
						: `${managerEmail} has left: their account is deactivated`
			);
			continue;
		}
		if (!(inFile?.roles ?? known?.roles ?? []).includes('supervisor')) {
			problem(`${managerEmail} is not a supervisor: only supervisors can be line managers`);
			continue;
		}
		const existing = people.get(email);
		if (existing && known && existing.lineManagerId === known.id) continue;
		const startsOn = existing
			? [options.today, values.startsOn ?? ''].sort().at(-1)!
			: (values.startsOn ?? options.today);
		if (existing?.lineManagerSince && startsOn <= existing.lineManagerSince) {
			problem(
				`Their line manager changed on ${formatDate(existing.lineManagerSince)}: change it by hand after that day`
			);
			continue;
		}
		changes.set(email, { email: managerEmail, startsOn });
	}
	return changes;
}
