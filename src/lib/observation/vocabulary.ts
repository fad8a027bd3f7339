// Words for invitations to observe practice, shown in the browser as on the server.

/** Where an invitation is, as its practitioner's list says it. */
export const invitationStatusNames = {
	open: 'Invited',
	recorded: 'Recorded',
	withdrawn: 'Withdrawn',
	declined: 'Declined'
} as const;

/** The colour of each status's tag. */
export const invitationStatusColours = {
	open: 'blue',
	recorded: 'green',
	withdrawn: 'grey',
	declined: 'orange'
} as const;

/** Who an invitation went to, beside their name. */
export const observerKindNames = {
	assessor: 'your assessor',
	colleague: 'a colleague',
	external: 'from outside, by link'
} as const;
