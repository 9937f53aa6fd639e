// The README's workflows, run step by step through the bundled actions as the runner would: every matrix entry
// of the build job (one workflow run, a results service on loopback), the job outputs the way GitHub merges
// them, then the deploy job against a real sshd, then the rollback workflow. The `with:` values come from the
// example files themselves; only the inputs that name the user's own fleet (hosts, path, restart, health URL)
// are pointed at the test's host. So an artifact name, an output or an input that drifts fails here.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildWheels, IndexServer } from '../helpers/index-server.js';
import { currentRelease, fakePex, makeClientKeys, sha256Of, tempDir, type ClientKeys } from '../deploy/fixtures.js';
import { startSshd, type TestSshd } from '../deploy/sshd.js';
import { bundleActions } from './helpers/bundle.js';
import { startResultsService, type ResultsService } from './helpers/results-service.js';
import { runAction, runtimeToken, type ActionKind, type ActionRun } from './helpers/run-action.js';
import { condition, interpolate, interpolateMap, type Contexts } from './helpers/workflow.js';

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Job {
  if?: string;
  needs?: string | string[];
  strategy?: { matrix?: { include?: Record<string, unknown>[] } };
  outputs?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  jobs: Record<string, Job>;
}

/** The inputs that name the user's machines; the test points them at its own sshd and health endpoint. */
const FLEET_INPUTS = ['hosts', 'path', 'restart', 'health-url'];

const OUR_ACTIONS: Record<string, ActionKind> = { 'pexship/pexship': 'build', 'pexship/pexship/deploy': 'deploy', 'pexship/pexship/rollback': 'rollback' };

let work: string;
let workspace: string;
let keys: ClientKeys;
let sshd: TestSshd;
let service: ResultsService;
let index: IndexServer;
let health: Server;
let healthUrl: string;
let healthChecks = 0;

function readWorkflow(file: string): Workflow {
  return parse(readFileSync(file, 'utf8')) as Workflow;
}

function failureText(run: ActionRun): string {
  return `exit ${run.code}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;
}

/** One job's steps in order: our actions through runAction, `run:` scripts through bash, checkout as a no-op. */
async function runJob(job: Job, contexts: Contexts, options: { runner: string; env: Record<string, string>; fleet?: Record<string, string> }): Promise<Record<string, Record<string, string>>> {
  const steps: Record<string, { outputs: Record<string, string> }> = {};
  const ctx = () => ({ ...contexts, steps });
  for (const step of job.steps) {
    const label = step.name ?? step.uses ?? step.run;
    if (step.uses?.startsWith('actions/checkout@')) continue;
    if (step.uses) {
      const kind = OUR_ACTIONS[step.uses.replace(/@.*$/, '')];
      if (!kind) throw new Error(`step '${label}' uses ${step.uses}, which this test cannot run`);
      const inputs = interpolateMap(step.with, ctx());
      for (const key of Object.keys(options.fleet ?? {})) {
        expect(Object.keys(inputs), `step '${label}' no longer sets the fleet input '${key}' the test replaces`).toContain(key);
      }
      const run = await runAction(kind, { workspace, runner: options.runner, inputs: { ...inputs, ...options.fleet }, env: options.env });
      expect(run.code, `step '${label}': ${failureText(run)}`).toBe(0);
      expect(run.errors, `step '${label}'`).toEqual([]);
      if (step.id) steps[step.id] = { outputs: run.outputs };
      continue;
    }
    if (step.run) {
      const env = interpolateMap(step.env, ctx());
      const result = spawnSync('bash', ['-e', '-c', interpolate(step.run, ctx())], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });
      expect(result.status, `step '${label}': ${result.stderr}`).toBe(0);
      // Every value a `run:` step prints comes from an output: none may be empty.
      for (const [name, value] of Object.entries(env)) expect(value, `step '${label}': env ${name}`).not.toBe('');
      continue;
    }
    throw new Error(`step '${label}' has neither uses nor run`);
  }
  return Object.fromEntries(Object.entries(steps).map(([id, s]) => [id, s.outputs]));
}

beforeAll(async () => {
  work = tempDir('example-workflow');
  workspace = path.join(work, 'workspace');
  // The project the example builds: requirements.txt (pointing at a loopback index), src/app/main.py.
  index = await IndexServer.start(await buildWheels(path.join(work, 'index'), [{ name: 'greeting', version: '2.0.0', files: { 'greeting/__init__.py': 'WORD = "hello"\n' } }]));
  mkdirSync(path.join(workspace, 'src', 'app'), { recursive: true });
  writeFileSync(path.join(workspace, 'requirements.txt'), `--index-url ${index.url}\ngreeting==2.0.0\n`);
  writeFileSync(path.join(workspace, 'src', 'app', '__init__.py'), '');
  writeFileSync(path.join(workspace, 'src', 'app', 'main.py'), 'import greeting\n\ndef run():\n    print(greeting.WORD)\n');
  keys = makeClientKeys(work);
  sshd = await startSshd({ dir: path.join(work, 'sshd'), authorizedKeys: keys.authorizedKeys });
  service = await startResultsService();
  health = createServer((_req, res) => {
    healthChecks++;
    res.writeHead(200).end('ok');
  });
  await new Promise<void>((resolve) => health.listen(0, '127.0.0.1', resolve));
  healthUrl = `http://127.0.0.1:${(health.address() as AddressInfo).port}/healthz`;
  mkdirSync(path.join(work, 'home'), { recursive: true });
  await bundleActions();
});

