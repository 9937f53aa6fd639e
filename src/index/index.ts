// The package-index client and wheel cache: what the resolver and the action import.
export { IndexClient, DEFAULT_INDEX_URL, type IndexClientOptions } from './client.js';
export type { IndexFile, RequestRecord } from './types.js';
export { secretsOf, envNameForHost } from './auth.js';
export { redactUrl, redactSecrets } from './redact.js';
export { defaultCacheDir } from './cache.js';
export { normalizeProjectName } from './names.js';
