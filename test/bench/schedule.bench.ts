/**
 * How long the pure planner (`planProgramme`, no database) takes for a whole region, and how good its plan is.
 * `npm run bench:schedule -- [participants…] [--runs N] [--seed S]`, default 35, 600 and 6000 participants
 * (groups of about 15, from test/factories/planning-input.factory.ts, seed 1), 5 runs each.
 *
 * Each size runs in a child process of its own (`node --expose-gc`), so that its peak memory is its own: the peak
 * is the child's maximum resident set size (`process.resourceUsage().maxRSS`), the whole process with Node and
 * ts-node, and "before" is that maximum once the input is built, before the first plan. Between runs the child
 * collects garbage and keeps only a fingerprint of the plan, to check that every run gives the same plan. The
 * first plan is checked for validity (times within the policy, the opening hours and the trainer's availability;
 * nobody in two places at once; never more groups at a location at once than it has rooms; no session on a
 * closed date).
 *
 * Quality: the gap is the distance of the member-sessions attendable to `plan.upperBound`: each group alone at
 * its most attended time with a trainer, ignoring interpreters and the trainers and rooms it shares with other
 * groups (a true upper bound on every plan). Interpreters come first in the ranking, so the languages left
 * without an interpreter are printed beside it.
 *
 * To profile one size: `node --cpu-prof --expose-gc -r ts-node/register/transpile-only
 * test/bench/schedule.bench.ts --child 6000 --runs 1`.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpus } from 'node:os';
import { buildPlanningInput, PlanningInputShape } from '../factories/planning-input.factory';
import { PlanningInput, ProgrammePlan, WeeklySlot, WeeklyWindow } from '../../src/planning/scheduling/model';
import { planProgramme } from '../../src/planning/scheduling/plan-programme';
import { toMinutes } from '../../src/planning/time/calendar';

const SIZES = [35, 600, 6000];
const RUNS = 5;
const DEFAULT_SEED = 1;
/** The targets of the issue: median time (ms), distance to the upper bound (%; 0: at it), peak memory (MB). */
const TARGETS: Record<number, { ms: number; gapPercent?: number; peakMb?: number }> = {
  35: { ms: 100, gapPercent: 0 },
  600: { ms: 2000, gapPercent: 2 },
  6000: { ms: 30000, peakMb: 1024 },
};

