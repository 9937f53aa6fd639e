// `npm run bench deploy`: upload speed against OpenSSH scp and ssh2's fastPut (same machine, same run), the
// same at 50 ms round-trip time through a delaying TCP proxy, the latency of switch-only deploys and
// rollbacks against `ssh HOST true` and a bare ssh2 exec of `true` (interleaved, same run), six hosts at
// once, and a 16-host fleet with a bad member. Starts its own sshd servers on loopback (needs root and openssh-server).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ssh2 from 'ssh2';
import { uploadFile } from '../src/deploy/upload.js';
import { deploy, rollback, type ConnectionOptions, type DeployEvent } from '../src/deploy/index.js';
import { benchConnection, openConnection } from './deploy-setup.js';
import { fakePex, makeClientKeys } from '../test/deploy/fixtures.js';
import { startProxy } from '../test/deploy/proxy.js';
import { freePort, startSshd, type TestSshd } from '../test/deploy/sshd.js';

const MiB = 1024 * 1024;
const work = mkdtempSync(path.join(tmpdir(), 'pexship-bench-'));
const keys = makeClientKeys(work);
const servers: TestSshd[] = [];
const children: ReturnType<typeof spawn>[] = [];
process.on('exit', () => {
  for (const s of servers) s.stop();
  for (const c of children) c.kill();
  rmSync(work, { recursive: true, force: true });
});

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0], median: s[Math.floor(s.length / 2)] };
};
const fmt = (xs: number[]) => {
  const { min, median } = stats(xs);
  return `${min.toFixed(0)}/${median.toFixed(0)} ms (min/median of ${xs.length})`;
};
async function timeIt(runs: number, fn: () => Promise<void> | void): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

const sshd = await startSshd({ dir: path.join(work, 'sshd'), authorizedKeys: keys.authorizedKeys });
servers.push(sshd);
const knownHosts = path.join(work, 'known_hosts');

// A proxy in its own process that delays every chunk by 25 ms each way: 50 ms round trip.
const proxyPort = await freePort();
const proxy = spawn(
  process.execPath,
  [
    '-e',
    `const net = require('net');
     net.createServer((c) => {
       const s = net.connect(${sshd.port}, '127.0.0.1');
       c.setNoDelay(true); s.setNoDelay(true);
       const pipe = (a, b) => { a.on('data', (d) => setTimeout(() => b.write(d), 25)); a.on('end', () => setTimeout(() => b.end(), 25)); a.on('error', () => b.destroy()); };
       pipe(c, s); pipe(s, c);
     }).listen(${proxyPort}, '127.0.0.1', () => console.log('ready'));`,
  ],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
children.push(proxy);
await new Promise((r) => proxy.stdout!.once('data', r));
writeFileSync(knownHosts, `${sshd.knownHostsLine()}\n${sshd.knownHostsLine().replace(`:${sshd.port}`, `:${proxyPort}`)}\n`);

const big = path.join(work, 'big.bin');
writeFileSync(big, randomBytes(64 * MiB));
const scpArgs = (port: number, file: string, dest: string) => [
  '-q', '-P', String(port), '-i', keys.key, '-o', `UserKnownHostsFile=${knownHosts}`, '-o', 'StrictHostKeyChecking=yes',
  '-o', 'BatchMode=yes', file, `root@127.0.0.1:${dest}`,
];
const open = (port: number) => openConnection(benchConnection([port], '/tmp', keys.key, knownHosts));

function fastPut(port: number, file: string, dest: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const c = new ssh2.Client();
    c.on('ready', () =>
      c.sftp((err, sftp) => {
        if (err) return reject(err);
        sftp.fastPut(file, dest, (e) => {
          c.end();
          if (e) reject(e);
          else resolve();
        });
      }),
    );
    c.on('error', reject);
    c.connect({ host: '127.0.0.1', port, username: 'root', privateKey: readFileSync(keys.key), hostVerifier: () => true });
  });
}

async function ourUpload(port: number, file: string, dest: string, channels: number | undefined, size: number): Promise<void> {
  const conn = await open(port);
  try {
    await uploadFile(conn, file, dest, size, { channels });
  } finally {
    conn.close();
  }
  if (statSync(dest).size !== size) throw new Error(`upload to ${dest} is incomplete`);
}

