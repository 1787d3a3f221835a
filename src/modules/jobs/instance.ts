import { hostname } from 'node:os';

/** This instance, as the jobs and the timed work it runs name it. */
export const INSTANCE = `${hostname()}:${process.pid}`;
