"""The venv launcher's work: `python pexship_main.py PEX KIND TARGET INHERIT STRIP ARGS...`.

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
        sys.stderr.write('pexship: %s is started by a PEX, not directly\n' % os.path.join(venv_dir, 'pexship_main.py'))
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