console.log(`64 MiB upload on loopback (connect + transfer + close):`);
const scp = await timeIt(5, () => {
  const r = spawnSync('scp', scpArgs(sshd.port, big, '/tmp/pexship-bench-scp'));
  if (r.status !== 0) throw new Error(`scp failed: ${r.stderr}`);
});
const fp = await timeIt(5, () => fastPut(sshd.port, big, '/tmp/pexship-bench-fastput'));
const ours = await timeIt(5, () => ourUpload(sshd.port, big, '/tmp/pexship-bench-ours', 4, 64 * MiB));
const ours1 = await timeIt(5, () => ourUpload(sshd.port, big, '/tmp/pexship-bench-ours1', 1, 64 * MiB));
const oursAuto = await timeIt(5, () => ourUpload(sshd.port, big, '/tmp/pexship-bench-ours1', undefined, 64 * MiB));
console.log(`  OpenSSH scp          ${fmt(scp)}`);
console.log(`  ssh2 fastPut         ${fmt(fp)}`);
console.log(`  pexship, 1 channel   ${fmt(ours1)}`);
console.log(`  pexship, 4 channels  ${fmt(ours)}`);
console.log(`  pexship, default     ${fmt(oursAuto)}   ratio to scp (median): ${(stats(oursAuto).median / stats(scp).median).toFixed(2)}x (target <= 1.0x)`);

console.log(`\n32 MiB upload at 50 ms RTT (delaying proxy):`);
const mid = path.join(work, 'mid.bin');
writeFileSync(mid, randomBytes(32 * MiB));
const rtt1 = await timeIt(3, () => ourUpload(proxyPort, mid, '/tmp/pexship-bench-rtt1', 1, 32 * MiB));
const rtt4 = await timeIt(3, () => ourUpload(proxyPort, mid, '/tmp/pexship-bench-rtt4', undefined, 32 * MiB));
const rttScp = await timeIt(3, () => {
  spawnSync('scp', scpArgs(proxyPort, mid, '/tmp/pexship-bench-rttscp'));
});
const mibs = (xs: number[]) => (32 / (stats(xs).median / 1000)).toFixed(1);
console.log(`  with connect and close (about 10 round trips of set-up either way):`);
console.log(`  OpenSSH scp          ${fmt(rttScp)}  ${mibs(rttScp)} MiB/s`);
console.log(`  pexship, 1 channel   ${fmt(rtt1)}  ${mibs(rtt1)} MiB/s`);
console.log(`  pexship, default (4) ${fmt(rtt4)}  ${mibs(rtt4)} MiB/s   ratio: ${(stats(rtt1).median / stats(rtt4).median).toFixed(2)}x`);
// Throughput proper: the upload on a connection already open (channels, SFTP handles, writes, close).
const transfer = async (channels: number, runs: number) => {
  const c = await open(proxyPort);
  try {
    return await timeIt(runs, () => uploadFile(c, mid, '/tmp/pexship-bench-rtt1', 32 * MiB, { channels }));
  } finally {
    c.close();
  }
};
const t1 = await transfer(1, 3);
const t4 = await transfer(4, 3);
console.log(`  transfer only, on an open connection:`);
console.log(`  pexship, 1 channel   ${fmt(t1)}  ${mibs(t1)} MiB/s`);
console.log(`  pexship, 4 channels  ${fmt(t4)}  ${mibs(t4)} MiB/s   throughput ratio to 1 channel: ${(stats(t1).median / stats(t4).median).toFixed(2)}x (target >= 2x)`);
for (const f of ['scp', 'fastput', 'ours', 'ours1', 'rtt1', 'rtt4', 'rttscp']) rmSync(`/tmp/pexship-bench-${f}`, { force: true });

