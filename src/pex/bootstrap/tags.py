"""Which wheels the running interpreter can use: its supported tags (PEP 425/600/656) and wheel file names.

Standard library only, so it runs on any interpreter we might re-exec into (3.6 syntax kept on purpose:
an old interpreter must still be able to say why it cannot run the PEX).
"""
import os
import platform
import sys
import sysconfig

# PEP 600 legacy names for the glibc versions they stand for, and the architectures each existed for.
_LEGACY_MANYLINUX = {
    (2, 17): ('manylinux2014', ('x86_64', 'i686', 'aarch64', 'armv7l', 'ppc64', 'ppc64le', 's390x')),
    (2, 12): ('manylinux2010', ('x86_64', 'i686')),
    (2, 5): ('manylinux1', ('x86_64', 'i686')),
}
_INTERPRETER_SHORT = {'cpython': 'cp', 'pypy': 'pp', 'ironpython': 'ip', 'jython': 'jy'}


def parse_wheel_name(filename):
    """'markupsafe-2.1.5-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl' ->
    ('markupsafe', '2.1.5', {('cp311', 'cp311', 'manylinux_2_17_x86_64'), ...}); None when malformed."""
    if not filename.endswith('.whl'):
        return None
    parts = filename[:-4].split('-')
    if len(parts) not in (5, 6):
        return None
    name, version = parts[0], parts[1]
    pys, abis, plats = parts[-3].split('.'), parts[-2].split('.'), parts[-1].split('.')
    tags = set((p, a, pl) for p in pys for a in abis for pl in plats)
    return name, version, tags


def _linux_arch():
    arch = sysconfig.get_platform().split('-', 1)[-1].replace('-', '_').replace('.', '_')
    if sys.maxsize <= 2 ** 32:  # a 32-bit interpreter on a 64-bit kernel
        arch = {'x86_64': 'i686', 'aarch64': 'armv7l'}.get(arch, arch)
    return arch


def glibc_version():
    """(2, 36) on glibc systems, else None."""
    try:
        text = os.confstr('CS_GNU_LIBC_VERSION')  # 'glibc 2.36'
    except (AttributeError, OSError, ValueError):
        return None
    if not text or not text.startswith('glibc '):
        return None
    try:
        major, minor = text.split()[1].split('.')[:2]
        return int(major), int(''.join(c for c in minor if c.isdigit()))
    except ValueError:
        return None


def musl_version():
    """(1, 2) when this interpreter runs on musl libc, else None (asks the musl loader, which prints it)."""
    import glob
    import subprocess
    for loader in sorted(glob.glob('/lib/ld-musl-*.so.1')):
        try:
            out = subprocess.run([loader], stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=10).stderr
        except (OSError, subprocess.SubprocessError):
            continue
        for line in out.decode('utf-8', 'replace').splitlines():
            if line.startswith('Version '):
                try:
                    major, minor = line.split()[1].split('.')[:2]
                    return int(major), int(minor)
                except ValueError:
                    return None
    return None


def _linux_platforms():
    arch = _linux_arch()
    plats = []
    glibc = glibc_version()
    if glibc is not None and glibc[0] == 2:
        lowest = 5 if arch in ('x86_64', 'i686') else 17
        for minor in range(glibc[1], lowest - 1, -1):
            plats.append('manylinux_2_%d_%s' % (minor, arch))
            legacy = _LEGACY_MANYLINUX.get((2, minor))
            if legacy and arch in legacy[1]:
                plats.append('%s_%s' % (legacy[0], arch))
    else:
        musl = musl_version()
        if musl is not None and musl[0] == 1:
            for minor in range(musl[1], -1, -1):
                plats.append('musllinux_1_%d_%s' % (minor, arch))
    plats.append('linux_%s' % arch)
    return plats


def _mac_platforms():
    release = platform.mac_ver()[0] or '10.9'
    major, minor = (int(x) for x in (release.split('.') + ['0'])[:2])
    arch = platform.machine()
    # arm64 binaries exist only from macOS 11; x86_64 also accepts the older multi-architecture names.
    formats = ['arm64', 'universal2'] if arch == 'arm64' else [arch, 'intel', 'fat64', 'fat32', 'universal2', 'universal']
    versions = []
    if major >= 11:
        versions += [(m, 0) for m in range(major, 10, -1)]
        if arch != 'arm64':
            versions += [(10, m) for m in range(16, 3, -1)]
    else:
        versions += [(10, m) for m in range(minor, 3, -1)]
    plats = []
    for (vmaj, vmin) in versions:
        for fmt in formats:
            if fmt == 'universal2' and (vmaj, vmin) < (10, 16) and arch != 'arm64':
                continue
            plats.append('macosx_%d_%d_%s' % (vmaj, vmin, fmt))
    return plats


def platforms():
    """Platform tags this machine accepts, most specific first."""
    if sys.platform.startswith('linux'):
        return _linux_platforms()
    if sys.platform == 'darwin':
        return _mac_platforms()
    return [sysconfig.get_platform().replace('-', '_').replace('.', '_')]


def _abi_suffix():
    suffix = ''
    if hasattr(sys, 'gettotalrefcount'):
        suffix += 'd'
    if sysconfig.get_config_var('Py_GIL_DISABLED'):
        suffix += 't'
    return suffix


def supported_tags():
    """Every (python, abi, platform) triple the running interpreter accepts."""
    major, minor = sys.version_info[:2]
    impl = sys.implementation.name
    short = _INTERPRETER_SHORT.get(impl, impl)
    interp = '%s%d%d' % (short, major, minor)
    plats = platforms()
    tags = set()
    if impl == 'cpython':
        suffix = _abi_suffix()
        abis = ['cp%d%d%s' % (major, minor, suffix), 'none']
        for abi in abis:
            for plat in plats:
                tags.add((interp, abi, plat))
        if 't' not in suffix and 'd' not in suffix:
            for older in range(minor, 1, -1):
                for plat in plats:
                    tags.add(('cp%d%d' % (major, older), 'abi3', plat))
    else:
        soabi = sysconfig.get_config_var('SOABI') or ''
        abi = '_'.join(soabi.split('-')[:2]).replace('.', '_') or 'none'
        for plat in plats:
            tags.add((interp, abi, plat))
            tags.add((interp, 'none', plat))
    for plat in plats:
        tags.add(('py%d' % major, 'none', plat))
        for older in range(minor, -1, -1):
            tags.add(('py%d%d' % (major, older), 'none', plat))
    tags.add((interp, 'none', 'any'))
    tags.add(('py%d' % major, 'none', 'any'))
    for older in range(minor, -1, -1):
        tags.add(('py%d%d' % (major, older), 'none', 'any'))
    return tags
