# pexship PEX bootstrap (format 1), rendered at build time by src/pex/runtime.ts into .bootstrap/main.py; the
# PEX's __main__.py (stub.py) runs it in its own namespace, which also gives it _pex_root().
# The warm path below runs on every start, so it uses only modules the interpreter has already loaded
# (sys, os, and importlib.util which runpy brought in to run this zip) and reads one small cache file.
# Everything else (extraction, interpreter checks, re-exec, venv, interpreter mode) lives in
# .bootstrap/pexship_runtime and is imported from the zip only when the warm path cannot finish.
import os
import sys

PEX_HASH = '@PEX_HASH@'
ENTRY_POINT = '@ENTRY_POINT@'
SCRIPT_ENTRY = '@SCRIPT_ENTRY@'
# -c NAME of a wheel's .data/scripts file: [wheel file name, path inside its folder, 'python' | 'program'].
SCRIPT_FILE = '@SCRIPT_FILE@'
INHERIT_PATH = '@INHERIT_PATH@'
VENV = '@VENV@'
STRIP_PEX_ENV = '@STRIP_PEX_ENV@'
INJECT_ARGS = '@INJECT_ARGS@'
INJECT_ENV = '@INJECT_ENV@'
PEX_PATH = '@PEX_PATH@'
# {wheel file name: [its top-level .pth files, sorted]}: recorded at build time so the warm path lists no folder.
PTH_FILES = '@PTH_FILES@'

# Any of these set means the cold path decides (they change what runs or where from).
_OVERRIDES = ('PEX_INTERPRETER', 'PEX_MODULE', 'PEX_SCRIPT', 'PEX_INHERIT_PATH', 'PEX_EXTRA_SYS_PATH',
              'PEX_VERBOSE', 'PEX_PYTHON', 'PEX_PYTHON_PATH', 'PEX_REEXEC_FROM', 'PEX_PATH')


def _interpreter_id():
    # Names this interpreter in the cache: its cache tag plus a FNV-1a hash of where and what it is.
    h = 0xcbf29ce484222325
    for b in '\0'.join((sys.executable, sys.version, sys.platform)).encode('utf-8', 'surrogateescape'):
        h = ((h ^ b) * 0x100000001b3) & 0xffffffffffffffff
    return '%s-%016x' % (sys.implementation.cache_tag or sys.implementation.name, h)


def _cached_entries(root, interpreter_id):
    # The cache file lists our sys.path entries relative to PEX_ROOT; it is written last, so its presence
    # means they are complete. A stat per entry guards against a cache someone partly deleted.
    try:
        with open(os.path.join(root, 'pexes', PEX_HASH, interpreter_id), 'rb') as f:
            lines = f.read().decode('utf-8', 'surrogateescape').splitlines()
    except OSError:
        return None
    entries = [os.path.join(root, line) for line in lines if line]
    for entry in entries:
        if not os.path.isdir(entry):
            return None
    return entries


def _scrubbed_path(pex, own, inherit):
    # sys.path minus this PEX, then (inherit 'false') only the standard library: entries under the
    # interpreter's base prefixes that are neither site-packages nor from PYTHONPATH. As in a virtualenv
    # running a script, the standard library comes after the sources (own[0]) and before the wheels: a
    # wheel cannot shadow it, and each of the many stdlib imports finds its module without first looking
    # in every wheel's folder.
    rest = [p for p in sys.path if os.path.abspath(p) != pex]
    if inherit == 'prefer':
        return rest + own
    if inherit == 'fallback':
        return own + rest
    pythonpath = set()
    if not sys.flags.ignore_environment:
        for p in os.environ.get('PYTHONPATH', '').split(os.pathsep):
            if p:
                pythonpath.add(p)
                pythonpath.add(os.path.abspath(p))
    prefixes = {sys.base_prefix, sys.base_exec_prefix}
    stdlib = []
    for p in rest:
        if p in pythonpath or 'site-packages' in p or 'dist-packages' in p:
            continue
        for prefix in prefixes:
            if p == prefix or p.startswith(prefix.rstrip(os.sep) + os.sep):
                stdlib.append(p)
                break
    return own[:1] + stdlib + own[1:]


