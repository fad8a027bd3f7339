/** Instants are stored as ISO 8601 text in UTC; see schema.ts. */
export const timestamp = (date: Date = new Date()) => date.toISOString();

/** A calendar date (`2026-11-25`) in UTC. */
export const dateOnly = (date: Date = new Date()) => date.toISOString().slice(0, 10);

export const addMs = (date: Date, ms: number) => new Date(date.getTime() + ms);

export const minutes = (n: number) => n * 60_000;
export const hours = (n: number) => n * 3_600_000;
export const days = (n: number) => n * 86_400_000;
