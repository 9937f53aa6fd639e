// Test helper: a TCP proxy in front of an sshd that misbehaves on demand, the way networks and hosts fail:
// it can stay silent (accept and never answer: no SSH banner), cut or blackhole every connection after a
// chosen number of bytes in either direction, or cut/blackhole the open connections right now.
import net from 'node:net';

export type Fault = 'cut' | 'blackhole';

export interface ProxyPlan {
  /** Accept and never connect upstream nor send a byte. */
  silent?: boolean;
  /** After this many bytes client→server (up) or server→client (down), apply `fault`. */
  after?: { bytes: number; direction: 'up' | 'down'; fault: Fault };
}

export interface TestProxy {
  port: number;
  /** Applies to connections opened from now on. */
  plan: ProxyPlan;
  /** Connections accepted so far. */
  connections: number;
  /** Cuts (RST-like close) or blackholes (silently stop forwarding, keep open) every open connection. */
  fault(kind: Fault): void;
  close(): Promise<void>;
}

export async function startProxy(upstreamPort: number, plan: ProxyPlan = {}): Promise<TestProxy> {
  const open = new Set<{ client: net.Socket; server?: net.Socket; dead: boolean }>();
  const apply = (c: { client: net.Socket; server?: net.Socket; dead: boolean }, kind: Fault) => {
    c.dead = true;
    if (kind === 'cut') {
      c.client.resetAndDestroy();
      c.server?.destroy();
    }
  };
  const proxy: TestProxy = {
    port: 0,
    plan,
    connections: 0,
    fault: (kind) => {
      for (const c of open) apply(c, kind);
    },
    close: () =>
      new Promise((resolve) => {
        for (const c of open) {
          c.client.destroy();
          c.server?.destroy();
        }
        server.close(() => resolve());
      }),
  };
  const server = net.createServer((client) => {
    proxy.connections++;
    const p = proxy.plan;
    const c: { client: net.Socket; server?: net.Socket; dead: boolean } = { client, dead: false };
    open.add(c);
    client.on('error', () => {});
    client.on('close', () => {
      c.server?.destroy();
      open.delete(c);
    });
    if (p.silent) return;
    const upstream = net.connect({ host: '127.0.0.1', port: upstreamPort });
    c.server = upstream;
    upstream.on('error', () => client.destroy());
    upstream.on('close', () => {
      if (!c.dead) client.destroy();
    });
    const counted = { up: 0, down: 0 };
    const pipe = (from: net.Socket, to: net.Socket, dir: 'up' | 'down') =>
      from.on('data', (chunk: Buffer) => {
        if (c.dead) return;
        const after = p.after;
        if (after && after.direction === dir && counted[dir] + chunk.length >= after.bytes) {
          const keep = Math.max(0, after.bytes - counted[dir]);
          if (keep) to.write(chunk.subarray(0, keep));
          counted[dir] += chunk.length;
          apply(c, after.fault);
          return;
        }
        counted[dir] += chunk.length;
        to.write(chunk);
      });
    pipe(client, upstream, 'up');
    pipe(upstream, client, 'down');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.port = (server.address() as net.AddressInfo).port;
  return proxy;
}