// Switch-only deploys and rollbacks: two releases already on the host.
const conn: ConnectionOptions = benchConnection([sshd.port], path.join(work, 'app'), keys.key, knownHosts);
const a = fakePex(path.join(work, 'a.pex'), 'a', { size: 32 * MiB });
const ra = await deploy({ ...conn, pexFile: a });
await new Promise((r) => setTimeout(r, 1000));
const b = fakePex(path.join(work, 'b.pex'), 'b', { size: 32 * MiB });
const rb = await deploy({ ...conn, pexFile: b });
if (!ra.ok || !rb.ok) throw new Error('setup deploys failed');
let flip = false;
const switchOnly = await timeIt(5, async () => {
  flip = !flip;
  const r = await deploy({ ...conn, pexFile: flip ? a : b, preWarm: false });
  if (!r.ok || !r.hosts[0].reused) throw new Error(`switch-only deploy failed: ${JSON.stringify(r)}`);
});
const small1 = fakePex(path.join(work, 's1.pex'), 's1', { size: 64 * 1024 });
const small2 = fakePex(path.join(work, 's2.pex'), 's2', { size: 64 * 1024 });
const smallConn = { ...conn, path: conn.path + '-small' };
const rs1 = await deploy({ ...smallConn, pexFile: small1 });
const rs2 = await deploy({ ...smallConn, pexFile: small2 });
if (!rs1.ok || !rs2.ok) throw new Error('setup deploys failed');
// The references: what any tool pays to run one command on the host. OpenSSH's ssh (same key, same pinned
// host key, no config) and ssh2 itself (connect, exec `true`, close), interleaved with ours.
const sshTrue = () => {
  const r = spawnSync('ssh', ['-F', 'none', '-p', String(sshd.port), '-i', keys.key, '-o', `UserKnownHostsFile=${knownHosts}`, '-o', 'StrictHostKeyChecking=yes', '-o', 'BatchMode=yes', 'root@127.0.0.1', 'true']);
  if (r.status !== 0) throw new Error(`ssh failed: ${r.stderr}`);
};
const bareTrue = () =>
  new Promise<void>((resolve, reject) => {
    const c = new ssh2.Client();
    c.on('ready', () =>
      c.exec('true', (err, stream) => {
        if (err) return reject(err);
        stream.on('close', () => {
          c.end();
          resolve();
        });
        stream.resume();
        stream.stderr.resume();
      }),
    );
    c.on('error', reject);
    c.connect({ host: '127.0.0.1', port: sshd.port, username: 'root', privateKey: readFileSync(keys.key), hostVerifier: () => true });
  });
const lat = { ssh: [] as number[], bare: [] as number[], switch: [] as number[], rollback: [] as number[] };
for (let i = 0; i < 12; i++) {
  lat.ssh.push(...(await timeIt(1, sshTrue)));
  lat.bare.push(...(await timeIt(1, bareTrue)));
  lat.switch.push(
    ...(await timeIt(1, async () => {
      flip = !flip;
      const r = await deploy({ ...smallConn, pexFile: flip ? small1 : small2, preWarm: false });
      if (!r.ok || !r.hosts[0].reused) throw new Error(`switch-only deploy failed: ${JSON.stringify(r)}`);
    })),
  );
  lat.rollback.push(
    ...(await timeIt(1, async () => {
      flip = !flip;
      const r = await rollback({ ...smallConn, to: flip ? rs1.release! : rs2.release! });
      if (!r.ok) throw new Error(`rollback failed: ${JSON.stringify(r)}`);
    })),
  );
}
const med = (xs: number[]) => stats(xs).median;
// Targets against OpenSSH running one no-op command: a switch costs about what `ssh host true` does (the
// script's own steps fit in what ssh2's lighter handshake saves), a rollback no more. "bare + N ms" is what
// pexship adds to ssh2's own connect-exec-close: forks on the host (lock, switch, history) and two round trips.
const vs = (xs: number[]) => `${(med(xs) / med(lat.ssh)).toFixed(2)}x ssh, bare ssh2 + ${(med(xs) - med(lat.bare)).toFixed(0)} ms`;
console.log(`\nLatency on loopback (interleaved, 12 runs each):`);
console.log(`  OpenSSH: ssh HOST true                                    ${fmt(lat.ssh)}`);
console.log(`  ssh2: connect, exec true, close                           ${fmt(lat.bare)}`);
console.log(`  connect + switch + close, 64 KiB release already there    ${fmt(lat.switch)}  ${vs(lat.switch)} (target <= 1.1x ssh)`);
console.log(`  rollback of one host (--to, sha256 checked)               ${fmt(lat.rollback)}  ${vs(lat.rollback)} (target <= 1.0x ssh)`);
console.log(`  switch with a 32 MiB release (adds hashing the file locally) ${fmt(switchOnly)}`);

// Six hosts, each sshd in its own mount namespace, versus one.
const shared = path.join(work, 'fleet', 'app');
const fleet: TestSshd[] = [];
for (let i = 0; i < 6; i++) {
  fleet.push(await startSshd({ dir: path.join(work, `fleet-sshd${i}`), authorizedKeys: keys.authorizedKeys, privateMount: { source: path.join(work, `fleet-root${i}`), target: shared } }));
}
servers.push(...fleet);
writeFileSync(knownHosts, fleet.map((s) => s.knownHostsLine()).join('\n') + '\n');
const fleetConn = (n: number): ConnectionOptions => ({ ...conn, path: shared, hosts: fleet.slice(0, n).map((s) => `root@127.0.0.1:${s.port}`) });
let k = 0;
console.log(`\nFull deploy (upload, verify, pre-warm, switch), hosts in parallel:`);
for (const size of [1, 8]) {
  const deployN = (n: number) => async () => {
    const r = await deploy({ ...fleetConn(n), pexFile: fakePex(path.join(work, `f${k++}.pex`), `f${k}`, { size: size * MiB }) });
    if (!r.ok) throw new Error(JSON.stringify(r));
  };
  const oneHost = await timeIt(3, deployN(1));
  const sixHosts = await timeIt(3, deployN(6));
  console.log(`  ${size} MiB PEX, one host    ${fmt(oneHost)}`);
  console.log(`  ${size} MiB PEX, six hosts   ${fmt(sixHosts)}   ratio: ${(stats(sixHosts).median / stats(oneHost).median).toFixed(2)}x (target <= 2x; the six sshd run on this machine's cores too)`);
}

