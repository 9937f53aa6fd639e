// What the index client hands the resolver: one entry per distribution file an index or find-links source lists.

export interface IndexFile {
  /** The file name as the URL's last path segment gives it, e.g. `six-1.17.0-py2.py3-none-any.whl`. */
  filename: string;
  /** Absolute `http(s)://` or `file://` URL, without credentials or `#hash` fragment. */
  url: string;
  /** Hash name (lower case, e.g. `sha256`) → lower-case hex digest, as the index gave them. */
  hashes: Record<string, string>;
  /** `Requires-Python` as the index states it, entities already decoded (e.g. `>=3.8`). */
  requiresPython?: string;
  /** `false`, or why the file was yanked (PEP 592); a yank without a reason reads `'no reason given'`. */
  yanked: false | string;
  /** PEP 658/714: whether `<url>.metadata` exists, and its hashes when the index gave them. */
  coreMetadata: false | true | Record<string, string>;
  /** Size in bytes when known (PEP 700 JSON, local files). */
  size?: number;
  /** PEP 700 upload time (ISO 8601) when the index gives it. */
  uploadTime?: string;
  /** The index or find-links source this came from, credentials redacted. */
  index: string;
}

/** One HTTP request the client made (for tests, the bench and `-v` output). */
export interface RequestRecord {
  method: string;
  /** Credentials redacted. */
  url: string;
  /** The response status, or 0 when no response came (timeout, connection error). */
  status: number;
}
