// A process for records.test.ts: `node records-writer.js ROOT WRITER RUNS` makes RUNS runs on the cache at ROOT,
// each reading the packs, putting one record and flushing (and merging when there are too many), as a lock does.
import { RecordStore } from '../../src/index/records.js';

const [root, writer, runs] = process.argv.slice(2);
for (let i = 0; i < Number(runs); i++) {
  const store = new RecordStore(root);
  const key = `w${writer}-r${i}`;
  if (store.get(key)) throw new Error(`${key} is there before it was written`);
  store.put(key, Buffer.from(`value ${writer} ${i}`));
  store.flush();
}
