// Dates as people read them in the UK: "23 November 2026".

const dateFormat = new Intl.DateTimeFormat('en-GB', {
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'Europe/London'
});
const timeFormat = new Intl.DateTimeFormat('en-GB', {
	hour: 'numeric',
	minute: '2-digit',
	hour12: true,
	timeZone: 'Europe/London'
});

/** `2026-11-23` or an ISO timestamp → "23 November 2026". */
export function formatDate(value: string | Date | null | undefined): string {
	if (!value) return '';
	const date =
		typeof value === 'string' && value.length === 10
			? new Date(`${value}T12:00:00Z`)
			: new Date(value);
	return dateFormat.format(date);
}

/** An instant → "3:42pm" (UK time). */
export function formatTime(value: string | Date): string {
	return timeFormat.format(new Date(value)).replace(' ', '').toLowerCase();
}

/** An instant → "23 November 2026 at 3:42pm". */
export const formatDateTime = (value: string | Date) =>
	`${formatDate(value)} at ${formatTime(value)}`;

export const careerStageNames: Record<string, string> = {
	asye: 'ASYE',
	'social-worker': 'Social worker',
	'senior-social-worker': 'Senior social worker',
	'advanced-practitioner': 'Advanced practitioner'
};

export const roleNames: Record<string, string> = {
	practitioner: 'Practitioner',
	supervisor: 'Supervisor',
	auditor: 'Auditor',
	psw: 'Principal social worker',
	admin: 'Administrator'
};
