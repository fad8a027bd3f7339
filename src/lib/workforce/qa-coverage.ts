import { formatDate } from '../format';

// How the QA coverage page words a practitioner's latest audit, observation or feedback.

/**
 * "23 November 2026" when it is in the last 12 months (on or after `since`); otherwise "None in
 * the last 12 months", with when the last one was, or "None recorded" when there never was one.
 */
export function lastQaText(on: string | null | undefined, since: string) {
	if (!on) return 'None recorded';
	return on >= since ? formatDate(on) : `None in the last 12 months (last ${formatDate(on)})`;
}
