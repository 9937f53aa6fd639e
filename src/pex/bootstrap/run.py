"""Runs what the PEX was built to run: an entry point, a script file, or the interpreter itself.

main.py keeps a minimal copy of run_entry for the warm path; the two must behave the same.
"""
import os
import sys


def _fail(message):
    sys.stderr.write('pexship: %s\n' % message)
    sys.exit(1)


def _detach_main(origin):
    """__main__ as `python script.py` leaves it (main.py's _detach_main): no __spec__, __file__ a real path."""
    main = sys.modules['__main__']
    main.__spec__ = None
    main.__file__ = origin or sys.argv[0]


def run_module_as_main(name):
    """Like `python -m name`, except sys.argv[0] stays what the caller set (the PEX path)."""
    import importlib.util
    spec = importlib.util.find_spec(name)
    if spec is not None and spec.submodule_search_locations is not None:
        spec = importlib.util.find_spec(name + '.__main__')
    if spec is None or spec.loader is None:
        _fail('no module named %r (the entry point of %s)' % (name, sys.argv[0]))
    code = spec.loader.get_code(spec.name)
    module = type(sys)('__main__')
    module.__dict__.update(__cached__=spec.cached, __loader__=spec.loader, __package__=spec.parent,
                           __builtins__=__builtins__)
    sys.modules['__main__'] = module
    _detach_main(spec.origin)
    exec(code, module.__dict__)


def run_entry(entry):
    """`mod:func` -> sys.exit(func()); `mod` -> run it as __main__."""
    module, _, attr = entry.partition(':')
    if not attr:
        run_module_as_main(module)
        return
    _detach_main(None)
    __import__(module)
    target = sys.modules[module]
    for part in attr.split('.'):
        target = getattr(target, part)
    sys.exit(target())


def exec_or_wait(argv, wait):
    """Becomes argv (exec), or with `wait` (a temporary cache to remove at exit; Windows) runs it as a child
    and ends the same way it did: its exit code, or the signal that killed it."""
    sys.stdout.flush()
    sys.stderr.flush()
    if not wait and os.name != 'nt':
        os.execv(argv[0], argv)
    import signal
    import subprocess
    child = subprocess.Popen(argv)
    # As system() does: Ctrl-C reaches the child from the terminal; other termination requests are passed on.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ('SIGTERM', 'SIGHUP', 'SIGQUIT'):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), lambda signum, frame: child.send_signal(signum))
    code = child.wait()
    if code < 0 and os.name != 'nt':
        from . import cache
        cache.remove_temporary_root()
        signal.signal(-code, signal.SIG_DFL)
        os.kill(os.getpid(), -code)
    sys.exit(code)


def run_script_file(path, kind, wait=False):
    """A wheel's `.data/scripts` file: Python ('script') runs in-process; anything else ('program': native
    binaries, shell scripts) is executed as a program with this process's argv, environment and exit."""
    if kind == 'program':
        exec_or_wait([path] + sys.argv[1:], wait)
    import runpy
    runpy.run_path(path, run_name='__main__')


def _fresh_main():
    module = type(sys)('__main__')
    module.__dict__['__builtins__'] = __builtins__
    sys.modules['__main__'] = module
    return module.__dict__


def _exec_source(source, filename):
    namespace = _fresh_main()
    exec(compile(source, filename, 'exec'), namespace)


def interpreter(args):
    """Behave like `python ARGS` for the forms people use with a PEX: -c, -m, a file, -, or the REPL."""
    import runpy
    if not args or args[0] == '-':
        sys.argv = [''] + args[1:] if args else ['']
        sys.path.insert(0, '')
        if args or not sys.stdin.isatty():
            _exec_source(sys.stdin.read(), '<stdin>')
            return
        _repl()
        return
    first = args[0]
    if first.startswith('-c'):
        if first == '-c':
            if len(args) < 2:
                _fail('argument expected for the -c option')
            source, rest = args[1], args[2:]
        else:
            source, rest = first[2:], args[1:]
        sys.argv = ['-c'] + rest
        sys.path.insert(0, '')
        _exec_source(source, '<string>')
    elif first.startswith('-m'):
        if first == '-m':
            if len(args) < 2:
                _fail('argument expected for the -m option')
            module, rest = args[1], args[2:]
        else:
            module, rest = first[2:], args[1:]
        sys.argv = [module] + rest
        sys.path.insert(0, os.getcwd())
        runpy.run_module(module, run_name='__main__', alter_sys=True)
    elif first.startswith('-'):
        _fail('interpreter option %s is not supported inside a PEX (supported: -c CODE, -m MODULE, FILE, -)' % first)
    else:
        sys.argv = list(args)
        if not os.path.exists(first):
            _fail("can't open file %r: no such file" % first)
        sys.path.insert(0, os.path.dirname(os.path.abspath(first)))
        runpy.run_path(first, run_name='__main__')


def _repl():
    import code
    try:
        import readline  # noqa: F401 (line editing when available)
    except ImportError:
        pass
    namespace = _fresh_main()
    banner = 'Python %s on %s\n(inside a pexship PEX: its dependencies are importable)' % (sys.version, sys.platform)
    code.interact(banner=banner, local=namespace, exitmsg='')
