import { createRequire as __pexshipCreateRequire } from 'node:module'; import { fileURLToPath as __pexshipFileURLToPath } from 'node:url'; import { dirname as __pexshipDirname } from 'node:path'; const require = __pexshipCreateRequire(import.meta.url); var __filename = __pexshipFileURLToPath(import.meta.url); var __dirname = __pexshipDirname(__filename);
import {
  ChangedFileError,
  SpanReader,
  installWheel
} from "./chunk-7S5FWBVW.js";
import {
  LAYOUTS,
  dirFiles,
  writeDirPex
} from "./chunk-KJ5G7J34.js";
import {
  addProjectToLock,
  fetchSelections,
  isProjectArg,
  makeIndexClient,
  pipIndexArgs,
  readProject,
  resolveInputs,
  resolveTargets,
  selectFromLock,
  selectedFromResolution
} from "./chunk-PEOTYZC5.js";
import {
  defaultCacheDir
} from "./chunk-BQ32VOEA.js";
import {
  PEXSHIP_VERSION,
  timePhase
} from "./chunk-7BMIS5AO.js";
import {
  shellWords
} from "./chunk-EV2EOPE5.js";
import {
  layOutZip,
  memberContent
} from "./chunk-Z5MTOKTQ.js";
import {
  findInterpreterFor
} from "./chunk-PDE73SRJ.js";
import {
  JobError,
  PexshipError,
  UsageError
} from "./chunk-A2YORBZ4.js";

// src/core/build.ts
import path3 from "node:path";

// src/pex/entry-check.ts
import { stat } from "node:fs/promises";

// src/python/stdlib-modules.ts
var STDLIB_MODULES = /* @__PURE__ */ new Set([
  "abc",
  "aifc",
  "antigravity",
  "argparse",
  "array",
  "ast",
  "asynchat",
  "asyncio",
  "asyncore",
  "atexit",
  "audioop",
  "base64",
  "bdb",
  "binascii",
  "binhex",
  "bisect",
  "builtins",
  "bz2",
  "cProfile",
  "calendar",
  "cgi",
  "cgitb",
  "chunk",
  "cmath",
  "cmd",
  "code",
  "codecs",
  "codeop",
  "collections",
  "colorsys",
  "compileall",
  "concurrent",
  "configparser",
  "contextlib",
  "contextvars",
  "copy",
  "copyreg",
  "crypt",
  "csv",
  "ctypes",
  "curses",
  "dataclasses",
  "datetime",
  "dbm",
  "decimal",
  "difflib",
  "dis",
  "distutils",
  "doctest",
  "dummy_threading",
  "email",
  "encodings",
  "ensurepip",
  "enum",
  "errno",
  "faulthandler",
  "fcntl",
  "filecmp",
  "fileinput",
  "fnmatch",
  "formatter",
  "fractions",
  "ftplib",
  "functools",
  "gc",
  "genericpath",
  "getopt",
  "getpass",
  "gettext",
  "glob",
  "graphlib",
  "grp",
  "gzip",
  "hashlib",
  "heapq",
  "hmac",
  "html",
  "http",
  "idlelib",
  "imaplib",
  "imghdr",
  "imp",
  "importlib",
  "inspect",
  "io",
  "ipaddress",
  "itertools",
  "json",
  "keyword",
  "lib2to3",
  "linecache",
  "locale",
  "logging",
  "lzma",
  "mailbox",
  "mailcap",
  "marshal",
  "math",
  "mimetypes",
  "mmap",
  "modulefinder",
  "msilib",
  "msvcrt",
  "multiprocessing",
  "netrc",
  "nis",
  "nntplib",
  "nt",
  "ntpath",
  "nturl2path",
  "numbers",
  "opcode",
  "operator",
  "optparse",
  "os",
  "ossaudiodev",
  "parser",
  "pathlib",
  "pdb",
  "pickle",
  "pickletools",
  "pipes",
  "pkgutil",
  "platform",
  "plistlib",
  "poplib",
  "posix",
  "posixpath",
  "pprint",
  "profile",
  "pstats",
  "pty",
  "pwd",
  "py_compile",
  "pyclbr",
  "pydoc",
  "pydoc_data",
  "pyexpat",
  "queue",
  "quopri",
  "random",
  "re",
  "readline",
  "reprlib",
  "resource",
  "rlcompleter",
  "runpy",
  "sched",
  "secrets",
  "select",
  "selectors",
  "shelve",
  "shlex",
  "shutil",
  "signal",
  "site",
  "smtpd",
  "smtplib",
  "sndhdr",
  "socket",
  "socketserver",
  "spwd",
  "sqlite3",
  "sre_compile",
  "sre_constants",
  "sre_parse",
  "ssl",
  "stat",
  "statistics",
  "string",
  "stringprep",
  "struct",
  "subprocess",
  "sunau",
  "symbol",
  "symtable",
  "sys",
  "sysconfig",
  "syslog",
  "tabnanny",
  "tarfile",
  "telnetlib",
  "tempfile",
  "termios",
  "textwrap",
  "this",
  "threading",
  "time",
  "timeit",
  "tkinter",
  "token",
  "tokenize",
  "tomllib",
  "trace",
  "traceback",
  "tracemalloc",
  "tty",
  "turtle",
  "turtledemo",
  "types",
  "typing",
  "unicodedata",
  "unittest",
  "urllib",
  "uu",
  "uuid",
  "venv",
  "warnings",
  "wave",
  "weakref",
  "webbrowser",
  "winreg",
  "winsound",
  "wsgiref",
  "xdrlib",
  "xml",
  "xmlrpc",
  "zipapp",
  "zipfile",
  "zipimport",
  "zlib",
  "zoneinfo"
]);

