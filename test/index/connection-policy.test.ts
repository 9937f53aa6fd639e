// How many connections the index client opens to one host, and how it backs off, against real loopback
// servers: one that counts connections and requests in flight, and one whose listen queue is full.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IndexClient, type IndexClientOptions } from '../../src/index/index.js';
import { HostLimits, Limiter, STALL_MS } from '../../src/index/limiter.js';

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function client(options: IndexClientOptions): Promise<IndexClient> {
  const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'pexship-conn-'));
  const c = new IndexClient({ cacheDir, env: {}, netrcFile: '/nonexistent/netrc', timeoutMs: 20_000, retries: 2, retryBaseMs: 5, ...options });
  cleanups.push(() => rm(cacheDir, { recursive: true, force: true }), () => c.close());
  return c;
}

/**
 * A keep-alive index whose every project page is empty. It holds its answers until the client has sent all it
 * will at once (no new request for QUIET_MS once `gather` are held, or for LONE_MS however many), so the
 * overlap it counts is the client's limit, not how fast a busy machine gets requests out.
 */
async function countingServer(gather: number) {
  const QUIET_MS = 50;
  const LONE_MS = 1000;
  const stats = { connections: 0, open: 0, maxOpen: 0, inFlight: 0, maxInFlight: 0, requests: 0 };
  const held: http.ServerResponse[] = [];
  let timer: NodeJS.Timeout | undefined;
  const answerHeld = () => {
    for (const res of held.splice(0)) {
      stats.inFlight--;
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body></body></html>');
    }
  };
  const server = http.createServer((req, res) => {
    stats.requests++;
    stats.maxInFlight = Math.max(stats.maxInFlight, ++stats.inFlight);
    held.push(res);
    clearTimeout(timer);
    timer = setTimeout(answerHeld, held.length >= gather ? QUIET_MS : LONE_MS);
  });
  server.on('connection', (socket) => {
    stats.connections++;
    stats.maxOpen = Math.max(stats.maxOpen, ++stats.open);
    socket.on('close', () => stats.open--);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(() => {
    clearTimeout(timer);
    server.closeAllConnections();
    return new Promise((r) => server.close(r));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/simple/`, stats };
}

const projects = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

describe('connection policy', () => {
  it('keeps to --max-connections per host and reuses keep-alive connections', async () => {
    const server = await countingServer(3);
    const c = await client({ indexUrl: server.url, maxConnections: 3 });
    await Promise.all(projects('first', 30).map((p) => c.listFiles(p)));
    expect(server.stats.requests).toBe(30);
    expect(server.stats.maxInFlight).toBe(3);
    expect(server.stats.maxOpen).toBeLessThanOrEqual(3);
    const opened = server.stats.connections;
    expect(opened).toBeLessThanOrEqual(3);
    // A second wave goes over the same connections: none is opened anew.
    await Promise.all(projects('second', 30).map((p) => c.listFiles(p)));
    expect(server.stats.requests).toBe(60);
    expect(server.stats.connections).toBe(opened);
  });

  it('opens at most 6 connections to a host by default', async () => {
    const server = await countingServer(6);
    const c = await client({ indexUrl: server.url });
    await Promise.all(projects('p', 40).map((p) => c.listFiles(p)));
    expect(server.stats.requests).toBe(40);
    expect(server.stats.maxInFlight).toBe(6);
    expect(server.stats.connections).toBeLessThanOrEqual(6);
    expect(c.connectionLimit(server.url)).toBe(6);
  });

  it('does not back off for the time its own busy event loop held back finished connects', async () => {
    const server = await countingServer(6);
    let sent = 0;
    // Once the sixth request is on its way, the process is busy for longer than a stall: the loopback connects
    // finish meanwhile, and their events come in 1.2 s after they started.
    const busy = () => {
      const until = performance.now() + 1200;
      while (performance.now() < until);
    };
    const c = await client({ indexUrl: server.url, onActivity: (e) => void (e.kind === 'request' && ++sent === 6 && setImmediate(busy)) });
    await Promise.all(projects('p', 12).map((p) => c.listFiles(p)));
    expect(server.stats.requests).toBe(12);
    expect(server.stats.maxInFlight).toBe(6);
    expect(c.connectionLimit(server.url)).toBe(6);
  });

  it('backs off when connects stall on a server whose listen queue is full, and still gets every page', async () => {
    // A server in its own process with a listen queue of 1 that accepts nothing for its first 2.5 s: the
    // kernel drops the SYNs it has no room for, and those connects take the 1 s (then 3 s) SYN retry.
    const script = `
      const http = require('node:http');
      const server = http.createServer((req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>'));
      server.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
        process.stdout.write(server.address().port + '\\n');
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2500);
      });`;
    const child: ChildProcess = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    cleanups.push(() => void child.kill());
    const port = await new Promise<string>((resolve) => child.stdout!.once('data', (d) => resolve(String(d).trim())));
    const url = `http://127.0.0.1:${port}/simple/`;
    const c = await client({ indexUrl: url, maxConnections: 6 });
    const listings = await Promise.all(projects('p', 12).map((p) => c.listFiles(p)));
    expect(listings).toHaveLength(12);
    expect(c.connectionLimit(url)).toBeLessThan(6);
    expect(c.connectionLimit(url)).toBeGreaterThanOrEqual(1);
  }, 30_000);
});

describe('HostLimits', () => {
  it('halves a host on a stalled or failed connect, once per burst, never below one, other hosts untouched', () => {
    const limits = new HostLimits(6);
    limits.connected('http://a:80', 20, false);
    expect(limits.limitOf('http://a:80')).toBe(6);
    limits.backOff('http://a:80', 10_000);
    limits.backOff('http://a:80', 10_000 + STALL_MS / 2); // same burst of dropped SYNs
    expect(limits.limitOf('http://a:80')).toBe(3);
    limits.backOff('http://a:80', 10_000 + STALL_MS * 2);
    expect(limits.limitOf('http://a:80')).toBe(1);
    limits.backOff('http://a:80', 10_000 + STALL_MS * 4);
    expect(limits.limitOf('http://a:80')).toBe(1);
    limits.connected('http://b:80', 0, true);
    expect(limits.limitOf('http://b:80')).toBe(3);
    expect(limits.limitOf('http://c:80')).toBe(6);
  });

  it('a lowered Limiter lets running tasks finish and starts the waiting ones within the new limit', async () => {
    const limiter = new Limiter(4);
    const tick = () => new Promise((r) => setImmediate(r));
    let running = 0;
    const startedWith: number[] = [];
    const gates: (() => void)[] = [];
    const task = () =>
      limiter.run(async () => {
        startedWith.push(++running);
        await new Promise<void>((r) => gates.push(r));
        running--;
      });
    const all = Array.from({ length: 8 }, task);
    await tick();
    expect(running).toBe(4);
    limiter.limit = 1;
    startedWith.length = 0;
    while (gates.length) {
      gates.shift()!();
      await tick();
    }
    await Promise.all(all);
    expect(startedWith).toEqual([1, 1, 1, 1]);
  });
});
