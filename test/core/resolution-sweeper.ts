// A process that keeps resolutions as `lock` does (an atomic write, then the sweep), for the sweep test's
// processes running at once. Arguments: the resolutions folder, a writer id, how many to keep.
import path from 'node:path';
import { sweepOldResolutions } from '../../src/core/resolution-memo.js';
import { writeFileAtomic } from '../../src/index/cache.js';

const [dir, id, count] = process.argv.slice(2);
for (let i = 0; i < Number(count); i++) {
  await writeFileAtomic(path.join(dir, `w${id}-${i}.json`), `kept ${id} ${i}`);
  await sweepOldResolutions(dir);
}
