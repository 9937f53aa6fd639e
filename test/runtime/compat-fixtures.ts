// Real-shaped wheels for the runtime compatibility suite (compat.test.ts): each stands for a class of
// distribution that needs more of the runtime than "put it on sys.path".
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeWheel } from '../helpers/make-wheel.js';

/** setuptools' shape: distutils-precedence.pth runs `_distutils_hack.add_shim()`, which serves `import
 * distutils` from setuptools._distutils (on 3.12+, where the standard library has no distutils, only so). */
export function setuptoolsLike(dir: string): Promise<string> {
  return makeWheel(dir, {
    name: 'setuptools',
    version: '80.0.0',
    files: {
      'distutils-precedence.pth':
        "import os; var = 'SETUPTOOLS_USE_DISTUTILS'; enabled = os.environ.get(var, 'local') == 'local'; enabled and __import__('_distutils_hack').add_shim(); \n",
      '_distutils_hack/__init__.py': `import importlib
import importlib.abc
import importlib.util
import sys


class _Shim(importlib.abc.Loader):
    def create_module(self, spec):
        return importlib.import_module('setuptools._distutils')

    def exec_module(self, module):
        pass


class DistutilsFinder:
    def find_spec(self, fullname, path, target=None):
        if fullname != 'distutils' or path is not None:
            return None
        return importlib.util.spec_from_loader('distutils', _Shim())


FINDER = DistutilsFinder()


def add_shim():
    if FINDER not in sys.meta_path:
        sys.meta_path.insert(0, FINDER)
`,
      'setuptools/__init__.py': "__version__ = '80.0.0'\n",
      'setuptools/_distutils/__init__.py': "WHERE = 'setuptools'\n",
      'setuptools/_distutils/core.py': 'def setup(**kw):\n    return kw\n',
    },
  });
}

/** coverage's shape: a .pth that calls a start-up hook when COVERAGE_PROCESS_START-like variable is set. */
export function coverageLike(dir: string): Promise<string> {
  return makeWheel(dir, {
    name: 'covhook',
    version: '7.0',
    files: {
      'covhook.pth': 'import covhook; covhook.process_startup()\n',
      'covhook/__init__.py': `import os

STARTS = 0


def process_startup():
    global STARTS
    if not os.environ.get('COVHOOK_PROCESS_START'):
        return
    STARTS += 1
    with open(os.environ['COVHOOK_PROCESS_START'], 'a') as f:
        f.write('started %d\\n' % os.getpid())
`,
    },
  });
}

/** Two halves of a pkg_resources-style namespace package, each with setuptools' -nspkg.pth line, plus a
 * .pth that names a folder (a path line, relative to the distribution's folder). */
export async function namespaceHalves(dir: string): Promise<string[]> {
  const nspkg = (ns: string) =>
    `import sys, types, os;has_mfs = sys.version_info > (3, 5);p = os.path.join(sys._getframe(1).f_locals['sitedir'], *('${ns}',));` +
    `importlib = has_mfs and __import__('importlib.util');has_mfs and __import__('importlib.machinery');` +
    `m = has_mfs and sys.modules.setdefault('${ns}', importlib.util.module_from_spec(importlib.machinery.PathFinder.find_spec('${ns}', [os.path.dirname(p)])));` +
    `m = m or sys.modules.setdefault('${ns}', types.ModuleType('${ns}'));mp = (m or []) and m.__dict__.setdefault('__path__',[]);(p not in mp) and mp.append(p)\n`;
  return Promise.all([
    makeWheel(dir, { name: 'nsorg.alpha', version: '1.0', files: { 'nsorg.alpha-1.0-py3.9-nspkg.pth': nspkg('nsorg'), 'nsorg/alpha.py': "NAME = 'alpha'\n" } }),
    makeWheel(dir, {
      name: 'nsorg.beta',
      version: '1.0',
      files: { 'nsorg.beta-1.0-py3.9-nspkg.pth': nspkg('nsorg'), 'nsorg/beta.py': "NAME = 'beta'\n", 'beta-extras.pth': '# a comment\n\nextras\n', 'extras/beta_extra.py': "NAME = 'extra'\n" },
    }),
  ]);
}

/** Modules the host interpreter also has (in its site-packages) and imports at start-up. */
export function shadowed(dir: string): Promise<string> {
  return makeWheel(dir, { name: 'shadowed', version: '2.0', files: { 'shadowed.py': "WHERE = 'pex'\n", 'alsoshadowed/__init__.py': "WHERE = 'pex'\n" } });
}

/** loky's shape: the parent starts `sys.executable -m lokyish.backend FD` and sends it, over a pipe, the
 * preparation data (sys.path) and then a pickled function with its arguments; the worker prints the result and
 * what it sees of the PEX (isolation, the wheels' .pth files). */
export function lokyLike(dir: string): Promise<string> {
  return makeWheel(dir, {
    name: 'lokyish',
    version: '1.0',
    files: {
      'lokyish/__init__.py': '',
      'lokyish/backend.py': `import json
import os
import pickle
import sys


def main(fd):
    with os.fdopen(fd, 'rb') as pipe:
        preparation = pickle.load(pipe)
        sys.path[:] = preparation['sys_path']
        func, args = pickle.load(pipe)
    import covhook
    import distutils
    import shadowed
    print(json.dumps({'result': func(*args), 'where': shadowed.WHERE, 'distutils_in_pex': 'setuptools' in distutils.__file__,
                      'covhook_starts': covhook.STARTS, 'version': list(sys.version_info[:2])}))


if __name__ == '__main__':
    main(int(sys.argv[1]))
`,
    },
  });
}

