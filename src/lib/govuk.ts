// GOV.UK Frontend's script starts its components (buttons, radios, banners, the error summary)
// on the elements marked `data-module`. The app starts them on every page it shows, and again
// when a page changes in place (a form's answer shown without a navigation); those started
// already say so (`InitError`) and are left as they are.
export async function startComponents() {
	const { initAll } = await import('govuk-frontend');
	initAll({ onError: (error: Error) => error.name === 'InitError' || console.error(error) });
}
