// Core and deploy errors name CLI flags (`--platform`); in the action the user wrote an input (`platforms`),
// so every message the action reports names the input instead.

/** CLI flag → the action input that sets it, for all three actions (no flag maps to two inputs). */
export const INPUT_FOR_FLAG: Readonly<Record<string, string>> = {
  '--requirement': 'requirements-file',
  '--constraints': 'constraints-file',
  '--project': 'project',
  '--lock': 'lock-file',
  '--sources-directory': 'sources',
  '--entry-point': 'entry-point',
  '--script': 'script',
  '--platform': 'platforms',
  '--complete-platform': 'complete-platforms',
  '--python-shebang': 'python-shebang',
  '--interpreter-constraint': 'interpreter-constraints',
  '--index-url': 'index-url',
  '--extra-index-url': 'extra-index-urls',
  '--find-links': 'find-links',
  '--max-connections': 'max-connections',
  '--refresh': 'refresh',
  '--no-index': 'no-index',
  '--pre': 'pre',
  '--venv': 'venv',
  '--inherit-path': 'inherit-path',
  '--no-compress': 'compress',
  '--output-file': 'output',
  '--layout': 'layout',
  '--compile': 'compile',
  '--sh-boot': 'sh-boot',
  '--inject-args': 'inject-args',
  '--inject-env': 'inject-env',
  '--pex-path': 'pex-path',
  '--exclude': 'exclude',
  '--override': 'override',
  '--no-transitive': 'no-transitive',
  '--host': 'hosts',
  '--path': 'path',
  '--name': 'name',
  '--identity': 'private-key',
  '--known-hosts': 'known-hosts',
  '--host-fingerprint': 'host-fingerprints',
  '--jump': 'jump',
  '--keep': 'keep',
  '--restart': 'restart',
  '--health-check': 'health-check',
  '--health-url': 'health-url',
  '--health-timeout': 'health-timeout',
  '--probe-timeout': 'probe-timeout',
  '--no-pre-warm': 'pre-warm',
  '--concurrency': 'concurrency',
  '--batch': 'batch',
  '--canary': 'canary',
  '--no-rollback-on-failure': 'rollback-on-failure',
  '--connect-timeout': 'connect-timeout',
  '--connect-retries': 'connect-retries',
  '--ssh-config': 'ssh-config',
  '--max-fail': 'max-fail',
  '--command-timeout': 'command-timeout',
  '--lock-ttl': 'lock-ttl',
  '--lock-wait': 'lock-wait',
  '--dry-run': 'dry-run',
  '--to': 'to',
  '--no-verify': 'verify',
};

/** Environment variables of the CLI → the action input that takes their place. */
export const INPUT_FOR_VARIABLE: Readonly<Record<string, string>> = {
  PEXSHIP_SSH_KEY: 'private-key',
  PEXSHIP_SSH_PASSPHRASE: 'passphrase',
  PEXSHIP_SSH_CERTIFICATE: 'ssh-certificate',
};

/** `--platform 'x' is …` → `input 'platforms': 'x' is …`; flags the action has no input for stay as they are. */
export function inActionWords(message: string): string {
  return message
    // The action has one input for both ways the CLI takes a key.
    .replace(/pass --identity FILE(?:,| or) put the key text in PEXSHIP_SSH_KEY/g, "set input 'private-key'")
    .replace(/\bPEXSHIP_SSH_[A-Z]+\b/g, (name) => (INPUT_FOR_VARIABLE[name] ? `input '${INPUT_FOR_VARIABLE[name]}'` : name))
    .replace(/(?<![\w-])-r files\b/g, `'requirements-file' files`)
    .replace(/(?<![\w-])--[a-z][a-z-]*[a-z](?![\w-])/g, (flag) => (INPUT_FOR_FLAG[flag] ? `input '${INPUT_FOR_FLAG[flag]}'` : flag));
}
