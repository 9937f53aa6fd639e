"""Calls one PEP 517 hook of a build backend; run by pexship inside an isolated build environment.

usage: driver.py requires|build BACKEND BACKEND_PATH_JSON OUT_DIR
The backend's own output goes to stderr; the hook's result is the last line on stdout, as JSON.
"""
import importlib
import json
import os
import sys


def main():
    command, backend, backend_path, out_dir = sys.argv[1:5]
    for entry in reversed(json.loads(backend_path)):
        sys.path.insert(0, os.path.abspath(entry))
    real_stdout = os.dup(1)
    os.dup2(2, 1)  # backends print freely; keep stdout for the result
    module_name, _, attrs = backend.partition(':')
    hooks = importlib.import_module(module_name)
    for attr in attrs.split('.') if attrs else []:
        hooks = getattr(hooks, attr)
    if command == 'requires':
        hook = getattr(hooks, 'get_requires_for_build_wheel', None)
        result = list(hook({})) if hook else []
    else:
        result = hooks.build_wheel(out_dir, {})
    sys.stdout.flush()
    os.write(real_stdout, (json.dumps(result) + '\n').encode('utf-8'))


if __name__ == '__main__':
    main()
