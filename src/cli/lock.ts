import { UsageError } from '../errors.js';

/** `pexship lock` arrives with the resolver (issue 3). */
export async function run(_argv: string[]): Promise<number> {
  throw new UsageError("'pexship lock' is not available yet: it arrives with the resolver. Build from wheel files with 'pexship build FILE.whl …' meanwhile.");
}
