// A stand-in for GitHub's results service on 127.0.0.1, enough for the real @actions/cache (v2 protocol) and
// @actions/artifact libraries: Twirp JSON RPCs for the cache and artifact services, and a blob store that
// takes the Azure Blob SDK's uploads to the signed URLs it hands out (single-shot PUT, or Put Block + Put
// Block List) and serves downloads with plain GETs. Requests arrive with proto field names (snake_case), as
// the generated clients send them.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const CACHE = '/twirp/github.actions.results.api.v1.CacheService/';
const ARTIFACT = '/twirp/github.actions.results.api.v1.ArtifactService/';

export interface CacheEntry {
  key: string;
  version: string;
  blob: string;
  finalized: boolean;
}

export interface ArtifactEntry {
  runId: string;
  name: string;
  blob: string;
  expiresAt?: string;
  mimeType?: string;
  id?: number;
  size?: string;
  hash?: string;
  /** `owner/name`: the artifact is also listed by the REST API under that repository (runId is then the run's id). */
  repository?: string;
}

export interface ServiceBehaviour {
  /** CreateCacheEntry answers 409 as when a parallel matrix job reserved the key first. */
  cacheConflict?: boolean;
  /** CreateCacheEntry refuses as for a read-only (untrusted event) token. */
  cacheReadOnly?: boolean;
  /** Blob downloads answer with this status (a storage outage). */
  blobDownloadStatus?: number;
  /** The token the REST API accepts (`github-token`); any other gets 401 Bad credentials. */
  apiToken?: string;
}

