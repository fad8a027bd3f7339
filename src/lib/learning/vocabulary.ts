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
