// PEP 503 project pages (and find-links pages): every <a> with its data-* attributes, written for the HTML
// real indexes produce — any attribute order, single/double/no quotes, entities, relative hrefs, <base>.
import { isDistributionFile } from './names.js';
import type { IndexFile } from './types.js';

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** Attributes of one start tag's inside (after the tag name), names lower-cased, values decoded. */
export function parseAttributes(inside: string): Map<string, string> {
  const attrs = new Map<string, string>();
  const re = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  for (let m = re.exec(inside); m; m = re.exec(inside)) {
    const name = m[1].toLowerCase();
    const value = m[2] ?? m[3] ?? m[4];
    if (!attrs.has(name)) attrs.set(name, value === undefined ? '' : decodeEntities(value));
  }
  return attrs;
}

export interface Anchor {
  href: string;
  attrs: Map<string, string>;
}

/** Every `<a href>` in the page with its href resolved against the page URL (or a `<base href>`). */
export function parseAnchors(html: string, pageUrl: string): Anchor[] {
  // Comments may hold stale links; scripts and styles hold text, not tags.
  const text = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '');
  let base = pageUrl;
  const baseTag = /<base\b([^>]*)>/i.exec(text);
  if (baseTag) {
    const href = parseAttributes(baseTag[1]).get('href');
    if (href) {
      try {
        base = new URL(href, pageUrl).toString();
      } catch {
        /* an unusable <base> is ignored */
      }
    }
  }
  const anchors: Anchor[] = [];
  const tagRe = /<a\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
  for (let m = tagRe.exec(text); m; m = tagRe.exec(text)) {
    const attrs = parseAttributes(m[1]);
    const href = attrs.get('href');
    if (!href) continue;
    try {
      anchors.push({ href: new URL(href.trim(), base).toString(), attrs });
    } catch {
      /* not a URL: skip the link */
    }
  }
  return anchors;
}

/** `sha256=abc…` → {sha256: 'abc…'}; anything else → undefined. */
export function parseHashPair(value: string): Record<string, string> | undefined {
  const m = /^\s*([a-z0-9_-]+)=([0-9a-f]+)\s*$/i.exec(value);
  return m ? { [m[1].toLowerCase()]: m[2].toLowerCase() } : undefined;
}

/** Splits a link into its clean URL, file name and `#<hash>=<hex>` fragment. */
export function splitFileUrl(href: string): { url: string; filename: string; hashes: Record<string, string> } {
  const u = new URL(href);
  const hashes = parseHashPair(u.hash.slice(1)) ?? {};
  u.hash = '';
  const segments = u.pathname.split('/');
  let filename = segments[segments.length - 1] ?? '';
  try {
    filename = decodeURIComponent(filename);
  } catch {
    /* keep it as written */
  }
  return { url: u.toString(), filename, hashes };
}

function coreMetadataOf(attrs: Map<string, string>): IndexFile['coreMetadata'] {
  // PEP 714 renamed the attribute; servers may send either or both.
  const value = attrs.get('data-core-metadata') ?? attrs.get('data-dist-info-metadata');
  if (value === undefined) return false;
  if (value.trim().toLowerCase() === 'false') return false;
  // `true`, or a hash we can use; an unreadable value still says the file exists.
  return parseHashPair(value) ?? true;
}

/** The distribution files a PEP 503 page (or a find-links page) lists. */
export function parseSimpleHtml(html: string, pageUrl: string, index: string): IndexFile[] {
  const files: IndexFile[] = [];
  for (const { href, attrs } of parseAnchors(html, pageUrl)) {
    const { url, filename, hashes } = splitFileUrl(href);
    if (!isDistributionFile(filename)) continue;
    const yanked = attrs.get('data-yanked');
    const requiresPython = attrs.get('data-requires-python')?.trim();
    files.push({
      filename,
      url,
      hashes,
      ...(requiresPython ? { requiresPython } : {}),
      yanked: yanked === undefined ? false : yanked.trim() || 'no reason given',
      coreMetadata: coreMetadataOf(attrs),
      index,
    });
  }
  return files;
}
