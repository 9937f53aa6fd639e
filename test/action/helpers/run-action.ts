// Runs a bundled action as the runner does: `node <main>` in the workspace, inputs as INPUT_* variables with
// the action.yml defaults filled in, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, RUNNER_TEMP and friends.
// The environment is built from scratch so a developer's or CI's own GITHUB_* variables never leak in.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readActionMetadata } from './action-metadata.js';
import { bundleActions } from './bundle.js';

export type ActionKind = 'build' | 'deploy' | 'rollback';

const METADATA: Record<ActionKind, string> = { build: 'action.yml', deploy: 'deploy/action.yml', rollback: 'rollback/action.yml' };

export interface RunOptions {
  /** The workspace: cwd of the action, GITHUB_WORKSPACE. */
  workspace: string;
  /** A folder for RUNNER_TEMP, RUNNER_TOOL_CACHE, the output and summary files. */
  runner: string;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
}

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** `::warning…` and `::error…` workflow commands, message part only. */
  warnings: string[];
  errors: string[];
}

/** Parses the `name<<DELIMITER` blocks @actions/core writes to GITHUB_OUTPUT. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]);
    if (!m) continue;
    const [, name, delimiter] = m;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]);
    outputs[name] = value.join('\n');
  }
  return outputs;
}

function commands(stdout: string, kind: 'warning' | 'error'): string[] {
  const found: string[] = [];
  for (const line of stdout.split('\n')) {
    const m = new RegExp(`^::${kind}(?: [^:]*)?::(.*)$`).exec(line);
    if (m) found.push(m[1].replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%'));
  }
  return found;
}

let runCounter = 0;

export async function runAction(kind: ActionKind, options: RunOptions): Promise<ActionRun> {
  const dir = await bundleActions();
  const meta = readActionMetadata(path.resolve(METADATA[kind]));
  const files = path.join(options.runner, `step-${++runCounter}`);
  mkdirSync(files, { recursive: true });
  const outputFile = path.join(files, 'output');
  const summaryFile = path.join(files, 'summary.md');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? options.runner,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'octo/app',
    GITHUB_RUN_ID: '4242',
    GITHUB_SHA: 'c0ffee0000000000000000000000000000000000',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_TEMP: path.join(options.runner, 'temp'),
    RUNNER_TOOL_CACHE: path.join(options.runner, 'tool-cache'),
  };
  mkdirSync(env.RUNNER_TEMP, { recursive: true });
  // The runner passes every declared input, its default when the workflow gives none.
  for (const input of meta.inputs) env[`INPUT_${input.name.toUpperCase()}`] = input.default ?? '';
  for (const [name, value] of Object.entries(options.inputs ?? {})) {
    if (!meta.inputs.some((i) => i.name === name)) throw new Error(`${METADATA[kind]} declares no input '${name}'`);
    env[`INPUT_${name.toUpperCase()}`] = value;
  }
  Object.assign(env, options.env);
  const child = spawn(process.execPath, [path.join(dir, `action-${kind}.js`)], { cwd: options.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    warnings: commands(stdout, 'warning'),
    errors: commands(stdout, 'error'),
  };
}

/** An unsigned JWT carrying the claim @actions/artifact reads the run and job ids from. */
export function runtimeToken(runId: string, jobId = 'job-1'): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ scp: `Actions.GenericRead:1 Actions.Results:${runId}:${jobId}` })}.`;
}
