"""--venv mode: one virtualenv per PEX and interpreter under PEX_ROOT/venvs/<pex_hash>/<interpreter id>/.

Built once with the standard library's venv module (no pip), then every run execs its python. Choices:
- site-packages holds symlinks into the extracted wheels and sources (copies where symlinks fail, e.g.
  Windows without the privilege); folders two wheels share (namespace packages) become real folders.
- include-system-site-packages stays false; inherit_path prefer/fallback is applied by the launcher at
  start-up, so one venv serves every PEX with the same contents whatever its PEX-INFO says.
- console scripts and `.data/scripts` go to bin/ with shebangs naming this venv's python.
- the launcher `pexship_main.py` and a copy of this runtime (`pexship/`) live at the venv root.
"""
import os
import re
import shutil
import sys

from . import cache, log, run, shims

LAUNCHER = 'pexship_main.py'
_LAUNCHER_SOURCE = '''# pexship venv launcher: runs the PEX's entry point inside this virtualenv.
import os
import sys

_here = os.path.dirname(os.path.abspath(__file__))
# A multiprocessing child re-running its parent's __main__ (as __mp_main__) must not start the app again.
if __name__ == '__main__':
    sys.path.insert(0, os.path.join(_here, 'pexship'))
    from pexship_runtime import launch
    del sys.path[0]
    launch.main(_here%s)
'''
_RUNTIME_PREFIX = '.bootstrap/pexship_runtime/'
# Console scripts become files and code: plain names and dotted identifiers only.
_SCRIPT_NAME = re.compile(r'^[A-Za-z0-9][A-Za-z0-9._-]*$')
_SCRIPT_TARGET = re.compile(r'^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*:[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$')


def _bin_name():
    return 'Scripts' if os.name == 'nt' else 'bin'


def python_of(venv_dir):
    return os.path.join(venv_dir, _bin_name(), 'python.exe' if os.name == 'nt' else 'python')


def _link(src, dst):
    try:
        os.symlink(src, dst, target_is_directory=os.path.isdir(src))
    except (OSError, NotImplementedError):
        if os.path.isdir(src):
            shutil.copytree(src, dst, symlinks=True)
        else:
            shutil.copy2(src, dst)


def _link_tree(src, dst, skip=None):
    """Symlinks src's entries into dst; when two sources share a folder, it becomes a real merged folder."""
    for name in sorted(os.listdir(src)):
        if skip and skip(name):
            continue
        s, d = os.path.join(src, name), os.path.join(dst, name)
        if not os.path.lexists(d):
            _link(s, d)
        elif os.path.isdir(s) and os.path.isdir(d):
            if os.path.islink(d):
                earlier = os.path.realpath(d)
                os.unlink(d)
                os.mkdir(d)
                _link_tree(earlier, d)
            _link_tree(s, d)
        # else: a file both provide; the first source (user code, then wheels in order) wins


def _find_site_packages(venv_dir):
    for dirpath, dirnames, _ in os.walk(venv_dir):
        if os.path.basename(dirpath) == 'site-packages':
            return dirpath
    raise log.Failure('the venv module made no site-packages folder in %s' % venv_dir)


def _write_script(path, text):
    with open(path, 'w') as f:
        f.write(text)
    os.chmod(path, 0o755)


def _console_script(python, target):
    module, _, attr = target.partition(':')
    head = attr.split('.')[0]
    return ('#!%s\n# Console script made by pexship.\nimport sys\nfrom %s import %s\n\n'
            "if __name__ == '__main__':\n    sys.exit(%s())\n" % (python, module, head, attr))


def _copy_data_script(src, dst, python):
    with open(src, 'rb') as f:
        content = f.read()
    first, newline, rest = content.partition(b'\n')
    if first.startswith(b'#!') and b'python' in first:
        content = b'#!' + python.encode('utf-8') + newline + rest
    with open(dst, 'wb') as f:
        f.write(content)
    os.chmod(dst, 0o755)


