// The deploy core: the CLI and the GitHub deploy/rollback actions are thin shells over these.
export { deploy, listReleases, rollback, planWaves, unlock } from './fleet.js';
export { shellQuote } from './quote.js';
export { parseHostTarget } from './target.js';
export { fingerprintOf } from './hostkeys.js';
export { normalizeKeyText } from './credentials.js';
export { formatReleases, formatSummary } from './summary.js';
export type * from './types.js';
