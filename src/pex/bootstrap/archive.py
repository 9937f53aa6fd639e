"""The PEX's contents, from its zip or from a folder it was unzipped into (`unzip app.pex -d app`), which is
also what `--layout loose` writes; `--layout packed` is the same with each `.deps/<wheel>` a zip file.

Both offer the part of zipfile.ZipFile's interface the runtime uses: infolist(), open(member), read(name),
close(); members carry `filename` ('/'-separated) and `external_attr` (Unix mode in the high 16 bits).
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
    """The PEX at `pex` (a zip file, or a folder holding its unzipped contents)."""
    if os.path.isdir(pex):
        if not os.path.isfile(os.path.join(pex, 'PEX-INFO')):
            raise KeyError('PEX-INFO (the folder %s is not an unzipped PEX)' % pex)
        return DirArchive(pex)
    return zipfile.ZipFile(pex)
