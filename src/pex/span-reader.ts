/**
 * Reads the file spans a PEX's members are copied from (zip.ts `FileSpan`: members of cached wheels), through
 * one buffer reused for the whole build. Before the first span of a file is handed out, the file is checked
 * through the same open file the spans then come from: it must be the size it is filed under, and its whole
 * content must hash to the sha256 it is filed under, else ChangedFileError. The hash is skipped only when the
 * file's stamp (device, inode, size, mtime and ctime) is the one kept after its last full check: a file written
 * to, replaced, or restored from a copy since is hashed again. Not caught between full checks: a change that
 * keeps all five, which takes root (setting the clock back) or writing below the file system; and whoever can
 * write the cache can write the stamps too, as they could its wheels and the kept installs.
 *
 * Why not read each wheel whole: a build copies tens of megabytes, and every page of fresh memory costs a page
 * fault to touch (tens of microseconds each on some virtual machines); a buffer reused by every wheel is faulted
 * in once, and no wheel needs to fit in memory.
 */
import { createHash, randomBytes } from 'node:crypto';
import { open, rename, unlink, writeFile, type FileHandle } from 'node:fs/promises';
import type { BigIntStats } from 'node:fs';
import path from 'node:path';
import { JobError, UsageError } from '../errors.js';
import type { FileSpan, SpanFile } from './zip.js';

/** A file from the cache that no longer has the sha256 it is filed under (damaged, torn, or altered). */
export class ChangedFileError extends JobError {
  /** `found`: what the file is now (its sha256, or its size when that differs already). */
  constructor(
    readonly file: string,
    readonly expected: string,
    readonly found: string,
    removed = false,
  ) {
    super(
      `the cached wheel ${path.basename(file)} no longer has the sha256 it was downloaded with (${expected}; it now has ${found}): ` +
        `the cache at ${path.dirname(file)} was damaged or altered. ` +
        (removed ? 'It was removed from the cache: run the build again to download it afresh.' : 'Remove it, and the next build downloads it afresh.'),
    );
    this.name = 'ChangedFileError';
  }
}

/**
 * What a file is on disk, short of its bytes: device, inode, size, and modification and change times in
 * nanoseconds. Any write to the file, a replacement or a copy (a restored cache) changes one of them; the
 * change time cannot be set by an unprivileged process.
 */
function stampOf(st: BigIntStats): string {
  return `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
}

/**
 * Keeps the stamp of a file just checked in full, so later builds skip hashing it while it stays so. Not when
 * its change time is under 2 s old: a write in the same clock tick as that time (file systems keep it coarser
 * than nanoseconds) could leave the stamp unchanged. Not when it changed while being hashed. A failure to keep
 * it only means hashing again next time.
 */
async function keepStamp(at: string, handle: FileHandle, before: BigIntStats): Promise<void> {
  const stamp = stampOf(before);
  if (Date.now() - Number(before.ctimeMs) < 2000 || stampOf(await handle.stat({ bigint: true })) !== stamp) return;
  const temp = `${at}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  await writeFile(temp, stamp)
    .then(() => rename(temp, at))
    .catch(() => unlink(temp).catch(() => {}));
}

export class SpanReader {
  private readonly buffer: Buffer;
  private current?: { file: SpanFile; handle: FileHandle };
  /** The file bytes the buffer holds: [start, end) of the current file. */
  private start = 0;
  private end = 0;

  constructor(size = 1 << 21) {
    this.buffer = Buffer.allocUnsafeSlow(size);
  }

  /**
   * Hands `span` to `put` in order, as parts of the buffer (each valid only during its call), reading the file
   * where the buffer does not hold it yet. A file new to this reader is checked first.
   */
  async copy(span: FileSpan, put: (from: Buffer, start: number, end: number) => Promise<void>): Promise<void> {
    if (this.current?.file !== span.file) await this.switchTo(span.file);
    const stop = span.offset + span.length;
    for (let at = span.offset; at < stop; ) {
      if (at < this.start || at >= this.end) await this.readAt(at, Math.min(this.buffer.length, span.file.size - at));
      if (this.end <= at) throw new Error(`${span.file.path} ends before byte ${stop}`);
      const until = Math.min(stop, this.end);
      await put(this.buffer, at - this.start, until - this.start);
      at = until;
    }
  }

  async close(): Promise<void> {
    await this.current?.handle.close();
    this.current = undefined;
  }

  private async switchTo(file: SpanFile): Promise<void> {
    await this.close();
    const handle = await open(file.path, 'r').catch((e: NodeJS.ErrnoException) => {
      throw new UsageError(`cannot read wheel ${file.path}: ${e.code ?? e.message}; build again to download it afresh.`);
    });
    this.current = { file, handle };
    this.start = this.end = 0;
    const before = await handle.stat({ bigint: true });
    if (Number(before.size) !== file.size) throw new ChangedFileError(file.path, file.sha256, `${before.size} bytes, not ${file.size}`);
    if (file.stamp?.value === stampOf(before)) return; // not written to since its last full check
    // The whole file through the hash, in order; the buffer is left holding its last part (a small file whole).
    const hash = createHash('sha256');
    let at = 0;
    while (at < file.size) {
      const length = await this.readAt(at, Math.min(this.buffer.length, file.size - at));
      if (length === 0) break;
      hash.update(this.buffer.subarray(0, length));
      at += length;
    }
    const digest = hash.digest('hex');
    if (at !== file.size || digest !== file.sha256) throw new ChangedFileError(file.path, file.sha256, at !== file.size ? `${at} bytes, not ${file.size}` : digest);
    if (file.stamp) await keepStamp(file.stamp.at, handle, before);
  }

  /** Reads up to `length` bytes at `offset` into the buffer; returns how many there were. */
  private async readAt(offset: number, length: number): Promise<number> {
    let got = 0;
    while (got < length) {
      const { bytesRead } = await this.current!.handle.read(this.buffer, got, length - got, offset + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    this.start = offset;
    this.end = offset + got;
    return got;
  }
}
