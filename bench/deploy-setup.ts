// The deploy bench's way in, shared with test/deploy/bench-setup.test.ts so the bench cannot rot unnoticed:
// connection options as the CLI builds them, and a connection opened the way a deploy opens one
// (resolveContext: ssh_config and the flags, then connectHost).
import { connectHost, resolveContext } from '../src/deploy/host.js';
import type { SshConnection } from '../src/deploy/ssh.js';
import type { ConnectionOptions } from '../src/deploy/types.js';

/** One host or several on loopback as root, pinned in `knownHosts`, with `key`; no ssh_config, no agent. */
export function benchConnection(ports: number[], base: string, key: string, knownHosts: string): ConnectionOptions {
  return {
    hosts: ports.map((p) => `root@127.0.0.1:${p}`),
    path: base,
    identityFile: key,
    knownHostsFile: knownHosts,
    sshConfigFile: 'none',
    agentSocket: null,
  };
}

/** A connection to the first host, through the same resolution and connect a deploy uses. */
export function openConnection(options: ConnectionOptions): Promise<SshConnection> {
  const ctx = resolveContext(options);
  return connectHost(ctx, ctx.targets[0]);
}