// Sixteen hosts, one of which accepts TCP and never sends its SSH banner: the fifteen others stage and wait
// for it, and the run must end about when its --connect-timeout runs out, with none of them switched.
const many: TestSshd[] = [...fleet];
for (let i = fleet.length; i < 15; i++) {
  many.push(await startSshd({ dir: path.join(work, `fleet-sshd${i}`), authorizedKeys: keys.authorizedKeys, privateMount: { source: path.join(work, `fleet-root${i}`), target: shared } }));
}
servers.push(...many.slice(fleet.length));
writeFileSync(knownHosts, many.map((s) => s.knownHostsLine()).join('\n') + '\n');
const hanging = await startProxy(many[0].port, { silent: true });
const refusing = await freePort();
const connectTimeout = 3;
// The same fifteen healthy hosts with a sixteenth that hangs, or one that refuses at once (which stops the
// fifteen wherever they are).
const brokenFleet = (badPort: number) => {
  const bad = `root@127.0.0.1:${badPort}`;
  const sixteen = [...many.slice(0, 8).map((s) => `root@127.0.0.1:${s.port}`), bad, ...many.slice(8).map((s) => `root@127.0.0.1:${s.port}`)];
  return async () => {
    // Per-phase times: when the last healthy host was staged, when the bad host failed, when all were done.
    const t0 = performance.now();
    const at: Record<string, number> = {};
    const since = () => performance.now() - t0;
    const events = (e: DeployEvent) => {
      if (e.type === 'host-done' && e.result.host === bad) at.badDone ??= since();
      else if (e.type === 'host-done') at.othersDone = since();
      if (e.type === 'host' && (e.phase === 'stored' || e.phase === 'reuse')) at.staged = since();
      if (e.type === 'fleet-rollback') at.rollbackStart ??= since();
    };
    const r = await deploy({ ...conn, path: shared, hosts: sixteen, concurrency: 16, connectTimeoutSeconds: connectTimeout, pexFile: fakePex(path.join(work, `h${k++}.pex`), `h${k}`, { size: MiB }) }, events);
    const ms = (n?: number) => (n === undefined ? '-' : `${n.toFixed(0)} ms`);
    if (r.ok) throw new Error(`the deploy with ${bad} succeeded`);
    const others = r.hosts.filter((h) => h.host !== bad);
    const odd = others.find((h) => h.status !== 'skipped');
    const outcome = `${others.filter((h) => h.status === 'skipped').length}/15 not switched${odd ? `; e.g. ${odd.host}: ${odd.status} (${odd.error?.split('\n')[0]})` : ''}`;
    const rolled = at.rollbackStart === undefined ? 'no rollback' : `rollback began ${ms(at.rollbackStart)}`;
    return `last upload stored ${ms(at.staged)}, bad host failed ${ms(at.badDone)}, the fifteen stopped by ${ms(at.othersDone)}, ${rolled}, end ${ms(since())}; ${outcome}`;
  };
};
const hang: number[] = [];
const refused: number[] = [];
const timelines = { hang: '', refused: '' };
for (let i = 0; i < 2; i++) {
  for (const [times, port, key] of [[hang, hanging.port, 'hang'], [refused, refusing, 'refused']] as const) {
    const t = performance.now();
    timelines[key] = await brokenFleet(port)();
    times.push(performance.now() - t);
  }
}
await hanging.close();
console.log(`\n16 hosts in one wave, one bad (--connect-timeout ${connectTimeout}), the fifteen others staged and stopped:`);
console.log(`  one never sends its banner   ${fmt(hang)}   (target <= ${connectTimeout * 1000 + 2000} ms: connect-timeout + 2 s)`);
console.log(`  one refuses at once          ${fmt(refused)}`);
console.log(`  last hanging run: ${timelines.hang}`);
console.log(`  last refusing run: ${timelines.refused}`);
process.exit(0);
