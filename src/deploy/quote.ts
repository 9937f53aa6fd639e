/**
 * Quotes one argument for a POSIX shell: wrapped in single quotes, each embedded single quote closed, escaped
 * and reopened. Every value we put into a remote command line goes through here, so spaces, quotes, `$`,
 * backticks and newlines reach the host unchanged.
 */
export function shellQuote(value: string): string {
  if (value !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
