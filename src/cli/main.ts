// pexship command line: picks the verb, runs it, turns our errors into one line and an exit code.
import { PexshipError } from '../errors.js';
import { redactCredentials } from '../index/redact.js';
import { timePhase } from '../timings.js';
import { PEXSHIP_VERSION } from '../version.js';

const VERBS: Record<string, () => Promise<{ run(argv: string[]): Promise<number> }>> = {
  build: () => import('./build.js'),
  inspect: () => import('./inspect.js'),
  lock: () => import('./lock.js'),
  deploy: () => import('./deploy.js').then((m) => ({ run: m.runDeploy })),
  rollback: () => import('./deploy.js').then((m) => ({ run: m.runRollback })),
  releases: () => import('./deploy.js').then((m) => ({ run: m.runReleases })),
  unlock: () => import('./deploy.js').then((m) => ({ run: m.runUnlock })),
};

const USAGE = `pexship — build PEX files for any platform and ship them over SSH

Usage: pexship <command> [options]

Commands:
  build      resolve requirements and write one PEX per target
  lock       resolve for every target and write a PEP 751 pylock.toml
  inspect    show what a PEX holds
  deploy     copy a PEX to hosts over SSH and switch to it atomically
  rollback   switch hosts back to the previous release
  releases   list the releases on hosts
  unlock     free a deploy lock left on hosts, naming its owner

Run 'pexship <command> --help' for a command's options.`;

export async function main(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  if (!verb || verb === '--help' || verb === '-h' || verb === 'help') {
    process.stdout.write(USAGE + '\n');
    return verb ? 0 : 2;
  }
  if (verb === '--version' || verb === '-V') {
    process.stdout.write(`${PEXSHIP_VERSION}\n`);
    return 0;
  }
  const load = VERBS[verb];
  if (!load) {
    process.stderr.write(`pexship: unknown command '${verb}'. Commands: ${Object.keys(VERBS).join(', ')}. See 'pexship --help'.\n`);
    return 2;
  }
  try {
    const mod = await timePhase('load', load);
    return await mod.run(rest);
  } catch (err) {
    if (err instanceof PexshipError) {
      process.stderr.write(`pexship ${verb}: error: ${err.message}\n`);
      return err.exitCode;
    }
    const detail = redactCredentials(err instanceof Error ? ((process.env.PEXSHIP_DEBUG ? err.stack : err.message) ?? '') : String(err));
    process.stderr.write(`pexship ${verb}: internal error: ${detail}\nPlease report this; set PEXSHIP_DEBUG=1 for a stack trace.\n`);
    return 1;
  }
}
