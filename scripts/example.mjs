// `npm run example`: builds examples/hello (its code plus the click wheel checked in beside it) into a PEX
// with the committed bundle, then runs the PEX. No network is used.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const example = path.join(root, 'examples', 'hello');
const wheels = readdirSync(path.join(example, 'wheels')).filter((f) => f.endsWith('.whl')).map((f) => path.join(example, 'wheels', f));
const pex = path.join(example, 'dist', 'hello.pex');

function run(cmd, args) {
  const shown = [cmd === process.execPath ? 'node' : cmd, ...args].map((a) => (a.startsWith(root + '/') ? path.relative(root, a) : a));
  console.log(`$ ${shown.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root });
  if (r.status !== 0) {
    console.error(`example: ${cmd} exited with ${r.status ?? r.signal}`);
    process.exit(1);
  }
}

run(process.execPath, [path.join(root, 'dist', 'cli.js'), 'build', ...wheels, '--no-index', '-D', path.join(example, 'src'), '-e', 'hello.app:main', '-o', pex]);
run(pex, ['--name', 'pexship']);
run('python3', [pex, '--name', 'python3 + PEX']);