def _drop_host_modules(pex, old_path):
    # A .pth or sitecustomize of the host may have imported modules (six, certifi, ...) from entries we
    # just took off sys.path; drop them (and meta path finders they installed) so the PEX's copies load.
    # A module belongs to the longest sys.path entry holding its file; the standard library stays.
    kept = [os.path.abspath(p) for p in sys.path if p]
    dropped = [a for a in (os.path.abspath(p) for p in old_path if p) if a not in kept and a != pex]
    if not dropped:
        return
    roots = [(len(a), a, True) for a in dropped] + [(len(a), a, False) for a in kept]
    roots.sort(reverse=True)
    gone = set()
    for name, module in list(sys.modules.items()):
        try:
            where = getattr(module, '__file__', None)
            locations = [where] if where else list(getattr(module, '__path__', None) or ())
        except Exception:  # a lazy or odd object in sys.modules: leave it alone
            continue
        for location in locations:
            if not os.path.isabs(location):
                location = os.path.abspath(location)
            for _, root, outside in roots:
                if location.startswith(root + os.sep):
                    if outside and name not in ('__main__', '__mp_main__', __name__):
                        gone.add(name)
                    break
    for name in gone:
        del sys.modules[name]
    if gone:
        sys.meta_path[:] = [f for f in sys.meta_path if getattr(type(f), '__module__', None) not in gone]
        sys.path_importer_cache.clear()


def _add_pth(sitedir, name):
    # site.addpackage for one .pth file: `import` lines run (with `sitedir` a local of the calling frame,
    # as -nspkg.pth files expect), other lines name folders appended to sys.path when they exist.
    try:
        with open(os.path.join(sitedir, name), 'rb') as f:
            data = f.read()
    except OSError:
        return
    if data.startswith(b'\xef\xbb\xbf'):  # as utf-8-sig, without importing that codec on every start
        data = data[3:]
    try:
        text = data.decode('utf-8')
    except UnicodeDecodeError:
        text = data.decode('latin-1')
    for n, line in enumerate(text.splitlines(), 1):
        if line.startswith('#') or not line.strip():
            continue
        try:
            if line.startswith(('import ', 'import\t')):
                exec(line)
                continue
            folder = os.path.abspath(os.path.join(sitedir, line.rstrip()))
            if folder not in sys.path and os.path.exists(folder):
                sys.path.append(folder)
        except Exception:
            import traceback
            sys.stderr.write('Error processing line %d of %s:\n\n' % (n, os.path.join(sitedir, name)))
            for record in traceback.format_exception(*sys.exc_info()):
                for part in record.splitlines():
                    sys.stderr.write('  %s\n' % part)
            sys.stderr.write('\nRemainder of file ignored\n')
            break


# Entries whose .pth files this module ran (read by the PEX's __main__ when a child interpreter's site hook,
# this file imported as _pexship_site, already ran them in this process).
_PTH_DONE = []
_HOOK_MODULE = '_pexship_site'


def _pth_done():
    return list(getattr(sys.modules.get(_HOOK_MODULE), '_PTH_DONE', ()))


def _process_pth(entries, done=()):
    # What site.addsitedir does for each distribution's folder, in sys.path order, once.
    if PTH_FILES:
        for entry in entries:
            if entry in done or entry in _PTH_DONE:
                continue
            names = PTH_FILES.get(os.path.basename(entry), ())
            if names:
                _PTH_DONE.append(entry)
            for name in names:
                _add_pth(entry, name)


def _site_hook(entries, inherit):
    # Called by the pexship.pth of an interpreter made for this PEX (which imports this file as _pexship_site):
    # the zip mode's sys.executable for its children (shims.py), or the --venv's python (venvs.py). Entries are
    # relative to this file. inherit None (--venv): site-packages already holds the wheels; only their .pth
    # files are ours to run, once, though site reads a venv's .pth files twice.
    global _hooked
    if _hooked:
        return
    _hooked = True
    here = os.path.dirname(os.path.abspath(__file__))
    entries = [os.path.normpath(os.path.join(here, e)) for e in entries]
    if inherit is None:
        _process_pth(entries)
    else:
        _activate(None, entries, inherit, [])


