"""The runtime cache under PEX_ROOT (FORMAT.md, "Runtime cache").

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
                     'it writable or set PEX_ROOT to a writable directory to start fast\n' % (error.problem, _temporary_root))
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
    """Removes `<prefix><pid>-<host>-<random>` entries whose owner died (same host) or older than max_age."""
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
    """Makes `final` by calling populate(temp_dir) then renaming; returns True if this process made it."""
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
    if name.startswith('/') or '\\' in name or ':' in parts[0] or any(p in ('..',) for p in parts):
        raise log.Failure('refusing to extract %r: the PEX contains an unsafe path' % name)
    return [p for p in parts if p not in ('', '.')]


def extract(zf, members, prefix, dest):
    """Extracts zip members named `prefix + relative` under dest, keeping executable bits."""
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
