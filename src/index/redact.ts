// Keeps credentials out of every message we print: URLs lose their user-info, known secrets become `***`.

/** The URL with any `user:password@` replaced by `***@`. Leaves non-URLs alone. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (!u.username && !u.password) return url;
    u.username = '***';
    u.password = '';
    return u.toString();
  } catch {
    // Not parseable: still hide anything that looks like user-info.
    return url.replace(/\/\/[^/@\s]+@/g, '//***@');
  }
}

/**
 * Every `http(s)://user:password@` in free text becomes `user:***@` (a lone `token@` becomes `***@`), as pip
 * shows them: what every error and progress message of a build goes through.
 */
export function redactCredentials(text: string): string {
  return text.replace(/\b(https?:\/\/)([^/@\s'"]+)@/gi, (_whole, scheme: string, userinfo: string) => {
    const colon = userinfo.indexOf(':');
    return `${scheme}${colon < 0 ? '***' : `${userinfo.slice(0, colon)}:***`}@`;
  });
}

/** Replaces every occurrence of each secret (and its URL-encoded form) in `text` by `***`. */
export function redactSecrets(text: string, secrets: Iterable<string>): string {
  let out = text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/@\s'"]+@/gi, '$1***@');
  const all = new Set<string>();
  for (const s of secrets) {
    if (s.length < 3) continue; // too short to mask without garbling the message
    all.add(s);
    all.add(encodeURIComponent(s));
  }
  // Longest first so a secret containing another is masked whole.
  for (const s of [...all].sort((a, b) => b.length - a.length)) out = out.split(s).join('***');
  return out;
}
