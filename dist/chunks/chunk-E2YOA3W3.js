import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);
import {
  RequirementsFileError
} from "./chunk-EV2EOPE5.js";
import {
  debug,
  error,
  getInput,
  setFailed,
  setSecret
} from "./chunk-TM6NIW73.js";
import {
  PexshipError,
  UsageError
} from "./chunk-A2YORBZ4.js";

// src/action/inputs.ts
function optionalInput(name) {
  const value = getInput(name).trim();
  return value === "" ? void 0 : value;
}
function requiredInput(name) {
  const value = optionalInput(name);
  if (value === void 0) throw new UsageError(`input '${name}' is required; set it under 'with:' in the workflow step.`);
  return value;
}
function listInput(name) {
  return getInput(name).split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== "" && !line.startsWith("#"));
}
function booleanInput(name, fallback) {
  const raw = getInput(name).trim();
  if (raw === "") return fallback;
  if (["true", "True", "TRUE"].includes(raw)) return true;
  if (["false", "False", "FALSE"].includes(raw)) return false;
  throw new UsageError(`input '${name}' is '${raw}'; use true or false.`);
}
function integerInput(name, min) {
  const raw = optionalInput(name);
  if (raw === void 0) return void 0;
  if (!/^\d+$/.test(raw) || Number(raw) < min) {
    throw new UsageError(`input '${name}' is '${raw}'; use a whole number of at least ${min}.`);
  }
  return Number(raw);
}
function choiceInput(name, choices, fallback) {
  const raw = optionalInput(name);
  if (raw === void 0) return fallback;
  if (!choices.includes(raw)) {
    throw new UsageError(`input '${name}' is '${raw}'; use one of ${choices.join(", ")}.`);
  }
  return raw;
}

// src/action/failure.ts
import path from "node:path";

// src/action/input-names.ts
var INPUT_FOR_FLAG = {
  "--requirement": "requirements-file",
  "--constraints": "constraints-file",
  "--project": "project",
  "--lock": "lock-file",
  "--sources-directory": "sources",
  "--entry-point": "entry-point",
  "--script": "script",
  "--platform": "platforms",
  "--complete-platform": "complete-platforms",
  "--python-shebang": "python-shebang",
  "--interpreter-constraint": "interpreter-constraints",
  "--index-url": "index-url",
  "--extra-index-url": "extra-index-urls",
  "--find-links": "find-links",
  "--max-connections": "max-connections",
  "--refresh": "refresh",
  "--no-index": "no-index",
  "--pre": "pre",
  "--venv": "venv",
  "--inherit-path": "inherit-path",
  "--no-compress": "compress",
  "--output-file": "output",
  "--layout": "layout",
  "--compile": "compile",
  "--sh-boot": "sh-boot",
  "--inject-args": "inject-args",
  "--inject-env": "inject-env",
  "--pex-path": "pex-path",
  "--exclude": "exclude",
  "--override": "override",
  "--no-transitive": "no-transitive",
  "--host": "hosts",
  "--path": "path",
  "--name": "name",
  "--identity": "private-key",
  "--known-hosts": "known-hosts",
  "--host-fingerprint": "host-fingerprints",
  "--jump": "jump",
  "--keep": "keep",
  "--restart": "restart",
  "--health-check": "health-check",
  "--health-url": "health-url",
  "--health-timeout": "health-timeout",
  "--probe-timeout": "probe-timeout",
  "--no-pre-warm": "pre-warm",
  "--concurrency": "concurrency",
  "--batch": "batch",
  "--canary": "canary",
  "--no-rollback-on-failure": "rollback-on-failure",
  "--connect-timeout": "connect-timeout",
  "--connect-retries": "connect-retries",
  "--ssh-config": "ssh-config",
  "--max-fail": "max-fail",
  "--command-timeout": "command-timeout",
  "--lock-ttl": "lock-ttl",
  "--lock-wait": "lock-wait",
  "--dry-run": "dry-run",
  "--to": "to",
  "--no-verify": "verify"
};
var INPUT_FOR_VARIABLE = {
  PEXSHIP_SSH_KEY: "private-key",
  PEXSHIP_SSH_PASSPHRASE: "passphrase",
  PEXSHIP_SSH_CERTIFICATE: "ssh-certificate"
};
function inActionWords(message) {
  return message.replace(/pass --identity FILE(?:,| or) put the key text in PEXSHIP_SSH_KEY/g, "set input 'private-key'").replace(/\bPEXSHIP_SSH_[A-Z]+\b/g, (name) => INPUT_FOR_VARIABLE[name] ? `input '${INPUT_FOR_VARIABLE[name]}'` : name).replace(/(?<![\w-])-r files\b/g, `'requirements-file' files`).replace(/(?<![\w-])--[a-z][a-z-]*[a-z](?![\w-])/g, (flag) => INPUT_FOR_FLAG[flag] ? `input '${INPUT_FOR_FLAG[flag]}'` : flag);
}

