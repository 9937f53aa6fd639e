import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);
import {
  UsageError
} from "./chunk-A2YORBZ4.js";

// src/python/tags.ts
var priorityCache = /* @__PURE__ */ new WeakMap();
function tagPriority(tags) {
  let map = priorityCache.get(tags);
  if (!map) {
    const built = /* @__PURE__ */ new Map();
    tags.forEach((tag, index) => {
      const key = tag.toLowerCase();
      if (!built.has(key)) built.set(key, index);
    });
    priorityCache.set(tags, built);
    map = built;
  }
  return map;
}
function expandTagSet(tag) {
  const parts = tag.split("-");
  if (parts.length !== 3) return tag.split(".");
  const [pys, abis, plats] = parts.map((p) => p.split("."));
  const out = [];
  for (const py of pys) for (const abi of abis) for (const plat of plats) out.push(`${py}-${abi}-${plat}`);
  return out;
}
function parseTag(tag) {
  const parts = tag.split("-");
  if (parts.length !== 3) throw new Error(`invalid tag ${JSON.stringify(tag)}: expected PYTHON-ABI-PLATFORM`);
  const [pys, abis, plats] = parts.map((p) => p.toLowerCase().split("."));
  for (const component of [...pys, ...abis, ...plats]) {
    if (component === "") throw new Error(`invalid tag ${JSON.stringify(tag)}: empty component`);
  }
  for (const py of pys) {
    if (!/^[a-z_][a-z0-9_]*$/.test(py)) throw new Error(`invalid tag ${JSON.stringify(tag)}: bad interpreter ${JSON.stringify(py)}`);
  }
  for (const part of [...abis, ...plats]) {
    if (!/^[a-z0-9_]+$/.test(part)) throw new Error(`invalid tag ${JSON.stringify(tag)}: bad component ${JSON.stringify(part)}`);
  }
  return expandTagSet(parts.map((_, i) => [pys, abis, plats][i].join(".")).join("-"));
}
var LEGACY_MANYLINUX = {
  manylinux1: [2, 5],
  manylinux2010: [2, 12],
  manylinux2014: [2, 17]
};
var LEGACY_ALIAS_ARCHES = [
  { glibc: [2, 17], name: "manylinux2014", arches: /* @__PURE__ */ new Set(["x86_64", "i686", "aarch64", "armv7l", "ppc64", "ppc64le", "s390x"]) },
  { glibc: [2, 12], name: "manylinux2010", arches: /* @__PURE__ */ new Set(["x86_64", "i686"]) },
  { glibc: [2, 5], name: "manylinux1", arches: /* @__PURE__ */ new Set(["x86_64", "i686"]) }
];
var DEFAULT_LINUX_GLIBC = [2, 17];
function parsePlatformTag(platform) {
  const tag = platform.trim().toLowerCase().replace(/[-.]/g, "_");
  let m;
  if (m = /^manylinux_(\d+)_(\d+)_(.+)$/.exec(tag)) {
    return { tag, family: "manylinux", arch: m[3], glibc: [Number(m[1]), Number(m[2])] };
  }
  if (m = /^(manylinux1|manylinux2010|manylinux2014)_(.+)$/.exec(tag)) {
    return { tag, family: "manylinux", arch: m[2], glibc: LEGACY_MANYLINUX[m[1]] };
  }
  if (m = /^musllinux_(\d+)_(\d+)_(.+)$/.exec(tag)) {
    return { tag, family: "musllinux", arch: m[3], musl: [Number(m[1]), Number(m[2])] };
  }
  if (m = /^linux_(.+)$/.exec(tag)) return { tag, family: "linux", arch: m[1], glibc: DEFAULT_LINUX_GLIBC };
  if (m = /^macosx_(\d+)_(\d+)_(.+)$/.exec(tag)) {
    return { tag, family: "macos", arch: m[3], macos: [Number(m[1]), Number(m[2])] };
  }
  if (tag === "win32") return { tag, family: "windows", arch: "win32" };
  if (m = /^win_(.+)$/.exec(tag)) return { tag, family: "windows", arch: m[1] };
  return { tag, family: "other", arch: tag };
}
function manylinuxPlatforms(glibc, arch) {
  const [major, minor] = glibc;
  const oldest = arch === "x86_64" || arch === "i686" ? 5 : 17;
  const out = [];
  if (major === 2) {
    for (let m = minor; m >= oldest; m--) {
      out.push(`manylinux_2_${m}_${arch}`);
      const alias = LEGACY_ALIAS_ARCHES.find((a) => a.glibc[1] === m && a.arches.has(arch));
      if (alias) out.push(`${alias.name}_${arch}`);
    }
  }
  out.push(`linux_${arch}`);
  return out;
}
function musllinuxPlatforms(musl, arch) {
  const out = [];
  for (let m = musl[1]; m >= 0; m--) out.push(`musllinux_${musl[0]}_${m}_${arch}`);
  out.push(`linux_${arch}`);
  return out;
}
function macBinaryFormats(version, arch) {
  const atLeast = (major, minor) => version[0] > major || version[0] === major && version[1] >= minor;
  switch (arch) {
    case "x86_64":
      return atLeast(10, 4) ? ["x86_64", "intel", "fat64", "fat3", "universal2", "universal"] : [];
    case "i386":
      return atLeast(10, 4) ? ["i386", "intel", "fat3", "fat", "universal"] : [];
    case "ppc64":
      return atLeast(10, 4) && !atLeast(10, 6) ? ["ppc64", "fat64", "universal"] : [];
    case "ppc":
      return !atLeast(10, 7) ? ["ppc", "fat3", "fat", "universal"] : [];
    case "intel":
      return ["intel", "universal"];
    case "arm64":
      return ["arm64", "universal2"];
    default:
      return [arch];
  }
}
function macPlatforms(version, arch) {
  const out = [];
  const add = (major, minor, formats) => {
    for (const f of formats) out.push(`macosx_${major}_${minor}_${f}`);
  };
  let tenMinor = version[1];
  if (version[0] >= 11) {
    for (let major = version[0]; major >= 11; major--) add(major, 0, macBinaryFormats([major, 0], arch));
    tenMinor = 16;
  } else if (version[0] !== 10) {
    return out;
  }
  for (let minor = tenMinor; minor >= 0; minor--) {
    const formats = arch === "arm64" ? macBinaryFormats([10, minor], "x86_64").filter((f) => f === "universal2") : macBinaryFormats([10, minor], arch);
    add(10, minor, formats);
  }
  return out;
}
function platformTags(platform) {
  const info = parsePlatformTag(platform);
  switch (info.family) {
    case "manylinux":
    case "linux":
      return manylinuxPlatforms(info.glibc, info.arch);
    case "musllinux":
      return musllinuxPlatforms(info.musl, info.arch);
    case "macos":
      return macPlatforms(info.macos, info.arch);
    default:
      return [info.tag];
  }
}
var pyVersion = (major, minor) => minor === void 0 ? `${major}` : `${major}${minor}`;
function abi3Applies(version, abis) {
  const freeThreaded = abis.some((a) => /^cp\d+t$/.test(a));
  return version[0] === 3 && version[1] >= 2 && !freeThreaded;
}
function cpythonTags(version, abis, platforms) {
  const interpreter = `cp${pyVersion(version[0], version[1])}`;
  const ownAbis = abis.map((a) => a.toLowerCase()).filter((a) => a !== "abi3" && a !== "none");
  const withAbi3 = abi3Applies(version, ownAbis);
  const out = [];
  for (const abi of ownAbis) for (const p of platforms) out.push(`${interpreter}-${abi}-${p}`);
  if (withAbi3) for (const p of platforms) out.push(`${interpreter}-abi3-${p}`);
  for (const p of platforms) out.push(`${interpreter}-none-${p}`);
  if (withAbi3) {
    for (let minor = version[1] - 1; minor >= 2; minor--) {
      for (const p of platforms) out.push(`cp${pyVersion(version[0], minor)}-abi3-${p}`);
    }
  }
  return out;
}
function pyInterpreterRange(version) {
  const out = [`py${pyVersion(version[0], version[1])}`, `py${version[0]}`];
  for (let minor = version[1] - 1; minor >= 0; minor--) out.push(`py${pyVersion(version[0], minor)}`);
  return out;
}
function compatibleTags(version, interpreter, platforms) {
  const range = pyInterpreterRange(version);
  const out = [];
  for (const py of range) for (const p of platforms) out.push(`${py}-none-${p}`);
  if (interpreter) out.push(`${interpreter}-none-any`);
  for (const py of range) out.push(`${py}-none-any`);
  return out;
}
function supportedTags(target) {
  const [major, minor] = target.pythonVersion;
  const platforms = typeof target.platform === "string" ? platformTags(target.platform) : [...target.platform];
  const abis = target.abis ?? [target.abi ?? `cp${major}${minor}`];
  const interpreter = `cp${major}${minor}`;
  const tags = [...cpythonTags(target.pythonVersion, abis, platforms), ...compatibleTags(target.pythonVersion, interpreter, platforms)];
  return [...new Set(tags)];
}

