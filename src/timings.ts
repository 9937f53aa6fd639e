// Where a run's time goes, for `npm run bench`: with PEXSHIP_TIMINGS=FILE set, the CLI writes at exit a JSON
// object of phase durations (ms) and counters to FILE. Without it every call here is a no-op.
import { writeFileSync } from 'node:fs';

const target = process.env.PEXSHIP_TIMINGS;
const record: Record<string, number> = {};
const busy = new Map<string, { active: number; since: number }>();

// cpu: this process's own CPU ms over the whole run (user + system), to tell waiting from working.
if (target) {
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    writeFileSync(target, JSON.stringify({ ...record, cpu: (user + system) / 1000, end: performance.now() }));
  });
}

/** Adds `ms` to a phase (phases may repeat: they add up). */
export function addTime(phase: string, ms: number): void {
  if (target) record[phase] = (record[phase] ?? 0) + ms;
}

export function countUp(counter: string): void {
  if (target) record[counter] = (record[counter] ?? 0) + 1;
}

/** Milliseconds since the process started, under `phase` (e.g. how long start-up and loading took). */
export function markNow(phase: string): void {
  if (target) record[phase] = performance.now();
}

export async function timePhase<T>(phase: string, work: () => Promise<T>): Promise<T> {
  if (!target) return work();
  const t = performance.now();
  try {
    return await work();
  } finally {
    addTime(phase, performance.now() - t);
  }
}

/**
 * Wall time during which at least one task of `phase` was running: overlapping requests count once. Call at a
 * task's start; call the returned function at its end.
 */
export function busyStart(phase: string): () => void {
  if (!target) return () => {};
  const state = busy.get(phase) ?? { active: 0, since: 0 };
  busy.set(phase, state);
  if (state.active++ === 0) state.since = performance.now();
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    if (--state.active === 0) addTime(phase, performance.now() - state.since);
  };
}
