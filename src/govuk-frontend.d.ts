// govuk-frontend ships no type declarations; this is the one function the layout uses.
declare module 'govuk-frontend' {
	export function initAll(config?: Record<string, unknown>): void;
}
