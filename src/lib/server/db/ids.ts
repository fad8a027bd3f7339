import { randomUUID } from 'node:crypto';

/** Record ids are random UUIDs, made by the app so that inserts are alike on every database. */
export const newId = () => randomUUID();
