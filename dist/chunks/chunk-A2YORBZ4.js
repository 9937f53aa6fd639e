import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);

// src/index/redact.ts
function redactUrl(url) {
  try {
    const u = new URL(url);
    if (!u.username && !u.password) return url;
    u.username = "***";
    u.password = "";
    return u.toString();
  } catch {
    return url.replace(/\/\/[^/@\s]+@/g, "//***@");
  }
}
function redactCredentials(text) {
  return text.replace(/\b(https?:\/\/)([^/@\s'"]+)@/gi, (_whole, scheme, userinfo) => {
    const colon = userinfo.indexOf(":");
    return `${scheme}${colon < 0 ? "***" : `${userinfo.slice(0, colon)}:***`}@`;
  });
}
function redactSecrets(text, secrets) {
  let out = text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/@\s'"]+@/gi, "$1***@");
  const all = /* @__PURE__ */ new Set();
  for (const s of secrets) {
    if (s.length < 3) continue;
    all.add(s);
    all.add(encodeURIComponent(s));
  }
  for (const s of [...all].sort((a, b) => b.length - a.length)) out = out.split(s).join("***");
  return out;
}

// src/errors.ts
var PexshipError = class extends Error {
  constructor(message, exitCode = 2) {
    super(redactCredentials(message));
    this.exitCode = exitCode;
    this.name = "PexshipError";
  }
  exitCode;
};
var UsageError = class extends PexshipError {
  constructor(message) {
    super(message, 2);
    this.name = "UsageError";
  }
};
var JobError = class extends PexshipError {
  constructor(message) {
    super(message, 1);
    this.name = "JobError";
  }
};

export {
  redactUrl,
  redactCredentials,
  redactSecrets,
  PexshipError,
  UsageError,
  JobError
};