_hooked = False


def _shim_python(root, interpreter_id, inherit):
    # The child interpreter shims.py makes: its .pth puts this PEX's entries on sys.path, as ours are.
    return os.path.join(root, 'shims', PEX_HASH, '%s-%s' % (interpreter_id, inherit), 'bin', 'python')


def _use_shim(root, interpreter_id, inherit):
    # So `sys.executable -m pkg.worker` children (loky, joblib, subprocess) import from the PEX as this process does.
    python = _shim_python(root, interpreter_id, inherit)
    if os.path.exists(python):
        sys.executable = python


def _worker_setup():
    import site
    site_dirs = []
    if hasattr(site, 'getsitepackages'):
        site_dirs.extend(site.getsitepackages())
    if hasattr(site, 'getusersitepackages'):
        site_dirs.append(site.getusersitepackages())
    done = _pth_done()
    _drop_host_modules(os.path.abspath(os.path.dirname(__file__)), site_dirs + sys.path)
    _process_pth(sys.path, done)


def _activate(pex, entries, inherit, extra):
    old_path = list(sys.path)
    done = _pth_done()
    sys.path[:] = _scrubbed_path(pex, entries, inherit) + extra
    if inherit == 'false':
        _drop_host_modules(pex, old_path)
    _process_pth(entries, done)
    if STRIP_PEX_ENV:
        _strip_pex_env()


def _strip_pex_env():
    for key in [k for k in os.environ if k.startswith('PEX_')]:
        del os.environ[key]


def _detach_main(pex, origin):
    # __main__ as `python script.py` leaves it: no __spec__, so re-runs (Django's autoreloader,
    # multiprocessing spawn) use sys.argv[0] or __file__ rather than `-m __main__`, which cannot find the PEX.
    main = sys.modules['__main__']
    main.__spec__ = None
    main.__file__ = origin or pex


def _run_module_as_main(pex, name):
    # Like `python -m name`, but sys.argv[0] stays the PEX path.
    import importlib.util
    spec = importlib.util.find_spec(name)
    if spec is not None and spec.submodule_search_locations is not None:
        spec = importlib.util.find_spec(name + '.__main__')
    if spec is None or spec.loader is None:
        sys.stderr.write('pexship: no module named %r (the entry point of %s)\n' % (name, sys.argv[0]))
        sys.exit(1)
    code = spec.loader.get_code(spec.name)
    module = type(sys)('__main__')
    module.__dict__.update(__cached__=spec.cached, __loader__=spec.loader, __package__=spec.parent,
                           __builtins__=__builtins__)
    sys.modules['__main__'] = module
    _detach_main(pex, spec.origin)
    exec(code, module.__dict__)


def _run_entry(pex, entry):
    module, _, attr = entry.partition(':')
    if not attr:
        _run_module_as_main(pex, module)
        return
    _detach_main(pex, None)
    __import__(module)
    target = sys.modules[module]
    for part in attr.split('.'):
        target = getattr(target, part)
    sys.exit(target())


def _run_script_file(path, kind):
    if kind == 'program':
        # A native binary or non-Python script: it becomes this process (argv, env, exit code, signals).
        sys.stdout.flush()
        sys.stderr.flush()
        if os.name == 'nt':
            import subprocess
            sys.exit(subprocess.call([path] + sys.argv[1:]))
        os.execv(path, [path] + sys.argv[1:])
    import runpy
    runpy.run_path(path, run_name='__main__')


def _interpreter(pex):
    # No entry point: behave like `python`; that code is not on the hot path, so it stays in the zip.
    sys.path.insert(0, os.path.join(pex, '.bootstrap'))
    try:
        from pexship_runtime import run
    finally:
        del sys.path[0]
    run.interpreter(sys.argv[1:])


