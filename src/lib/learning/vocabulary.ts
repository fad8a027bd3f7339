import { plural } from '$lib/format';

// The words for where a learning need stands, shared by the pages that show needs.

export const needStatusNames = {
	open: 'Open',
	submitted: 'Evidence submitted, waiting for review',
	met: 'Met'
} as const;
export type NeedStatus = keyof typeof needStatusNames;

export const needStatusTags: Record<NeedStatus, string> = {
	open: 'govuk-tag--yellow',
	submitted: 'govuk-tag--blue',
	met: 'govuk-tag--green'
};

/** What learning waits for someone, leaving out whichever is none: "1 open learning need and 2 pathways to complete". */
export function learningToDo(openNeeds: number, pathwaysOpen: number) {
	return [
		openNeeds ? plural(openNeeds, 'open learning need') : '',
		pathwaysOpen ? `${plural(pathwaysOpen, 'pathway')} to complete` : ''
	]
		.filter(Boolean)
		.join(' and ');
}
