# pexship PEX entry (format 1), rendered at build time by src/pex/runtime.ts. It runs the bootstrap,
# .bootstrap/main.py, in this module's namespace, from bytecode cached under PEX_ROOT: compiling that source
# on every start (runpy has zipimport compile it twice) cost more than all the work the warm path does.
import os
import sys

BOOT_HASH = '@BOOT_HASH@'  # sha1 of .bootstrap/main.py: names its cached bytecode


def _pex_root():
    root = os.environ.get('PEX_ROOT')
    if not root:
        cache = os.environ.get('XDG_CACHE_HOME') or os.path.join(os.path.expanduser('~'), '.cache')
        root = os.path.join(cache, 'pexship')
    return os.path.abspath(os.path.expanduser(root))


def _boot_code():
    import marshal
    # The bytecode format's magic number, from the import system every CPython has loaded.
    magic = getattr(sys.modules.get('_frozen_importlib_external'), 'MAGIC_NUMBER', None)
    cached = os.path.join(_pex_root(), 'bootstrap', '%s.%s' % (BOOT_HASH, sys.implementation.cache_tag))
    if magic:
        try:
            with open(cached, 'rb') as f:
                data = f.read()
            if data[:len(magic)] == magic:
                return marshal.loads(data[len(magic):])
        except (OSError, ValueError, EOFError, TypeError):
            pass
    path = os.path.join(os.path.dirname(__file__), '.bootstrap', 'main.py')
    code = compile(__loader__.get_data(path), path, 'exec')
    if magic:
        try:  # written once, atomically; an unwritable PEX_ROOT only means compiling again next time
            os.makedirs(os.path.dirname(cached), exist_ok=True)
            temp = '%s.%d.tmp' % (cached, os.getpid())
            with open(temp, 'wb') as f:
                f.write(magic + marshal.dumps(code))
            os.replace(temp, cached)
        except OSError:
            pass
    return code


exec(_boot_code())