def _build(temp, final, zf, code_dir, wheel_dirs, console_scripts, bin_path):
    import venv as stdlib_venv
    builder = stdlib_venv.EnvBuilder(symlinks=os.name != 'nt', with_pip=False)
    context = builder.ensure_directories(temp)
    builder.create_configuration(context)
    builder.setup_python(context)
    site_packages = _find_site_packages(temp)
    is_data = lambda name: name.endswith('.data')  # noqa: E731
    _link_tree(code_dir, site_packages, skip=is_data)
    # The wheels' .pth files stay out of site-packages: site would run them twice in a venv (site.venv() and
    # site.main() both read it); pexship.pth runs them once instead, from each wheel's folder.
    for wheel_dir in wheel_dirs:
        _link_tree(wheel_dir, site_packages, skip=lambda name: is_data(name) or name.endswith('.pth'))
    final_site = os.path.join(final, os.path.relpath(site_packages, temp))
    shims.write_site_hook(site_packages, final_site, zf.read('.bootstrap/main.py'), wheel_dirs, None)
    bin_dir = os.path.join(temp, _bin_name())
    python = python_of(final)
    for wheel_dir in wheel_dirs:
        for name in sorted(os.listdir(wheel_dir)):
            if not is_data(name):
                continue
            scripts = os.path.join(wheel_dir, name, 'scripts')
            if os.path.isdir(scripts):
                for script in sorted(os.listdir(scripts)):
                    dst = os.path.join(bin_dir, script)
                    if not _SCRIPT_NAME.match(script):
                        continue
                    if not os.path.lexists(dst):
                        _copy_data_script(os.path.join(scripts, script), dst, python)
            data = os.path.join(wheel_dir, name, 'data')
            if os.path.isdir(data):
                _link_tree(data, temp)
    for name, target in sorted(console_scripts.items()):
        if not _SCRIPT_NAME.match(name) or not _SCRIPT_TARGET.match(target.replace(' ', '')):
            log.info('skipping console script %r = %r: not a plain name and module:attribute' % (name, target))
            continue
        target = target.replace(' ', '')
        dst = os.path.join(bin_dir, name)
        if not os.path.lexists(dst):
            _write_script(dst, _console_script(python, target))
    runtime = os.path.join(temp, 'pexship', 'pexship_runtime')
    os.makedirs(runtime)
    for member in zf.infolist():
        name = member.filename
        if name.startswith(_RUNTIME_PREFIX) and name.endswith('.py') and '/' not in name[len(_RUNTIME_PREFIX):]:
            with open(os.path.join(runtime, name[len(_RUNTIME_PREFIX):]), 'wb') as f:
                f.write(zf.read(member))
    # venv_bin_path is part of PEX-INFO, so of pex_hash, so of this venv's name: it can be baked in.
    _write_script(os.path.join(temp, LAUNCHER), _LAUNCHER_SOURCE % ('' if bin_path == 'false' else ', %r' % bin_path))


def ensure(root, pex_hash, interpreter_id, zf, code_dir, wheel_dirs, console_scripts, bin_path='false'):
    """The venv's folder, built if missing."""
    final = os.path.join(root, 'venvs', pex_hash, interpreter_id)
    if os.path.isfile(os.path.join(final, LAUNCHER)):
        return final
    if cache.install_dir(root, final, lambda temp: _build(temp, final, zf, code_dir, wheel_dirs, console_scripts, bin_path)):
        log.info('made venv %s' % final)
    return final


def exec_launcher(venv_dir, pex, kind, target, inherit, strip, args, wait=False):
    python = python_of(venv_dir)
    argv = [python, os.path.join(venv_dir, LAUNCHER), pex, kind, target or '', inherit, '1' if strip else '0'] + list(args)
    log.info('running in venv %s' % venv_dir)
    run.exec_or_wait(argv, wait)
