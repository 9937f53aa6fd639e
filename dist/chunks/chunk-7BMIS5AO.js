import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);

// src/timings.ts
import { writeFileSync } from "node:fs";
var target = process.env.PEXSHIP_TIMINGS;
var record = {};
var busy = /* @__PURE__ */ new Map();
if (target) {
  process.on("exit", () => {
    const { user, system } = process.cpuUsage();
    writeFileSync(target, JSON.stringify({ ...record, cpu: (user + system) / 1e3, end: performance.now() }));
  });
}
function addTime(phase, ms) {
  if (target) record[phase] = (record[phase] ?? 0) + ms;
}
function countUp(counter) {
  if (target) record[counter] = (record[counter] ?? 0) + 1;
}
function markNow(phase) {
  if (target) record[phase] = performance.now();
}
async function timePhase(phase, work) {
  if (!target) return work();
  const t = performance.now();
  try {
    return await work();
  } finally {
    addTime(phase, performance.now() - t);
  }
}
function busyStart(phase) {
  if (!target) return () => {
  };
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

// src/version.ts
var PEXSHIP_VERSION = "0.1.0";

export {
  countUp,
  markNow,
  timePhase,
  busyStart,
  PEXSHIP_VERSION
};
