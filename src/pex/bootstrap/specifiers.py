"""PEP 440 version specifiers, enough for `Requires-Python` and pex-style interpreter constraints."""
import platform
import re
import sys

_VERSION = re.compile(
    r'^\s*v?(?:(?P<epoch>\d+)!)?(?P<release>\d+(?:\.\d+)*)'
    r'(?:[-_.]?(?P<pre_l>a|b|c|rc|alpha|beta|pre|preview)[-_.]?(?P<pre_n>\d*))?'
    r'(?P<post>-(?P<post_n1>\d+)|[-_.]?(?:post|rev|r)[-_.]?(?P<post_n2>\d*))?'
    r'(?P<dev>[-_.]?dev[-_.]?(?P<dev_n>\d*))?'
    r'(?:\+[a-z0-9._-]+)?\s*$',
    re.IGNORECASE,
)
_PRE_RANK = {'a': 0, 'alpha': 0, 'b': 1, 'beta': 1, 'c': 2, 'rc': 2, 'pre': 2, 'preview': 2}
_SPEC = re.compile(r'^\s*(===|==|!=|~=|<=|>=|<|>)\s*([^\s]+)\s*$')
_CONSTRAINT = re.compile(r'^\s*([A-Za-z][A-Za-z0-9_]*)?\s*(.*?)\s*$')


class InvalidSpecifier(ValueError):
    pass


def _parse(text):
    m = _VERSION.match(text)
    if not m:
        raise InvalidSpecifier('not a version: %r' % text)
    epoch = int(m.group('epoch') or 0)
    release = tuple(int(x) for x in m.group('release').split('.'))
    pre = (_PRE_RANK[m.group('pre_l').lower()], int(m.group('pre_n') or 0)) if m.group('pre_l') else None
    post = int(m.group('post_n1') or m.group('post_n2') or 0) if m.group('post') is not None else None
    dev = int(m.group('dev_n') or 0) if m.group('dev') is not None else None
    return epoch, release, pre, post, dev


def _key(parsed):
    epoch, release, pre, post, dev = parsed
    while len(release) > 1 and release[-1] == 0:
        release = release[:-1]
    if pre is not None:
        pre_key = (0,) + pre
    elif dev is not None and post is None:
        pre_key = (-1,)  # 1.0.dev0 sorts before 1.0a0
    else:
        pre_key = (1,)
    post_key = (0, post) if post is not None else (-1,)
    dev_key = (0, dev) if dev is not None else (1,)
    return epoch, release, pre_key, post_key, dev_key


def _padded(release, length):
    return tuple(release) + (0,) * (length - len(release))


def _matches_one(version, op, spec):
    candidate = _parse(version)
    if op == '===':
        return version.strip() == spec
    if spec.endswith('.*'):
        if op not in ('==', '!='):
            raise InvalidSpecifier('%s%s: a wildcard needs == or !=' % (op, spec))
        prefix = _parse(spec[:-2])[1]
        head = _padded(candidate[1], len(prefix))[:len(prefix)]
        equal = candidate[0] == _parse(spec[:-2])[0] and head == prefix
        return equal if op == '==' else not equal
    want = _parse(spec)
    a, b = _key(candidate), _key(want)
    if op == '==':
        return a == b
    if op == '!=':
        return a != b
    if op == '>=':
        return a >= b
    if op == '<=':
        return a <= b
    if op == '>':
        return a > b
    if op == '<':
        return a < b
    if op == '~=':
        if len(want[1]) < 2:
            raise InvalidSpecifier('~=%s needs at least two release numbers' % spec)
        prefix = want[1][:-1]
        return a >= b and _padded(candidate[1], len(prefix))[:len(prefix)] == prefix
    raise InvalidSpecifier('unknown operator %r' % op)


def matches(version, specifier_set):
    """'3.11.7' against '>=3.8,!=3.9.*' -> True. An empty set matches everything."""
    for part in specifier_set.split(','):
        if not part.strip():
            continue
        m = _SPEC.match(part)
        if not m:
            raise InvalidSpecifier('not a version specifier: %r' % part.strip())
        if not _matches_one(version, m.group(1), m.group(2)):
            return False
    return True


def python_version():
    """The running interpreter's release as pip compares it: '3.11.7'."""
    return '%d.%d.%d' % sys.version_info[:3]


def implementation():
    return platform.python_implementation()  # 'CPython', 'PyPy'


def constraint_matches(constraint, impl=None, version=None):
    """pex form: 'CPython>=3.9,<3.14', '>=3.8', 'PyPy', 'CPython==3.11.*'."""
    m = _CONSTRAINT.match(constraint)
    name, specs = m.group(1), m.group(2)
    impl = impl or implementation()
    if name and name.lower() != impl.lower():
        return False
    return matches(version or python_version(), specs)