// src/python/wheel.ts
var InvalidWheelFilename = class extends UsageError {
  constructor(filename, reason) {
    super(`invalid wheel file name ${JSON.stringify(filename)}: ${reason} (expected NAME-VERSION[-BUILD]-PYTHON-ABI-PLATFORM.whl, e.g. requests-2.32.3-py3-none-any.whl)`);
    this.filename = filename;
    this.name = "InvalidWheelFilename";
  }
  filename;
};
var InvalidSdistFilename = class extends UsageError {
  constructor(filename, reason) {
    super(`invalid source distribution file name ${JSON.stringify(filename)}: ${reason} (expected NAME-VERSION.tar.gz or NAME-VERSION.zip)`);
    this.filename = filename;
    this.name = "InvalidSdistFilename";
  }
  filename;
};
function canonicalizeName(name) {
  return name.replace(/[-_.]+/g, "-").toLowerCase();
}
var PROJECT_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/;
function isValidProjectName(name) {
  return PROJECT_NAME.test(name);
}
var PEP440_VERSION = /^v?(?:\d+!)?\d+(?:\.\d+)*(?:[-_.]?(?:a|b|c|rc|alpha|beta|pre|preview)[-_.]?\d*)?(?:-\d+|[-_.]?(?:post|rev|r)[-_.]?\d*)?(?:[-_.]?dev[-_.]?\d*)?(?:\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?$/i;
function looksLikeVersion(version) {
  return PEP440_VERSION.test(version.trim());
}
var TAG_PART = /^[A-Za-z0-9_]+$/;
function basename(filename) {
  const cut = Math.max(filename.lastIndexOf("/"), filename.lastIndexOf("\\"));
  return cut >= 0 ? filename.slice(cut + 1) : filename;
}
function parseWheelFilename(filename) {
  const base = basename(filename);
  if (!base.toLowerCase().endsWith(".whl")) throw new InvalidWheelFilename(base, "it does not end in .whl");
  const parts = base.slice(0, -4).split("-");
  if (parts.length !== 5 && parts.length !== 6) {
    throw new InvalidWheelFilename(base, `it has ${parts.length} dash-separated parts, a wheel name has 5 or 6`);
  }
  const [distName, version] = parts;
  if (!distName || !/^[A-Za-z0-9._]+$/.test(distName) || distName.includes("__") || !isValidProjectName(distName)) {
    throw new InvalidWheelFilename(base, `${JSON.stringify(distName)} is not a valid project name`);
  }
  if (!looksLikeVersion(version)) throw new InvalidWheelFilename(base, `${JSON.stringify(version)} is not a valid version`);
  let build;
  if (parts.length === 6) {
    const text = parts[2];
    const m = /^(\d+)(.*)$/.exec(text);
    if (!m) throw new InvalidWheelFilename(base, `build tag ${JSON.stringify(text)} must start with a digit`);
    if (!/^[A-Za-z0-9_.]*$/.test(m[2])) throw new InvalidWheelFilename(base, `build tag ${JSON.stringify(text)} has invalid characters`);
    build = { number: Number(m[1]), suffix: m[2], text };
  }
  const [pyPart, abiPart, platPart] = parts.slice(-3);
  const split = (what, value) => {
    const items = value.split(".");
    if (items.some((t) => !TAG_PART.test(t))) throw new InvalidWheelFilename(base, `${what} tag ${JSON.stringify(value)} is malformed`);
    return items;
  };
  const pythonTags = split("python", pyPart);
  const abiTags = split("abi", abiPart);
  const platformTags2 = split("platform", platPart);
  const tags = [];
  const seen = /* @__PURE__ */ new Set();
  for (const py of pythonTags)
    for (const abi of abiTags)
      for (const plat of platformTags2) {
        const tag = `${py}-${abi}-${plat}`.toLowerCase();
        if (!seen.has(tag)) {
          seen.add(tag);
          tags.push(tag);
        }
      }
  return {
    filename: base,
    name: canonicalizeName(distName),
    distName,
    version,
    ...build ? { build } : {},
    tags,
    pythonTags,
    abiTags,
    platformTags: platformTags2
  };
}
var SDIST_EXTENSIONS = [".tar.gz", ".zip", ".tar.bz2", ".tar.xz", ".tgz", ".tbz", ".tar"];
function sdistExtension(filename) {
  const lower = filename.toLowerCase();
  return SDIST_EXTENSIONS.find((ext) => lower.endsWith(ext));
}
function parseSdistFilename(filename, projectName) {
  const base = basename(filename);
  const extension = sdistExtension(base);
  if (!extension) throw new InvalidSdistFilename(base, `unknown archive extension (known: ${SDIST_EXTENSIONS.join(", ")})`);
  const stem = base.slice(0, -extension.length);
  let cut = -1;
  if (projectName !== void 0) {
    const want = canonicalizeName(projectName);
    for (let i = stem.indexOf("-"); i >= 0; i = stem.indexOf("-", i + 1)) {
      if (canonicalizeName(stem.slice(0, i)) === want) {
        cut = i;
        break;
      }
    }
    if (cut < 0) throw new InvalidSdistFilename(base, `it does not start with the project name ${JSON.stringify(projectName)}`);
  } else {
    cut = stem.lastIndexOf("-");
    if (cut <= 0) throw new InvalidSdistFilename(base, "there is no dash between name and version");
  }
  const distName = stem.slice(0, cut);
  const version = stem.slice(cut + 1);
  if (!isValidProjectName(distName)) throw new InvalidSdistFilename(base, `${JSON.stringify(distName)} is not a valid project name`);
  if (!looksLikeVersion(version)) throw new InvalidSdistFilename(base, `${JSON.stringify(version)} is not a valid version`);
  return { filename: base, name: canonicalizeName(distName), distName, version, extension };
}
function asWheel(wheel) {
  return typeof wheel === "string" ? parseWheelFilename(wheel) : wheel;
}
function wheelRank(wheel, target) {
  const priority = tagPriority(target.tags);
  let best;
  for (const tag of asWheel(wheel).tags) {
    const rank = priority.get(tag);
    if (rank !== void 0 && (best === void 0 || rank < best)) best = rank;
  }
  return best;
}
function wheelSupported(wheel, target) {
  return wheelRank(wheel, target) !== void 0;
}
function compareWheelsForTarget(a, b, target) {
  const wa = asWheel(a);
  const wb = asWheel(b);
  const ra = wheelRank(wa, target) ?? Number.POSITIVE_INFINITY;
  const rb = wheelRank(wb, target) ?? Number.POSITIVE_INFINITY;
  if (ra !== rb) return ra < rb ? -1 : 1;
  const ba = wa.build?.number ?? -1;
  const bb = wb.build?.number ?? -1;
  if (ba !== bb) return bb - ba;
  const sa = wa.build?.suffix ?? "";
  const sb = wb.build?.suffix ?? "";
  if (sa !== sb) return sa < sb ? 1 : -1;
  return wa.filename < wb.filename ? -1 : wa.filename > wb.filename ? 1 : 0;
}

export {
  tagPriority,
  parseTag,
  parsePlatformTag,
  platformTags,
  supportedTags,
  canonicalizeName,
  parseWheelFilename,
  sdistExtension,
  parseSdistFilename,
  wheelSupported,
  compareWheelsForTarget
};
