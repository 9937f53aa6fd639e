// The interpreter probe answers Linux CPython from os and sys alone (no platform, sysconfig or json imports):
// on every interpreter found here, its facts must be exactly those the stdlib modules give.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PROBE_SCRIPT } from '../../src/python/platform.js';
import { findInterpreters } from '../helpers/pythons.js';

const FULL_PROBE = PROBE_SCRIPT.replace('fast = sys.platform.startswith', 'fast = False and sys.platform.startswith');

function facts(python: string, script: string, env: NodeJS.ProcessEnv = process.env): unknown {
  return JSON.parse(execFileSync(python, ['-I', '-S', '-c', script], { encoding: 'utf8', env }));
}

describe('interpreter probe', () => {
  it('the test can reach the probe\'s full path', () => {
    expect(FULL_PROBE).not.toBe(PROBE_SCRIPT);
  });

  const interpreters = [...findInterpreters(), { minor: 'system', executable: '/usr/bin/python3' }];
  for (const interp of interpreters) {
    it(`gives the facts platform and sysconfig give, on ${interp.executable}`, (ctx) => {
      try {
        execFileSync(interp.executable, ['-c', 'pass']);
      } catch {
        ctx.skip(`${interp.executable} is not here`);
      }
      expect(facts(interp.executable, PROBE_SCRIPT)).toEqual(facts(interp.executable, FULL_PROBE));
      // A cross-build's host platform, and a name JSON must escape, come through the same way.
      const env = { ...process.env, _PYTHON_HOST_PLATFORM: 'linux-ünï"cødé\\x' };
      expect(facts(interp.executable, PROBE_SCRIPT, env)).toEqual(facts(interp.executable, FULL_PROBE, env));
    });
  }
});
