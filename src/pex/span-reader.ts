/**
 * Reads the file spans a PEX's members are copied from (zip.ts `FileSpan`: members of cached wheels), through
 * one buffer reused for the whole build. Before the first span of a file is handed out, the whole file is read
 * and hashed, through the same open file the spans then come from: it must still be the size and sha256 it is
 * filed under, else ChangedFileError.
 *
 * Why not read each wheel whole: a build copies tens of megabytes, and every page of fresh memory costs a page
 * fault to touch (tens of microseconds each on some virtual machines); a buffer reused by every wheel is faulted
 * in once, and no wheel needs to fit in memory.
 */
import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { JobError } from '../errors.js';
import type { FileSpan } from './zip.js';

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

export class SpanReader {
  private readonly buffer: Buffer;
  private current?: { file: FileSpan['file']; handle: FileHandle };
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

  private async switchTo(file: FileSpan['file']): Promise<void> {
    await this.close();
    const handle = await open(file.path, 'r');
    this.current = { file, handle };
    const { size } = await handle.stat();
    if (size !== file.size) throw new ChangedFileError(file.path, file.sha256, `${size} bytes, not ${file.size}`);
    // The whole file through the hash, in order; the buffer is left holding its last part (a small file whole).
    const hash = createHash('sha256');
    let at = 0;
    while (at < size) {
      const length = await this.readAt(at, Math.min(this.buffer.length, size - at));
      if (length === 0) break;
      hash.update(this.buffer.subarray(0, length));
      at += length;
    }
    const digest = hash.digest('hex');
    if (at !== size || digest !== file.sha256) throw new ChangedFileError(file.path, file.sha256, at !== size ? `${at} bytes, not ${size}` : digest);
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
