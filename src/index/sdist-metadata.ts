/**
 * Core metadata of a source distribution without building it: its top-level `PKG-INFO`, trusted only when
 * the metadata is version 2.2 or later (PEP 643), where the fields a build could change are declared
 * `Dynamic`. Older PKG-INFO files often leave dependencies out, so they are refused rather than guessed.
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { ZipArchive } from '../pex/zip.js';

export class SdistMetadataError extends Error {}

/** Walks a tar archive for the first file whose path matches; handles ustar prefixes and pax/GNU long names. */
function findInTar(tar: Buffer, wanted: (path: string) => boolean): Buffer | undefined {
  let at = 0;
  let longName: string | undefined;
  while (at + 512 <= tar.length) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start: number, len: number) => header.subarray(start, start + len).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] || 48);
    const prefix = field(345, 155);
    let name = longName ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    longName = undefined;
    const body = tar.subarray(at + 512, at + 512 + size);
    if (type === 'x') {
      const m = /\d+ path=([^\n]*)\n/.exec(body.toString('utf8'));
      if (m) longName = m[1];
    } else if (type === 'L') {
      longName = body.toString('utf8').replace(/\0.*$/s, '');
    } else if ((type === '0' || type === '\0' || type === '7') && wanted(name.replace(/^\.\//, ''))) {
      return body;
    }
    at += 512 + Math.ceil(size / 512) * 512;
    name = '';
  }
  return undefined;
}

const TOP_LEVEL_PKG_INFO = (p: string) => /^[^/]+\/PKG-INFO$/.test(p);

/** The PKG-INFO text of a local sdist (`.tar.gz` or `.zip`), checked to be reliable (Metadata-Version ≥ 2.2). */
export async function readSdistMetadata(file: string, filename: string): Promise<string> {
  const data = await readFile(file);
  let pkgInfo: Buffer | undefined;
  try {
    if (/\.zip$/i.test(filename)) {
      const zip = new ZipArchive(data);
      const entry = zip.entries.find((e) => TOP_LEVEL_PKG_INFO(e.name));
      pkgInfo = entry && zip.read(entry);
    } else if (/\.tar\.gz$|\.tgz$/i.test(filename)) {
      pkgInfo = findInTar(gunzipSync(data), TOP_LEVEL_PKG_INFO);
    } else {
      throw new SdistMetadataError(`${filename} is not a .tar.gz or .zip source distribution`);
    }
  } catch (err) {
    if (err instanceof SdistMetadataError) throw err;
    throw new SdistMetadataError(`${filename} cannot be read as an archive (${(err as Error).message})`);
  }
  if (!pkgInfo) throw new SdistMetadataError(`${filename} has no PKG-INFO at its top level`);
  const text = pkgInfo.toString('utf8');
  const version = /^Metadata-Version:\s*(\d+)\.(\d+)/im.exec(text);
  if (!version || Number(version[1]) * 100 + Number(version[2]) < 202) {
    throw new SdistMetadataError(`${filename} has metadata version ${version ? `${version[1]}.${version[2]}` : 'unknown'}, older than 2.2, so its PKG-INFO may not list its dependencies; only a build would tell`);
  }
  const dynamic = [...text.matchAll(/^Dynamic:\s*(\S+)/gim)].map((m) => m[1].toLowerCase());
  for (const field of ['requires-dist', 'requires-python', 'provides-extra']) {
    if (dynamic.includes(field)) throw new SdistMetadataError(`${filename} declares ${field} dynamic, so only a build would tell its dependencies`);
  }
  return text;
}
