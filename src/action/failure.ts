// How an action step ends when something goes wrong: a clear message, an annotation that points at the
// file and line at fault when we know them, and never a stack trace for errors the user can act on.
import path from 'node:path';
import * as core from '@actions/core';
import { PexshipError } from '../errors.js';
import { RequirementsFileError } from '../resolve/requirements-file.js';
import { inActionWords } from './input-names.js';

/** Annotations want paths relative to the workspace so GitHub can link them to the file in the diff. */
function workspaceRelative(file: string): string {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const relative = path.relative(workspace, path.resolve(workspace, file));
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}

export function reportFailure(err: unknown): void {
  if (err instanceof RequirementsFileError) {
    const properties: core.AnnotationProperties = { title: 'pexship: requirements file', file: workspaceRelative(err.file) };
    if (err.line > 0) properties.startLine = err.line;
    // What setFailed does, but with the file and line on the one annotation instead of a second, bare one.
    core.error(err.message, properties);
    process.exitCode = 1;
    return;
  }
  if (err instanceof PexshipError) {
    // A requirements file's own options (`--index-url` on a line) are left alone above; these name flags.
    core.setFailed(inActionWords(err.message));
    return;
  }
  // A bug or an unexpected system error: the stack helps the maintainers, so it goes to the debug log.
  const error = err instanceof Error ? err : new Error(String(err));
  if (error.stack) core.debug(error.stack);
  core.setFailed(error.message);
}

/** Runs an action's main function; every failure ends up in `reportFailure`. */
export async function runAction(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (err) {
    reportFailure(err);
  }
}
