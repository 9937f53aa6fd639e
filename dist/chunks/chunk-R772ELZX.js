import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);
import {
  UsageError
} from "./chunk-A2YORBZ4.js";

// src/cli/args.ts
function canonicalKey(spec) {
  return spec.names[0].replace(/^-+/, "");
}
function parseArgs(verb, argv, specs) {
  const byName = /* @__PURE__ */ new Map();
  for (const spec of specs) for (const name of spec.names) byName.set(name, spec);
  const flags = /* @__PURE__ */ new Map();
  const positionals = [];
  const set = (spec, value) => {
    const key = canonicalKey(spec);
    if (spec.kind === "list") {
      const list = flags.get(key) ?? [];
      list.push(value);
      flags.set(key, list);
    } else {
      flags.set(key, value);
    }
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positionals.push(arg);
      continue;
    }
    let name = arg;
    let inline;
    const eq = arg.indexOf("=");
    if (arg.startsWith("--") && eq > 0) {
      name = arg.slice(0, eq);
      inline = arg.slice(eq + 1);
    } else if (!arg.startsWith("--") && arg.length > 2 && !byName.has(arg)) {
      name = arg.slice(0, 2);
      inline = arg.slice(2);
    }
    const spec = byName.get(name);
    if (!spec) {
      throw new UsageError(`unknown option ${name} for 'pexship ${verb}'; run 'pexship ${verb} --help' for the options.`);
    }
    if (spec.kind === "boolean" && spec.optionalValues) {
      if (inline !== void 0 && !spec.optionalValues.includes(inline)) {
        throw new UsageError(`${name} takes no value or one of ${spec.optionalValues.join(", ")}, got '${inline}'.`);
      }
      const next = argv[i + 1];
      set(spec, inline ?? (next !== void 0 && spec.optionalValues.includes(next) ? argv[++i] : true));
      continue;
    }
    if (spec.kind === "boolean") {
      if (inline !== void 0) {
        if (!/^(true|false|1|0|yes|no)$/i.test(inline)) {
          throw new UsageError(`${name} takes no value or true/false, got '${inline}'.`);
        }
        set(spec, /^(true|1|yes)$/i.test(inline));
      } else {
        set(spec, true);
      }
      continue;
    }
    let value = inline;
    if (value === void 0) {
      if (i + 1 >= argv.length) {
        throw new UsageError(`${name} needs a value${spec.value ? ` (${spec.value})` : ""}; see 'pexship ${verb} --help'.`);
      }
      const next = argv[i + 1];
      if (next.length > 1 && next.startsWith("-") && !next.includes(" ") && !/^-\d+(\.\d+)?$/.test(next)) {
        const inlineForm = name.startsWith("--") ? `${name}=${next}` : `${name}${next}`;
        throw new UsageError(`${name} needs a value${spec.value ? ` (${spec.value})` : ""}, but the next argument is the option ${next}; give the value, or write ${inlineForm} if the value itself starts with '-'.`);
      }
      value = argv[++i];
    }
    set(spec, value);
  }
  return { positionals, flags };
}
function flagString(args, key) {
  const v = args.flags.get(key);
  return typeof v === "string" ? v : void 0;
}
function flagList(args, key) {
  const v = args.flags.get(key);
  return Array.isArray(v) ? v : [];
}
function flagBool(args, key) {
  return args.flags.get(key) === true;
}
function flagInt(args, key, fallback, min = 0) {
  const raw = flagString(args, key);
  if (raw === void 0) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min) {
    throw new UsageError(`--${key} takes a whole number of at least ${min}, got '${raw}'.`);
  }
  return Number(raw);
}
function formatHelp(usage, specs) {
  const rows = specs.map((s) => {
    const left = s.names.join(", ") + (s.kind === "boolean" ? s.optionalValues ? `[=${s.optionalValues.join("|")}]` : "" : ` ${s.value ?? "VALUE"}`);
    return [left, s.help + (s.kind === "list" ? " (repeatable)" : "")];
  });
  const width = Math.min(40, Math.max(...rows.map((r) => r[0].length)) + 2);
  return `${usage}

Options:
${rows.map(([l, h]) => `  ${l.padEnd(width)}${h}`).join("\n")}
`;
}

export {
  parseArgs,
  flagString,
  flagList,
  flagBool,
  flagInt,
  formatHelp
};
