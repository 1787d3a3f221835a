import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';

/** One node of a benchmark instance, as written in the file. */
export interface BenchNode {
  id: number;
  x: number;
  y: number;
  /** Solomon: demand; DARP: load change (+1 pickup, -1 drop-off). */
  demand: number;
  ready: number;
  due: number;
  service: number;
}

export interface SolomonInstance {
  kind: 'solomon';
  name: string;
  fleet: number;
  capacity: number;
  /** Node 0 is the depot; its due date is the end of the horizon. */
  nodes: BenchNode[];
}

export interface DarpInstance {
  kind: 'darp';
  name: string;
  vehicles: number;
  requests: number;
  maxDuration: number;
  capacity: number;
  maxRide: number;
  /** 0 start depot, 1..n pickups, n+1..2n drop-offs, 2n+1 end depot. */
  nodes: BenchNode[];
}

export type BenchInstance = SolomonInstance | DarpInstance;

const numbersOf = (line: string) => line.trim().split(/\s+/).filter(Boolean).map(Number);

/** Solomon's text format (CRLF, variable whitespace): name, fleet line, then 101 rows of 7 numbers. */
export function parseSolomon(text: string): SolomonInstance {
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  const name = lines.find((line) => line.length > 0)!;
  const fleetAt = lines.findIndex((line) => line.startsWith('NUMBER'));
  const [fleet, capacity] = numbersOf(lines.slice(fleetAt + 1).find((line) => line.length > 0)!);
  const nodes = lines
    .map(numbersOf)
    .filter((row) => row.length === 7 && row.every((value) => Number.isFinite(value)))
    .map(([id, x, y, demand, ready, due, service]) => ({ id, x, y, demand, ready, due, service }));
  if (nodes.length !== 101 || nodes.some((node, i) => node.id !== i))
    throw new Error(`${name}: expected rows 0..100, got ${nodes.length}`);
  return { kind: 'solomon', name, fleet, capacity, nodes };
}

/** Cordeau's DARP format: header `K n T Q L`, then 2n + 2 rows `id x y d q e l`. */
export function parseDarp(text: string, name: string): DarpInstance {
  const rows = text
    .split(/\r?\n/)
    .map(numbersOf)
    .filter((row) => row.length > 0);
  const [vehicles, requests, maxDuration, capacity, maxRide] = rows[0];
  const nodes = rows
    .slice(1, 2 * requests + 3)
    .map(([id, x, y, service, demand, ready, due]) => ({ id, x, y, demand, ready, due, service }));
  if (nodes.length !== 2 * requests + 2 || nodes.some((node, i) => node.id !== i))
    throw new Error(`${name}: expected rows 0..${2 * requests + 1}`);
  return { kind: 'darp', name, vehicles, requests, maxDuration, capacity, maxRide, nodes };
}

export function readInstance(path: string): BenchInstance {
  const text = readFileSync(path, 'utf8');
  return /^\s*\d+\s+\d+\s+\d+/.test(text) ? parseDarp(text, basename(path, '.txt')) : parseSolomon(text);
}

export const euclidean = (a: BenchNode, b: BenchNode) => Math.sqrt((a.x - b.x) ** 2 + (a.y - b.y) ** 2);

/** Reads `instance,vehicles,distance,...` into a map by instance name. */
export function readBks(path: string): Map<string, { vehicles: number; distance: number }> {
  const bks = new Map<string, { vehicles: number; distance: number }>();
  // Instances without their table beside them are solved and checked all the same, without a gap.
  if (!existsSync(path)) return bks;
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/).slice(1)) {
    const [instance, vehicles, distance] = line.split(',');
    if (instance) bks.set(instance, { vehicles: Number(vehicles), distance: Number(distance) });
  }
  return bks;
}
