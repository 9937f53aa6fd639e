// Reading action inputs: the runner passes them as INPUT_<NAME> variables, defaults already filled in from
// action.yml. Every helper names the input at fault in its error, so the user knows which line of the
// workflow to fix.
import * as core from '@actions/core';
import { UsageError } from '../errors.js';

/** A single-line input, trimmed; `undefined` when empty so core defaults apply. */
export function optionalInput(name: string): string | undefined {
  const value = core.getInput(name).trim();
  return value === '' ? undefined : value;
}

export function requiredInput(name: string): string {
  const value = optionalInput(name);
  if (value === undefined) throw new UsageError(`input '${name}' is required; set it under 'with:' in the workflow step.`);
  return value;
}

/** A multi-line list: one item per line; blank lines and lines starting with `#` are skipped. */
export function listInput(name: string): string[] {
  return core
    .getInput(name)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** YAML 1.2 core-schema booleans, as the runner documents for boolean inputs. */
export function booleanInput(name: string, fallback: boolean): boolean {
  const raw = core.getInput(name).trim();
  if (raw === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(raw)) return true;
  if (['false', 'False', 'FALSE'].includes(raw)) return false;
  throw new UsageError(`input '${name}' is '${raw}'; use true or false.`);
}

/** A whole number at least `min`; `undefined` when empty. */
export function integerInput(name: string, min: number): number | undefined {
  const raw = optionalInput(name);
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < min) {
    throw new UsageError(`input '${name}' is '${raw}'; use a whole number of at least ${min}.`);
  }
  return Number(raw);
}

export function choiceInput<T extends string>(name: string, choices: readonly T[], fallback: T): T {
  const raw = optionalInput(name);
  if (raw === undefined) return fallback;
  if (!(choices as readonly string[]).includes(raw)) {
    throw new UsageError(`input '${name}' is '${raw}'; use one of ${choices.join(', ')}.`);
  }
  return raw as T;
}
