"""Opens a PEX in any layout (FORMAT.md, "Directory layouts") behind the part of zipfile's API the runtime
uses (infolist, open, read, close), so extraction, probing and venv building treat them all alike:

- zipapp: the PEX file itself, a zip;
- loose: a directory holding the zipapp's entries as plain files;
- packed: the same, except that each `.deps/<wheel file name>` is a zip of that wheel's installed files.
"""
import os
import stat
import zipfile


class _Member(object):
    """A file of a directory PEX, named as the zipapp would name it."""

    def __init__(self, filename, external_attr, opener):
        self.filename = filename
        self.external_attr = external_attr
        self._opener = opener


class DirPex(object):
    def __init__(self, root):
        self.root = root
        self._members = None
        self._zips = []

    def _walk(self):
        members = []
        for dirpath, dirnames, filenames in os.walk(self.root):
            dirnames.sort()
            rel = os.path.relpath(dirpath, self.root)
            prefix = '' if rel == '.' else rel.replace(os.sep, '/') + '/'
            for name in sorted(filenames):
                path = os.path.join(dirpath, name)
                if prefix == '.deps/':
                    members.extend(self._packed(path, prefix + name + '/'))
                    continue
                mode = os.stat(path).st_mode
                members.append(_Member(prefix + name, (stat.S_IMODE(mode) | stat.S_IFREG) << 16,
                                       lambda p=path: open(p, 'rb')))
        return members

    def _packed(self, path, prefix):
        zf = zipfile.ZipFile(path)
        self._zips.append(zf)
        return [_Member(prefix + info.filename, info.external_attr, lambda i=info, z=zf: z.open(i))
                for info in zf.infolist() if not info.filename.endswith('/')]

    def infolist(self):
        if self._members is None:
            self._members = self._walk()
        return self._members

    def open(self, member):
        return member._opener()

    def read(self, name):
        if isinstance(name, _Member):
            with name._opener() as f:
                return f.read()
        with open(os.path.join(self.root, *name.split('/')), 'rb') as f:
            return f.read()

    def close(self):
        for zf in self._zips:
            zf.close()
        self._zips = []

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def installed_in_place(zf, wheel):
    """The folder of a loose directory PEX's installed wheel, to run from as it is; None otherwise."""
    if not isinstance(zf, DirPex):
        return None
    folder = os.path.join(zf.root, '.deps', wheel)
    return folder if os.path.isdir(folder) else None


def open_pex(path):
    """A zipfile.ZipFile for a zipapp, a DirPex for a directory PEX."""
    if os.path.isdir(path):
        return DirPex(path)
    return zipfile.ZipFile(path)
