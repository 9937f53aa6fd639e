"""pex_path / PEX_PATH: other PEXes whose code and distributions join this one's sys.path, after its own.

Entries from PEX-INFO's `pex_path` are relative to the folder holding this PEX; entries from the PEX_PATH
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
    """sys.path entries of the other PEXes, in order; `extract(zf, info, target, root)` is boot's."""
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
