# pexship PEX bootstrap (format 1), rendered at build time by src/pex/runtime.ts.
# The warm path below runs on every start, so it uses only modules the interpreter has already loaded
# (sys, os, and importlib.util which runpy brought in to run this zip) and reads one small cache file.
# Everything else (extraction, interpreter checks, re-exec, venv, interpreter mode) lives in
# .bootstrap/pexship_runtime and is imported from the zip only when the warm path cannot finish.
import os
import sys

PEX_HASH = '@PEX_HASH@'
ENTRY_POINT = '@ENTRY_POINT@'
SCRIPT_ENTRY = '@SCRIPT_ENTRY@'
INHERIT_PATH = '@INHERIT_PATH@'
VENV = '@VENV@'
STRIP_PEX_ENV = '@STRIP_PEX_ENV@'
INJECT_ARGS = '@INJECT_ARGS@'
INJECT_ENV = '@INJECT_ENV@'
PEX_PATH = '@PEX_PATH@'

# Any of these set means the cold path decides (they change what runs or where from).
_OVERRIDES = ('PEX_INTERPRETER', 'PEX_MODULE', 'PEX_SCRIPT', 'PEX_INHERIT_PATH', 'PEX_EXTRA_SYS_PATH',
              'PEX_VERBOSE', 'PEX_PYTHON', 'PEX_PYTHON_PATH', 'PEX_REEXEC_FROM', 'PEX_PATH')


def _interpreter_id():
    # Names this interpreter in the cache: its cache tag plus a FNV-1a hash of where and what it is.
    h = 0xcbf29ce484222325
    for b in '\0'.join((sys.executable, sys.version, sys.platform)).encode('utf-8', 'surrogateescape'):
        h = ((h ^ b) * 0x100000001b3) & 0xffffffffffffffff
    return '%s-%016x' % (sys.implementation.cache_tag or sys.implementation.name, h)


def _pex_root():
    root = os.environ.get('PEX_ROOT')
    if not root:
        cache = os.environ.get('XDG_CACHE_HOME') or os.path.join(os.path.expanduser('~'), '.cache')
        root = os.path.join(cache, 'pexship')
    return os.path.abspath(os.path.expanduser(root))


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
    # interpreter's base prefixes that are neither site-packages nor from PYTHONPATH.
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
    return own + stdlib


def _strip_pex_env():
    for key in [k for k in os.environ if k.startswith('PEX_')]:
        del os.environ[key]


def _run_module_as_main(name):
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
    module.__dict__.update(__file__=spec.origin, __cached__=spec.cached, __loader__=spec.loader,
                           __package__=spec.parent, __spec__=spec)
    sys.modules['__main__'] = module
    exec(code, module.__dict__)


def _run_entry(entry):
    module, _, attr = entry.partition(':')
    if not attr:
        _run_module_as_main(module)
        return
    __import__(module)
    target = sys.modules[module]
    for part in attr.split('.'):
        target = getattr(target, part)
    sys.exit(target())


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
    args = [python, os.path.join(venv_dir, 'pexship_main.py'), sys.argv[0] or pex, 'entry' if entry else 'interpreter', entry or '',
            INHERIT_PATH, '1' if STRIP_PEX_ENV else '0'] + argv
    if os.name == 'nt':
        import subprocess
        sys.exit(subprocess.call(args))
    os.execv(python, args)


def _inject(environ):
    # pex's inject_env (unless already set) and inject_args (before the user's). A re-executed child
    # already has both from its parent.
    for name, value in INJECT_ENV.items():
        environ.setdefault(name, value)
    if INJECT_ARGS and 'PEX_REEXEC_FROM' not in environ:
        sys.argv[1:1] = INJECT_ARGS


def _main():
    pex = os.path.abspath(os.path.dirname(__file__))
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
            if entries is not None:
                sys.path[:] = _scrubbed_path(pex, entries, INHERIT_PATH)
                if STRIP_PEX_ENV:
                    _strip_pex_env()
                entry = ENTRY_POINT or SCRIPT_ENTRY
                if entry:
                    _run_entry(entry)
                else:
                    _interpreter(pex)
                return
    sys.path.insert(0, os.path.join(pex, '.bootstrap'))
    from pexship_runtime import boot
    del sys.path[0]
    plan = boot.prepare(pex=pex, pex_hash=PEX_HASH, root=root, interpreter_id=interpreter_id, entry_point=ENTRY_POINT,
                        script_entry=SCRIPT_ENTRY, inherit_path=INHERIT_PATH, venv=VENV, strip_pex_env=STRIP_PEX_ENV)
    sys.path[:] = _scrubbed_path(pex, plan.entries, plan.inherit) + plan.extra
    if STRIP_PEX_ENV:
        _strip_pex_env()
    if plan.kind == 'entry':
        _run_entry(plan.target)
    elif plan.kind == 'script':
        from pexship_runtime import run
        run.run_script_file(plan.target)
    else:
        _interpreter(pex)

_main()
