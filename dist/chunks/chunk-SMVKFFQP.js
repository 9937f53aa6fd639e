import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);
import {
  artifactLink,
  cell,
  formatSize,
  inActionWords,
  integerInput,
  listInput,
  markdownTable,
  maskSecret,
  optionalInput,
  requiredInput
} from "./chunk-E2YOA3W3.js";
import {
  error,
  info,
  setOutput,
  summary,
  warning
} from "./chunk-TM6NIW73.js";
import {
  JobError,
  UsageError
} from "./chunk-A2YORBZ4.js";

// src/action/connection-inputs.ts
function readConnectionInputs() {
  const privateKey = optionalInput("private-key");
  const passphrase = optionalInput("passphrase");
  maskSecret(privateKey);
  maskSecret(passphrase);
  const hosts = listInput("hosts");
  if (hosts.length === 0) throw new UsageError("input 'hosts' is required: one [user@]host[:port] per line.");
  return {
    hosts,
    path: requiredInput("path"),
    privateKey,
    passphrase,
    // Not secret (it holds the public key and what the CA vouches for); never printed all the same.
    certificate: optionalInput("ssh-certificate"),
    knownHostsText: optionalInput("known-hosts"),
    hostFingerprints: listInput("host-fingerprints"),
    jump: optionalInput("jump"),
    sshConfigFile: optionalInput("ssh-config"),
    concurrency: integerInput("concurrency", 1),
    connectTimeoutSeconds: integerInput("connect-timeout", 1),
    connectRetries: integerInput("connect-retries", 0),
    commandTimeoutSeconds: integerInput("command-timeout", 1),
    lockTtlSeconds: integerInput("lock-ttl", 1),
    lockWaitSeconds: integerInput("lock-wait", 0)
  };
}
function readHostCommands() {
  return {
    restart: optionalInput("restart"),
    healthCheck: optionalInput("health-check"),
    healthUrl: optionalInput("health-url"),
    healthTimeoutSeconds: integerInput("health-timeout", 1),
    probeTimeoutSeconds: integerInput("probe-timeout", 1)
  };
}

// src/action/fleet-report.ts
var FleetLog = class {
  healthChecked = /* @__PURE__ */ new Set();
  event = (event) => {
    switch (event.type) {
      case "wave":
        if (event.total > 1) info(`Wave ${event.index}/${event.total}: ${event.hosts.join(", ")}`);
        break;
      case "host":
        if (event.phase === "health") this.healthChecked.add(event.host);
        info(`[${event.host}] ${event.phase}${event.detail ? `: ${event.detail}` : ""}`);
        break;
      case "host-done": {
        const r = event.result;
        const line = `[${r.host}] ${r.status}${r.release ? ` ${r.release}` : ""}${r.error ? `: ${inActionWords(r.error)}` : ""}`;
        if (r.status === "failed" || r.status === "unknown") error(line);
        else info(line);
        break;
      }
      case "fleet-rollback":
        warning(`Rolling back ${event.hosts.join(", ")}: ${event.reason}`);
        break;
    }
  };
  /** The health column: what was checked and how it went. */
  health(host, commands) {
    const check = commands.healthUrl ? `GET ${cell(commands.healthUrl)}` : commands.healthCheck ? `\`${cell(commands.healthCheck)}\`` : void 0;
    if (!check) return "none configured";
    if (!this.healthChecked.has(host.host)) return "not reached";
    const failed = host.status === "failed" && /health/i.test(host.error ?? "");
    return `${failed ? "failed" : "passed"}: ${check}`;
  }
};
function note(h) {
  if (h.plan) return cell(h.plan);
  if (h.error) return cell(inActionWords(h.error.split("\n")[0]));
  if (h.status === "unchanged") return "already current";
  return h.reused ? "reused (no upload)" : h.uploadedBytes !== void 0 ? `uploaded ${formatSize(h.uploadedBytes)}` : "";
}
function fleetSummaryMarkdown(result, log, commands, artifact) {
  const rows = result.hosts.map((h) => [
    cell(h.host),
    h.status,
    `${cell(h.previous ?? "none")} \u2192 ${cell(h.release ?? h.previous ?? "none")}`,
    log.health(h, commands),
    `${(h.durationMs / 1e3).toFixed(1)} s`,
    note(h)
  ]);
  const lines = [
    `## pexship ${result.action}: ${result.ok ? "succeeded" : "failed"}`,
    "",
    `${result.succeeded.length} of ${result.hosts.length} host${result.hosts.length === 1 ? "" : "s"} ok${result.release ? `; release \`${cell(result.release)}\`` : ""}.`
  ];
  if (artifact) lines.push(`PEX from the artifact ${artifactLink(artifact.name, artifact.url)}${result.sha256 ? ` (sha256 \`${result.sha256}\`)` : ""}.`);
  lines.push("", ...markdownTable(["Host", "Result", "Release (before \u2192 after)", "Health", "Time", "Note"], rows), "");
  return lines.join("\n");
}
async function reportFleet(result, log, commands, artifact) {
  setOutput("release", result.release ?? "");
  setOutput("previous-release", result.previousRelease ?? "");
  setOutput("hosts-succeeded", JSON.stringify(result.succeeded));
  setOutput("hosts-failed", JSON.stringify(result.failed));
  if (process.env.GITHUB_STEP_SUMMARY) {
    try {
      await summary.addRaw(fleetSummaryMarkdown(result, log, commands, artifact), true).write();
    } catch (err) {
      warning(`Could not write the job summary: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (!result.ok) {
    throw new JobError(`${result.action} failed on ${result.failed.length} host(s): ${result.failed.join(", ") || "none"}; see the log and the job summary.`);
  }
}

export {
  readConnectionInputs,
  readHostCommands,
  FleetLog,
  reportFleet
};
