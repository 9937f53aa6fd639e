// Parallel SFTP upload: the file is split into contiguous ranges, one per SFTP channel on the same
// connection, and each channel keeps several WRITE requests in flight. One channel is bounded by its flow-
// control window per round trip; several channels multiply that on high-latency links.
import { open as openFile, type FileHandle } from 'node:fs/promises';
import type { SFTPWrapper } from 'ssh2';
import { JobError } from '../errors.js';
import type { SshConnection } from './ssh.js';

export interface UploadTuning {
  /**
   * SFTP channels on the connection (OpenSSH allows 10 sessions by default; we also use one for the script).
   * Default: 4 when the link has latency (opening the first SFTP channel, three round trips, took longer than
   * `latencyThresholdMs`), else 1: on a fast link one channel is already CPU-bound and more only compete.
   */
  channels?: number;
  latencyThresholdMs?: number;
  /** Bytes per WRITE request. */
  chunkSize?: number;
  /** WRITE requests in flight per channel. */
  inFlight?: number;
}

// 32700-byte writes: an SFTP WRITE (data + ~30 bytes of header) then fits one 32 KiB SSH channel packet.
const DEFAULTS = { channels: 4, chunkSize: 32700, inFlight: 64, latencyThresholdMs: 30 };
/** Below this a single channel is as fast and saves the channel setup round trips. */
const MULTI_CHANNEL_MIN = 4 * 1024 * 1024;

const sftpCall = <T>(label: string, what: string, fn: (cb: (err: Error | null | undefined, v: T) => void) => void) =>
  new Promise<T>((resolve, reject) =>
    fn((err, v) => (err ? reject(new JobError(`${label}: SFTP ${what} failed (${err.message}).`)) : resolve(v))),
  );

async function writeRange(
  label: string,
  sftp: SFTPWrapper,
  handle: Buffer,
  local: FileHandle,
  start: number,
  end: number,
  tuning: { chunkSize: number; inFlight: number },
  onBytes: (n: number) => void,
): Promise<void> {
  let next = start;
  let failure: Error | undefined;
  const worker = async () => {
    while (next < end && !failure) {
      const pos = next;
      const len = Math.min(tuning.chunkSize, end - pos);
      next += len;
      const buf = Buffer.allocUnsafe(len);
      const { bytesRead } = await local.read(buf, 0, len, pos);
      if (bytesRead !== len) throw new JobError(`${label}: the local file changed size during the upload.`);
      await sftpCall<void>(label, 'write', (cb) => sftp.write(handle, buf, 0, len, pos, (err) => cb(err, undefined)));
      onBytes(len);
    }
  };
  const workers = Array.from({ length: tuning.inFlight }, () =>
    worker().catch((err: Error) => {
      failure ??= err;
    }),
  );
  await Promise.all(workers);
  if (failure) throw failure;
}

/** Uploads `localPath` (of `size` bytes) to the absolute `remotePath`, which must not be in use. */
export async function uploadFile(
  conn: SshConnection,
  localPath: string,
  remotePath: string,
  size: number,
  tuning: UploadTuning = {},
  onProgress?: (sent: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  const t = {
    chunkSize: tuning.chunkSize ?? DEFAULTS.chunkSize,
    inFlight: tuning.inFlight ?? DEFAULTS.inFlight,
    latencyThresholdMs: tuning.latencyThresholdMs ?? DEFAULTS.latencyThresholdMs,
  };
  const label = conn.label;
  const local = await openFile(localPath, 'r');
  const sessions: SFTPWrapper[] = [];
  // A stopped upload returns at once: a channel being opened when its connection closes never answers, and
  // waiting for it would leave the local file open until garbage collection.
  const stopped = new Promise<never>((_, reject) => {
    if (signal?.aborted) reject(new JobError(`${label}: the upload was stopped.`));
    signal?.addEventListener('abort', () => reject(new JobError(`${label}: the upload was stopped.`)), { once: true });
  });
  const transfer = (async () => {
    const opening = performance.now();
    const first = await conn.sftp();
    const slowLink = performance.now() - opening > t.latencyThresholdMs;
    sessions.push(first);
    const wanted = tuning.channels ?? (slowLink ? DEFAULTS.channels : 1);
    const channelCount = size < MULTI_CHANNEL_MIN ? 1 : Math.max(1, wanted);
    const more = Promise.all(Array.from({ length: channelCount - 1 }, () => conn.sftp()));
    const firstHandle = await sftpCall<Buffer>(label, `open ${remotePath}`, (cb) => first.open(remotePath, 'w', { mode: 0o600 }, cb));
    sessions.push(...(await more));
    const handles = [firstHandle];
    handles.push(
      ...(await Promise.all(
        sessions.slice(1).map((s) => sftpCall<Buffer>(label, `open ${remotePath}`, (cb) => s.open(remotePath, 'r+', cb))),
      )),
    );
    let sent = 0;
    const onBytes = (n: number) => {
      sent += n;
      onProgress?.(sent);
    };
    const per = Math.ceil(size / channelCount / t.chunkSize) * t.chunkSize;
    await Promise.all(
      sessions.map((s, i) => writeRange(label, s, handles[i], local, Math.min(size, i * per), Math.min(size, (i + 1) * per), t, onBytes)),
    );
    if (sent !== size) throw new JobError(`${label}: the upload sent ${sent} of ${size} bytes.`);
    await Promise.all(sessions.map((s, i) => sftpCall<void>(label, 'close', (cb) => s.close(handles[i], (err) => cb(err, undefined)))));
  })();
  // After a stop, the transfer's late failures (reads of the closed file) are nobody's to report.
  transfer.catch(() => {});
  stopped.catch(() => {});
  try {
    await Promise.race([transfer, stopped]);
  } finally {
    await local.close();
    for (const s of sessions) s.end();
  }
}