/** Plugins found through entry points, and package data read with importlib.resources. */
export async function pluginsAndResources(dir: string): Promise<string[]> {
  return Promise.all([
    makeWheel(dir, { name: 'runner', version: '1.0', files: { 'runner/__init__.py': 'def hook():\n    return "runner-core"\n' }, entryPoints: { pexship_test_plugins: { core: 'runner:hook' } } }),
    makeWheel(dir, { name: 'runner-plugin-x', version: '0.3', files: { 'runner_plugin_x.py': 'def hook():\n    return "plugin-x"\n' }, entryPoints: { pexship_test_plugins: { x: 'runner_plugin_x:hook' } } }),
    makeWheel(dir, { name: 'resdata', version: '1.0', files: { 'resdata/__init__.py': '', 'resdata/data/__init__.py': '', 'resdata/data/hello.txt': 'hello from package data\n' } }),
  ]);
}

const NATIVE_TOOL_C = `#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(int argc, char **argv) {
  const char *env = getenv("TOOL_ENV");
  printf("native argc=%d first=%s env=%s\\n", argc, argc > 1 ? argv[1] : "-", env ? env : "-");
  fflush(stdout);
  if (argc > 1 && strcmp(argv[1], "term") == 0) raise(SIGTERM);
  return argc > 2 ? atoi(argv[2]) : 0;
}
`;

/** A wheel whose .data/scripts hold a native program (compiled with cc), a shell script and a Python script. */
export async function scriptsWheel(dir: string): Promise<string> {
  const build = path.join(dir, 'native-build');
  mkdirSync(build, { recursive: true });
  writeFileSync(path.join(build, 'tool.c'), NATIVE_TOOL_C);
  const cc = spawnSync('cc', ['-O1', '-o', path.join(build, 'nativetool'), path.join(build, 'tool.c')], { encoding: 'utf8' });
  if (cc.status !== 0) throw new Error(`the compatibility tests compile a tiny C program with cc, which failed or is missing: ${cc.stderr ?? cc.error}; install a C compiler (apt-get install gcc)`);
  return makeWheel(dir, {
    name: 'tools',
    version: '1.0',
    files: {
      'tools/__init__.py': '',
      'tools-1.0.data/scripts/nativetool': readFileSync(path.join(build, 'nativetool')),
      'tools-1.0.data/scripts/shtool': '#!/bin/sh\necho "sh args=$# first=$1 env=$TOOL_ENV"\nexit "${2:-0}"\n',
      'tools-1.0.data/scripts/pytool': '#!python\nimport sys\nimport tools\nprint("py args=%s" % sys.argv[1:])\nsys.exit(int(sys.argv[2]) if len(sys.argv) > 2 else 0)\n',
    },
    // Left without executable bits on purpose: pip makes scripts executable, so must we.
  });
}

/** A compiled extension for one interpreter, linked to a vendored library in `fastext.libs/` (auditwheel's
 * layout, found through an $ORIGIN rpath). */
export async function extensionWheel(dir: string, python: string, minor: string): Promise<string> {
  const build = path.join(dir, `ext-build-${minor}`);
  mkdirSync(build, { recursive: true });
  const [include, suffix] = execFileSync(python, ['-c', 'import sysconfig; print(sysconfig.get_paths()["include"]); print(sysconfig.get_config_var("EXT_SUFFIX"))'], { encoding: 'utf8' }).trim().split('\n');
  writeFileSync(path.join(build, 'vend.c'), 'int vend_answer(void) { return 42; }\n');
  writeFileSync(
    path.join(build, 'fastext.c'),
    `#include <Python.h>
int vend_answer(void);
static PyObject *answer(PyObject *self, PyObject *args) { return PyLong_FromLong(vend_answer()); }
static PyMethodDef methods[] = {{"answer", answer, METH_NOARGS, "the vendored library's answer"}, {NULL, NULL, 0, NULL}};
static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "fastext", NULL, -1, methods};
PyMODINIT_FUNC PyInit_fastext(void) { return PyModule_Create(&module); }
`,
  );
  const lib = 'libvend-1a2b3c4d.so';
  const run = (args: string[]) => {
    const r = spawnSync('cc', args, { cwd: build, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`cc ${args.join(' ')} failed (needs cc and CPython ${minor}'s headers in ${include}): ${r.stderr ?? r.error}`);
  };
  run(['-shared', '-fPIC', '-o', lib, 'vend.c']);
  run(['-shared', '-fPIC', `-I${include}`, '-o', `fastext${suffix}`, 'fastext.c', lib, '-Wl,-rpath,$ORIGIN/fastext.libs']);
  const cp = `cp${minor.replace('.', '')}`;
  return makeWheel(dir, {
    name: 'fastext',
    version: '1.0',
    tag: `${cp}-${cp}-linux_${process.arch === 'arm64' ? 'aarch64' : 'x86_64'}`,
    files: { [`fastext${suffix}`]: readFileSync(path.join(build, `fastext${suffix}`)), [`fastext.libs/${lib}`]: readFileSync(path.join(build, lib)) },
  });
}
