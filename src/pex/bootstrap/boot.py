"""The cold path: what __main__.py's warm path cannot do alone.

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
        if '/' in wheel or '\\' in wheel or wheel.startswith('.') or wheel not in by_wheel:
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
        kind = 'python' if (b'python' in head if head.startswith(b'#!') else b'\0' not in head) else 'program'
    return 'script' if kind == 'python' else 'program'


def _data_script(info, target, wheel_dirs, name):
    """(kind, path) of the wheels' `.data/scripts/NAME`, the first wheel in target order that has one."""
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
    data = ''.join(r.replace(os.sep, '/') + '\n' for r in rel).encode('utf-8', 'surrogateescape')
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
