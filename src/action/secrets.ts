// Masking: every value registered with `core.setSecret` is replaced by *** in the job log from then on,
// including in messages printed by the core and by the toolkit libraries.
import * as core from '@actions/core';

// Shorter values would garble unrelated log text and protect nothing.
const MIN_SECRET_LENGTH = 3;

const masked = new Set<string>();

function mask(value: string | undefined): void {
  if (!value || value.length < MIN_SECRET_LENGTH || masked.has(value)) return;
  masked.add(value);
  core.setSecret(value);
}

/**
 * Masks a secret and, when it spans lines (a private key), each line too: the runner matches masks against
 * single log lines, so a multi-line value registered whole would not hide a line printed alone.
 */
export function maskSecret(value: string | undefined): void {
  if (!value) return;
  mask(value);
  for (const line of value.split(/\r?\n/)) mask(line.trim());
}

/** The user name and password of every `scheme://user:password@host` in `text`, decoded and raw. */
export function credentialsInText(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/\b[a-z][a-z0-9+.-]*:\/\/([^/@\s'"]+)@/gi)) {
    const userInfo = match[1];
    const colon = userInfo.indexOf(':');
    const parts = colon < 0 ? [userInfo] : [userInfo.slice(0, colon), userInfo.slice(colon + 1)];
    for (const part of parts) {
      found.push(part);
      try {
        const decoded = decodeURIComponent(part);
        if (decoded !== part) found.push(decoded);
      } catch {
        // Not valid percent-encoding: the raw form is all there is.
      }
    }
  }
  return found;
}

/** Masks the credentials in index URLs (or any text holding URLs, such as a requirements file). */
export function maskUrlCredentials(texts: Iterable<string>): void {
  for (const text of texts) for (const credential of credentialsInText(text)) mask(credential);
}

/** Private-index settings (`PEXSHIP_INDEX_<HOST>_USERNAME/_PASSWORD/…`) may hold tokens: mask them all. */
export function maskIndexEnvironment(env: NodeJS.ProcessEnv = process.env): void {
  for (const [key, value] of Object.entries(env)) {
    if (key.startsWith('PEXSHIP_INDEX_')) {
      mask(value);
      if (value) maskUrlCredentials([value]);
    }
  }
}