// src/action/failure.ts
function workspaceRelative(file) {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const relative = path.relative(workspace, path.resolve(workspace, file));
  return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative.split(path.sep).join("/");
}
function reportFailure(err) {
  if (err instanceof RequirementsFileError) {
    const properties = { title: "pexship: requirements file", file: workspaceRelative(err.file) };
    if (err.line > 0) properties.startLine = err.line;
    error(err.message, properties);
    process.exitCode = 1;
    return;
  }
  if (err instanceof PexshipError) {
    setFailed(inActionWords(err.message));
    return;
  }
  const error2 = err instanceof Error ? err : new Error(String(err));
  if (error2.stack) debug(error2.stack);
  setFailed(error2.message);
}
async function runAction(main) {
  try {
    await main();
  } catch (err) {
    reportFailure(err);
  }
}

// src/action/secrets.ts
var MIN_SECRET_LENGTH = 3;
var masked = /* @__PURE__ */ new Set();
function mask(value) {
  if (!value || value.length < MIN_SECRET_LENGTH || masked.has(value)) return;
  masked.add(value);
  setSecret(value);
}
function maskSecret(value) {
  if (!value) return;
  mask(value);
  for (const line of value.split(/\r?\n/)) mask(line.trim());
}
function credentialsInText(text) {
  const found = [];
  for (const match of text.matchAll(/\b[a-z][a-z0-9+.-]*:\/\/([^/@\s'"]+)@/gi)) {
    const userInfo = match[1];
    const colon = userInfo.indexOf(":");
    const parts = colon < 0 ? [userInfo] : [userInfo.slice(0, colon), userInfo.slice(colon + 1)];
    for (const part of parts) {
      found.push(part);
      try {
        const decoded = decodeURIComponent(part);
        if (decoded !== part) found.push(decoded);
      } catch {
      }
    }
  }
  return found;
}
function maskUrlCredentials(texts) {
  for (const text of texts) for (const credential of credentialsInText(text)) mask(credential);
}
function maskIndexEnvironment(env = process.env) {
  for (const [key, value] of Object.entries(env)) {
    if (key.startsWith("PEXSHIP_INDEX_")) {
      mask(value);
      if (value) maskUrlCredentials([value]);
    }
  }
}

// src/action/summary.ts
function cell(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}
function markdownTable(header, rows) {
  return [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)];
}
function formatSize(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KiB", "MiB", "GiB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
function artifactLink(name, url) {
  return url ? `[${cell(name)}](${url})` : cell(name);
}
function summaryMarkdown(result, context) {
  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const cache = context.cacheHit === void 0 ? cell(context.cacheNote) : context.cacheHit ? "yes" : `no (${cell(context.cacheNote)})`;
  const rows = result.pexes.map((pex) => {
    const artifact = context.artifacts.find((a) => a.pexPath === pex.path);
    return [
      cell(pex.platform),
      `${formatSize(pex.size)} (${pex.size} bytes)`,
      String(pex.distributions.length),
      cache,
      `${pex.seconds.toFixed(2)} s`,
      artifact ? artifactLink(artifact.name, artifact.url) : "not uploaded"
    ];
  });
  const lines = [
    "## pexship build",
    "",
    `${plural(result.pexes.length, "PEX file")}; ${plural(result.requests, "request")} to package indexes.`,
    "",
    ...markdownTable(["Target", "Size", "Distributions", "Cache hit", "Time", "Artifact"], rows),
    ""
  ];
  for (const pex of result.pexes) {
    const distributions = pex.distributions.map((d) => `${d.project} ${d.version}`).join(", ");
    lines.push(
      `### ${cell(pex.platform)}`,
      "",
      `- File: \`${cell(pex.path)}\``,
      `- sha256: \`${pex.sha256}\``,
      `- Distributions: ${pex.distributions.length === 0 ? "none" : cell(distributions)}`,
      ""
    );
  }
  return lines.join("\n");
}

export {
  optionalInput,
  requiredInput,
  listInput,
  booleanInput,
  integerInput,
  choiceInput,
  inActionWords,
  runAction,
  maskSecret,
  maskUrlCredentials,
  maskIndexEnvironment,
  cell,
  markdownTable,
  formatSize,
  artifactLink,
  summaryMarkdown
};