def _exec_venv(pex, venv_dir, argv):
    python = os.path.join(venv_dir, 'Scripts', 'python.exe') if os.name == 'nt' else os.path.join(venv_dir, 'bin', 'python')
    entry = ENTRY_POINT or SCRIPT_ENTRY
    if SCRIPT_FILE:
        kind = 'script' if SCRIPT_FILE[2] == 'python' else 'program'
        target = os.path.join(venv_dir, 'Scripts' if os.name == 'nt' else 'bin', os.path.basename(SCRIPT_FILE[1]))
    else:
        kind, target = ('entry' if entry else 'interpreter'), entry or ''
    args = [python, os.path.join(venv_dir, 'pexship_main.py'), sys.argv[0], kind, target,
            INHERIT_PATH, '1' if STRIP_PEX_ENV else '0'] + argv
    if os.name == 'nt':
        import subprocess
        sys.exit(subprocess.call(args))
    os.execv(python, args)


def _script_path(entries):
    for entry in entries:
        if os.path.basename(entry) == SCRIPT_FILE[0]:
            return os.path.join(entry, *SCRIPT_FILE[1].split('/'))
    return None


def _inject(environ):
    # pex's inject_env (unless already set) and inject_args (before the user's). A re-executed child
    # already has both from its parent.
    for name, value in INJECT_ENV.items():
        environ.setdefault(name, value)
    if INJECT_ARGS and 'PEX_REEXEC_FROM' not in environ:
        sys.argv[1:1] = INJECT_ARGS


def _main():
    pex = os.path.abspath(os.path.dirname(__file__))
    # Absolute, so a program that changes directory can still re-run [sys.executable, sys.argv[0], ...].
    sys.argv[0] = os.path.abspath(sys.argv[0]) if sys.argv[0] else pex
    interpreter_id = _interpreter_id()
    root = _pex_root()
    environ = os.environ
    _inject(environ)
    if not PEX_PATH and not any(name in environ for name in _OVERRIDES):
        if VENV:
            venv_dir = os.path.join(root, 'venvs', PEX_HASH, interpreter_id)
            if os.path.isfile(os.path.join(venv_dir, 'pexship_main.py')):
                _exec_venv(pex, venv_dir, sys.argv[1:])
        else:
            entries = _cached_entries(root, interpreter_id)
            script = _script_path(entries) if SCRIPT_FILE and entries else None
            if entries is not None and (script or not SCRIPT_FILE):
                if script and SCRIPT_FILE[2] == 'program':  # not Python: nothing to set up but its environment
                    if STRIP_PEX_ENV:
                        _strip_pex_env()
                    _run_script_file(script, 'program')
                _activate(pex, entries, INHERIT_PATH, [])
                _use_shim(root, interpreter_id, INHERIT_PATH)
                entry = ENTRY_POINT or SCRIPT_ENTRY
                if script:
                    _run_script_file(script, SCRIPT_FILE[2])
                elif entry:
                    _run_entry(pex, entry)
                else:
                    _interpreter(pex)
                return
    sys.path.insert(0, os.path.join(pex, '.bootstrap'))
    from pexship_runtime import boot
    del sys.path[0]
    plan = boot.prepare(pex=pex, pex_hash=PEX_HASH, root=root, interpreter_id=interpreter_id, entry_point=ENTRY_POINT,
                        script_entry=SCRIPT_ENTRY, script_file=SCRIPT_FILE, inherit_path=INHERIT_PATH, venv=VENV,
                        strip_pex_env=STRIP_PEX_ENV, shim_python=_shim_python)
    if plan.kind == 'program':
        if STRIP_PEX_ENV:
            _strip_pex_env()
        from pexship_runtime import run
        run.run_script_file(plan.target, plan.kind, plan.temporary)
    _activate(pex, plan.entries, plan.inherit, plan.extra)
    _use_shim(plan.root, interpreter_id, plan.inherit)
    if plan.kind == 'entry':
        _run_entry(pex, plan.target)
    elif plan.kind == 'script':
        from pexship_runtime import run
        run.run_script_file(plan.target, plan.kind)
    else:
        _interpreter(pex)


if __name__ == '__main__':
    _main()
elif __name__ == '__mp_main__':
    # A multiprocessing spawn/forkserver child re-runs its parent's __main__ (this file) under this name once
    # it has the parent's sys.path: it must not start the app, but what the host's site imported in this new
    # interpreter goes again, and the wheels' .pth files run, as in the parent.
    _worker_setup()