interface ChildResult {
  participants: number;
  shape: PlanningInputShape;
  times: number[];
  peakMb: number;
  beforeMb: number;
  deterministic: boolean;
  problems: string[];
  attendable: number;
  memberSessions: number;
  upperBound: number;
  sessions: number;
  unplanned: number;
  missingLanguages: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const maxRssMb = () => process.resourceUsage().maxRSS / 1024;

function fingerprint(plan: ProgrammePlan): string {
  const hash = createHash('sha256');
  for (const group of plan.groups) hash.update(JSON.stringify(group));
  hash.update(JSON.stringify([plan.unplanned, plan.attendable, plan.memberSessions, plan.upperBound]));
  return hash.digest('hex');
}

/** What a valid plan must never do; the answer is a list of what this one does wrong. */
function problemsOf(input: PlanningInput, plan: ProgrammePlan): string[] {
  const problems: string[] = [];
  const covers = (windows: WeeklyWindow[], slot: WeeklySlot) =>
    windows.some(
      (w) => w.weekday === slot.weekday && toMinutes(w.from) <= slot.start && slot.end <= toMinutes(w.to),
    );
  const groups = new Map(input.groups.map((group) => [group.id, group]));
  const locations = new Map(input.locations.map((location) => [location.id, location]));
  const trainers = new Map(input.trainers.map((trainer) => [trainer.id, trainer]));
  const booked: { slot: WeeklySlot; groupId: string; locationId: string; people: string[] }[] = [];
  for (const planned of plan.groups) {
    const group = groups.get(planned.groupId)!;
    const location = locations.get(group.locationId)!;
    if (planned.slots.length !== input.programme.sessionsPerWeek) problems.push(`${group.id}: slot count`);
    if (planned.sessions.length !== input.programme.sessionsPerGroup)
      problems.push(`${group.id}: session count`);
    for (const slot of planned.slots) {
      if (slot.start < toMinutes(input.policy.earliestStart) || slot.end > toMinutes(input.policy.latestEnd))
        problems.push(`${group.id}: outside the policy window`);
      if (!covers(location.openingHours, slot)) problems.push(`${group.id}: outside the opening hours`);
      if (
        !group.trainerIds.includes(slot.trainerId) ||
        !covers(trainers.get(slot.trainerId)!.availability, slot)
      )
        problems.push(`${group.id}: trainer not allowed or not available`);
      booked.push({
        slot,
        groupId: group.id,
        locationId: group.locationId,
        people: [slot.trainerId, ...slot.interpreterIds],
      });
    }
    for (const session of planned.sessions)
      if (input.isClosed(session.date)) problems.push(`${group.id}: session on closed ${session.date}`);
  }
  for (const [i, a] of booked.entries()) {
    const clashing = booked.filter(
      (b, j) =>
        j !== i &&
        b.groupId !== a.groupId &&
        b.slot.weekday === a.slot.weekday &&
        b.slot.start < a.slot.end &&
        a.slot.start < b.slot.end,
    );
    if (clashing.some((b) => b.people.some((person) => a.people.includes(person))))
      problems.push(`${a.groupId}: someone in two places at once`);
    // Every room already taken when this one starts (the most groups at once is always at some start).
    const present = clashing.filter(
      (b) => b.locationId === a.locationId && b.slot.start <= a.slot.start && a.slot.start < b.slot.end,
    );
    if (present.length >= locations.get(a.locationId)!.rooms)
      problems.push(`${a.groupId}: more groups than rooms`);
  }
  if (plan.attendable > plan.upperBound) problems.push('attendable above the upper bound');
  return problems;
}

function child(participants: number, runs: number, seed: number): void {
  const { input, shape } = buildPlanningInput({ participants, seed });
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const beforeMb = maxRssMb();
  const times: number[] = [];
  const prints = new Set<string>();
  let summary: Omit<
    ChildResult,
    'participants' | 'shape' | 'times' | 'peakMb' | 'beforeMb' | 'deterministic'
  >;
  for (let run = 0; run < runs; run++) {
    gc?.();
    const started = performance.now();
    const plan = planProgramme(input);
    times.push(performance.now() - started);
    prints.add(fingerprint(plan));
    if (run === 0) {
      summary = {
        problems: problemsOf(input, plan),
        attendable: plan.attendable,
        memberSessions: plan.memberSessions,
        upperBound: plan.upperBound,
        sessions: plan.groups.reduce((sum, group) => sum + group.sessions.length, 0),
        unplanned: plan.unplanned.length,
        missingLanguages: plan.groups.reduce((sum, group) => sum + group.missingLanguages.length, 0),
      };
    }
  }
  const result: ChildResult = {
    participants,
    shape,
    times,
    peakMb: maxRssMb(),
    beforeMb,
    deterministic: prints.size === 1,
    ...summary!,
  };
  process.stdout.write(JSON.stringify(result));
}

function parent(sizes: number[], runs: number, seed: number): void {
  console.log(
    `scheduling benchmark: planProgramme, seed ${seed}, median of ${runs} runs per size; ` +
      `${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.version}`,
  );
  const results: ChildResult[] = [];
  for (const participants of sizes) {
    const spawned = spawnSync(
      process.execPath,
      [
        '--expose-gc',
        '-r',
        'ts-node/register/transpile-only',
        __filename,
        '--child',
        String(participants),
        '--runs',
        String(runs),
        '--seed',
        String(seed),
      ],
      { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    if (spawned.status !== 0) throw new Error(`the run for ${participants} participants failed`);
    results.push(JSON.parse(spawned.stdout) as ChildResult);
  }

  console.log('\nInstances (groups of about 15; durations and sessions per group drawn from the seed):\n');
  console.log(
    '| participants | groups | locations (rooms) | trainers | interpreters | lesson series | class switches | appointments | session |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const { participants, shape: s } of results) {
    console.log(
      `| ${participants} | ${s.groups} | ${s.locations} (${s.rooms}) | ${s.trainers} | ${s.interpreters} | ` +
        `${s.lessonSeries} | ${s.switches} | ${s.appointments} | ${s.sessionsPerGroup} × ${s.durationMinutes} min |`,
    );
  }

  const percent = (bound: number, attendable: number) =>
    bound === 0 ? 0 : ((bound - attendable) / bound) * 100;
  console.log('\nResults:\n');
  console.log(
    '| participants | runs | median ms (min–max) | peak RSS MB (before planning) | attendable / member-sessions | ' +
      'upper bound | gap | sessions | unplanned groups | languages without interpreter | valid, deterministic |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const r of results) {
    console.log(
      `| ${r.participants} | ${r.times.length} | ${Math.round(median(r.times))} ` +
        `(${Math.round(Math.min(...r.times))}–${Math.round(Math.max(...r.times))}) | ` +
        `${Math.round(r.peakMb)} (${Math.round(r.beforeMb)}) | ${r.attendable} / ${r.memberSessions} | ` +
        `${r.upperBound} | ${percent(r.upperBound, r.attendable).toFixed(2)} % | ` +
        `${r.sessions} | ${r.unplanned} | ${r.missingLanguages} | ` +
        `${r.problems.length === 0 ? 'yes' : `NO (${r.problems.slice(0, 3).join('; ')})`}, ${r.deterministic ? 'yes' : 'NO'} |`,
    );
  }

  console.log('\nTargets:\n');
  for (const r of results) {
    const target = TARGETS[r.participants];
    if (!target) continue;
    const gap = percent(r.upperBound, r.attendable);
    const checks = [
      `median ${Math.round(median(r.times))} < ${target.ms} ms: ${median(r.times) < target.ms ? 'met' : 'MISSED'}`,
      target.gapPercent === 0 && `at the upper bound: ${r.attendable === r.upperBound ? 'met' : 'MISSED'}`,
      target.gapPercent !== undefined &&
        target.gapPercent > 0 &&
        `gap ${gap.toFixed(2)} % ≤ ${target.gapPercent} %: ${gap <= target.gapPercent ? 'met' : 'MISSED'}`,
      target.peakMb !== undefined &&
        `peak ${Math.round(r.peakMb)} < ${target.peakMb} MB: ${r.peakMb < target.peakMb ? 'met' : 'MISSED'}`,
    ].filter(Boolean);
    console.log(`- ${r.participants} participants: ${checks.join('; ')}`);
  }
}

const args = process.argv.slice(2);
const valueOf = (flag: string) => (args.includes(flag) ? Number(args[args.indexOf(flag) + 1]) : undefined);
const runs = valueOf('--runs') ?? RUNS;
const seed = valueOf('--seed') ?? DEFAULT_SEED;
const childSize = valueOf('--child');
if (childSize !== undefined) {
  child(childSize, runs, seed);
} else {
  const flagValues = new Set(
    ['--runs', '--seed', '--child']
      .filter((flag) => args.includes(flag))
      .map((flag) => args.indexOf(flag) + 1),
  );
  const sizes = args.filter((arg, index) => /^\d+$/.test(arg) && !flagValues.has(index)).map(Number);
  parent(sizes.length > 0 ? sizes : SIZES, runs, seed);
}
