# The application of the runtime compatibility suite (compat.test.ts): `app.pex CASE ARGS...` runs one case.
import json
import os
import signal
import subprocess
import sys


def pth():
    import distutils
    import distutils.core
    import nsorg.alpha
    import nsorg.beta
    import beta_extra
    import covhook
    print(json.dumps({
        'distutils': os.path.relpath(distutils.__file__, os.path.dirname(os.path.dirname(distutils.core.__file__))),
        'distutils_in_pex': 'setuptools' in distutils.__file__,
        'nsorg': [nsorg.alpha.NAME, nsorg.beta.NAME],
        'extra': beta_extra.NAME,
        'covhook_starts': covhook.STARTS,
    }))


def isolation():
    import alsoshadowed
    import shadowed
    import email.message
    print(json.dumps({'shadowed': shadowed.WHERE, 'alsoshadowed': alsoshadowed.WHERE,
                      'stdlib': email.message.__name__}))


def argv0():
    print(json.dumps({'argv0': sys.argv[0], 'isabs': os.path.isabs(sys.argv[0])}))


def autoreload(workdir):
    # Django's autoreloader: `-m NAME` when __main__ has a spec, else [sys.executable, *sys.argv], after a chdir.
    import __main__
    os.chdir(workdir)
    if os.environ.get('CHILD'):
        print('child ok in %s' % os.getcwd())
        return 0
    spec = getattr(__main__, '__spec__', None)
    if spec is not None:
        args = [sys.executable, '-m', spec.parent or spec.name] + sys.argv[1:]
    else:
        args = [sys.executable] + sys.argv
    return subprocess.call(args, env=dict(os.environ, CHILD='1'))


def workers(method):
    import multiprocessing
    import workers
    ctx = multiprocessing.get_context(method)
    with ctx.Pool(2) as pool:
        squares = pool.map(workers.square, [1, 2, 3])
    queue = ctx.Queue()
    process = ctx.Process(target=workers.report, args=(queue,))
    process.start()
    where = queue.get(timeout=60)
    process.join(60)
    print(json.dumps({'squares': squares, 'child_exit': process.exitcode, 'child_sees_wheel': where}))


def child_module():
    # loky/joblib: a worker started as `sys.executable -m MODULE` that imports from the PEX before anything else.
    import pickle
    import workers
    r, w = os.pipe()
    child = subprocess.Popen([sys.executable, '-m', 'lokyish.backend', str(r)], pass_fds=[r], stdout=subprocess.PIPE)
    os.close(r)
    with os.fdopen(w, 'wb') as pipe:
        pickle.dump({'sys_path': sys.path}, pipe)
        pickle.dump((workers.square, (7,)), pipe)
    out, _ = child.communicate(timeout=60)
    reply = json.loads(out) if child.returncode == 0 else {}
    reply['exit'] = child.returncode
    print(json.dumps(reply))


def child_plain(other_python):
    # `subprocess.run([sys.executable, '-c', ...])` sees what this process sees; another interpreter sees nothing
    # of the PEX (no PYTHONPATH, no .pth of ours in its site-packages).
    code = ('import json, sys, covhook, distutils, shadowed; print(json.dumps([shadowed.WHERE, '
            '"setuptools" in distutils.__file__, covhook.STARTS, list(sys.version_info[:2])]))')
    same = subprocess.run([sys.executable, '-c', code], stdout=subprocess.PIPE, universal_newlines=True)
    other = subprocess.run([other_python, '-c', 'import shadowed'], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           universal_newlines=True)
    print(json.dumps({'same': json.loads(same.stdout) if same.returncode == 0 else same.returncode,
                      'other_exit': other.returncode, 'other_error': other.stderr.strip().splitlines()[-1],
                      'pythonpath': os.environ.get('PYTHONPATH')}))


def forking_server():
    import socket
    import socketserver

    class Handler(socketserver.StreamRequestHandler):
        def handle(self):
            import shadowed
            self.wfile.write(('%d %s\n' % (os.getpid(), shadowed.WHERE)).encode())

    with socketserver.ForkingTCPServer(('127.0.0.1', 0), Handler) as server:
        port = server.server_address[1]
        replies = []
        for _ in range(2):
            with socket.create_connection(('127.0.0.1', port), timeout=30) as client:
                client.sendall(b'hi\n')
                server.handle_request()
                replies.append(client.makefile().readline().split())
    print(json.dumps({'forked': all(int(pid) != os.getpid() for pid, _ in replies), 'where': [w for _, w in replies]}))


def plugins():
    from importlib import metadata
    eps = metadata.entry_points()
    group = eps.select(group='pexship_test_plugins') if hasattr(eps, 'select') else eps.get('pexship_test_plugins', [])
    found = sorted('%s=%s' % (ep.name, ep.load()()) for ep in group)
    print(json.dumps({'plugins': found, 'version': metadata.version('runner-plugin-x')}))


def resources():
    import importlib.resources
    if sys.version_info >= (3, 9):
        text = importlib.resources.files('resdata.data').joinpath('hello.txt').read_text()
    else:
        text = importlib.resources.read_text('resdata.data', 'hello.txt')
    print(json.dumps({'text': text}))


def extension():
    import fastext
    print(json.dumps({'answer': fastext.answer()}))


def exit_with(code):
    sys.stdout.write('exiting %s\n' % code)
    return int(code)


def sigterm():
    sys.stdout.write('terminating\n')
    sys.stdout.flush()
    os.kill(os.getpid(), signal.SIGTERM)


def main():
    case = sys.argv[1]
    return globals()[case](*sys.argv[2:])
