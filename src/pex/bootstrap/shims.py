"""The interpreter a zip-mode PEX gives its children as sys.executable (PEX_ROOT/shims/<pex_hash>/<id>-<inherit>/).

`sys.executable -m pkg.worker` (loky, joblib, subprocess) starts a new interpreter that knows nothing of the
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
        f.write('import %s; %s._site_hook(%r, %r)\n' % (HOOK_MODULE, HOOK_MODULE, relative, inherit))


def _site_packages(prefix):
    return os.path.join(prefix, 'lib', 'python%d.%d' % sys.version_info[:2], 'site-packages')


def _build(temp, final, main_source, entries, inherit):
    # What `python -m venv --without-pip` makes on POSIX, by hand: the venv module costs ~50 ms to import and run.
    base = os.path.realpath(sys.executable)
    site_dir = _site_packages(temp)
    os.makedirs(site_dir)
    os.mkdir(os.path.join(temp, 'bin'))
    os.symlink(base, os.path.join(temp, 'bin', 'python'))
    if sys.maxsize > 2 ** 32 and sys.platform != 'darwin':
        os.symlink('lib', os.path.join(temp, 'lib64'))
    with open(os.path.join(temp, 'pyvenv.cfg'), 'w') as f:
        f.write('home = %s\ninclude-system-site-packages = %s\nversion = %s\n' % (
            os.path.dirname(base), 'false' if inherit == 'false' else 'true', '%d.%d.%d' % sys.version_info[:3]))
    # With the host's site-packages visible (inherit prefer/fallback), site adds them after this hook: the
    # child sees the PEX's entries first either way.
    write_site_hook(site_dir, _site_packages(final), main_source, entries, inherit if inherit == 'false' else 'fallback')


def ensure(root, shim_dir, main_source, entries, inherit):
    """Makes the shim if missing; without one (Windows, an unwritable PEX_ROOT) sys.executable stays as it is."""
    if os.path.lexists(os.path.join(shim_dir, 'bin', 'python')):
        return
    if os.name == 'nt':
        log.info('no child interpreter on Windows: `sys.executable -m` children cannot import from the PEX; use --venv')
        return
    try:
        if cache.install_dir(root, shim_dir, lambda temp: _build(temp, shim_dir, main_source, entries, inherit)):
            log.info('made child interpreter %s' % shim_dir)
    except (cache.CacheError, OSError) as e:
        log.info('no child interpreter (%s): `sys.executable -m` children cannot import from the PEX; use --venv' % e)
