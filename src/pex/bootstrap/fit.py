"""Does this interpreter fit the PEX? Interpreter constraints, then the first target whose wheels all fit.

Also the probe a candidate interpreter runs before we re-exec into it (`python -c ... probe(pex)`).
"""
import json
import sys
import sysconfig
from . import archive, specifiers, tags


class Misfit(object):
    """Why the running interpreter cannot run the PEX, phrased for the user."""

    def __init__(self, need, detail, minor=None):
        self.need = need      # 'CPython 3.11'
        self.detail = detail  # 'wheel markupsafe-...whl does not fit'
        self.minor = minor    # '3.11' when one minor version would fit, to try python3.11 first

    def message(self, executable):
        if self.minor:
            advice = 'run it with python%s or set PEX_PYTHON to a matching interpreter' % self.minor
        else:
            advice = 'run it with a matching interpreter or set PEX_PYTHON to one'
        return 'this PEX needs %s (%s %s, which is %s %s on %s); %s' % (
            self.need, self.detail, executable or 'this interpreter', specifiers.implementation(),
            specifiers.python_version(), sysconfig.get_platform(), advice)


def read_info(zf):
    return json.loads(zf.read('PEX-INFO').decode('utf-8'))


def _constraint_misfit(constraints):
    if not constraints:
        return None
    for constraint in constraints:
        if specifiers.constraint_matches(constraint):
            return None
    minor = None
    if len(constraints) == 1:
        for m in range(13, 5, -1):  # released minors, newest first
            version = '3.%d' % m
            if any(specifiers.constraint_matches(c, 'CPython', version + p) for c in constraints for p in ('.0', '.50')):
                minor = version
                break
    return Misfit(' or '.join(constraints), 'interpreter constraints do not match', minor)


def _wheel_need(wheel_tags, platforms):
    """What a wheel's tags ask for, e.g. ('CPython 3.11', '3.11') or ('a macosx_11_0_arm64 platform', None)."""
    if not any(plat in platforms or plat == 'any' for (_, _, plat) in wheel_tags):
        plats = sorted(set(plat for (_, _, plat) in wheel_tags))
        return 'a %s platform' % ' or '.join(plats), None
    pythons = sorted(set(py for (py, _, _) in wheel_tags))
    cpython = [py for py in pythons if py.startswith('cp') and py[2:].isdigit() and len(py) >= 4]
    if cpython and len(cpython) == len(pythons):
        minors = ['%s.%s' % (py[2], py[3:]) for py in cpython]
        if any(abi == 'abi3' for (_, abi, _) in wheel_tags):
            return 'CPython >= %s' % min(minors, key=lambda v: int(v.split('.')[1])), None
        if len(minors) == 1:
            return 'CPython %s' % minors[0], minors[0]
        return 'CPython %s' % ' or '.join(minors), None
    return 'an interpreter matching %s' % '.'.join(pythons), None


def _target_misfit(target, wheels_meta, supported, platforms):
    for wheel in target.get('wheels', []):
        parsed = tags.parse_wheel_name(wheel)
        if parsed is None:
            return Misfit('a valid wheel', 'wheel %s has a malformed file name and does not fit' % wheel)
        if not (parsed[2] & supported):
            need, minor = _wheel_need(parsed[2], platforms)
            return Misfit(need, 'wheel %s does not fit' % wheel, minor)
        requires = (wheels_meta.get(wheel) or {}).get('requires_python')
        if requires and not specifiers.matches(specifiers.python_version(), requires):
            return Misfit('Python %s' % requires, 'wheel %s requires it and does not fit' % wheel)
    return None


def choose(info):
    """(target, None) for the first target that fits, else (None, Misfit)."""
    misfit = _constraint_misfit(info.get('interpreter_constraints') or [])
    if misfit:
        return None, misfit
    ours = info.get('pexship') or {}
    targets = ours.get('targets') or [{'platform': 'any', 'wheels': sorted(info.get('distributions') or {})}]
    supported = tags.supported_tags()
    platforms = tags.platforms()
    first = None
    for target in targets:
        misfit = _target_misfit(target, ours.get('wheels') or {}, supported, platforms)
        if misfit is None:
            return target, None
        first = first or misfit
    if len(targets) > 1:
        first.detail = 'none of its %d targets (%s) fits: %s' % (
            len(targets), ', '.join(t.get('platform', '?') for t in targets), first.detail)
    return None, first


def probe(pex):
    """Exit status for a candidate interpreter: 0 when it can run the PEX."""
    try:
        zf = archive.open_pex(pex)
        try:
            target, misfit = choose(read_info(zf))
        finally:
            zf.close()
    except Exception as e:  # a probe must answer, never crash
        sys.stderr.write('pexship probe: %s\n' % e)
        return 2
    return 0 if target is not None else 3
