import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);
import {
  flagBool,
  flagInt,
  flagList,
  flagString,
  formatHelp,
  parseArgs
} from "./chunk-R772ELZX.js";
import {
  deploy,
  formatReleases,
  formatSummary,
  listReleases,
  rollback,
  unlock
} from "./chunk-EP4CYOCE.js";
import "./chunk-Z5MTOKTQ.js";
import {
  UsageError
} from "./chunk-A2YORBZ4.js";
import "./chunk-DF3W7HDA.js";

// src/cli/deploy.ts
var CONNECTION_FLAGS = [
  { names: ["--host"], kind: "list", value: "[USER@]HOST[:PORT]", help: "a host to work on; IPv6 as [::1]:22" },
  { names: ["--path"], kind: "string", value: "DIR", help: "the deploy directory on the hosts (releases/, current, .pexship/)" },
  { names: ["--identity", "-i"], kind: "string", value: "FILE", help: "private key file (else PEXSHIP_SSH_KEY, else the SSH agent)" },
  { names: ["--known-hosts"], kind: "string", value: "FILE", help: "OpenSSH known_hosts to pin host keys (default ~/.ssh/known_hosts)" },
  { names: ["--host-fingerprint"], kind: "list", value: "SHA256:\u2026", help: "trust a host key by its SHA256 fingerprint" },
  { names: ["--jump", "-J"], kind: "string", value: "[USER@]HOST[:PORT],\u2026", help: "connect through these jump hosts, outermost first (replaces ProxyJump)" },
  { names: ["--ssh-config", "-F"], kind: "string", value: "FILE", help: "OpenSSH client config to read instead of ~/.ssh/config and /etc/ssh/ssh_config (none: no config)" },
  { names: ["--concurrency"], kind: "string", value: "N", help: "hosts worked on at once, and the largest wave (default 10)" },
  { names: ["--connect-timeout"], kind: "string", value: "SECONDS", help: "time to connect and authenticate (default: ConnectTimeout, else 15)" },
  { names: ["--connect-retries"], kind: "string", value: "N", help: "retry a connection refused, reset or cut before the handshake N times, with backoff (default 0)" },
  { names: ["--command-timeout"], kind: "string", value: "SECONDS", help: "time for one host's remote steps (default 900)" },
  { names: ["--lock-ttl"], kind: "string", value: "SECONDS", help: "age after which a lock left by an older pexship (no heartbeat) is taken over (default 1800)" },
  { names: ["--lock-wait"], kind: "string", value: "SECONDS", help: "how long to wait for another deploy's lock (default 5)" },
  { names: ["--json"], kind: "boolean", help: "print the result as JSON on stdout" },
  { names: ["--quiet", "-q"], kind: "boolean", help: "no progress on stderr" },
  { names: ["--help", "-h"], kind: "boolean", help: "show this help" }
];
var COMMAND_FLAGS = [
  { names: ["--restart"], kind: "string", value: "CMD", help: "run on the host after switching (cwd --path; env PEXSHIP_RELEASE, PEXSHIP_PEX, PEXSHIP_PREVIOUS)" },
  { names: ["--health-check"], kind: "string", value: "CMD", help: "a command on the host that must succeed after the switch (retried until --health-timeout)" },
  { names: ["--health-url"], kind: "string", value: "URL", help: "a URL the host must answer with 2xx (polled from the host until --health-timeout)" },
  { names: ["--health-timeout"], kind: "string", value: "SECONDS", help: "how long the health check may take to pass (default 30)" },
  { names: ["--probe-timeout"], kind: "string", value: "SECONDS", help: "time one request to --health-url may take (default 5)" },
  { names: ["--dry-run"], kind: "boolean", help: "connect and show what would happen; change nothing" }
];
var withConnectionFlags = (own) => [...CONNECTION_FLAGS.slice(0, 7), ...own, ...CONNECTION_FLAGS.slice(7)];
var DEPLOY_FLAGS = withConnectionFlags([
  { names: ["--name"], kind: "string", value: "NAME", help: "the PEX's file name on the hosts (default: the file's stem)" },
  { names: ["--keep"], kind: "string", value: "N", help: "releases to keep per host (default 5; current and the previous one always stay)" },
  ...COMMAND_FLAGS,
  { names: ["--no-pre-warm"], kind: "boolean", help: "do not run the PEX once (PEX_INTERPRETER=1) before switching" },
  { names: ["--batch"], kind: "string", value: "N", help: "deploy in waves of N hosts; a wave switches only once all its hosts are staged" },
  { names: ["--canary"], kind: "boolean", help: "deploy to the first host alone before the others" },
  { names: ["--max-fail"], kind: "string", value: "N|P%", help: "failed hosts tolerated before the deploy stops and rolls back (default 0; a failed canary always stops)" },
  { names: ["--no-rollback-on-failure"], kind: "boolean", help: "leave switched hosts on the new release when a wave fails" }
]);
var ROLLBACK_FLAGS = withConnectionFlags([
  { names: ["--to"], kind: "string", value: "ID", help: "the release to switch to (default: the one current before, from .pexship/history.jsonl)" },
  { names: ["--no-verify"], kind: "boolean", help: "switch without checking the target's sha256 (its size is always checked)" },
  ...COMMAND_FLAGS
]);
var RELEASES_FLAGS = CONNECTION_FLAGS.filter((f) => !["--lock-ttl", "--lock-wait"].includes(f.names[0]));
var UNLOCK_FLAGS = RELEASES_FLAGS.filter((f) => f.names[0] !== "--json");
function connectionOptions(args) {
  const path = flagString(args, "path");
  if (!path) throw new UsageError("--path DIR is required: the deploy directory on the hosts.");
  const hosts = flagList(args, "host");
  if (!hosts.length) throw new UsageError("--host [USER@]HOST[:PORT] is required (repeat it for several hosts).");
  const optInt = (key, min) => flagString(args, key) === void 0 ? void 0 : flagInt(args, key, 0, min);
  return {
    hosts,
    path,
    identityFile: flagString(args, "identity"),
    privateKey: process.env.PEXSHIP_SSH_KEY || void 0,
    passphrase: process.env.PEXSHIP_SSH_PASSPHRASE || void 0,
    certificate: process.env.PEXSHIP_SSH_CERTIFICATE || void 0,
    knownHostsFile: flagString(args, "known-hosts"),
    hostFingerprints: flagList(args, "host-fingerprint"),
    jump: flagString(args, "jump"),
    sshConfigFile: flagString(args, "ssh-config"),
    concurrency: optInt("concurrency", 1),
    connectTimeoutSeconds: optInt("connect-timeout", 1),
    connectRetries: optInt("connect-retries", 0),
    commandTimeoutSeconds: optInt("command-timeout", 1),
    lockTtlSeconds: optInt("lock-ttl", 1),
    lockWaitSeconds: optInt("lock-wait", 0)
  };
}
function hostCommands(args) {
  return {
    restart: flagString(args, "restart"),
    healthCheck: flagString(args, "health-check"),
    healthUrl: flagString(args, "health-url"),
    healthTimeoutSeconds: flagInt(args, "health-timeout", 30, 1),
    probeTimeoutSeconds: flagInt(args, "probe-timeout", 5, 1),
    dryRun: flagBool(args, "dry-run")
  };
}
function progress(args) {
  if (flagBool(args, "quiet")) return () => {
  };
  return (e) => {
    let line;
    if (e.type === "wave" && e.total > 1) line = `wave ${e.index}/${e.total}: ${e.hosts.join(", ")}`;
    else if (e.type === "host") line = `${e.host}: ${e.phase}${e.detail ? ` ${e.detail}` : ""}`;
    else if (e.type === "host-done") line = `${e.result.host}: ${e.result.status}${e.result.error ? ` (${e.result.error.split("\n")[0]})` : ""}`;
    else if (e.type === "fleet-rollback") line = `rolling back ${e.hosts.join(", ")} (${e.reason})`;
    if (line) process.stderr.write(line + "\n");
  };
}
function verbArgs(verb, argv, flags, usage) {
  const args = parseArgs(verb, argv, flags);
  if (!flagBool(args, "help")) return args;
  process.stdout.write(formatHelp(`Usage: pexship ${verb} ${usage}`, flags));
  return void 0;
}
function report(args, result) {
  if (flagBool(args, "json")) process.stdout.write(JSON.stringify(result, null, 2) + "\n");
  else process.stdout.write(formatSummary(result));
  return result.exitCode;
}
async function runDeploy(argv) {
  const args = verbArgs("deploy", argv, DEPLOY_FLAGS, "FILE.pex --host [USER@]HOST[:PORT] \u2026 --path DIR [options]");
  if (!args) return 0;
  if (args.positionals.length !== 1) throw new UsageError("deploy takes exactly one PEX file: pexship deploy FILE.pex --host HOST --path DIR");
  const batch = flagString(args, "batch") === void 0 ? void 0 : flagInt(args, "batch", 0, 1);
  const result = await deploy(
    {
      ...connectionOptions(args),
      ...hostCommands(args),
      pexFile: args.positionals[0],
      name: flagString(args, "name"),
      keep: flagInt(args, "keep", 5, 1),
      preWarm: !flagBool(args, "no-pre-warm"),
      batch,
      canary: flagBool(args, "canary"),
      rollbackOnFailure: !flagBool(args, "no-rollback-on-failure"),
      maxFail: flagString(args, "max-fail")
    },
    progress(args)
  );
  return report(args, result);
}
async function runRollback(argv) {
  const args = verbArgs("rollback", argv, ROLLBACK_FLAGS, "--host [USER@]HOST[:PORT] \u2026 --path DIR [--to ID] [options]");
  if (!args) return 0;
  if (args.positionals.length) throw new UsageError(`rollback takes no file, got '${args.positionals[0]}'; use --to ID to pick a release.`);
  const result = await rollback(
    { ...connectionOptions(args), ...hostCommands(args), to: flagString(args, "to"), verify: !flagBool(args, "no-verify") },
    progress(args)
  );
  return report(args, result);
}
async function runReleases(argv) {
  const args = verbArgs("releases", argv, RELEASES_FLAGS, "--host [USER@]HOST[:PORT] \u2026 --path DIR [--json]");
  if (!args) return 0;
  if (args.positionals.length) throw new UsageError(`releases takes no positional arguments, got '${args.positionals[0]}'.`);
  const hosts = await listReleases(connectionOptions(args));
  if (flagBool(args, "json")) {
    const out = hosts.flatMap((h) => h.releases.map((r) => ({ host: h.host, ...r })));
    process.stdout.write(JSON.stringify(out, null, 2) + "\n");
  } else {
    process.stdout.write(formatReleases(hosts));
  }
  for (const h of hosts) if (!h.ok) process.stderr.write(`pexship releases: ${h.host}: ${h.error}
`);
  return hosts.every((h) => h.ok) ? 0 : 1;
}
async function runUnlock(argv) {
  const args = verbArgs("unlock", argv, UNLOCK_FLAGS, "--host [USER@]HOST[:PORT] \u2026 --path DIR");
  if (!args) return 0;
  if (args.positionals.length) throw new UsageError(`unlock takes no positional arguments, got '${args.positionals[0]}'.`);
  const hosts = await unlock(connectionOptions(args));
  for (const h of hosts) {
    if (!h.ok) process.stderr.write(`pexship unlock: ${h.host}: ${h.error}
`);
    else if (!h.freed) process.stdout.write(`${h.host}: no lock held
`);
    else {
      const [, pid, , started, , ...owner] = h.freed.split(" ");
      const when = Number(started) ? new Date(Number(started) * 1e3).toISOString() : "an unknown time";
      const who = h.freed.startsWith("v2 ") ? `${owner.join(" ")}, started ${when}, remote pid ${pid}` : h.freed;
      process.stdout.write(`${h.host}: freed the lock of ${who}${h.ownerAlive ? " (its deploy still looked alive: it will not switch without the lock)" : ""}
`);
    }
  }
  return hosts.every((h) => h.ok) ? 0 : 1;
}
export {
  runDeploy,
  runReleases,
  runRollback,
  runUnlock
};
