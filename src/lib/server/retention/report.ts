import { formatDate } from '../../format';
import type { RetentionPolicy } from './policy';
import { yearsBefore } from './due';
import type { RetentionReport } from './run';
import type { SweepName } from './sweeps';

const sweptLabels = (policy: RetentionPolicy): Record<SweepName, string> => ({
	sessions: 'Sessions past their timeout',
	links: 'Sign-in and invitation links past their expiry',
	guestLinks: 'Links for people without an account, 90 days past their expiry',
	feedbackContacts: 'Addresses of people asked for feedback, once their link has expired',
	pendingSignIns: 'Second-factor sign-ins never finished',
	signInFailures: 'Failed sign-ins older than the limits look back',
	emails: `Emails older than ${policy.outboxDays} days`,
	staffFiles: `Staff files from HR older than ${policy.staffFileDays} days`
});

/**
 * What a run did, or a dry run would do, as lines for the command's output: counts, and the
 * ids of the people and audits with their dates. Never a name or any other text of theirs.
 */
export function describeRetention(report: RetentionReport, policy: RetentionPolicy): string[] {
	const day = formatDate(report.today);
	const lines = [
		report.dryRun
			? `Dry run for ${day}: nothing has been erased. Without --dry-run, this is erased:`
			: `Erased on ${day}:`,
		`Leavers' portfolios, ${policy.leaverYears} years after leaving (left on or before ${formatDate(
			yearsBefore(report.today, policy.leaverYears)
		)}): ${report.leavers.length}`,
		...report.leavers.map((l) => `  ${l.id}  left ${formatDate(l.leftOn)}`),
		`Audits, ${policy.auditYears} years after the audit (audited on or before ${formatDate(
			yearsBefore(report.today, policy.auditYears)
		)}): ${report.audits.length}`,
		...report.audits.map((a) => `  ${a.id}  audited ${formatDate(a.auditedOn)}`)
	];
	const labels = sweptLabels(policy);
	for (const [name, label] of Object.entries(labels))
		lines.push(`${label}: ${report.swept[name as SweepName]}`);
	if (!report.dryRun) lines.push(`Files deleted from the file store: ${report.filesDeleted}`);
	return lines;
}
