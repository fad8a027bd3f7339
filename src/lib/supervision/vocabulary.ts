// What a supervision session may decide about an action agreed at an earlier one: shared by the
// server, which checks it, and the pages, which offer and show it.

export const actionOutcomes = ['done', 'carried', 'dropped'] as const;

export type ActionOutcome = (typeof actionOutcomes)[number];

export const actionOutcomeNames: Record<ActionOutcome, string> = {
	done: 'Done',
	carried: 'Carried forward',
	dropped: 'Dropped'
};

/** An agreed action's status: open until a later session marks it done or drops it. */
export const actionStatusNames: Record<'open' | 'done' | 'dropped', string> = {
	open: 'Open',
	done: 'Done',
	dropped: 'Dropped'
};
