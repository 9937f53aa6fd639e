import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);
import {
  error,
  info,
  integerInput,
  listInput,
  maskSecret,
  optionalInput,
  requiredInput,
  secondsInput,
  setOutput,
  summary,
  warning
} from "./chunk-NE62MCWS.js";
import {
  formatSummaryMarkdown
} from "./chunk-T7F5BGEW.js";
import {
  JobError,
  UsageError
} from "./chunk-UOGXR73H.js";

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
    knownHostsText: optionalInput("known-hosts"),
    hostFingerprints: listInput("host-fingerprints"),
    jump: optionalInput("jump"),
    concurrency: integerInput("concurrency", 1),
    lockTtlSeconds: secondsInput("lock-ttl"),
    connectTimeoutSeconds: secondsInput("connect-timeout")
  };
}
function readHostCommands() {
  return {
    restart: optionalInput("restart"),
    healthCheck: optionalInput("health-check"),
    healthUrl: optionalInput("health-url"),
    healthTimeoutSeconds: secondsInput("health-timeout")
  };
}

// src/action/fleet-report.ts
function logEvent(event) {
  switch (event.type) {
    case "wave":
      if (event.total > 1) info(`Wave ${event.index}/${event.total}: ${event.hosts.join(", ")}`);
      break;
    case "host":
      info(`[${event.host}] ${event.phase}${event.detail ? `: ${event.detail}` : ""}`);
      break;
    case "host-done": {
      const r = event.result;
      const line = `[${r.host}] ${r.status}${r.release ? ` ${r.release}` : ""}${r.error ? `: ${r.error}` : ""}`;
      if (r.status === "failed") error(line);
      else info(line);
      break;
    }
    case "fleet-rollback":
      warning(`Rolling back ${event.hosts.join(", ")}: ${event.reason}`);
      break;
  }
}
async function reportFleet(result) {
  setOutput("release", result.release ?? "");
  setOutput("previous-release", result.previousRelease ?? "");
  setOutput("hosts-succeeded", JSON.stringify(result.succeeded));
  setOutput("hosts-failed", JSON.stringify(result.failed));
  if (process.env.GITHUB_STEP_SUMMARY) {
    try {
      await summary.addRaw(formatSummaryMarkdown(result), true).write();
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
  logEvent,
  reportFleet
};
