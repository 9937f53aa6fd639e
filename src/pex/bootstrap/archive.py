"""The PEX's contents, from its zip or from a folder it was unzipped into (`unzip app.pex -d app`).

Both offer the part of zipfile.ZipFile's interface the runtime uses: infolist(), open(member), read(name),
close(); members carry `filename` ('/'-separated) and `external_attr` (Unix mode in the high 16 bits).
"""
import os
import zipfile


class _Member(object):
    def __init__(self, filename, path, mode):
        self.filename = filename
        self.path = path
        self.external_attr = (mode & 0xFFFF) << 16


class DirArchive(object):
    """A PEX unzipped into a folder; compiled-bytecode caches Python left there are not part of it."""

    def __init__(self, folder):
        self.folder = folder
        self._members = []
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames[:] = sorted(d for d in dirnames if d != '__pycache__')
            for name in sorted(filenames):
                if name.endswith('.pyc'):
                    continue
                path = os.path.join(dirpath, name)
                relative = os.path.relpath(path, folder).replace(os.sep, '/')
                self._members.append(_Member(relative, path, os.stat(path).st_mode))
        self._by_name = {m.filename: m for m in self._members}

    def infolist(self):
        return list(self._members)

    def open(self, member):
        if not isinstance(member, _Member):
            member = self._by_name[member]
        return open(member.path, 'rb')

    def read(self, member):
        with self.open(member) as f:
            return f.read()

    def close(self):
        pass


def open_pex(pex):
    """The PEX at `pex` (a zip file, or a folder holding its unzipped contents)."""
    if os.path.isdir(pex):
        if not os.path.isfile(os.path.join(pex, 'PEX-INFO')):
            raise KeyError('PEX-INFO (the folder %s is not an unzipped PEX)' % pex)
        return DirArchive(pex)
    return zipfile.ZipFile(pex)
