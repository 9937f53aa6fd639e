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
  constructor(
    readonly file: string,
    expected: string,
    actual: string,
  ) {
    super(`the cached wheel ${path.basename(file)} no longer matches the sha256 it was downloaded with (${expected}, now ${actual}): the cache at ${path.dirname(file)} was damaged or altered.`);
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

  /** Whether `span` can be sliced from the buffer as it is now (else `fill` it first). */
  holds(span: FileSpan): boolean {
    return this.current?.file === span.file && span.offset >= this.start && span.offset + span.length <= this.end;
  }

  /**
   * Makes the buffer hold the start of `span` (all of it when it fits): what earlier calls returned is
   * overwritten. A new file is checked first.
   */
  async fill(span: FileSpan): Promise<void> {
    if (this.current?.file !== span.file) await this.switchTo(span.file);
    if (this.holds(span)) return;
    const length = Math.min(this.buffer.length, span.file.size - span.offset);
    await this.readAt(span.offset, length);
  }

  /** The part of `span` from `from` (a file offset) that the buffer holds, as a view of it. */
  slice(span: FileSpan, from = span.offset): Buffer {
    const stop = Math.min(span.offset + span.length, this.end);
    return this.buffer.subarray(from - this.start, stop - this.start);
  }

  /** The file bytes the buffer ends at (where a span longer than the buffer continues). */
  get filledTo(): number {
    return this.end;
  }

  /** Makes the buffer hold the file from `offset` on (a span longer than the buffer, piece by piece). */
  async fillFrom(offset: number): Promise<void> {
    await this.readAt(offset, Math.min(this.buffer.length, this.current!.file.size - offset));
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
