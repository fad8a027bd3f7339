// `$env/dynamic/private` for the retention command, which runs outside SvelteKit (retention.js).
export const env = process.env;