// src/pex/entry-check.ts
var ENTRY_POINT = /^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*(:[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*)?$/;
function checkEntryPointSyntax(entryPoint) {
  if (entryPoint !== void 0 && !ENTRY_POINT.test(entryPoint)) {
    throw new UsageError(`entry point '${entryPoint}' is not MODULE or MODULE:FUNCTION (e.g. myapp.cli:main).`);
  }
}
async function checkSourcesDir(dir) {
  const info = await stat(dir).catch(() => void 0);
  if (!info) throw new UsageError(`--sources-directory ${dir} does not exist; give a folder of your Python code.`);
  if (!info.isDirectory()) throw new UsageError(`--sources-directory ${dir} is not a folder.`);
}
async function checkEntryInputs(entryPoint, sourcesDirs) {
  checkEntryPointSyntax(entryPoint);
  for (const dir of sourcesDirs) await checkSourcesDir(dir);
}
function moduleFiles(module, names, dirs) {
  const base = module.replaceAll(".", "/");
  if (names.has(`${base}/__init__.py`)) return "package";
  if (names.has(`${base}.py`)) return "module";
  const slash = base.lastIndexOf("/");
  const leaf = base.slice(slash + 1);
  const folder = base.slice(0, slash + 1);
  for (const n of names) {
    if (n.startsWith(`${folder}${leaf}.`) && !n.slice(folder.length).includes("/") && /\.(so|pyd|pyc)$/.test(n)) return "module";
  }
  if (dirs.has(base)) return "namespace";
  return void 0;
}
function checkEntryModule(entryPoint, code, targets) {
  const [module, func] = entryPoint.split(":");
  const top = module.split(".")[0];
  for (const t of targets) {
    const names = /* @__PURE__ */ new Set([...code, ...t.files]);
    const dirs = /* @__PURE__ */ new Set();
    for (const n of names) for (let i = n.indexOf("/"); i > 0; i = n.indexOf("/", i + 1)) dirs.add(n.slice(0, i));
    const kind = moduleFiles(module, names, dirs);
    if (kind === void 0) {
      if (STDLIB_MODULES.has(top) && !dirs.has(top) && !names.has(`${top}.py`)) continue;
      const where = code.length ? "your code (-D) or" : "any -D folder (none given) or";
      const topThere = moduleFiles(top, names, dirs);
      throw new UsageError(
        `entry point ${entryPoint}: the module ${module} is not in ${where} the distributions for ${t.label}` + (topThere && top !== module ? ` (${top} is, but has no ${module.slice(top.length + 1).replaceAll(".", "/")}.py)` : "") + "; check the name, add the folder that holds it with -D (for a src/ layout: -D src), or add the distribution that provides it."
      );
    }
    if (func === void 0 && kind !== "module" && !names.has(`${module.replaceAll(".", "/")}/__main__.py`)) {
      throw new UsageError(`entry point ${entryPoint}: ${module} is a package without a __main__.py, so it cannot be run; name a function (${module}.MODULE:FUNCTION) or add ${module}/__main__.py.`);
    }
  }
}

// src/pex/build.ts
import { createHash as createHash3, randomBytes as randomBytes2 } from "node:crypto";
import { chmod, mkdir as mkdir2, open, readdir, readFile as readFile2, rename as rename2, rm, stat as stat2, unlink } from "node:fs/promises";
import path2 from "node:path";

// src/pex/compile.ts
import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
var COMPILER = `
import base64, importlib.util, json, sys
from importlib._bootstrap_external import _code_to_hash_pyc
items = json.load(sys.stdin)
out = []
for item in items:
    source = base64.b64decode(item['source'])
    try:
        code = compile(source, item['name'], 'exec', dont_inherit=True)
    except (SyntaxError, ValueError):
        out.append(None)
        continue
    pyc = _code_to_hash_pyc(code, importlib.util.source_hash(source), False)
    out.append(base64.b64encode(bytes(pyc)).decode('ascii'))
json.dump({'tag': sys.implementation.cache_tag, 'pycs': out}, sys.stdout)
`;
function runCompiler(python, input) {
  return new Promise((resolve, reject) => {
    const child = execFile(python, ["-E", "-s", "-c", COMPILER], { maxBuffer: 1024 * 1024 * 1024, timeout: 6e5 }, (err, stdout, stderr) => {
      if (err) reject(new JobError(`--compile: ${python} failed to compile the PEX's sources: ${String(stderr).trim().split("\n").pop() || err.message}`));
      else resolve(String(stdout));
    });
    child.stdin?.end(input);
  });
}
function pycName(source, tag) {
  const slash = source.lastIndexOf("/");
  const dir = source.slice(0, slash + 1);
  return `${dir}__pycache__/${source.slice(slash + 1, -3)}.${tag}.pyc`;
}
function cacheKey(tag, file) {
  return createHash("sha256").update(tag).update("\0").update(file.name).update("\0").update(file.content).digest("hex");
}
async function compileFiles(python, files, cacheDir) {
  const tag = JSON.parse(await runCompiler(python, "[]")).tag;
  const dir = cacheDir ? path.join(cacheDir, "pyc", tag) : void 0;
  const pycs = [];
  const missing = [];
  for (let i = 0; i < files.length; i++) {
    const cached = dir ? await readFile(path.join(dir, cacheKey(tag, files[i]))).catch(() => void 0) : void 0;
    pycs.push(cached === void 0 ? null : cached.length ? cached : null);
    if (cached === void 0) missing.push(i);
  }
  if (missing.length) {
    const input = JSON.stringify(missing.map((i) => ({ name: files[i].name, source: files[i].content.toString("base64") })));
    const result = JSON.parse(await runCompiler(python, input));
    if (dir) await mkdir(dir, { recursive: true });
    for (let k = 0; k < missing.length; k++) {
      const content = result.pycs[k] ? Buffer.from(result.pycs[k], "base64") : Buffer.alloc(0);
      pycs[missing[k]] = content.length ? content : null;
      if (dir) {
        const file = path.join(dir, cacheKey(tag, files[missing[k]]));
        const temp = `${file}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
        await writeFile(temp, content).then(() => rename(temp, file)).catch(() => {
        });
      }
    }
  }
  return { tag, pycs };
}
function isCompilable(name) {
  if (!name.endsWith(".py")) return false;
  const top = name.split("/")[0];
  return !top.endsWith(".data") && !top.endsWith(".dist-info");
}

// src/pex/runtime.ts
import { createHash as createHash2 } from "node:crypto";

// src/pex/bootstrap/archive.py
var archive_default = `"""The PEX's contents, from its zip or from a folder it was unzipped into (\`unzip app.pex -d app\`), which is
also what \`--layout loose\` writes; \`--layout packed\` is the same with each \`.deps/<wheel>\` a zip file.

Both offer the part of zipfile.ZipFile's interface the runtime uses: infolist(), open(member), read(name),
close(); members carry \`filename\` ('/'-separated) and \`external_attr\` (Unix mode in the high 16 bits).
"""
import os
import zipfile


class _Member(object):
    def __init__(self, filename, path, mode, packed=None):
        self.filename = filename
        self.path = path
        self.external_attr = (mode & 0xFFFF) << 16
        self.packed = packed  # (zip file, ZipInfo) for a member of a packed wheel


def _built_pyc(path):
    """A --compile pyc (PEP 552 hash-based) rather than one Python wrote into the folder (timestamp-based)."""
    try:
        with open(path, 'rb') as f:
            header = f.read(8)
    except OSError:
        return False
    return len(header) == 8 and bool(header[4] & 1)


class DirArchive(object):
    """A PEX unzipped into a folder; compiled-bytecode caches Python left there are not part of it."""

    def __init__(self, folder):
        self.folder = folder
        self._members = []
        self._zips = []
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames.sort()
            for name in sorted(filenames):
                path = os.path.join(dirpath, name)
                if name.endswith('.pyc') and not _built_pyc(path):
                    continue
                relative = os.path.relpath(path, folder).replace(os.sep, '/')
                if relative.count('/') == 1 and relative.startswith('.deps/'):
                    self._add_packed(relative + '/', path)
                    continue
                self._members.append(_Member(relative, path, os.stat(path).st_mode))
        self._by_name = {m.filename: m for m in self._members}

    def _add_packed(self, prefix, path):
        zf = zipfile.ZipFile(path)
        self._zips.append(zf)
        for info in zf.infolist():
            if not info.filename.endswith('/'):
                self._members.append(_Member(prefix + info.filename, path, info.external_attr >> 16, (zf, info)))

    def infolist(self):
        return list(self._members)

    def open(self, member):
        if not isinstance(member, _Member):
            member = self._by_name[member]
        if member.packed:
            return member.packed[0].open(member.packed[1])
        return open(member.path, 'rb')

    def read(self, member):
        with self.open(member) as f:
            return f.read()

    def close(self):
        for zf in self._zips:
            zf.close()
        self._zips = []


def installed_in_place(zf, wheel):
    """The folder of an unzipped (loose) PEX's installed wheel, to run from as it is; None otherwise."""
    if not isinstance(zf, DirArchive):
        return None
    folder = os.path.join(zf.folder, '.deps', wheel)
    return folder if os.path.isdir(folder) else None


def open_pex(pex):
    """The PEX at \`pex\` (a zip file, or a folder holding its unzipped contents)."""
    if os.path.isdir(pex):
        if not os.path.isfile(os.path.join(pex, 'PEX-INFO')):
            raise KeyError('PEX-INFO (the folder %s is not an unzipped PEX)' % pex)
        return DirArchive(pex)
    return zipfile.ZipFile(pex)
`;

// src/pex/bootstrap/boot.py
var boot_default = `"""The cold path: what __main__.py's warm path cannot do alone.

Checks the interpreter (re-execs a fitting one if needed), extracts what the chosen target needs into
PEX_ROOT, writes the warm path's cache file last, and returns a Plan; __main__.py then sets sys.path and
runs it exactly as the warm path would. In venv mode it execs the venv's launcher instead of returning.
"""
import os
import sys
import zipfile

from . import archive, cache, fit, log, pexpath, reexec

_INHERIT = ('false', 'prefer', 'fallback')
_OFF = ('', '0', 'false', 'no', 'off')


class Plan(object):
    def __init__(self, root, entries, inherit, extra, kind, target, temporary):
        self.root = root        # PEX_ROOT, or this run's temporary cache
        self.entries = entries  # our sys.path entries: sources, then wheels in target order
        self.inherit = inherit  # 'false' | 'prefer' | 'fallback'
        self.extra = extra      # PEX_EXTRA_SYS_PATH entries, appended
        self.kind = kind        # 'entry' | 'script' (Python) | 'program' (anything else) | 'interpreter'
        self.target = target    # 'mod:func' / 'mod' / a script path / None
        self.temporary = temporary  # the cache is this run's temporary one (removed at exit)


def _flag(environ, name):
    return environ.get(name, '').strip().lower() not in _OFF


def _hex(value, what):
    if not isinstance(value, str) or not value or any(c not in '0123456789abcdef' for c in value.lower()):
        raise log.Failure('PEX-INFO has an invalid %s (%r): the PEX is damaged; rebuild it' % (what, value))
    return value


def _group_members(zf):
    by_wheel, sources = {}, []
    for member in zf.infolist():
        name = member.filename
        if name.startswith('.deps/'):
            wheel = name[len('.deps/'):].split('/', 1)[0]
            if wheel:
                by_wheel.setdefault(wheel, []).append(member)
        elif name in ('__main__.py', 'PEX-INFO') or name.startswith('.bootstrap/'):
            continue
        else:
            sources.append(member)
    return by_wheel, sources


def _extract(zf, info, target, root):
    by_wheel, sources = _group_members(zf)
    code_hash = _hex(info.get('code_hash') or info.get('pex_hash'), 'code_hash')
    code_dir = os.path.join(root, 'code', code_hash)
    if cache.install_dir(root, code_dir, lambda temp: cache.extract(zf, sources, '', temp)):
        log.info('extracted sources to %s' % code_dir)
    distributions = info.get('distributions') or {}
    wheel_dirs = []
    for wheel in target.get('wheels', []):
        if '/' in wheel or '\\\\' in wheel or wheel.startswith('.') or wheel not in by_wheel:
            raise log.Failure('the PEX has no .deps/%s/ folder: it is damaged; rebuild it' % wheel)
        sha = _hex(distributions.get(wheel), 'sha256 for %s' % wheel)
        in_place = archive.installed_in_place(zf, wheel)
        if in_place:  # a loose directory PEX runs its wheels where they are, as pex does
            wheel_dirs.append(in_place)
            continue
        wheel_dir = os.path.join(root, 'installed_wheels', sha, wheel)
        prefix = '.deps/%s/' % wheel
        if cache.install_dir(root, wheel_dir, lambda temp, w=wheel, p=prefix: cache.extract(zf, by_wheel[w], p, temp)):
            log.info('extracted %s to %s' % (wheel, wheel_dir))
        wheel_dirs.append(wheel_dir)
    return code_dir, wheel_dirs


def _console_scripts(info, target):
    wheels = (info.get('pexship') or {}).get('wheels') or {}
    scripts = {}
    for wheel in target.get('wheels', []):
        for name, entry in sorted(((wheels.get(wheel) or {}).get('console_scripts') or {}).items()):
            scripts.setdefault(name, entry)
    return scripts


def _recorded_scripts(info, wheel):
    """{name: 'python' | 'program'} of the wheel's .data/scripts, as the build recorded them."""
    return (((info.get('pexship') or {}).get('wheels') or {}).get(wheel) or {}).get('scripts') or {}


def _script_kind(info, wheel, name, path):
    # Recorded at build time; PEXes without the record: read the file's first bytes.
    kind = _recorded_scripts(info, wheel).get(name)
    if kind is None:
        with open(path, 'rb') as f:
            head = f.readline(256)
        kind = 'python' if (b'python' in head if head.startswith(b'#!') else b'\\0' not in head) else 'program'
    return 'script' if kind == 'python' else 'program'


def _data_script(info, target, wheel_dirs, name):
    """(kind, path) of the wheels' \`.data/scripts/NAME\`, the first wheel in target order that has one."""
    for wheel, wheel_dir in zip(target.get('wheels', []), wheel_dirs):
        for folder in sorted(os.listdir(wheel_dir)):
            path = os.path.join(wheel_dir, folder, 'scripts', name)
            if folder.endswith('.data') and os.path.isfile(path):
                return _script_kind(info, wheel, name, path), path
    return None


def _choose_run(environ, info, target, entry_point, script_entry, script_file, scripts, wheel_dirs):
    if _flag(environ, 'PEX_INTERPRETER'):
        return 'interpreter', None
    script = environ.get('PEX_SCRIPT')
    if script:
        if script in scripts:
            return 'entry', scripts[script]
        found = _data_script(info, target, wheel_dirs, script)
        if found:
            return found
        known = set(scripts)
        for wheel in target.get('wheels', []):
            known.update(_recorded_scripts(info, wheel))
        raise log.Failure('PEX_SCRIPT=%s: no console script or script of that name in this PEX (it has: %s)' % (
            script, ', '.join(sorted(known)) or 'none'))
    module = environ.get('PEX_MODULE')
    if module:
        return 'entry', module
    if script_file:
        for wheel_dir in wheel_dirs:
            if os.path.basename(wheel_dir) == script_file[0]:
                return ('script' if script_file[2] == 'python' else 'program'), os.path.join(wheel_dir, *script_file[1].split('/'))
        raise log.Failure('the script %s of %s is not in this PEX: it is damaged; rebuild it' % (script_file[1], script_file[0]))
    if entry_point or script_entry:
        return 'entry', entry_point or script_entry
    return 'interpreter', None


def _write_warm_file(root, pex_hash, interpreter_id, entries):
    final = os.path.join(root, 'pexes', pex_hash, interpreter_id)
    # Entries outside PEX_ROOT (a loose PEX's own wheels) stay absolute; os.path.join(root, abs) is abs.
    rel = [os.path.relpath(e, root) for e in entries]
    rel = [e if r.startswith(os.pardir) else r for e, r in zip(entries, rel)]
    data = ''.join(r.replace(os.sep, '/') + '\\n' for r in rel).encode('utf-8', 'surrogateescape')
    try:
        with open(final, 'rb') as f:
            if f.read() == data:
                return
    except OSError:
        pass
    try:
        cache.write_file(root, final, data)
    except cache.CacheError as e:  # a read-only cache filled by another interpreter: cold starts, still runs
        log.info('no warm-path file: %s' % e)
        return
    log.info('wrote %s' % final)


def _prepare(pex, pex_hash, root, interpreter_id, entry_point, script_entry, script_file, inherit_path, venv, strip_pex_env,
             shim_python):
    environ = os.environ
    log.info('cold start: %s with %s (interpreter id %s, PEX_ROOT %s)' % (pex, sys.executable, interpreter_id, root))
    inherit = (environ.get('PEX_INHERIT_PATH') or inherit_path or 'false').strip().lower()
    inherit = {'true': 'prefer'}.get(inherit, inherit)
    if inherit not in _INHERIT:
        raise log.Failure('PEX_INHERIT_PATH=%s is not one of false, prefer, fallback' % environ.get('PEX_INHERIT_PATH'))
    try:
        zf = archive.open_pex(pex)
        info = fit.read_info(zf)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as e:
        raise log.Failure('cannot read %s as a PEX: %s' % (pex, e))

    reexeced_from = environ.get(reexec.REEXEC_MARK)
    if environ.get('PEX_PYTHON') and not reexeced_from:
        python = reexec.resolve_pex_python(environ)
        if python is None:
            raise log.Failure('PEX_PYTHON=%s does not name an interpreter here (searched %s)' % (
                environ['PEX_PYTHON'], 'PEX_PYTHON_PATH' if environ.get('PEX_PYTHON_PATH') else 'PATH'))
        if not reexec._same_file(python, sys.executable):
            reexec.exec_into(python, pex, sys.argv[1:])
    target, misfit = fit.choose(info)
    if misfit is not None:
        if not reexeced_from and not environ.get('PEX_PYTHON'):
            python = reexec.find_fitting(pex, environ, misfit.minor)
            if python:
                reexec.exec_into(python, pex, sys.argv[1:])
        raise log.Failure(misfit.message(sys.executable))
    log.info('target %s fits' % target.get('platform', '(single)'))

    pex_hash = _hex(pex_hash, 'pex_hash')
    scripts = _console_scripts(info, target)
    try:
        code_dir, wheel_dirs, venv_dir = _install(zf, info, target, root, pex_hash, interpreter_id, venv, scripts)
    except cache.CacheError as e:
        root = cache.temporary_root(e)
        code_dir, wheel_dirs, venv_dir = _install(zf, info, target, root, pex_hash, interpreter_id, venv, scripts)
    main_source = zf.read('.bootstrap/main.py')
    zf.close()
    kind, run_target = _choose_run(environ, info, target, entry_point, script_entry, script_file, scripts, wheel_dirs)
    extra = [p for p in environ.get('PEX_EXTRA_SYS_PATH', '').split(os.pathsep) if p]
    extra = pexpath.entries(pex, info, root, environ, _extract) + extra
    temporary = cache.using_temporary_root()
    if venv_dir:
        from . import venvs
        if extra:  # the launcher appends these, as it does PEX_EXTRA_SYS_PATH
            environ['PEX_EXTRA_SYS_PATH'] = os.pathsep.join(extra)
        venvs.exec_launcher(venv_dir, sys.argv[0] or pex, kind, run_target, inherit, strip_pex_env, sys.argv[1:], temporary)
    entries = [code_dir] + wheel_dirs
    if kind != 'program':
        from . import shims
        shims.ensure(root, os.path.dirname(os.path.dirname(shim_python(root, interpreter_id, inherit))), main_source,
                     entries, inherit)
    if not temporary:
        _write_warm_file(root, pex_hash, interpreter_id, entries)
    return Plan(root, entries, inherit, extra, kind, run_target, temporary)


def _install(zf, info, target, root, pex_hash, interpreter_id, venv, scripts):
    """Extracts what the target needs under root (and makes the venv); (code dir, wheel dirs, venv dir or None)."""
    cache.make_dirs(root, root)
    code_dir, wheel_dirs = _extract(zf, info, target, root)
    venv_dir = None
    if venv:
        from . import venvs
        venv_dir = venvs.ensure(root, pex_hash, interpreter_id, zf, code_dir, wheel_dirs, scripts,
                                bin_path=info.get('venv_bin_path') or 'false')
    return code_dir, wheel_dirs, venv_dir


def prepare(pex, pex_hash, root, interpreter_id, entry_point, script_entry, script_file, inherit_path, venv, strip_pex_env,
            shim_python):
    log.enable(_flag(os.environ, 'PEX_VERBOSE'))
    try:
        return _prepare(pex, pex_hash, root, interpreter_id, entry_point, script_entry, script_file, inherit_path, venv,
                        strip_pex_env, shim_python)
    except log.Failure as e:
        log.fail(str(e))
`;

// src/pex/bootstrap/cache.py
var cache_default = `"""The runtime cache under PEX_ROOT (FORMAT.md, "Runtime cache").

Every folder is built under a temporary name in its final parent and renamed into place, so a folder that
exists is complete. Racing processes each build their own copy; the loser of the rename deletes its copy
and uses the winner's. Temporary folders left by a crash are swept later (owner gone, or older than a day).
"""
import errno
import os
import platform
import shutil
import stat
import sys
import time

from . import log

_TEMP_PREFIX = '.tmp-'
_ROOT_PREFIX = 'pexship-root-'
_STALE_AFTER = 24 * 3600
_UNWRITABLE = {errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC, getattr(errno, 'EDQUOT', errno.ENOSPC)}
_HOST = ''.join(c if c.isalnum() else '_' for c in (platform.node() or 'host'))[:40]


class CacheError(log.Failure):
    def __init__(self, message, problem):
        log.Failure.__init__(self, message)
        self.problem = problem  # 'cannot write to the PEX cache ROOT (PEX_ROOT) at PATH: REASON'


def unwritable(root, path, error):
    reason = error.strerror or str(error)
    where = '' if path == root else ' at %s' % path
    problem = 'cannot write to the PEX cache %s (PEX_ROOT)%s: %s' % (root, where, reason)
    return CacheError('%s; make it writable or set PEX_ROOT to a writable directory' % problem, problem)


_temporary_root = None


def temporary_root(error):
    """A private cache for this run when PEX_ROOT cannot be written (as pex does): one warning line on
    stderr, and the folder is removed when the process that made it exits. Its name carries the owner's pid
    and host, so one left by os._exit or a fatal signal is removed by the next run that falls back here."""
    global _temporary_root
    import atexit
    import tempfile
    try:
        parent = tempfile.gettempdir()
        sweep_stale(parent, _ROOT_PREFIX, None)
        _temporary_root = tempfile.mkdtemp(prefix='%s%d-%s-' % (_ROOT_PREFIX, os.getpid(), _HOST), dir=parent)
    except OSError as e:
        raise log.Failure('%s, and no temporary folder can be made either (%s); set PEX_ROOT to a writable '
                          'directory' % (error.problem, e.strerror or e))
    sys.stderr.write('pexship: warning: %s; using the temporary cache %s for this run (removed at exit); make '
                     'it writable or set PEX_ROOT to a writable directory to start fast\\n' % (error.problem, _temporary_root))
    sys.stderr.flush()
    atexit.register(remove_temporary_root, os.getpid())
    return _temporary_root


def remove_temporary_root(owner=None):
    """Deletes this run's temporary cache; not from a forked child (it exits while its parent still runs)."""
    if _temporary_root and (owner is None or owner == os.getpid()):
        shutil.rmtree(_temporary_root, ignore_errors=True)


def using_temporary_root():
    return _temporary_root is not None


def _temp_name(parent):
    return os.path.join(parent, '%s%d-%s-%s' % (_TEMP_PREFIX, os.getpid(), _HOST, os.urandom(4).hex()))


def _owner_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists but is not ours, or we cannot tell
        return True
    return True


def sweep_stale(parent, prefix=_TEMP_PREFIX, max_age=_STALE_AFTER):
    """Removes \`<prefix><pid>-<host>-<random>\` entries whose owner died (same host) or older than max_age."""
    try:
        names = os.listdir(parent)
    except OSError:
        return
    now = time.time()
    for name in names:
        if not name.startswith(prefix):
            continue
        path = os.path.join(parent, name)
        parts = name[len(prefix):].split('-')
        stale = False
        try:
            stale = max_age is not None and now - os.lstat(path).st_mtime > max_age
            if not stale and len(parts) == 3 and parts[1] == _HOST and parts[0].isdigit():
                stale = int(parts[0]) != os.getpid() and not _owner_alive(int(parts[0]))
        except OSError:
            continue
        if stale:
            log.info('removing %s left by an interrupted run' % path)
            _remove(path)


def _remove(path):
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path, ignore_errors=True)
    else:
        try:
            os.unlink(path)
        except OSError:
            pass


def make_dirs(root, path):
    try:
        os.makedirs(path, exist_ok=True)
    except OSError as e:
        raise unwritable(root, path, e)


def install_dir(root, final, populate):
    """Makes \`final\` by calling populate(temp_dir) then renaming; returns True if this process made it."""
    if os.path.isdir(final):
        return False
    parent = os.path.dirname(final)
    make_dirs(root, parent)
    sweep_stale(parent)
    temp = _temp_name(parent)
    try:
        os.mkdir(temp)
    except OSError as e:
        raise unwritable(root, parent, e)
    try:
        populate(temp)
        os.rename(temp, final)
        return True
    except OSError as e:
        _remove(temp)
        if os.path.isdir(final):  # another process won the race: use its copy
            return False
        if e.errno in _UNWRITABLE:
            raise unwritable(root, final, e)
        raise
    except BaseException:
        _remove(temp)
        raise


def write_file(root, final, data):
    """Writes a small file atomically (temp file + rename); concurrent writers of the same content are fine."""
    parent = os.path.dirname(final)
    make_dirs(root, parent)
    temp = _temp_name(parent)
    try:
        with open(temp, 'wb') as f:
            f.write(data)
        os.replace(temp, final)
    except OSError as e:
        _remove(temp)
        raise unwritable(root, final, e)


def _safe_relative(name):
    parts = name.split('/')
    if name.startswith('/') or '\\\\' in name or ':' in parts[0] or any(p in ('..',) for p in parts):
        raise log.Failure('refusing to extract %r: the PEX contains an unsafe path' % name)
    return [p for p in parts if p not in ('', '.')]


def extract(zf, members, prefix, dest):
    """Extracts zip members named \`prefix + relative\` under dest, keeping executable bits."""
    for member in members:
        parts = _safe_relative(member.filename[len(prefix):])
        if not parts:
            continue
        target = os.path.join(dest, *parts)
        if member.filename.endswith('/'):
            os.makedirs(target, exist_ok=True)
            continue
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with zf.open(member) as src, open(target, 'wb') as dst:
            shutil.copyfileobj(src, dst, 1024 * 1024)
        mode = (member.external_attr >> 16) & 0o777
        if mode & stat.S_IXUSR:
            os.chmod(target, 0o755)
`;

// src/pex/bootstrap/fit.py
var fit_default = `"""Does this interpreter fit the PEX? Interpreter constraints, then the first target whose wheels all fit.

Also the probe a candidate interpreter runs before we re-exec into it (\`python -c ... probe(pex)\`).
"""
import json
import sys
import sysconfig
from . import archive, specifiers, tags


class Misfit(object):
    """Why the running interpreter cannot run the PEX, phrased for the user."""

    def __init__(self, need, detail, minor=None):
        self.need = need      # 'CPython 3.11'
        self.detail = detail  # 'wheel markupsafe-...whl does not fit'
        self.minor = minor    # '3.11' when one minor version would fit, to try python3.11 first

    def message(self, executable):
        if self.minor:
            advice = 'run it with python%s or set PEX_PYTHON to a matching interpreter' % self.minor
        else:
            advice = 'run it with a matching interpreter or set PEX_PYTHON to one'
        return 'this PEX needs %s (%s %s, which is %s %s on %s); %s' % (
            self.need, self.detail, executable or 'this interpreter', specifiers.implementation(),
            specifiers.python_version(), sysconfig.get_platform(), advice)


def read_info(zf):
    return json.loads(zf.read('PEX-INFO').decode('utf-8'))


def _constraint_misfit(constraints):
    if not constraints:
        return None
    for constraint in constraints:
        if specifiers.constraint_matches(constraint):
            return None
    minor = None
    if len(constraints) == 1:
        for m in range(13, 5, -1):  # released minors, newest first
            version = '3.%d' % m
            if any(specifiers.constraint_matches(c, 'CPython', version + p) for c in constraints for p in ('.0', '.50')):
                minor = version
                break
    return Misfit(' or '.join(constraints), 'interpreter constraints do not match', minor)


def _wheel_need(wheel_tags, platforms):
    """What a wheel's tags ask for, e.g. ('CPython 3.11', '3.11') or ('a macosx_11_0_arm64 platform', None)."""
    if not any(plat in platforms or plat == 'any' for (_, _, plat) in wheel_tags):
        plats = sorted(set(plat for (_, _, plat) in wheel_tags))
        return 'a %s platform' % ' or '.join(plats), None
    pythons = sorted(set(py for (py, _, _) in wheel_tags))
    cpython = [py for py in pythons if py.startswith('cp') and py[2:].isdigit() and len(py) >= 4]
    if cpython and len(cpython) == len(pythons):
        minors = ['%s.%s' % (py[2], py[3:]) for py in cpython]
        if any(abi == 'abi3' for (_, abi, _) in wheel_tags):
            return 'CPython >= %s' % min(minors, key=lambda v: int(v.split('.')[1])), None
        if len(minors) == 1:
            return 'CPython %s' % minors[0], minors[0]
        return 'CPython %s' % ' or '.join(minors), None
    return 'an interpreter matching %s' % '.'.join(pythons), None


def _target_misfit(target, wheels_meta, supported, platforms):
    for wheel in target.get('wheels', []):
        parsed = tags.parse_wheel_name(wheel)
        if parsed is None:
            return Misfit('a valid wheel', 'wheel %s has a malformed file name and does not fit' % wheel)
        if not (parsed[2] & supported):
            need, minor = _wheel_need(parsed[2], platforms)
            return Misfit(need, 'wheel %s does not fit' % wheel, minor)
        requires = (wheels_meta.get(wheel) or {}).get('requires_python')
        if requires and not specifiers.matches(specifiers.python_version(), requires):
            return Misfit('Python %s' % requires, 'wheel %s requires it and does not fit' % wheel)
    return None


def choose(info):
    """(target, None) for the first target that fits, else (None, Misfit)."""
    misfit = _constraint_misfit(info.get('interpreter_constraints') or [])
    if misfit:
        return None, misfit
    ours = info.get('pexship') or {}
    targets = ours.get('targets') or [{'platform': 'any', 'wheels': sorted(info.get('distributions') or {})}]
    supported = tags.supported_tags()
    platforms = tags.platforms()
    first = None
    for target in targets:
        misfit = _target_misfit(target, ours.get('wheels') or {}, supported, platforms)
        if misfit is None:
            return target, None
        first = first or misfit
    if len(targets) > 1:
        first.detail = 'none of its %d targets (%s) fits: %s' % (
            len(targets), ', '.join(t.get('platform', '?') for t in targets), first.detail)
    return None, first


def probe(pex):
    """Exit status for a candidate interpreter: 0 when it can run the PEX."""
    try:
        zf = archive.open_pex(pex)
        try:
            target, misfit = choose(read_info(zf))
        finally:
            zf.close()
    except Exception as e:  # a probe must answer, never crash
        sys.stderr.write('pexship probe: %s\\n' % e)
        return 2
    return 0 if target is not None else 3
`;

// src/pex/bootstrap/__init__.py
var init_default = `"""pexship's PEX runtime: the cold path of the bootstrap (see src/pex/FORMAT.md)."""
`;

// src/pex/bootstrap/launch.py
var launch_default = `"""The venv launcher's work: \`python pexship_main.py PEX KIND TARGET INHERIT STRIP ARGS...\`.

KIND is 'entry' (TARGET 'mod:func' or 'mod'), 'script' (TARGET a Python script file), 'program' (TARGET a
file executed as a program) or 'interpreter'.
"""
import os
import sys

from . import run


def _inherited_site_dirs():
    import site
    dirs = []
    try:
        dirs.extend(site.getsitepackages([sys.base_prefix, sys.base_exec_prefix]))
    except (AttributeError, TypeError):
        pass
    try:
        dirs.append(site.getusersitepackages())
    except AttributeError:
        pass
    return [d for d in dirs if os.path.isdir(d)]


def _set_path(venv_dir, inherit):
    pythonpath = set()
    if not sys.flags.ignore_environment:
        for p in os.environ.get('PYTHONPATH', '').split(os.pathsep):
            if p:
                pythonpath.update((p, os.path.abspath(p)))
    path = [p for p in sys.path if os.path.abspath(p) != venv_dir]
    if inherit == 'false':
        path = [p for p in path if p not in pythonpath]
    sys.path[:] = path
    if inherit in ('prefer', 'fallback'):
        import site
        before = list(sys.path)
        for d in _inherited_site_dirs():
            site.addsitedir(d)
        added = [p for p in sys.path if p not in before]
        if inherit == 'prefer':
            own = [p for p in before if p.startswith(venv_dir + os.sep)]
            sys.path[:] = [p for p in before if p not in own] + added + own
    extra = os.environ.get('PEX_EXTRA_SYS_PATH')
    if extra:
        sys.path.extend(p for p in extra.split(os.pathsep) if p)


def _set_bin_path(venv_dir, bin_path):
    # pex's --venv prepend|append: the venv's scripts found on PATH by the app and its subprocesses.
    if bin_path not in ('prepend', 'append'):
        return
    bin_dir = os.path.join(venv_dir, 'Scripts' if os.name == 'nt' else 'bin')
    path = [p for p in os.environ.get('PATH', '').split(os.pathsep) if p and p != bin_dir]
    os.environ['PATH'] = os.pathsep.join([bin_dir] + path if bin_path == 'prepend' else path + [bin_dir])


def main(venv_dir, bin_path='false'):
    args = sys.argv[1:]
    if len(args) < 5:
        sys.stderr.write('pexship: %s is started by a PEX, not directly\\n' % os.path.join(venv_dir, 'pexship_main.py'))
        sys.exit(2)
    pex, kind, target, inherit, strip = args[:5]
    sys.argv = [pex] + args[5:]
    _set_path(venv_dir, inherit)
    _set_bin_path(venv_dir, bin_path)
    if strip == '1':
        for key in [k for k in os.environ if k.startswith('PEX_')]:
            del os.environ[key]
    if kind == 'entry':
        run.run_entry(target)
    elif kind in ('script', 'program'):
        run.run_script_file(target, kind)
    else:
        run.interpreter(sys.argv[1:])
`;

// src/pex/bootstrap/log.py
var log_default = `"""What the bootstrap tells the user: progress with PEX_VERBOSE, and errors that end the run."""
import sys
import time

_enabled = False
_start = time.time()


class Failure(Exception):
    """An error the user can act on; boot.main turns it into a message and exit code 1."""


def enable(on):
    global _enabled
    _enabled = bool(on)


def info(message):
    if _enabled:
        sys.stderr.write('pexship[%.3fs]: %s\\n' % (time.time() - _start, message))
        sys.stderr.flush()


def fail(message):
    sys.stderr.write('pexship: %s\\n' % message)
    sys.stderr.flush()
    sys.exit(1)
`;

// src/pex/bootstrap/main.py
var main_default = "# pexship PEX bootstrap (format 1), rendered at build time by src/pex/runtime.ts into .bootstrap/main.py; the\n# PEX's __main__.py (stub.py) runs it in its own namespace, which also gives it _pex_root().\n# The warm path below runs on every start, so it uses only modules the interpreter has already loaded\n# (sys, os, and importlib.util which runpy brought in to run this zip) and reads one small cache file.\n# Everything else (extraction, interpreter checks, re-exec, venv, interpreter mode) lives in\n# .bootstrap/pexship_runtime and is imported from the zip only when the warm path cannot finish.\nimport os\nimport sys\n\nPEX_HASH = '@PEX_HASH@'\nENTRY_POINT = '@ENTRY_POINT@'\nSCRIPT_ENTRY = '@SCRIPT_ENTRY@'\n# -c NAME of a wheel's .data/scripts file: [wheel file name, path inside its folder, 'python' | 'program'].\nSCRIPT_FILE = '@SCRIPT_FILE@'\nINHERIT_PATH = '@INHERIT_PATH@'\nVENV = '@VENV@'\nSTRIP_PEX_ENV = '@STRIP_PEX_ENV@'\nINJECT_ARGS = '@INJECT_ARGS@'\nINJECT_ENV = '@INJECT_ENV@'\nPEX_PATH = '@PEX_PATH@'\n# {wheel file name: [its top-level .pth files, sorted]}: recorded at build time so the warm path lists no folder.\nPTH_FILES = '@PTH_FILES@'\n\n# Any of these set means the cold path decides (they change what runs or where from).\n_OVERRIDES = ('PEX_INTERPRETER', 'PEX_MODULE', 'PEX_SCRIPT', 'PEX_INHERIT_PATH', 'PEX_EXTRA_SYS_PATH',\n              'PEX_VERBOSE', 'PEX_PYTHON', 'PEX_PYTHON_PATH', 'PEX_REEXEC_FROM', 'PEX_PATH')\n\n\ndef _interpreter_id():\n    # Names this interpreter in the cache: its cache tag plus a FNV-1a hash of where and what it is.\n    h = 0xcbf29ce484222325\n    for b in '\\0'.join((sys.executable, sys.version, sys.platform)).encode('utf-8', 'surrogateescape'):\n        h = ((h ^ b) * 0x100000001b3) & 0xffffffffffffffff\n    return '%s-%016x' % (sys.implementation.cache_tag or sys.implementation.name, h)\n\n\ndef _cached_entries(root, interpreter_id):\n    # The cache file lists our sys.path entries relative to PEX_ROOT; it is written last, so its presence\n    # means they are complete. A stat per entry guards against a cache someone partly deleted.\n    try:\n        with open(os.path.join(root, 'pexes', PEX_HASH, interpreter_id), 'rb') as f:\n            lines = f.read().decode('utf-8', 'surrogateescape').splitlines()\n    except OSError:\n        return None\n    entries = [os.path.join(root, line) for line in lines if line]\n    for entry in entries:\n        if not os.path.isdir(entry):\n            return None\n    return entries\n\n\ndef _scrubbed_path(pex, own, inherit):\n    # sys.path minus this PEX, then (inherit 'false') only the standard library: entries under the\n    # interpreter's base prefixes that are neither site-packages nor from PYTHONPATH. As in a virtualenv\n    # running a script, the standard library comes after the sources (own[0]) and before the wheels: a\n    # wheel cannot shadow it, and each of the many stdlib imports finds its module without first looking\n    # in every wheel's folder.\n    rest = [p for p in sys.path if os.path.abspath(p) != pex]\n    if inherit == 'prefer':\n        return rest + own\n    if inherit == 'fallback':\n        return own + rest\n    pythonpath = set()\n    if not sys.flags.ignore_environment:\n        for p in os.environ.get('PYTHONPATH', '').split(os.pathsep):\n            if p:\n                pythonpath.add(p)\n                pythonpath.add(os.path.abspath(p))\n    prefixes = {sys.base_prefix, sys.base_exec_prefix}\n    stdlib = []\n    for p in rest:\n        if p in pythonpath or 'site-packages' in p or 'dist-packages' in p:\n            continue\n        for prefix in prefixes:\n            if p == prefix or p.startswith(prefix.rstrip(os.sep) + os.sep):\n                stdlib.append(p)\n                break\n    return own[:1] + stdlib + own[1:]\n\n\ndef _drop_host_modules(pex, old_path):\n    # A .pth or sitecustomize of the host may have imported modules (six, certifi, ...) from entries we\n    # just took off sys.path; drop them (and meta path finders they installed) so the PEX's copies load.\n    # A module belongs to the longest sys.path entry holding its file; the standard library stays.\n    kept = [os.path.abspath(p) for p in sys.path if p]\n    dropped = [a for a in (os.path.abspath(p) for p in old_path if p) if a not in kept and a != pex]\n    if not dropped:\n        return\n    roots = [(len(a), a, True) for a in dropped] + [(len(a), a, False) for a in kept]\n    roots.sort(reverse=True)\n    gone = set()\n    for name, module in list(sys.modules.items()):\n        try:\n            where = getattr(module, '__file__', None)\n            locations = [where] if where else list(getattr(module, '__path__', None) or ())\n        except Exception:  # a lazy or odd object in sys.modules: leave it alone\n            continue\n        for location in locations:\n            if not os.path.isabs(location):\n                location = os.path.abspath(location)\n            for _, root, outside in roots:\n                if location.startswith(root + os.sep):\n                    if outside and name not in ('__main__', '__mp_main__', __name__):\n                        gone.add(name)\n                    break\n    for name in gone:\n        del sys.modules[name]\n    if gone:\n        sys.meta_path[:] = [f for f in sys.meta_path if getattr(type(f), '__module__', None) not in gone]\n        sys.path_importer_cache.clear()\n\n\ndef _add_pth(sitedir, name):\n    # site.addpackage for one .pth file: `import` lines run (with `sitedir` a local of the calling frame,\n    # as -nspkg.pth files expect), other lines name folders appended to sys.path when they exist.\n    try:\n        with open(os.path.join(sitedir, name), 'rb') as f:\n            data = f.read()\n    except OSError:\n        return\n    if data.startswith(b'\\xef\\xbb\\xbf'):  # as utf-8-sig, without importing that codec on every start\n        data = data[3:]\n    try:\n        text = data.decode('utf-8')\n    except UnicodeDecodeError:\n        text = data.decode('latin-1')\n    for n, line in enumerate(text.splitlines(), 1):\n        if line.startswith('#') or not line.strip():\n            continue\n        try:\n            if line.startswith(('import ', 'import\\t')):\n                exec(line)\n                continue\n            folder = os.path.abspath(os.path.join(sitedir, line.rstrip()))\n            if folder not in sys.path and os.path.exists(folder):\n                sys.path.append(folder)\n        except Exception:\n            import traceback\n            sys.stderr.write('Error processing line %d of %s:\\n\\n' % (n, os.path.join(sitedir, name)))\n            for record in traceback.format_exception(*sys.exc_info()):\n                for part in record.splitlines():\n                    sys.stderr.write('  %s\\n' % part)\n            sys.stderr.write('\\nRemainder of file ignored\\n')\n            break\n\n\n# Entries whose .pth files this module ran (read by the PEX's __main__ when a child interpreter's site hook,\n# this file imported as _pexship_site, already ran them in this process).\n_PTH_DONE = []\n_HOOK_MODULE = '_pexship_site'\n\n\ndef _pth_done():\n    return list(getattr(sys.modules.get(_HOOK_MODULE), '_PTH_DONE', ()))\n\n\ndef _process_pth(entries, done=()):\n    # What site.addsitedir does for each distribution's folder, in sys.path order, once.\n    if PTH_FILES:\n        for entry in entries:\n            if entry in done or entry in _PTH_DONE:\n                continue\n            names = PTH_FILES.get(os.path.basename(entry), ())\n            if names:\n                _PTH_DONE.append(entry)\n            for name in names:\n                _add_pth(entry, name)\n\n\ndef _site_hook(entries, inherit):\n    # Called by the pexship.pth of an interpreter made for this PEX (which imports this file as _pexship_site):\n    # the zip mode's sys.executable for its children (shims.py), or the --venv's python (venvs.py). Entries are\n    # relative to this file. inherit None (--venv): site-packages already holds the wheels; only their .pth\n    # files are ours to run, once, though site reads a venv's .pth files twice.\n    global _hooked\n    if _hooked:\n        return\n    _hooked = True\n    here = os.path.dirname(os.path.abspath(__file__))\n    entries = [os.path.normpath(os.path.join(here, e)) for e in entries]\n    if inherit is None:\n        _process_pth(entries)\n    else:\n        _activate(None, entries, inherit, [])\n\n\n_hooked = False\n\n\ndef _shim_python(root, interpreter_id, inherit):\n    # The child interpreter shims.py makes: its .pth puts this PEX's entries on sys.path, as ours are.\n    return os.path.join(root, 'shims', PEX_HASH, '%s-%s' % (interpreter_id, inherit), 'bin', 'python')\n\n\ndef _use_shim(root, interpreter_id, inherit):\n    # So `sys.executable -m pkg.worker` children (loky, joblib, subprocess) import from the PEX as this process does.\n    python = _shim_python(root, interpreter_id, inherit)\n    if os.path.exists(python):\n        sys.executable = python\n\n\ndef _worker_setup():\n    import site\n    site_dirs = []\n    if hasattr(site, 'getsitepackages'):\n        site_dirs.extend(site.getsitepackages())\n    if hasattr(site, 'getusersitepackages'):\n        site_dirs.append(site.getusersitepackages())\n    done = _pth_done()\n    _drop_host_modules(os.path.abspath(os.path.dirname(__file__)), site_dirs + sys.path)\n    _process_pth(sys.path, done)\n\n\ndef _activate(pex, entries, inherit, extra):\n    old_path = list(sys.path)\n    done = _pth_done()\n    sys.path[:] = _scrubbed_path(pex, entries, inherit) + extra\n    if inherit == 'false':\n        _drop_host_modules(pex, old_path)\n    _process_pth(entries, done)\n    if STRIP_PEX_ENV:\n        _strip_pex_env()\n\n\ndef _strip_pex_env():\n    for key in [k for k in os.environ if k.startswith('PEX_')]:\n        del os.environ[key]\n\n\ndef _detach_main(pex, origin):\n    # __main__ as `python script.py` leaves it: no __spec__, so re-runs (Django's autoreloader,\n    # multiprocessing spawn) use sys.argv[0] or __file__ rather than `-m __main__`, which cannot find the PEX.\n    main = sys.modules['__main__']\n    main.__spec__ = None\n    main.__file__ = origin or pex\n\n\ndef _run_module_as_main(pex, name):\n    # Like `python -m name`, but sys.argv[0] stays the PEX path.\n    import importlib.util\n    spec = importlib.util.find_spec(name)\n    if spec is not None and spec.submodule_search_locations is not None:\n        spec = importlib.util.find_spec(name + '.__main__')\n    if spec is None or spec.loader is None:\n        sys.stderr.write('pexship: no module named %r (the entry point of %s)\\n' % (name, sys.argv[0]))\n        sys.exit(1)\n    code = spec.loader.get_code(spec.name)\n    module = type(sys)('__main__')\n    module.__dict__.update(__cached__=spec.cached, __loader__=spec.loader, __package__=spec.parent,\n                           __builtins__=__builtins__)\n    sys.modules['__main__'] = module\n    _detach_main(pex, spec.origin)\n    exec(code, module.__dict__)\n\n\ndef _run_entry(pex, entry):\n    module, _, attr = entry.partition(':')\n    if not attr:\n        _run_module_as_main(pex, module)\n        return\n    _detach_main(pex, None)\n    __import__(module)\n    target = sys.modules[module]\n    for part in attr.split('.'):\n        target = getattr(target, part)\n    sys.exit(target())\n\n\ndef _run_script_file(path, kind):\n    if kind == 'program':\n        # A native binary or non-Python script: it becomes this process (argv, env, exit code, signals).\n        sys.stdout.flush()\n        sys.stderr.flush()\n        if os.name == 'nt':\n            import subprocess\n            sys.exit(subprocess.call([path] + sys.argv[1:]))\n        os.execv(path, [path] + sys.argv[1:])\n    import runpy\n    runpy.run_path(path, run_name='__main__')\n\n\ndef _interpreter(pex):\n    # No entry point: behave like `python`; that code is not on the hot path, so it stays in the zip.\n    sys.path.insert(0, os.path.join(pex, '.bootstrap'))\n    try:\n        from pexship_runtime import run\n    finally:\n        del sys.path[0]\n    run.interpreter(sys.argv[1:])\n\n\ndef _exec_venv(pex, venv_dir, argv):\n    python = os.path.join(venv_dir, 'Scripts', 'python.exe') if os.name == 'nt' else os.path.join(venv_dir, 'bin', 'python')\n    entry = ENTRY_POINT or SCRIPT_ENTRY\n    if SCRIPT_FILE:\n        kind = 'script' if SCRIPT_FILE[2] == 'python' else 'program'\n        target = os.path.join(venv_dir, 'Scripts' if os.name == 'nt' else 'bin', os.path.basename(SCRIPT_FILE[1]))\n    else:\n        kind, target = ('entry' if entry else 'interpreter'), entry or ''\n    args = [python, os.path.join(venv_dir, 'pexship_main.py'), sys.argv[0], kind, target,\n            INHERIT_PATH, '1' if STRIP_PEX_ENV else '0'] + argv\n    if os.name == 'nt':\n        import subprocess\n        sys.exit(subprocess.call(args))\n    os.execv(python, args)\n\n\ndef _script_path(entries):\n    for entry in entries:\n        if os.path.basename(entry) == SCRIPT_FILE[0]:\n            return os.path.join(entry, *SCRIPT_FILE[1].split('/'))\n    return None\n\n\ndef _inject(environ):\n    # pex's inject_env (unless already set) and inject_args (before the user's). A re-executed child\n    # already has both from its parent.\n    for name, value in INJECT_ENV.items():\n        environ.setdefault(name, value)\n    if INJECT_ARGS and 'PEX_REEXEC_FROM' not in environ:\n        sys.argv[1:1] = INJECT_ARGS\n\n\ndef _main():\n    pex = os.path.abspath(os.path.dirname(__file__))\n    # Absolute, so a program that changes directory can still re-run [sys.executable, sys.argv[0], ...].\n    sys.argv[0] = os.path.abspath(sys.argv[0]) if sys.argv[0] else pex\n    interpreter_id = _interpreter_id()\n    root = _pex_root()\n    environ = os.environ\n    _inject(environ)\n    if not PEX_PATH and not any(name in environ for name in _OVERRIDES):\n        if VENV:\n            venv_dir = os.path.join(root, 'venvs', PEX_HASH, interpreter_id)\n            if os.path.isfile(os.path.join(venv_dir, 'pexship_main.py')):\n                _exec_venv(pex, venv_dir, sys.argv[1:])\n        else:\n            entries = _cached_entries(root, interpreter_id)\n            script = _script_path(entries) if SCRIPT_FILE and entries else None\n            if entries is not None and (script or not SCRIPT_FILE):\n                if script and SCRIPT_FILE[2] == 'program':  # not Python: nothing to set up but its environment\n                    if STRIP_PEX_ENV:\n                        _strip_pex_env()\n                    _run_script_file(script, 'program')\n                _activate(pex, entries, INHERIT_PATH, [])\n                _use_shim(root, interpreter_id, INHERIT_PATH)\n                entry = ENTRY_POINT or SCRIPT_ENTRY\n                if script:\n                    _run_script_file(script, SCRIPT_FILE[2])\n                elif entry:\n                    _run_entry(pex, entry)\n                else:\n                    _interpreter(pex)\n                return\n    sys.path.insert(0, os.path.join(pex, '.bootstrap'))\n    from pexship_runtime import boot\n    del sys.path[0]\n    plan = boot.prepare(pex=pex, pex_hash=PEX_HASH, root=root, interpreter_id=interpreter_id, entry_point=ENTRY_POINT,\n                        script_entry=SCRIPT_ENTRY, script_file=SCRIPT_FILE, inherit_path=INHERIT_PATH, venv=VENV,\n                        strip_pex_env=STRIP_PEX_ENV, shim_python=_shim_python)\n    if plan.kind == 'program':\n        if STRIP_PEX_ENV:\n            _strip_pex_env()\n        from pexship_runtime import run\n        run.run_script_file(plan.target, plan.kind, plan.temporary)\n    _activate(pex, plan.entries, plan.inherit, plan.extra)\n    _use_shim(plan.root, interpreter_id, plan.inherit)\n    if plan.kind == 'entry':\n        _run_entry(pex, plan.target)\n    elif plan.kind == 'script':\n        from pexship_runtime import run\n        run.run_script_file(plan.target, plan.kind)\n    else:\n        _interpreter(pex)\n\n\nif __name__ == '__main__':\n    _main()\nelif __name__ == '__mp_main__':\n    # A multiprocessing spawn/forkserver child re-runs its parent's __main__ (this file) under this name once\n    # it has the parent's sys.path: it must not start the app, but what the host's site imported in this new\n    # interpreter goes again, and the wheels' .pth files run, as in the parent.\n    _worker_setup()\n";

// src/pex/bootstrap/pexpath.py
var pexpath_default = `"""pex_path / PEX_PATH: other PEXes whose code and distributions join this one's sys.path, after its own.

Entries from PEX-INFO's \`pex_path\` are relative to the folder holding this PEX; entries from the PEX_PATH
environment variable (os.pathsep-separated) are relative to the working directory. Each other PEX is
checked against this interpreter like the PEX itself (its first fitting target) and extracted into the
same PEX_ROOT caches.
"""
import os

from . import archive, fit, log


def _listed(pex, info, environ):
    here = os.path.dirname(pex)
    paths = [os.path.join(here, p) for p in info.get('pex_path') or [] if p]
    paths += [os.path.abspath(p) for p in environ.get('PEX_PATH', '').split(os.pathsep) if p]
    return paths


def entries(pex, info, root, environ, extract):
    """sys.path entries of the other PEXes, in order; \`extract(zf, info, target, root)\` is boot's."""
    out = []
    for other in _listed(pex, info, environ):
        if not os.path.exists(other):
            raise log.Failure('pex_path entry %s does not exist; build or copy that PEX there, or fix --pex-path/PEX_PATH' % other)
        try:
            zf = archive.open_pex(other)
            other_info = fit.read_info(zf)
        except Exception as e:  # any unreadable entry is the user's to fix, said plainly
            raise log.Failure('pex_path entry %s is not a PEX (%s)' % (other, e))
        try:
            target, misfit = fit.choose(other_info)
            if misfit is not None:
                raise log.Failure('pex_path entry %s cannot run here: %s' % (other, misfit.message(None)))
            code_dir, wheel_dirs = extract(zf, other_info, target, root)
        finally:
            zf.close()
        log.info('merged %s (%d distributions)' % (other, len(wheel_dirs)))
        for entry in [code_dir] + wheel_dirs:
            if entry not in out:
                out.append(entry)
    return out
`;

// src/pex/bootstrap/reexec.py
var reexec_default = `"""Finding another interpreter that fits the PEX and handing the run over to it.

Candidates come from PEX_PYTHON (a path, or a name looked up on PEX_PYTHON_PATH or PATH), else every
python3.X / python3 / python on PEX_PYTHON_PATH or PATH. Each candidate proves it fits by running our own
fit check (\`fit.probe\`) before we exec it. The child gets PEX_REEXEC_FROM so it never re-execs again.
"""
import os
import subprocess
import sys

from . import log

REEXEC_MARK = 'PEX_REEXEC_FROM'
_PROBE = ('import sys; sys.path.insert(0, sys.argv[1] + "/.bootstrap"); '
          'from pexship_runtime import fit; sys.exit(fit.probe(sys.argv[1]))')
_NAMES = ['python3.%d' % m for m in range(20, 5, -1)] + ['python3', 'python']


def _is_executable(path):
    return os.path.isfile(path) and os.access(path, os.X_OK)


def _search_dirs(environ):
    text = environ.get('PEX_PYTHON_PATH') or environ.get('PATH') or ''
    return [d for d in text.split(os.pathsep) if d]


def _same_file(a, b):
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def resolve_pex_python(environ):
    """The interpreter PEX_PYTHON names, or None when it names nothing runnable."""
    wanted = environ['PEX_PYTHON']
    if os.sep in wanted or (os.altsep and os.altsep in wanted):
        return os.path.abspath(wanted) if _is_executable(wanted) else None
    for entry in _search_dirs(environ):
        if os.path.basename(entry) == wanted and _is_executable(entry):
            return entry
        candidate = os.path.join(entry, wanted)
        if _is_executable(candidate):
            return candidate
    return None


def candidates(environ, prefer_minor=None):
    """Interpreter paths to try, the preferred minor version's names first, the running one excluded."""
    names = list(_NAMES)
    if prefer_minor:
        names.sort(key=lambda n: n != 'python' + prefer_minor)
    found = []
    for entry in _search_dirs(environ):
        if _is_executable(entry):
            found.append(entry)  # PEX_PYTHON_PATH may list interpreters as well as folders
            continue
        for name in names:
            path = os.path.join(entry, name)
            if _is_executable(path):
                found.append(path)
    if prefer_minor:
        found.sort(key=lambda p: os.path.basename(p) != 'python' + prefer_minor)
    result = []
    for path in found:
        if _same_file(path, sys.executable) or any(_same_file(path, seen) for seen in result):
            continue
        result.append(path)
    return result


def fits(python, pex):
    try:
        done = subprocess.run([python, '-E', '-s', '-c', _PROBE, pex], stdin=subprocess.DEVNULL,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return False
    log.info('probe %s: %s' % (python, 'fits' if done.returncode == 0 else 'does not fit (%d)' % done.returncode))
    return done.returncode == 0


def find_fitting(pex, environ, prefer_minor=None):
    for python in candidates(environ, prefer_minor):
        if fits(python, pex):
            return python
    return None


def exec_into(python, pex, args):
    """Runs the PEX under \`python\` with the same arguments; does not return."""
    log.info('re-executing with %s' % python)
    os.environ[REEXEC_MARK] = sys.executable or '?'
    argv = [python, pex] + list(args)
    sys.stdout.flush()
    sys.stderr.flush()
    if os.name == 'nt':
        sys.exit(subprocess.call(argv))
    try:
        os.execv(python, argv)
    except OSError as e:
        log.fail('could not run %s: %s' % (python, e))
`;

// src/pex/bootstrap/run.py
var run_default = `"""Runs what the PEX was built to run: an entry point, a script file, or the interpreter itself.

main.py keeps a minimal copy of run_entry for the warm path; the two must behave the same.
"""
import os
import sys


def _fail(message):
    sys.stderr.write('pexship: %s\\n' % message)
    sys.exit(1)


def _detach_main(origin):
    """__main__ as \`python script.py\` leaves it (main.py's _detach_main): no __spec__, __file__ a real path."""
    main = sys.modules['__main__']
    main.__spec__ = None
    main.__file__ = origin or sys.argv[0]


def run_module_as_main(name):
    """Like \`python -m name\`, except sys.argv[0] stays what the caller set (the PEX path)."""
    import importlib.util
    spec = importlib.util.find_spec(name)
    if spec is not None and spec.submodule_search_locations is not None:
        spec = importlib.util.find_spec(name + '.__main__')
    if spec is None or spec.loader is None:
        _fail('no module named %r (the entry point of %s)' % (name, sys.argv[0]))
    code = spec.loader.get_code(spec.name)
    module = type(sys)('__main__')
    module.__dict__.update(__cached__=spec.cached, __loader__=spec.loader, __package__=spec.parent,
                           __builtins__=__builtins__)
    sys.modules['__main__'] = module
    _detach_main(spec.origin)
    exec(code, module.__dict__)


def run_entry(entry):
    """\`mod:func\` -> sys.exit(func()); \`mod\` -> run it as __main__."""
    module, _, attr = entry.partition(':')
    if not attr:
        run_module_as_main(module)
        return
    _detach_main(None)
    __import__(module)
    target = sys.modules[module]
    for part in attr.split('.'):
        target = getattr(target, part)
    sys.exit(target())


def exec_or_wait(argv, wait):
    """Becomes argv (exec), or with \`wait\` (a temporary cache to remove at exit; Windows) runs it as a child
    and ends the same way it did: its exit code, or the signal that killed it."""
    sys.stdout.flush()
    sys.stderr.flush()
    if not wait and os.name != 'nt':
        os.execv(argv[0], argv)
    import signal
    import subprocess
    child = subprocess.Popen(argv)
    # As system() does: Ctrl-C reaches the child from the terminal; other termination requests are passed on.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ('SIGTERM', 'SIGHUP', 'SIGQUIT'):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), lambda signum, frame: child.send_signal(signum))
    code = child.wait()
    if code < 0 and os.name != 'nt':
        from . import cache
        cache.remove_temporary_root()
        signal.signal(-code, signal.SIG_DFL)
        os.kill(os.getpid(), -code)
    sys.exit(code)


def run_script_file(path, kind, wait=False):
    """A wheel's \`.data/scripts\` file: Python ('script') runs in-process; anything else ('program': native
    binaries, shell scripts) is executed as a program with this process's argv, environment and exit."""
    if kind == 'program':
        exec_or_wait([path] + sys.argv[1:], wait)
    import runpy
    runpy.run_path(path, run_name='__main__')


def _fresh_main():
    module = type(sys)('__main__')
    module.__dict__['__builtins__'] = __builtins__
    sys.modules['__main__'] = module
    return module.__dict__


def _exec_source(source, filename):
    namespace = _fresh_main()
    exec(compile(source, filename, 'exec'), namespace)


def interpreter(args):
    """Behave like \`python ARGS\` for the forms people use with a PEX: -c, -m, a file, -, or the REPL."""
    import runpy
    if not args or args[0] == '-':
        sys.argv = [''] + args[1:] if args else ['']
        sys.path.insert(0, '')
        if args or not sys.stdin.isatty():
            _exec_source(sys.stdin.read(), '<stdin>')
            return
        _repl()
        return
    first = args[0]
    if first.startswith('-c'):
        if first == '-c':
            if len(args) < 2:
                _fail('argument expected for the -c option')
            source, rest = args[1], args[2:]
        else:
            source, rest = first[2:], args[1:]
        sys.argv = ['-c'] + rest
        sys.path.insert(0, '')
        _exec_source(source, '<string>')
    elif first.startswith('-m'):
        if first == '-m':
            if len(args) < 2:
                _fail('argument expected for the -m option')
            module, rest = args[1], args[2:]
        else:
            module, rest = first[2:], args[1:]
        sys.argv = [module] + rest
        sys.path.insert(0, os.getcwd())
        runpy.run_module(module, run_name='__main__', alter_sys=True)
    elif first.startswith('-'):
        _fail('interpreter option %s is not supported inside a PEX (supported: -c CODE, -m MODULE, FILE, -)' % first)
    else:
        sys.argv = list(args)
        if not os.path.exists(first):
            _fail("can't open file %r: no such file" % first)
        sys.path.insert(0, os.path.dirname(os.path.abspath(first)))
        runpy.run_path(first, run_name='__main__')


def _repl():
    import code
    try:
        import readline  # noqa: F401 (line editing when available)
    except ImportError:
        pass
    namespace = _fresh_main()
    banner = 'Python %s on %s\\n(inside a pexship PEX: its dependencies are importable)' % (sys.version, sys.platform)
    code.interact(banner=banner, local=namespace, exitmsg='')
`;

// src/pex/bootstrap/shims.py
var shims_default = `"""The interpreter a zip-mode PEX gives its children as sys.executable (PEX_ROOT/shims/<pex_hash>/<id>-<inherit>/).

\`sys.executable -m pkg.worker\` (loky, joblib, subprocess) starts a new interpreter that knows nothing of the
PEX. So sys.executable becomes bin/python of a minimal virtualenv: a symlink to the real interpreter next to
a pyvenv.cfg, and in site-packages a pexship.pth whose one import line runs a copy of the PEX's __main__.py
(as module _pexship_site) to put the PEX's entries on sys.path exactly as the parent did (isolated from the
host's site-packages unless inherit_path says otherwise, wheels' .pth files run once). Nothing goes into the
environment, so other interpreters (another Python version on PATH) never see the PEX.

The --venv mode's venv gets the same hook (write_site_hook) to run the wheels' .pth files once.
"""
import os
import sys

from . import cache, log

HOOK_MODULE = '_pexship_site'
HOOK_PTH = 'pexship.pth'


def write_site_hook(site_dir, final_site_dir, main_source, entries, inherit):
    """Writes the hook into site_dir, which will be renamed to final_site_dir; entries are stored relative to it,
    so a PEX_ROOT copied elsewhere still works."""
    with open(os.path.join(site_dir, HOOK_MODULE + '.py'), 'wb') as f:
        f.write(main_source)
    relative = [os.path.relpath(e, final_site_dir) for e in entries]
    with open(os.path.join(site_dir, HOOK_PTH), 'w') as f:
        f.write('import %s; %s._site_hook(%r, %r)\\n' % (HOOK_MODULE, HOOK_MODULE, relative, inherit))


def _site_packages(prefix):
    return os.path.join(prefix, 'lib', 'python%d.%d' % sys.version_info[:2], 'site-packages')


def _build(temp, final, main_source, entries, inherit):
    # What \`python -m venv --without-pip\` makes on POSIX, by hand: the venv module costs ~50 ms to import and run.
    base = os.path.realpath(sys.executable)
    site_dir = _site_packages(temp)
    os.makedirs(site_dir)
    os.mkdir(os.path.join(temp, 'bin'))
    os.symlink(base, os.path.join(temp, 'bin', 'python'))
    if sys.maxsize > 2 ** 32 and sys.platform != 'darwin':
        os.symlink('lib', os.path.join(temp, 'lib64'))
    with open(os.path.join(temp, 'pyvenv.cfg'), 'w') as f:
        f.write('home = %s\\ninclude-system-site-packages = %s\\nversion = %s\\n' % (
            os.path.dirname(base), 'false' if inherit == 'false' else 'true', '%d.%d.%d' % sys.version_info[:3]))
    # With the host's site-packages visible (inherit prefer/fallback), site adds them after this hook: the
    # child sees the PEX's entries first either way.
    write_site_hook(site_dir, _site_packages(final), main_source, entries, inherit if inherit == 'false' else 'fallback')


def ensure(root, shim_dir, main_source, entries, inherit):
    """Makes the shim if missing; without one (Windows, an unwritable PEX_ROOT) sys.executable stays as it is."""
    if os.path.lexists(os.path.join(shim_dir, 'bin', 'python')):
        return
    if os.name == 'nt':
        log.info('no child interpreter on Windows: \`sys.executable -m\` children cannot import from the PEX; use --venv')
        return
    try:
        if cache.install_dir(root, shim_dir, lambda temp: _build(temp, shim_dir, main_source, entries, inherit)):
            log.info('made child interpreter %s' % shim_dir)
    except (cache.CacheError, OSError) as e:
        log.info('no child interpreter (%s): \`sys.executable -m\` children cannot import from the PEX; use --venv' % e)
`;

// src/pex/bootstrap/stub.py
var stub_default = "# pexship PEX entry (format 1), rendered at build time by src/pex/runtime.ts. It runs the bootstrap,\n# .bootstrap/main.py, in this module's namespace, from bytecode cached under PEX_ROOT: compiling that source\n# on every start (runpy has zipimport compile it twice) cost more than all the work the warm path does.\nimport os\nimport sys\n\nBOOT_HASH = '@BOOT_HASH@'  # sha1 of .bootstrap/main.py: names its cached bytecode\n\n\ndef _pex_root():\n    root = os.environ.get('PEX_ROOT')\n    if not root:\n        cache = os.environ.get('XDG_CACHE_HOME') or os.path.join(os.path.expanduser('~'), '.cache')\n        root = os.path.join(cache, 'pexship')\n    return os.path.abspath(os.path.expanduser(root))\n\n\ndef _boot_code():\n    import marshal\n    # The bytecode format's magic number, from the import system every CPython has loaded.\n    magic = getattr(sys.modules.get('_frozen_importlib_external'), 'MAGIC_NUMBER', None)\n    cached = os.path.join(_pex_root(), 'bootstrap', '%s.%s' % (BOOT_HASH, sys.implementation.cache_tag))\n    if magic:\n        try:\n            with open(cached, 'rb') as f:\n                data = f.read()\n            if data[:len(magic)] == magic:\n                return marshal.loads(data[len(magic):])\n        except (OSError, ValueError, EOFError, TypeError):\n            pass\n    path = os.path.join(os.path.dirname(__file__), '.bootstrap', 'main.py')\n    code = compile(__loader__.get_data(path), path, 'exec')\n    if magic:\n        try:  # written once, atomically; an unwritable PEX_ROOT only means compiling again next time\n            os.makedirs(os.path.dirname(cached), exist_ok=True)\n            temp = '%s.%d.tmp' % (cached, os.getpid())\n            with open(temp, 'wb') as f:\n                f.write(magic + marshal.dumps(code))\n            os.replace(temp, cached)\n        except OSError:\n            pass\n    return code\n\n\nexec(_boot_code())\n";

// src/pex/bootstrap/specifiers.py
var specifiers_default = `"""PEP 440 version specifiers, enough for \`Requires-Python\` and pex-style interpreter constraints."""
import platform
import re
import sys

_VERSION = re.compile(
    r'^\\s*v?(?:(?P<epoch>\\d+)!)?(?P<release>\\d+(?:\\.\\d+)*)'
    r'(?:[-_.]?(?P<pre_l>a|b|c|rc|alpha|beta|pre|preview)[-_.]?(?P<pre_n>\\d*))?'
    r'(?P<post>-(?P<post_n1>\\d+)|[-_.]?(?:post|rev|r)[-_.]?(?P<post_n2>\\d*))?'
    r'(?P<dev>[-_.]?dev[-_.]?(?P<dev_n>\\d*))?'
    r'(?:\\+[a-z0-9._-]+)?\\s*$',
    re.IGNORECASE,
)
_PRE_RANK = {'a': 0, 'alpha': 0, 'b': 1, 'beta': 1, 'c': 2, 'rc': 2, 'pre': 2, 'preview': 2}
_SPEC = re.compile(r'^\\s*(===|==|!=|~=|<=|>=|<|>)\\s*([^\\s]+)\\s*$')
_CONSTRAINT = re.compile(r'^\\s*([A-Za-z][A-Za-z0-9_]*)?\\s*(.*?)\\s*$')


class InvalidSpecifier(ValueError):
    pass


def _parse(text):
    m = _VERSION.match(text)
    if not m:
        raise InvalidSpecifier('not a version: %r' % text)
    epoch = int(m.group('epoch') or 0)
    release = tuple(int(x) for x in m.group('release').split('.'))
    pre = (_PRE_RANK[m.group('pre_l').lower()], int(m.group('pre_n') or 0)) if m.group('pre_l') else None
    post = int(m.group('post_n1') or m.group('post_n2') or 0) if m.group('post') is not None else None
    dev = int(m.group('dev_n') or 0) if m.group('dev') is not None else None
    return epoch, release, pre, post, dev


def _key(parsed):
    epoch, release, pre, post, dev = parsed
    while len(release) > 1 and release[-1] == 0:
        release = release[:-1]
    if pre is not None:
        pre_key = (0,) + pre
    elif dev is not None and post is None:
        pre_key = (-1,)  # 1.0.dev0 sorts before 1.0a0
    else:
        pre_key = (1,)
    post_key = (0, post) if post is not None else (-1,)
    dev_key = (0, dev) if dev is not None else (1,)
    return epoch, release, pre_key, post_key, dev_key


def _padded(release, length):
    return tuple(release) + (0,) * (length - len(release))


def _matches_one(version, op, spec):
    candidate = _parse(version)
    if op == '===':
        return version.strip() == spec
    if spec.endswith('.*'):
        if op not in ('==', '!='):
            raise InvalidSpecifier('%s%s: a wildcard needs == or !=' % (op, spec))
        prefix = _parse(spec[:-2])[1]
        head = _padded(candidate[1], len(prefix))[:len(prefix)]
        equal = candidate[0] == _parse(spec[:-2])[0] and head == prefix
        return equal if op == '==' else not equal
    want = _parse(spec)
    a, b = _key(candidate), _key(want)
    if op == '==':
        return a == b
    if op == '!=':
        return a != b
    if op == '>=':
        return a >= b
    if op == '<=':
        return a <= b
    if op == '>':
        return a > b
    if op == '<':
        return a < b
    if op == '~=':
        if len(want[1]) < 2:
            raise InvalidSpecifier('~=%s needs at least two release numbers' % spec)
        prefix = want[1][:-1]
        return a >= b and _padded(candidate[1], len(prefix))[:len(prefix)] == prefix
    raise InvalidSpecifier('unknown operator %r' % op)


def matches(version, specifier_set):
    """'3.11.7' against '>=3.8,!=3.9.*' -> True. An empty set matches everything."""
    for part in specifier_set.split(','):
        if not part.strip():
            continue
        m = _SPEC.match(part)
        if not m:
            raise InvalidSpecifier('not a version specifier: %r' % part.strip())
        if not _matches_one(version, m.group(1), m.group(2)):
            return False
    return True


def python_version():
    """The running interpreter's release as pip compares it: '3.11.7'."""
    return '%d.%d.%d' % sys.version_info[:3]


def implementation():
    return platform.python_implementation()  # 'CPython', 'PyPy'


def constraint_matches(constraint, impl=None, version=None):
    """pex form: 'CPython>=3.9,<3.14', '>=3.8', 'PyPy', 'CPython==3.11.*'."""
    m = _CONSTRAINT.match(constraint)
    name, specs = m.group(1), m.group(2)
    impl = impl or implementation()
    if name and name.lower() != impl.lower():
        return False
    return matches(version or python_version(), specs)
`;

// src/pex/bootstrap/tags.py
var tags_default = `"""Which wheels the running interpreter can use: its supported tags (PEP 425/600/656) and wheel file names.

Standard library only, so it runs on any interpreter we might re-exec into (3.6 syntax kept on purpose:
an old interpreter must still be able to say why it cannot run the PEX).
"""
import os
import platform
import sys
import sysconfig

# PEP 600 legacy names for the glibc versions they stand for, and the architectures each existed for.
_LEGACY_MANYLINUX = {
    (2, 17): ('manylinux2014', ('x86_64', 'i686', 'aarch64', 'armv7l', 'ppc64', 'ppc64le', 's390x')),
    (2, 12): ('manylinux2010', ('x86_64', 'i686')),
    (2, 5): ('manylinux1', ('x86_64', 'i686')),
}
_INTERPRETER_SHORT = {'cpython': 'cp', 'pypy': 'pp', 'ironpython': 'ip', 'jython': 'jy'}


def parse_wheel_name(filename):
    """'markupsafe-2.1.5-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl' ->
    ('markupsafe', '2.1.5', {('cp311', 'cp311', 'manylinux_2_17_x86_64'), ...}); None when malformed."""
    if not filename.endswith('.whl'):
        return None
    parts = filename[:-4].split('-')
    if len(parts) not in (5, 6):
        return None
    name, version = parts[0], parts[1]
    pys, abis, plats = parts[-3].split('.'), parts[-2].split('.'), parts[-1].split('.')
    tags = set((p, a, pl) for p in pys for a in abis for pl in plats)
    return name, version, tags


def _linux_arch():
    arch = sysconfig.get_platform().split('-', 1)[-1].replace('-', '_').replace('.', '_')
    if sys.maxsize <= 2 ** 32:  # a 32-bit interpreter on a 64-bit kernel
        arch = {'x86_64': 'i686', 'aarch64': 'armv7l'}.get(arch, arch)
    return arch


def glibc_version():
    """(2, 36) on glibc systems, else None."""
    try:
        text = os.confstr('CS_GNU_LIBC_VERSION')  # 'glibc 2.36'
    except (AttributeError, OSError, ValueError):
        return None
    if not text or not text.startswith('glibc '):
        return None
    try:
        major, minor = text.split()[1].split('.')[:2]
        return int(major), int(''.join(c for c in minor if c.isdigit()))
    except ValueError:
        return None


def musl_version():
    """(1, 2) when this interpreter runs on musl libc, else None (asks the musl loader, which prints it)."""
    import glob
    import subprocess
    for loader in sorted(glob.glob('/lib/ld-musl-*.so.1')):
        try:
            out = subprocess.run([loader], stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=10).stderr
        except (OSError, subprocess.SubprocessError):
            continue
        for line in out.decode('utf-8', 'replace').splitlines():
            if line.startswith('Version '):
                try:
                    major, minor = line.split()[1].split('.')[:2]
                    return int(major), int(minor)
                except ValueError:
                    return None
    return None


def _linux_platforms():
    arch = _linux_arch()
    plats = []
    glibc = glibc_version()
    if glibc is not None and glibc[0] == 2:
        lowest = 5 if arch in ('x86_64', 'i686') else 17
        for minor in range(glibc[1], lowest - 1, -1):
            plats.append('manylinux_2_%d_%s' % (minor, arch))
            legacy = _LEGACY_MANYLINUX.get((2, minor))
            if legacy and arch in legacy[1]:
                plats.append('%s_%s' % (legacy[0], arch))
    else:
        musl = musl_version()
        if musl is not None and musl[0] == 1:
            for minor in range(musl[1], -1, -1):
                plats.append('musllinux_1_%d_%s' % (minor, arch))
    plats.append('linux_%s' % arch)
    return plats


def _mac_platforms():
    release = platform.mac_ver()[0] or '10.9'
    major, minor = (int(x) for x in (release.split('.') + ['0'])[:2])
    arch = platform.machine()
    # arm64 binaries exist only from macOS 11; x86_64 also accepts the older multi-architecture names.
    formats = ['arm64', 'universal2'] if arch == 'arm64' else [arch, 'intel', 'fat64', 'fat32', 'universal2', 'universal']
    versions = []
    if major >= 11:
        versions += [(m, 0) for m in range(major, 10, -1)]
        if arch != 'arm64':
            versions += [(10, m) for m in range(16, 3, -1)]
    else:
        versions += [(10, m) for m in range(minor, 3, -1)]
    plats = []
    for (vmaj, vmin) in versions:
        for fmt in formats:
            if fmt == 'universal2' and (vmaj, vmin) < (10, 16) and arch != 'arm64':
                continue
            plats.append('macosx_%d_%d_%s' % (vmaj, vmin, fmt))
    return plats


def platforms():
    """Platform tags this machine accepts, most specific first."""
    if sys.platform.startswith('linux'):
        return _linux_platforms()
    if sys.platform == 'darwin':
        return _mac_platforms()
    return [sysconfig.get_platform().replace('-', '_').replace('.', '_')]


def _abi_suffix():
    suffix = ''
    if hasattr(sys, 'gettotalrefcount'):
        suffix += 'd'
    if sysconfig.get_config_var('Py_GIL_DISABLED'):
        suffix += 't'
    return suffix


def supported_tags():
    """Every (python, abi, platform) triple the running interpreter accepts."""
    major, minor = sys.version_info[:2]
    impl = sys.implementation.name
    short = _INTERPRETER_SHORT.get(impl, impl)
    interp = '%s%d%d' % (short, major, minor)
    plats = platforms()
    tags = set()
    if impl == 'cpython':
        suffix = _abi_suffix()
        abis = ['cp%d%d%s' % (major, minor, suffix), 'none']
        for abi in abis:
            for plat in plats:
                tags.add((interp, abi, plat))
        if 't' not in suffix and 'd' not in suffix:
            for older in range(minor, 1, -1):
                for plat in plats:
                    tags.add(('cp%d%d' % (major, older), 'abi3', plat))
    else:
        soabi = sysconfig.get_config_var('SOABI') or ''
        abi = '_'.join(soabi.split('-')[:2]).replace('.', '_') or 'none'
        for plat in plats:
            tags.add((interp, abi, plat))
            tags.add((interp, 'none', plat))
    for plat in plats:
        tags.add(('py%d' % major, 'none', plat))
        for older in range(minor, -1, -1):
            tags.add(('py%d%d' % (major, older), 'none', plat))
    tags.add((interp, 'none', 'any'))
    tags.add(('py%d' % major, 'none', 'any'))
    for older in range(minor, -1, -1):
        tags.add(('py%d%d' % (major, older), 'none', 'any'))
    return tags
`;

// src/pex/bootstrap/venvs.py
var venvs_default = `"""--venv mode: one virtualenv per PEX and interpreter under PEX_ROOT/venvs/<pex_hash>/<interpreter id>/.

Built once with the standard library's venv module (no pip), then every run execs its python. Choices:
- site-packages holds symlinks into the extracted wheels and sources (copies where symlinks fail, e.g.
  Windows without the privilege); folders two wheels share (namespace packages) become real folders.
- include-system-site-packages stays false; inherit_path prefer/fallback is applied by the launcher at
  start-up, so one venv serves every PEX with the same contents whatever its PEX-INFO says.
- console scripts and \`.data/scripts\` go to bin/ with shebangs naming this venv's python.
- the launcher \`pexship_main.py\` and a copy of this runtime (\`pexship/\`) live at the venv root.
"""
import os
import re
import shutil
import sys

from . import cache, log, run, shims

LAUNCHER = 'pexship_main.py'
_LAUNCHER_SOURCE = '''# pexship venv launcher: runs the PEX's entry point inside this virtualenv.
import os
import sys

_here = os.path.dirname(os.path.abspath(__file__))
# A multiprocessing child re-running its parent's __main__ (as __mp_main__) must not start the app again.
if __name__ == '__main__':
    sys.path.insert(0, os.path.join(_here, 'pexship'))
    from pexship_runtime import launch
    del sys.path[0]
    launch.main(_here%s)
'''
_RUNTIME_PREFIX = '.bootstrap/pexship_runtime/'
# Console scripts become files and code: plain names and dotted identifiers only.
_SCRIPT_NAME = re.compile(r'^[A-Za-z0-9][A-Za-z0-9._-]*$')
_SCRIPT_TARGET = re.compile(r'^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*:[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$')


def _bin_name():
    return 'Scripts' if os.name == 'nt' else 'bin'


def python_of(venv_dir):
    return os.path.join(venv_dir, _bin_name(), 'python.exe' if os.name == 'nt' else 'python')


def _link(src, dst):
    try:
        os.symlink(src, dst, target_is_directory=os.path.isdir(src))
    except (OSError, NotImplementedError):
        if os.path.isdir(src):
            shutil.copytree(src, dst, symlinks=True)
        else:
            shutil.copy2(src, dst)


def _link_tree(src, dst, skip=None):
    """Symlinks src's entries into dst; when two sources share a folder, it becomes a real merged folder."""
    for name in sorted(os.listdir(src)):
        if skip and skip(name):
            continue
        s, d = os.path.join(src, name), os.path.join(dst, name)
        if not os.path.lexists(d):
            _link(s, d)
        elif os.path.isdir(s) and os.path.isdir(d):
            if os.path.islink(d):
                earlier = os.path.realpath(d)
                os.unlink(d)
                os.mkdir(d)
                _link_tree(earlier, d)
            _link_tree(s, d)
        # else: a file both provide; the first source (user code, then wheels in order) wins


def _find_site_packages(venv_dir):
    for dirpath, dirnames, _ in os.walk(venv_dir):
        if os.path.basename(dirpath) == 'site-packages':
            return dirpath
    raise log.Failure('the venv module made no site-packages folder in %s' % venv_dir)


def _write_script(path, text):
    with open(path, 'w') as f:
        f.write(text)
    os.chmod(path, 0o755)


def _console_script(python, target):
    module, _, attr = target.partition(':')
    head = attr.split('.')[0]
    return ('#!%s\\n# Console script made by pexship.\\nimport sys\\nfrom %s import %s\\n\\n'
            "if __name__ == '__main__':\\n    sys.exit(%s())\\n" % (python, module, head, attr))


def _copy_data_script(src, dst, python):
    with open(src, 'rb') as f:
        content = f.read()
    first, newline, rest = content.partition(b'\\n')
    if first.startswith(b'#!') and b'python' in first:
        content = b'#!' + python.encode('utf-8') + newline + rest
    with open(dst, 'wb') as f:
        f.write(content)
    os.chmod(dst, 0o755)


def _build(temp, final, zf, code_dir, wheel_dirs, console_scripts, bin_path):
    import venv as stdlib_venv
    builder = stdlib_venv.EnvBuilder(symlinks=os.name != 'nt', with_pip=False)
    context = builder.ensure_directories(temp)
    builder.create_configuration(context)
    builder.setup_python(context)
    site_packages = _find_site_packages(temp)
    is_data = lambda name: name.endswith('.data')  # noqa: E731
    _link_tree(code_dir, site_packages, skip=is_data)
    # The wheels' .pth files stay out of site-packages: site would run them twice in a venv (site.venv() and
    # site.main() both read it); pexship.pth runs them once instead, from each wheel's folder.
    for wheel_dir in wheel_dirs:
        _link_tree(wheel_dir, site_packages, skip=lambda name: is_data(name) or name.endswith('.pth'))
    final_site = os.path.join(final, os.path.relpath(site_packages, temp))
    shims.write_site_hook(site_packages, final_site, zf.read('.bootstrap/main.py'), wheel_dirs, None)
    bin_dir = os.path.join(temp, _bin_name())
    python = python_of(final)
    for wheel_dir in wheel_dirs:
        for name in sorted(os.listdir(wheel_dir)):
            if not is_data(name):
                continue
            scripts = os.path.join(wheel_dir, name, 'scripts')
            if os.path.isdir(scripts):
                for script in sorted(os.listdir(scripts)):
                    dst = os.path.join(bin_dir, script)
                    if not _SCRIPT_NAME.match(script):
                        continue
                    if not os.path.lexists(dst):
                        _copy_data_script(os.path.join(scripts, script), dst, python)
            data = os.path.join(wheel_dir, name, 'data')
            if os.path.isdir(data):
                _link_tree(data, temp)
    for name, target in sorted(console_scripts.items()):
        if not _SCRIPT_NAME.match(name) or not _SCRIPT_TARGET.match(target.replace(' ', '')):
            log.info('skipping console script %r = %r: not a plain name and module:attribute' % (name, target))
            continue
        target = target.replace(' ', '')
        dst = os.path.join(bin_dir, name)
        if not os.path.lexists(dst):
            _write_script(dst, _console_script(python, target))
    runtime = os.path.join(temp, 'pexship', 'pexship_runtime')
    os.makedirs(runtime)
    for member in zf.infolist():
        name = member.filename
        if name.startswith(_RUNTIME_PREFIX) and name.endswith('.py') and '/' not in name[len(_RUNTIME_PREFIX):]:
            with open(os.path.join(runtime, name[len(_RUNTIME_PREFIX):]), 'wb') as f:
                f.write(zf.read(member))
    # venv_bin_path is part of PEX-INFO, so of pex_hash, so of this venv's name: it can be baked in.
    _write_script(os.path.join(temp, LAUNCHER), _LAUNCHER_SOURCE % ('' if bin_path == 'false' else ', %r' % bin_path))


def ensure(root, pex_hash, interpreter_id, zf, code_dir, wheel_dirs, console_scripts, bin_path='false'):
    """The venv's folder, built if missing."""
    final = os.path.join(root, 'venvs', pex_hash, interpreter_id)
    if os.path.isfile(os.path.join(final, LAUNCHER)):
        return final
    if cache.install_dir(root, final, lambda temp: _build(temp, final, zf, code_dir, wheel_dirs, console_scripts, bin_path)):
        log.info('made venv %s' % final)
    return final


def exec_launcher(venv_dir, pex, kind, target, inherit, strip, args, wait=False):
    python = python_of(venv_dir)
    argv = [python, os.path.join(venv_dir, LAUNCHER), pex, kind, target or '', inherit, '1' if strip else '0'] + list(args)
    log.info('running in venv %s' % venv_dir)
    run.exec_or_wait(argv, wait)
`;

// src/pex/runtime.ts
var RUNTIME_PACKAGE_DIR = ".bootstrap/pexship_runtime";
var BOOTSTRAP_PATH = ".bootstrap/main.py";
var PACKAGE = {
  "__init__.py": init_default,
  "archive.py": archive_default,
  "boot.py": boot_default,
  "cache.py": cache_default,
  "fit.py": fit_default,
  "launch.py": launch_default,
  "log.py": log_default,
  "pexpath.py": pexpath_default,
  "reexec.py": reexec_default,
  "run.py": run_default,
  "shims.py": shims_default,
  "specifiers.py": specifiers_default,
  "tags.py": tags_default,
  "venvs.py": venvs_default
};
function runtimeFiles() {
  return Object.keys(PACKAGE).sort().map((name) => ({ path: `${RUNTIME_PACKAGE_DIR}/${name}`, content: PACKAGE[name] }));
}
var IDENT = "[A-Za-z_][A-Za-z0-9_]*";
var ENTRY = new RegExp(`^${IDENT}(\\.${IDENT})*(:${IDENT}(\\.${IDENT})*)?$`);
var SCRIPT_ENTRY = new RegExp(`^${IDENT}(\\.${IDENT})*:${IDENT}(\\.${IDENT})*$`);
function pyLiteral(value) {
  if (value === null) return "None";
  if (typeof value === "boolean") return value ? "True" : "False";
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
function renderStub(bootstrap) {
  const placeholder = "'@BOOT_HASH@'";
  if (!stub_default.includes(placeholder)) throw new Error(`renderStub: template has no ${placeholder}`);
  return stub_default.replace(placeholder, pyLiteral(createHash2("sha1").update(bootstrap, "utf8").digest("hex")));
}
function renderMain(c) {
  if (!/^[0-9a-f]{40}$/.test(c.pexHash)) throw new Error(`renderMain: pexHash must be 40 lowercase hex digits, got ${JSON.stringify(c.pexHash)}`);
  if (c.entryPoint !== null && !ENTRY.test(c.entryPoint)) {
    throw new UsageError(`entry point ${JSON.stringify(c.entryPoint)} (-e/--entry-point or -m) is not MODULE or MODULE:FUNCTION; use e.g. -e app.cli:main`);
  }
  if (c.scriptEntry !== null && !SCRIPT_ENTRY.test(c.scriptEntry)) {
    throw new UsageError(`console script target ${JSON.stringify(c.scriptEntry)} (-c/--script) is not MODULE:ATTRIBUTE; check the distribution's entry points`);
  }
  if (!["false", "prefer", "fallback"].includes(c.inheritPath)) throw new Error(`renderMain: inheritPath ${JSON.stringify(c.inheritPath)}`);
  const values = {
    PEX_HASH: c.pexHash,
    ENTRY_POINT: c.entryPoint,
    SCRIPT_ENTRY: c.scriptEntry,
    SCRIPT_FILE: c.scriptFile ?? null,
    PTH_FILES: c.pthFiles ?? {},
    INHERIT_PATH: c.inheritPath,
    VENV: c.venv,
    STRIP_PEX_ENV: c.stripPexEnv,
    INJECT_ARGS: c.injectArgs ?? [],
    INJECT_ENV: c.injectEnv ?? {},
    PEX_PATH: c.pexPath ?? []
  };
  let out = main_default;
  for (const [name, value] of Object.entries(values)) {
    const placeholder = `'@${name}@'`;
    if (!out.includes(placeholder)) throw new Error(`renderMain: template has no ${placeholder}`);
    out = out.replace(placeholder, pyLiteral(value));
  }
  return out;
}

// src/pex/sh-boot.ts
var NAME = /^[A-Za-z0-9][\w.+-]*$/;
function shBootScript(names) {
  for (const n of names) if (!NAME.test(n)) throw new Error(`shBootScript: interpreter name ${JSON.stringify(n)}`);
  return `#!/bin/sh
# pexship --sh-boot: find a Python and run this PEX with it; the zip archive follows this script.
pexship_find() {
  if [ -n "$PEX_PYTHON_PATH" ]; then
    (IFS=:; set -f; for entry in $PEX_PYTHON_PATH; do
      if [ -f "$entry" ] && [ -x "$entry" ] && [ "\${entry##*/}" = "$1" ]; then echo "$entry"; exit 0; fi
      if [ -f "$entry/$1" ] && [ -x "$entry/$1" ]; then echo "$entry/$1"; exit 0; fi
    done; exit 1)
  else
    command -v "$1" 2>/dev/null
  fi
}
if [ -n "$PEX_PYTHON" ]; then
  case "$PEX_PYTHON" in
    */*) pexship_python="$PEX_PYTHON" ;;
    *) pexship_python=$(pexship_find "$PEX_PYTHON") ;;
  esac
  if [ -n "$pexship_python" ] && [ -x "$pexship_python" ]; then exec "$pexship_python" "$0" "$@"; fi
  echo "pexship: PEX_PYTHON=$PEX_PYTHON does not name an interpreter here" >&2
  exit 1
fi
for pexship_name in ${names.join(" ")}; do
  pexship_python=$(pexship_find "$pexship_name")
  if [ -n "$pexship_python" ]; then exec "$pexship_python" "$0" "$@"; fi
done
echo "pexship: no Python interpreter (${names.join(", ")}) found on \${PEX_PYTHON_PATH:-PATH}; install one or set PEX_PYTHON" >&2
exit 127
`;
}

// src/pex/build.ts
function byName(a, b) {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
async function readSources(dirs) {
  const files = /* @__PURE__ */ new Map();
  for (const dir of dirs) {
    await checkSourcesDir(dir);
    const walk = async (rel) => {
      const entries = await readdir(path2.join(dir, rel), { withFileTypes: true });
      for (const entry of entries) {
        const name = rel ? `${rel}/${entry.name}` : entry.name;
        if (entry.name === "__pycache__" || entry.name.endsWith(".pyc") || entry.name === ".git") continue;
        const full = path2.join(dir, name);
        const st = await stat2(full);
        if (st.isDirectory()) await walk(name);
        else if (st.isFile()) {
          if (name === "__main__.py" || name === "PEX-INFO" || name.startsWith(".deps/") || name.startsWith(".bootstrap/")) {
            throw new UsageError(`${full}: the name ${name} is reserved inside a PEX; rename it, or use -e to name your entry point.`);
          }
          const content = await readFile2(full);
          const prior = files.get(name);
          if (prior && !prior.content.equals(content)) {
            throw new UsageError(`${name} is in both ${prior.from} and ${dir} with different content; keep one.`);
          }
          files.set(name, { name, content, executable: (st.mode & 73) !== 0, from: dir });
        }
      }
    };
    await walk("");
  }
  return [...files.values()].sort(byName);
}
function codeHashOf(sources) {
  const h = createHash3("sha1");
  h.update(sources.map((f) => f.name).join(""));
  for (const f of sources) h.update(f.content);
  return h.digest("hex");
}
function resolveScript(script, wheels) {
  const owners = wheels.filter((w) => script in w.consoleScripts);
  if (owners.length === 0) {
    const file = wheels.find((w) => script in w.dataScripts);
    if (file) return { entry: null, file: [file.filename, file.dataScripts[script].path, file.dataScripts[script].kind] };
    const known = [...new Set(wheels.flatMap((w) => [...Object.keys(w.consoleScripts), ...Object.keys(w.dataScripts)]))].sort();
    throw new UsageError(
      `no distribution in this PEX has a console script or script named '${script}'` + (known.length ? `; available: ${known.join(", ")}.` : "; none of its distributions declares scripts. Use -e MODULE[:FUNC] instead.")
    );
  }
  const targets = new Set(owners.map((w) => w.consoleScripts[script]));
  if (targets.size > 1) {
    throw new UsageError(`console script '${script}' is declared by ${owners.map((w) => w.filename).join(" and ")} with different targets; use -e MODULE:FUNC to choose.`);
  }
  return { entry: owners[0].consoleScripts[script], file: null };
}
function wheelRecord(w) {
  const scripts = Object.fromEntries(Object.entries(w.dataScripts).map(([name, s]) => [name, s.kind]));
  return {
    console_scripts: w.consoleScripts,
    data: w.hasData,
    project: w.project,
    pth_files: w.pthFiles.length ? w.pthFiles : void 0,
    requires_python: w.requiresPython,
    scripts: Object.keys(scripts).length ? scripts : void 0,
    version: w.version
  };
}
async function buildPex(options) {
  try {
    return await assemble(options);
  } catch (e) {
    if (!(e instanceof ChangedFileError)) throw e;
    await rm(e.file, { force: true });
    throw new ChangedFileError(e.file, e.expected, e.found, true);
  }
}
async function assemble(options) {
  if (options.entryPoint && options.script) {
    throw new UsageError("give either an entry point (-e/-m) or a console script (-c), not both.");
  }
  checkEntryPointSyntax(options.entryPoint);
  const wheelPaths = [...new Set(options.wheels.map((w) => path2.resolve(w)))];
  const layout = options.layout ?? "zipapp";
  const spans = layout === "zipapp" && (options.compress ?? true) && !options.compileWith?.length;
  const [installed, sources] = await Promise.all([
    timePhase("install", () => Promise.all(wheelPaths.map((w) => installWheel(w, { cacheDir: options.cacheDir, spans })))),
    readSources(options.sourcesDirs ?? [])
  ]);
  installed.sort((a, b) => a.filename < b.filename ? -1 : 1);
  for (let i = 1; i < installed.length; i++) {
    if (installed[i].filename === installed[i - 1].filename) {
      throw new UsageError(`two different files are named ${installed[i].filename}; give each wheel once.`);
    }
  }
  const resolved = options.script ? resolveScript(options.script, installed) : { entry: null, file: null };
  const scriptEntry = resolved.entry;
  const targets = options.targets ?? [{ platform: "current", wheels: installed.map((w) => w.filename) }];
  const known = new Set(installed.map((w) => w.filename));
  for (const t of targets) {
    for (const w of t.wheels) if (!known.has(w)) throw new Error(`target ${t.platform} names ${w}, which is not among the wheels being installed`);
  }
  for (const t of options.script ? targets : []) {
    const owns = (w) => options.script in w.consoleScripts || options.script in w.dataScripts;
    if (!installed.some((w) => t.wheels.includes(w.filename) && owns(w))) {
      throw new UsageError(`console script '${options.script}' is in no distribution for ${t.platform}; add the distribution that declares it for that target, or build that target separately.`);
    }
  }
  if (options.entryPoint) {
    const files = (t) => installed.filter((w) => t.wheels.includes(w.filename)).flatMap((w) => w.members.map((m) => m.name));
    checkEntryModule(options.entryPoint, sources.map((f) => f.name), targets.map((t) => ({ label: t.platform, files: files(t) })));
  }
  if (options.shBoot && layout !== "zipapp") {
    throw new UsageError(`--sh-boot makes a zipapp start through /bin/sh; a --layout ${layout} directory runs with 'python DIR', so drop one of them.`);
  }
  const runtime = runtimeFiles();
  const pycs = options.compileWith?.length ? await compiledMembers(options.compileWith, installed, sources, options.cacheDir) : /* @__PURE__ */ new Map();
  const wheelMembers = installed.map((w) => ({ filename: w.filename, members: withPycs(w.members, pycs.get(w.filename)) }));
  const sourceMembers = withPycs(
    sources.map((f) => ({ name: f.name, mode: f.executable ? 33261 : 33188, content: f.content })),
    pycs.get("")
  );
  const codeHash = codeHashOf(sources);
  const pexHasher = createHash3("sha1");
  for (const r of runtime) pexHasher.update(`${r.path}\0${r.content}\0`);
  for (const w of installed) pexHasher.update(`${w.filename}\0${w.sha256}\0`);
  pexHasher.update(`code\0${codeHash}\0`);
  const inheritPath = options.inheritPath ?? "false";
  const entryPoint = options.entryPoint ?? null;
  const shebangPython = pythonFromShebang(options.shebang);
  const pexInfoObject = {
    build_properties: { pexship_version: PEXSHIP_VERSION, platforms: targets.map((t) => t.platform) },
    code_hash: codeHash,
    distributions: Object.fromEntries(installed.map((w) => [w.filename, w.sha256])),
    entry_point: entryPoint,
    excluded: options.excluded ?? [],
    inherit_path: inheritPath,
    inject_args: options.injectArgs ?? [],
    inject_env: options.injectEnv ?? {},
    interpreter_constraints: options.interpreterConstraints ?? [],
    overridden: options.overridden ?? [],
    pex_path: options.pexPath ?? [],
    pexship: {
      format: 1,
      script_entry: scriptEntry,
      script_file: resolved.file ?? void 0,
      shebang_python: shebangPython,
      targets,
      version: PEXSHIP_VERSION,
      wheels: Object.fromEntries(installed.map((w) => [w.filename, wheelRecord(w)]))
    },
    requirements: options.requirements ?? [],
    script: options.script ?? null,
    strip_pex_env: true,
    venv: options.venv ?? false,
    venv_bin_path: options.venvBinPath ?? "false"
  };
  pexHasher.update(JSON.stringify(sortKeys({ ...pexInfoObject, build_properties: void 0, pexship: { ...pexInfoObject.pexship, version: void 0 } })));
  const pexHash = pexHasher.digest("hex");
  pexInfoObject.pex_hash = pexHash;
  const pexInfo = Buffer.from(JSON.stringify(sortKeys(pexInfoObject)));
  const pthFiles = Object.fromEntries(installed.filter((w) => w.pthFiles.length).map((w) => [w.filename, w.pthFiles]));
  const mainPy = renderMain({
    pexHash,
    entryPoint,
    scriptEntry,
    scriptFile: resolved.file,
    inheritPath,
    venv: options.venv ?? false,
    stripPexEnv: true,
    pthFiles,
    injectArgs: options.injectArgs ?? [],
    injectEnv: options.injectEnv ?? {},
    pexPath: options.pexPath ?? []
  });
  const shebangLine = `#!${options.shebang ?? defaultShebang()}
`;
  const stubPy = renderStub(mainPy);
  const runtimeMembers = [{ path: BOOTSTRAP_PATH, content: mainPy }, ...runtime].map((r) => ({ name: r.path, mode: 33188, content: Buffer.from(r.content, "utf8") }));
  let written;
  if (layout === "zipapp") {
    const members = [
      { name: "__main__.py", mode: 33188, content: Buffer.from(stubPy, "utf8") },
      ...runtimeMembers,
      { name: "PEX-INFO", mode: 33188, content: pexInfo },
      ...wheelMembers.flatMap((w) => w.members.map((m) => ({ ...m, name: `.deps/${w.filename}/${m.name}` }))),
      ...sourceMembers
    ];
    const head = Buffer.from(options.shBoot ? shBootScript(shBootNames(shebangPython, targets)) : shebangLine);
    written = await timePhase("write", () => writeAtomically(options.output, layOutZip(head, members, options.compress ?? true), options.onWrite));
  } else {
    const head = [
      { name: "__main__.py", mode: 33261, content: Buffer.from(shebangLine + stubPy, "utf8") },
      ...runtimeMembers,
      { name: "PEX-INFO", mode: 33188, content: pexInfo }
    ];
    written = await writeDirPex(options.output, dirFiles(layout, { head, wheels: wheelMembers, sources: sourceMembers }, options.compress ?? true));
  }
  return {
    path: path2.resolve(options.output),
    size: written.size,
    sha256: written.sha256,
    pexHash,
    codeHash,
    entryPoint,
    script: options.script ?? null,
    distributions: installed.map((w) => ({ filename: w.filename, project: w.project, version: w.version, sha256: w.sha256, wheelSize: w.wheelSize })),
    targets,
    pexInfo: pexInfoObject
  };
}
function shBootNames(shebangPython, targets) {
  const names = [];
  if (shebangPython && /^python[\d.]*$/.test(shebangPython)) names.push(shebangPython);
  for (const t of targets) {
    const m = /-cp-?(\d)(\d+)|cp(\d)(\d+)/.exec(t.platform);
    if (m) names.push(`python${m[1] ?? m[3]}.${m[2] ?? m[4]}`);
  }
  return [.../* @__PURE__ */ new Set([...names, "python3", "python"])];
}
async function compiledMembers(interpreters, installed, sources, cacheDir) {
  const groups = [
    { key: "", files: sources.filter((f) => f.name.endsWith(".py")) },
    ...installed.map((w) => ({ key: w.filename, files: w.members.filter((m) => isCompilable(m.name)).map((m) => ({ name: m.name, content: memberContent(m) })) }))
  ];
  const all = groups.flatMap((g) => g.files);
  const out = /* @__PURE__ */ new Map();
  for (const python of [...new Set(interpreters)]) {
    const { tag, pycs } = await compileFiles(python, all, cacheDir);
    let i = 0;
    for (const g of groups) {
      const list = out.get(g.key) ?? [];
      for (const f of g.files) {
        const pyc = pycs[i++];
        if (pyc) list.push({ name: pycName(f.name, tag), mode: 33188, content: pyc });
      }
      out.set(g.key, list);
    }
  }
  return out;
}
function withPycs(members, pycs) {
  if (!pycs?.length) return members;
  return [...members, ...pycs].sort(byName);
}
function defaultShebang() {
  return "/usr/bin/env python3";
}
function pythonFromShebang(shebang) {
  if (!shebang) return null;
  const last = shebang.trim().split(/\s+/).pop() ?? "";
  return path2.posix.basename(last) || null;
}
function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    const out = {};
    for (const key of Object.keys(value).sort()) {
      const v = value[key];
      if (v !== void 0) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}
async function writeAtomically(output, zip, onWrite) {
  const dir = path2.dirname(path2.resolve(output));
  await mkdir2(dir, { recursive: true });
  const temp = path2.join(dir, `.${path2.basename(output)}.tmp-${process.pid}-${randomBytes2(4).toString("hex")}`);
  const hash = createHash3("sha256");
  let size = 0;
  const handle = await open(temp, "wx", 493);
  const reader = new SpanReader();
  const out = Buffer.allocUnsafeSlow(1 << 20);
  let used = 0;
  const write = async (bytes) => {
    hash.update(bytes);
    const { bytesWritten } = await handle.write(bytes, 0, bytes.length);
    if (bytesWritten !== bytes.length) throw new Error(`only ${bytesWritten} of ${bytes.length} bytes were written`);
    size += bytes.length;
    onWrite?.(bytes.length, zip.size);
  };
  const flush = async () => {
    if (used > 0) await write(out.subarray(0, used));
    used = 0;
  };
  const put = async (from, start, end) => {
    if (end - start > out.length - used) await flush();
    if (end - start >= out.length) await write(from.subarray(start, end));
    else used += from.copy(out, used, start, end);
  };
  try {
    await put(zip.prefix, 0, zip.prefix.length);
    for (let i = 0; i < zip.data.length; i++) {
      await put(zip.headers, zip.headerAt[i], zip.headerAt[i + 1]);
      const data = zip.data[i];
      if (Buffer.isBuffer(data)) await put(data, 0, data.length);
      else await reader.copy(data, put);
    }
    await put(zip.tail, 0, zip.tail.length);
    await flush();
    await reader.close();
    await handle.close();
    await chmod(temp, 493);
    await rename2(temp, output);
  } catch (e) {
    await reader.close().catch(() => {
    });
    await handle.close().catch(() => {
    });
    await unlink(temp).catch(() => {
    });
    if (e instanceof PexshipError) throw e;
    throw new UsageError(`could not write ${output}: ${e.message}; check that its folder is writable.`);
  }
  return { size, sha256: hash.digest("hex") };
}

// src/core/build.ts
var LOCK_ONLY = "--lock builds exactly what the lock holds (plus your project, . or --project DIR); drop the requirements and -r files, or drop --lock.";
var INTERPRETER_CONSTRAINT = /^(CPython|PyPy)?\s*((?:~=|===|==|!=|<=|>=|<|>)\s*[\w.*+!-]+\s*(?:,\s*(?:~=|===|==|!=|<=|>=|<|>)\s*[\w.*+!-]+\s*)*)?$/;
function checkRequest(req) {
  for (const ic of req.interpreterConstraints) {
    if (ic.trim() === "" || !INTERPRETER_CONSTRAINT.test(ic.trim())) {
      throw new UsageError(`--interpreter-constraint '${ic}' is not of the form CPython>=3.9,<3.14 (an implementation name and/or PEP 440 specifiers).`);
    }
  }
  if (req.entryPoint && req.script) throw new UsageError("give either an entry point (-e/-m) or a console script (-c), not both.");
  if (req.lock && (req.requirements.length > 1 || req.requirementFiles.length || req.project && req.requirements.length)) {
    throw new UsageError(LOCK_ONLY);
  }
  if (req.lock && (req.excludes?.length || req.overrides?.length || req.transitive === false)) {
    throw new UsageError("--exclude, --override and --no-transitive change a resolve; --lock builds exactly what the lock holds. Drop them, or drop --lock.");
  }
  if (req.layout !== void 0 && !LAYOUTS.includes(req.layout)) {
    throw new UsageError(`--layout takes ${LAYOUTS.join(", ")}, got '${req.layout}'.`);
  }
  if (req.venvBinPath !== void 0 && !["false", "prepend", "append"].includes(req.venvBinPath)) {
    throw new UsageError(`--venv takes no value, prepend or append, got '${req.venvBinPath}'.`);
  }
  if (req.shBoot && req.layout && req.layout !== "zipapp") {
    throw new UsageError(`--sh-boot makes a zipapp start through /bin/sh; a --layout ${req.layout} directory runs with 'python DIR', so drop one of them.`);
  }
}
function injectedEnv(entries) {
  const env = {};
  for (const e of entries) {
    const eq = e.indexOf("=");
    const name = e.slice(0, eq);
    if (eq <= 0 || !/^[^\0=]+$/.test(name)) throw new UsageError(`--inject-env '${e}' is not NAME=VALUE (e.g. --inject-env PORT=8000).`);
    if (e.includes("\0")) throw new UsageError(`--inject-env '${name}' holds a NUL character, which no environment can.`);
    env[name] = e.slice(eq + 1);
  }
  return env;
}
async function compilers(targets, python) {
  const found = [];
  for (const t of targets) {
    const exe = t.interpreter ?? await findInterpreterFor(t.pythonVersion, python ? [python] : []);
    if (!exe) {
      const v = t.pythonVersion.join(".");
      throw new UsageError(
        `--compile needs a local CPython ${v} to make byte-code for the target ${t.label} (byte-code depends on the Python version, not the platform), and none was found (python${v} on PATH or pyenv, or --python). Install python${v}, or drop --compile.`
      );
    }
    found.push(exe);
  }
  return found;
}
function pexName(req, projectName) {
  const raw = projectName ?? req.script ?? (req.entryPoint ? req.entryPoint.split(/[.:]/)[0] : "app");
  return raw.replace(/[^\w.-]+/g, "_");
}
function defaultShebang2(targets) {
  const minors = new Set(targets.map((t) => t.pythonVersion.join(".")));
  return minors.size === 1 ? `/usr/bin/env python${[...minors][0]}` : "/usr/bin/env python3";
}
async function build(req, progress) {
  checkRequest(req);
  const injectArgs = (req.injectArgs ?? []).flatMap(
    (a) => shellWords(a, (why) => {
      throw new UsageError(`--inject-args '${a}' ${why}.`);
    })
  );
  const injectEnv = injectedEnv(req.injectEnv ?? []);
  const pexPath = (req.pexPath ?? []).flatMap((p) => p.split(":")).filter((p) => p !== "");
  const venvBinPath = req.venvBinPath ?? "false";
  const cwd = req.cwd ?? process.cwd();
  await checkEntryInputs(req.entryPoint, req.sourcesDirs.map((d) => path3.resolve(cwd, d)));
  const cacheDir = req.cacheDir ?? defaultCacheDir();
  const pendingTargets = resolveTargets(req, cacheDir);
  let targets;
  let client;
  let selections;
  let requested;
  let projectName;
  let index;
  let hashMode;
  if (req.lock) {
    index = { extraIndexUrls: [], findLinks: [], noIndex: false, ...req.index };
    targets = await pendingTargets;
    selections = await selectFromLock(path3.resolve(cwd, req.lock), targets, progress);
    client = makeIndexClient(index, { ...req, cacheDir, cwd }, progress);
    requested = [];
    const projectSpec = req.project ?? req.requirements[0];
    if (projectSpec !== void 0) {
      if (!req.project && !await isProjectArg(projectSpec, cwd)) throw new UsageError(LOCK_ONLY);
      const project = await readProject(projectSpec, { cwd });
      await addProjectToLock(project, req.lock, selections, targets, client, { ...req, cacheDir, cwd }, progress).catch(async (e) => {
        await client.close();
        throw e;
      });
      projectName = project.name;
      requested = [project.name];
    }
  } else {
    const resolved = await resolveInputs({ ...req, cacheDir, cwd, allowEmpty: req.sourcesDirs.length > 0 || Boolean(req.entryPoint) }, pendingTargets, progress);
    targets = resolved.targets;
    client = resolved.client;
    index = resolved.inputs.index;
    selections = resolved.resolution.targets.map((t) => t.distributions.map(selectedFromResolution));
    requested = resolved.inputs.requested;
    projectName = resolved.inputs.project?.name;
    hashMode = resolved.inputs.hashMode;
    const projectDir = resolved.inputs.project?.dir;
    for (const d of req.sourcesDirs) {
      const full = path3.resolve(cwd, d);
      if (projectDir && (full === projectDir || full.startsWith(projectDir + path3.sep))) {
        progress.warn(`-D ${d} is inside the project ${projectName}, whose code the PEX already holds as a wheel; drop -D ${d} (its loose copy, stale *.egg-info included, would shadow the wheel).`);
      }
    }
  }
  try {
    const wheelsPerTarget = await timePhase("fetch", () => fetchSelections(selections, targets, client, { cacheDir, pipIndexArgs: pipIndexArgs(index), python: req.python, hashMode }, progress));
    const entryPoint = req.entryPoint;
    const script = req.script;
    const name = pexName(req, projectName);
    const template = req.output ?? path3.join("dist", "{name}-{platform}.pex");
    const perTarget = template.includes("{platform}") || targets.length === 1;
    const groups = perTarget ? targets.map((t, i) => ({ targets: [t], wheels: [wheelsPerTarget[i]] })) : [{ targets, wheels: wheelsPerTarget }];
    const pexes = [];
    for (const group of groups) {
      const label = group.targets.map((t) => t.label).join("+");
      const output = path3.resolve(cwd, template.replaceAll("{platform}", label).replaceAll("{name}", name));
      const allWheels = [...new Set(group.wheels.flat())];
      progress.step(`write ${path3.relative(cwd, output) || output} (${label}, ${allWheels.length} distributions)`);
      const started = performance.now();
      const compileWith = req.compile ? await compilers(group.targets, req.python) : void 0;
      let writing;
      const result = await buildPex({
        onWrite: (bytes, total) => {
          writing ??= progress.task("write", "bytes", total);
          writing.advance(bytes);
        },
        wheels: allWheels,
        sourcesDirs: req.sourcesDirs.map((d) => path3.resolve(cwd, d)),
        entryPoint,
        script,
        output,
        shebang: req.shebang ?? defaultShebang2(group.targets),
        interpreterConstraints: req.interpreterConstraints,
        inheritPath: req.inheritPath,
        venv: req.venv || venvBinPath !== "false",
        venvBinPath,
        compress: req.compress,
        layout: req.layout,
        compileWith,
        injectArgs,
        injectEnv,
        pexPath,
        shBoot: req.shBoot,
        excluded: req.excludes ?? [],
        overridden: req.overrides ?? [],
        requirements: requested,
        cacheDir,
        targets: group.targets.map((t, i) => ({ platform: t.platform, wheels: group.wheels[i].map((w) => path3.basename(w)) }))
      });
      writing?.done();
      pexes.push({ ...result, platform: label, seconds: (performance.now() - started) / 1e3 });
    }
    return { pexes, targets, requests: client.requestCount };
  } finally {
    await client.close();
  }
}

export {
  build
};
