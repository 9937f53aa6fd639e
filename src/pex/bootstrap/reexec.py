"""Finding another interpreter that fits the PEX and handing the run over to it.

Candidates come from PEX_PYTHON (a path, or a name looked up on PEX_PYTHON_PATH or PATH), else every
python3.X / python3 / python on PEX_PYTHON_PATH or PATH. Each candidate proves it fits by running our own
fit check (`fit.probe`) before we exec it. The child gets PEX_REEXEC_FROM so it never re-execs again.
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
    """Runs the PEX under `python` with the same arguments; does not return."""
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