export interface ResultsService {
  url: string;
  requests: string[];
  caches: CacheEntry[];
  artifacts: ArtifactEntry[];
  /** Artifacts removed by DeleteArtifact (overwrite). */
  deleted: ArtifactEntry[];
  blobs: Map<string, Buffer>;
  /** GITHUB_API_URL for the REST endpoints of another run's artifacts. */
  apiUrl: string;
  behaviour: ServiceBehaviour;
  close(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function json(res: ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function twirpError(res: ServerResponse, status: number, code: string, msg: string): void {
  json(res, status, { code, msg });
}

export async function startResultsService(behaviour: ServiceBehaviour = {}): Promise<ResultsService> {
  const requests: string[] = [];
  const caches: CacheEntry[] = [];
  const artifacts: ArtifactEntry[] = [];
  const deleted: ArtifactEntry[] = [];
  const blobs = new Map<string, Buffer>();
  const blocks = new Map<string, Map<string, Buffer>>();
  let nextId = 1;
  let base = '';

  const signed = (blob: string) => `${base}/blobs/${blob}?sig=test-signature&se=2099-01-01`;

  async function cacheRpc(method: string, req: Record<string, unknown>, res: ServerResponse): Promise<void> {
    if (method === 'GetCacheEntryDownloadURL') {
      const keys = [String(req.key), ...((req.restore_keys as string[] | undefined) ?? [])];
      const usable = caches.filter((c) => c.finalized && c.version === req.version);
      for (const [i, key] of keys.entries()) {
        // The primary key must match exactly first; every key then matches by prefix, newest entry first.
        const exact = i === 0 ? usable.find((c) => c.key === key) : undefined;
        const hit = exact ?? usable.filter((c) => c.key.startsWith(key)).at(-1);
        if (hit) return json(res, 200, { ok: true, signedDownloadUrl: signed(hit.blob), matchedKey: hit.key });
      }
      return json(res, 200, { ok: false, signedDownloadUrl: '', matchedKey: '' });
    }
    if (method === 'CreateCacheEntry') {
      if (behaviour.cacheReadOnly) return json(res, 200, { ok: false, signedUploadUrl: '', message: 'cache write denied: the token of this run is read-only' });
      if (behaviour.cacheConflict || caches.some((c) => c.key === req.key && c.version === req.version)) {
        return twirpError(res, 409, 'already_exists', 'cache entry with the same key, version, and scope already exists');
      }
      const blob = `cache-${nextId++}`;
      caches.push({ key: String(req.key), version: String(req.version), blob, finalized: false });
      return json(res, 200, { ok: true, signedUploadUrl: signed(blob) });
    }
    if (method === 'FinalizeCacheEntryUpload') {
      const entry = caches.find((c) => c.key === req.key && c.version === req.version && !c.finalized);
      if (!entry || !blobs.has(entry.blob)) return twirpError(res, 404, 'not_found', 'no upload to finalize');
      entry.finalized = true;
      return json(res, 200, { ok: true, entryId: String(nextId++) });
    }
    return twirpError(res, 404, 'bad_route', `no method ${method}`);
  }

  async function artifactRpc(method: string, req: Record<string, unknown>, res: ServerResponse): Promise<void> {
    const runId = String(req.workflow_run_backend_id);
    if (method === 'CreateArtifact') {
      if (artifacts.some((a) => a.runId === runId && a.name === req.name)) {
        return twirpError(res, 409, 'already_exists', 'an artifact with this name already exists on the workflow run');
      }
      const blob = `artifact-${nextId++}`;
      artifacts.push({
        runId,
        name: String(req.name),
        blob,
        expiresAt: req.expires_at as string | undefined,
        mimeType: req.mime_type as string | undefined,
      });
      return json(res, 200, { ok: true, signedUploadUrl: signed(blob) });
    }
    if (method === 'FinalizeArtifact') {
      const entry = artifacts.find((a) => a.runId === runId && a.name === req.name);
      if (!entry || !blobs.has(entry.blob)) return twirpError(res, 404, 'not_found', 'no upload to finalize');
      entry.id = nextId++;
      entry.size = String(req.size);
      entry.hash = req.hash as string | undefined;
      return json(res, 200, { ok: true, artifactId: String(entry.id) });
    }
    if (method === 'ListArtifacts') {
      // Wrapper types (StringValue, Int64Value) arrive as bare JSON values.
      const matches = artifacts.filter(
        (a) => a.runId === runId && a.id !== undefined && (req.name_filter === undefined || a.name === req.name_filter) && (req.id_filter === undefined || String(a.id) === String(req.id_filter)),
      );
      return json(res, 200, {
        artifacts: matches.map((a) => ({
          workflow_run_backend_id: a.runId,
          workflow_job_run_backend_id: 'job-1',
          database_id: String(a.id),
          name: a.name,
          size: a.size,
          ...(a.hash ? { digest: a.hash } : {}),
        })),
      });
    }
    if (method === 'DeleteArtifact') {
      const index = artifacts.findIndex((a) => a.runId === runId && a.name === req.name && a.id !== undefined);
      if (index < 0) return twirpError(res, 404, 'not_found', 'artifact not found');
      const [gone] = artifacts.splice(index, 1);
      deleted.push(gone);
      return json(res, 200, { ok: true, artifactId: String(gone.id) });
    }
    if (method === 'GetSignedArtifactURL') {
      const entry = artifacts.find((a) => a.runId === runId && a.name === req.name && a.id !== undefined);
      if (!entry) return twirpError(res, 404, 'not_found', 'artifact not found');
      return json(res, 200, { signed_url: signed(entry.blob) });
    }
    return twirpError(res, 404, 'bad_route', `no method ${method}`);
  }

  function blobRequest(req: IncomingMessage, res: ServerResponse, url: URL, data: Buffer): void {
    const blob = url.pathname.slice('/blobs/'.length);
    if (url.searchParams.get('sig') !== 'test-signature') {
      res.writeHead(403).end();
      return;
    }
    if ((req.method === 'GET' || req.method === 'HEAD') && behaviour.blobDownloadStatus) {
      res.writeHead(behaviour.blobDownloadStatus).end();
      return;
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      const content = blobs.get(blob);
      if (!content) {
        res.writeHead(404).end();
        return;
      }
      const artifact = artifacts.find((a) => a.blob === blob);
      res.writeHead(200, {
        'content-length': content.length,
        'content-type': 'application/octet-stream',
        ...(artifact ? { 'content-disposition': `attachment; filename="${artifact.name}"` } : {}),
      });
      res.end(req.method === 'GET' ? content : undefined);
      return;
    }
    if (req.method !== 'PUT') {
      res.writeHead(405).end();
      return;
    }
    const comp = url.searchParams.get('comp');
    const created = { 'content-length': '0', etag: `"${nextId++}"`, 'last-modified': new Date().toUTCString(), 'x-ms-request-id': 'test' };
    if (comp === 'block') {
      const id = url.searchParams.get('blockid') ?? '';
      if (!blocks.has(blob)) blocks.set(blob, new Map());
      blocks.get(blob)!.set(id, data);
      res.writeHead(201, created).end();
    } else if (comp === 'blocklist') {
      const ids = [...data.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\//g)].map((m) => m[1]);
      const staged = blocks.get(blob) ?? new Map<string, Buffer>();
      if (ids.some((id) => !staged.has(id))) {
        res.writeHead(400).end();
        return;
      }
      blobs.set(blob, Buffer.concat(ids.map((id) => staged.get(id)!)));
      blocks.delete(blob);
      res.writeHead(201, created).end();
    } else if (comp === null && req.headers['x-ms-blob-type'] === 'BlockBlob') {
      blobs.set(blob, data);
      res.writeHead(201, created).end();
    } else {
      res.writeHead(400).end();
    }
  }

  /** The two REST calls download-artifact makes for another run: list by name, then the download redirect. */
  function restRequest(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (!behaviour.apiToken || req.headers.authorization !== `token ${behaviour.apiToken}`) return json(res, 401, { message: 'Bad credentials' });
    const list = /^\/repos\/([^/]+\/[^/]+)\/actions\/runs\/(\d+)\/artifacts$/.exec(url.pathname);
    if (list) {
      const name = url.searchParams.get('name');
      const found = artifacts.filter((a) => a.repository === list[1] && a.runId === list[2] && a.id !== undefined && (name === null || a.name === name));
      return json(res, 200, {
        total_count: found.length,
        artifacts: found.map((a) => ({ id: a.id, name: a.name, size_in_bytes: Number(a.size), digest: a.hash ?? null, expired: false, created_at: new Date().toISOString() })),
      });
    }
    const download = /^\/repos\/([^/]+\/[^/]+)\/actions\/artifacts\/(\d+)\/zip$/.exec(url.pathname);
    const entry = download && artifacts.find((a) => a.repository === download[1] && String(a.id) === download[2]);
    if (!entry) return json(res, 404, { message: 'Not Found' });
    res.writeHead(302, { location: signed(entry.blob) }).end();
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', base);
      const data = await body(req);
      const q = url.searchParams.get('comp');
      requests.push(`${req.method} ${url.pathname}${q ? `?comp=${q}` : ''}`);
      if (url.pathname.startsWith('/blobs/')) return blobRequest(req, res, url, data);
      if (url.pathname.startsWith('/repos/')) return restRequest(req, res, url);
      if (req.method !== 'POST') return twirpError(res, 405, 'bad_route', 'POST only');
      if (!/^Bearer \S+/.test(req.headers.authorization ?? '')) return twirpError(res, 401, 'unauthenticated', 'no token');
      const message = JSON.parse(data.toString('utf8') || '{}') as Record<string, unknown>;
      if (url.pathname.startsWith(CACHE)) return cacheRpc(url.pathname.slice(CACHE.length), message, res);
      if (url.pathname.startsWith(ARTIFACT)) return artifactRpc(url.pathname.slice(ARTIFACT.length), message, res);
      return twirpError(res, 404, 'bad_route', url.pathname);
    })().catch((err: unknown) => {
      if (!res.headersSent) twirpError(res, 500, 'internal', String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${base}/`,
    requests,
    caches,
    artifacts,
    deleted,
    blobs,
    apiUrl: base,
    behaviour,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
