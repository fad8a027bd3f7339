// The periods the workforce figures can look back over. Shared by the server and the filters form.

export const periods = {
	all: 'All time',
	'3m': 'The last 3 months',
	'6m': 'The last 6 months',
	'12m': 'The last 12 months'
} as const;
export type Period = keyof typeof periods;
