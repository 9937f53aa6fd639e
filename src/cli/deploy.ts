import { UsageError } from '../errors.js';

// Placeholder until the deploy core lands (issue 5).
const notYet = (verb: string) => async (_argv: string[]): Promise<number> => {
  throw new UsageError(`'pexship ${verb}' is not available yet.`);
};
export const runDeploy = notYet('deploy');
export const runRollback = notYet('rollback');
export const runReleases = notYet('releases');
