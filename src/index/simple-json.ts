// PEP 691 project pages (JSON), with the PEP 700 additions (size, upload-time) when present.
import { JobError } from '../errors.js';
import type { IndexFile } from './types.js';

export const JSON_CONTENT_TYPE = 'application/vnd.pypi.simple.v1+json';

interface JsonFile {
  filename?: unknown;
  url?: unknown;
  hashes?: unknown;
  'requires-python'?: unknown;
  yanked?: unknown;
  'core-metadata'?: unknown;
  'dist-info-metadata'?: unknown;
  size?: unknown;
  'upload-time'?: unknown;
}

function hashesOf(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (typeof v === 'string' && /^[0-9a-f]+$/i.test(v)) out[k.toLowerCase()] = v.toLowerCase();
  }
  return out;
}

function coreMetadataOf(value: unknown): IndexFile['coreMetadata'] {
  if (value === true) return true;
  if (value && typeof value === 'object') {
    const hashes = hashesOf(value);
    return Object.keys(hashes).length ? hashes : true;
  }
  return false;
}

/** The files of a PEP 691 JSON page; `pageUrl` resolves relative file URLs. */
export function parseSimpleJson(body: string, pageUrl: string, index: string): IndexFile[] {
  let doc: { meta?: { 'api-version'?: unknown }; files?: unknown };
  try {
    doc = JSON.parse(body);
  } catch (err) {
    throw new JobError(`The index page ${pageUrl} is not valid JSON (${(err as Error).message}). Check that the index URL points at a PEP 503/691 simple index.`);
  }
  const version = doc?.meta?.['api-version'];
  if (typeof version === 'string' && !version.startsWith('1.')) {
    throw new JobError(`The index page ${pageUrl} uses simple API version ${version}; pexship reads version 1.x. Use an index that serves PEP 691 v1 or HTML.`);
  }
  if (!Array.isArray(doc?.files)) {
    throw new JobError(`The index page ${pageUrl} has no 'files' list. Check that the index URL points at a PEP 503/691 simple index.`);
  }
  const files: IndexFile[] = [];
  for (const f of doc.files as JsonFile[]) {
    if (typeof f?.filename !== 'string' || typeof f.url !== 'string') continue;
    let url: URL;
    try {
      url = new URL(f.url, pageUrl);
    } catch {
      continue;
    }
    url.hash = '';
    const requiresPython = typeof f['requires-python'] === 'string' ? f['requires-python'].trim() : '';
    const yanked = f.yanked === true ? 'no reason given' : typeof f.yanked === 'string' ? f.yanked.trim() || 'no reason given' : false;
    files.push({
      filename: f.filename,
      url: url.toString(),
      hashes: hashesOf(f.hashes),
      ...(requiresPython ? { requiresPython } : {}),
      yanked,
      coreMetadata: coreMetadataOf(f['core-metadata'] ?? f['dist-info-metadata']),
      ...(typeof f.size === 'number' ? { size: f.size } : {}),
      ...(typeof f['upload-time'] === 'string' ? { uploadTime: f['upload-time'] } : {}),
      index,
    });
  }
  return files;
}