afterAll(async () => {
  sshd?.stop();
  await service?.close();
  await index?.close();
  await new Promise<void>((resolve) => (health ? health.close(() => resolve()) : resolve()));
});

describe('the example workflows, run through the bundled actions', () => {
  it('build-and-deploy.yml: every build entry uploads its artifact, the job output names the one to ship, and the deploy job ships it', async () => {
    const workflow = readWorkflow('examples/workflows/build-and-deploy.yml');
    const { build, deploy } = workflow.jobs;
    const base = path.join(work, 'srv');
    const runId = 'run-example';
    const github = { event_name: 'push', ref: 'refs/heads/main', repository: 'octo/app', run_id: '4242' };
    const secrets = { DEPLOY_SSH_KEY: readFileSync(keys.key, 'utf8'), DEPLOY_KNOWN_HOSTS: sshd.knownHostsLine() };
    const env = (job: string) => ({ HOME: path.join(work, 'home'), ACTIONS_RESULTS_URL: service.url, ACTIONS_RUNTIME_TOKEN: runtimeToken(runId, job), ACTIONS_CACHE_SERVICE_V2: 'true' });

    // The build job, one matrix entry after another; job outputs merge as GitHub merges them (an empty value
    // does not replace one another entry set).
    const entries = build.strategy?.matrix?.include ?? [];
    expect(entries.length).toBeGreaterThan(1);
    const jobOutputs: Record<string, string> = {};
    const built: { matrix: Record<string, unknown>; outputs: Record<string, string> }[] = [];
    for (const [i, matrix] of entries.entries()) {
      const contexts = { github, matrix, secrets };
      const steps = await runJob(build, contexts, { runner: path.join(work, `runner-build-${i}`), env: env(`build-${i}`) });
      for (const [name, expr] of Object.entries(build.outputs ?? {})) {
        const value = interpolate(expr, { ...contexts, steps: Object.fromEntries(Object.entries(steps).map(([id, o]) => [id, { outputs: o }])) });
        if (value !== '') jobOutputs[name] = value;
      }
      built.push({ matrix, outputs: steps.pex });
    }
    // One artifact per entry, each under the exact name its step announced.
    const names = built.map((b) => b.outputs['artifact-name']);
    expect(new Set(names).size).toBe(entries.length);
    expect(service.artifacts.map((a) => a.name).sort()).toEqual([...names].sort());
    expect(names).toContain('app-linux-x86_64-cp311.pex');

    // The deploy job runs for a push to main, and ships the artifact the job output names.
    expect(condition(deploy.if, { github })).toBe(true);
    expect(condition(deploy.if, { github: { ...github, event_name: 'pull_request' } })).toBe(false);
    const shipped = built.filter((b) => b.matrix.ship === true);
    expect(shipped).toHaveLength(1);
    expect(jobOutputs.artifact).toBe(shipped[0].outputs['artifact-name']);

    const fleet = { hosts: `root@127.0.0.1:${sshd.port}`, path: base, restart: 'echo restarted > restarted.txt', 'health-url': healthUrl };
    const steps = await runJob(deploy, { github, secrets, needs: { build: { outputs: jobOutputs, result: 'success' } } }, { runner: path.join(work, 'runner-deploy'), env: env('deploy'), fleet });
    const release = currentRelease(base);
    expect(release?.id).toBe(steps.deploy.release);
    expect(release?.pexSha).toBe(shipped[0].outputs.sha256);
    expect(release?.json.file).toBe('app.pex');
    expect(readFileSync(path.join(base, 'restarted.txt'), 'utf8')).toBe('restarted\n');
    expect(healthChecks).toBeGreaterThan(0);
    // The PEX deployed runs on the host: the code and the wheel from the index.
    const ran = spawnSync(path.join(base, 'current', 'app.pex'), [], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: path.join(work, 'home') } });
    expect(ran.stdout, ran.stderr).toBe('hello\n');
  });

  it('rollback.yml: switches the fleet back to the release before the current one', async () => {
    const workflow = readWorkflow('examples/workflows/rollback.yml');
    const base = path.join(work, 'srv-rollback');
    const fleet = { hosts: `root@127.0.0.1:${sshd.port}`, path: base, restart: 'echo restarted > restarted.txt', 'health-url': healthUrl };
    const connection = { ...fleet, 'private-key': readFileSync(keys.key, 'utf8'), 'known-hosts': sshd.knownHostsLine() };
    const env = { HOME: path.join(work, 'home') };
    // Two releases on the host, deployed by path.
    const deployed: string[] = [];
    for (const version of ['v1', 'v2']) {
      fakePex(path.join(workspace, 'svc.pex'), version);
      const run = await runAction('deploy', { workspace, runner: path.join(work, 'runner-seed'), inputs: { ...connection, pex: 'svc.pex' }, env });
      expect(run.code, failureText(run)).toBe(0);
      deployed.push(run.outputs.release);
    }
    expect(currentRelease(base)?.pexSha).toBe(sha256Of(path.join(workspace, 'svc.pex')));

    const secrets = { DEPLOY_SSH_KEY: connection['private-key'], DEPLOY_KNOWN_HOSTS: connection['known-hosts'] };
    const steps = await runJob(workflow.jobs.rollback, { github: { event_name: 'workflow_dispatch' }, inputs: { release: '' }, secrets }, { runner: path.join(work, 'runner-rollback'), env, fleet });
    expect(steps.rollback.release).toBe(deployed[0]);
    expect(steps.rollback['previous-release']).toBe(deployed[1]);
    expect(currentRelease(base)?.id).toBe(deployed[0]);
  });
});
