/** Instants are stored as ISO 8601 text in UTC; see schema.ts. */
export const timestamp = (date: Date = new Date()) => date.toISOString();

/** A calendar date (`2026-11-25`) in UTC. */
export const dateOnly = (date: Date = new Date()) => date.toISOString().slice(0, 10);

export const addMs = (date: Date, ms: number) => new Date(date.getTime() + ms);

export const minutes = (n: number) => n * 60_000;
export const hours = (n: number) => n * 3_600_000;
export const days = (n: number) => n * 86_400_000;

const midnight = (date: string) => Date.parse(`${date.slice(0, 10)}T00:00:00Z`);

/** The calendar date some days after a date (before it, when negative). */
export const addDays = (date: string, n: number) => dateOnly(new Date(midnight(date) + days(n)));

/** Days from one calendar date to another (negative when `to` comes first). */
export const daysBetween = (from: string, to: string) => (midnight(to) - midnight(from)) / days(1);
