// Inputs shared by the deploy and rollback actions: which hosts, where, and how to trust and log in to them.
import type { ConnectionOptions, HostCommands } from '../deploy/index.js';
import { UsageError } from '../errors.js';
import { integerInput, listInput, optionalInput, requiredInput } from './inputs.js';
import { maskSecret } from './secrets.js';

export function readConnectionInputs(): ConnectionOptions {
  // Read and mask the secrets first: nothing below may print them.
  const privateKey = optionalInput('private-key');
  const passphrase = optionalInput('passphrase');
  maskSecret(privateKey);
  maskSecret(passphrase);
  const hosts = listInput('hosts');
  if (hosts.length === 0) throw new UsageError("input 'hosts' is required: one [user@]host[:port] per line.");
  return {
    hosts,
    path: requiredInput('path'),
    privateKey,
    passphrase,
    // Not secret (it holds the public key and what the CA vouches for); never printed all the same.
    certificate: optionalInput('ssh-certificate'),
    knownHostsText: optionalInput('known-hosts'),
    hostFingerprints: listInput('host-fingerprints'),
    jump: optionalInput('jump'),
    sshConfigFile: optionalInput('ssh-config'),
    concurrency: integerInput('concurrency', 1),
    connectTimeoutSeconds: integerInput('connect-timeout', 1),
    connectRetries: integerInput('connect-retries', 0),
    commandTimeoutSeconds: integerInput('command-timeout', 1),
    lockTtlSeconds: integerInput('lock-ttl', 1),
    lockWaitSeconds: integerInput('lock-wait', 0),
  };
}

export function readHostCommands(): HostCommands {
  return {
    restart: optionalInput('restart'),
    healthCheck: optionalInput('health-check'),
    healthUrl: optionalInput('health-url'),
    healthTimeoutSeconds: integerInput('health-timeout', 1),
    probeTimeoutSeconds: integerInput('probe-timeout', 1),
  };
}
