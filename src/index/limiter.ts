// How many requests go to each index host at once. A counting semaphore per host, and backing off: a connect
// that stalls (the kernel retries a dropped SYN after 1 s, as when a small server's listen queue is full) or
// fails, or a response that stalls, halves that host's limit, down to one connection.

/** A connect slower than this is taken for a dropped SYN or a swamped server, not for a long way to go. */
export const STALL_MS = 900;

/** A counting semaphore: at most `limit` tasks run at once, the rest wait in arrival order. */
export class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private current: number) {
    if (!(current >= 1)) throw new RangeError('limit must be at least 1');
  }

  get limit(): number {
    return this.current;
  }

  /** Takes effect as tasks finish: running ones are not interrupted. */
  set limit(value: number) {
    this.current = Math.max(1, value);
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.current) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await task();
    } finally {
      const next = this.active <= this.current ? this.waiting.shift() : undefined;
      // Hand our slot straight to the next waiter so `active` never dips below the real count.
      if (next) next();
      else this.active--;
    }
  }
}

/** `scheme://host:port` with the default port spelled out, so URLs and connects agree on the key. */
export function hostKey(protocol: string, hostname: string, port: string | number | undefined): string {
  const scheme = protocol.replace(/:$/, '');
  return `${scheme}://${hostname.replace(/^\[|\]$/g, '')}:${port || (scheme === 'https' ? 443 : 80)}`;
}

export class HostLimits {
  private readonly hosts = new Map<string, { limiter: Limiter; lastBackoff: number }>();

  constructor(private readonly max: number) {
    if (!(max >= 1)) throw new RangeError('max must be at least 1');
  }

  private host(key: string) {
    let h = this.hosts.get(key);
    if (!h) this.hosts.set(key, (h = { limiter: new Limiter(this.max), lastBackoff: -Infinity }));
    return h;
  }

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    return this.host(key).limiter.run(task);
  }

  /** Requests allowed at once to a host now. */
  limitOf(key: string): number {
    return this.host(key).limiter.limit;
  }

  /** A connect to `key` took `ms`, or failed: a stall or failure backs off. */
  connected(key: string, ms: number, failed: boolean): void {
    if (failed || ms >= STALL_MS) this.backOff(key);
  }

  /**
   * Halves the host's limit. Stalls seen within one stall period of the last back-off are the same burst
   * (several SYNs dropped together) and count once.
   */
  backOff(key: string, now = performance.now()): void {
    const h = this.host(key);
    if (now - h.lastBackoff < STALL_MS) return;
    h.lastBackoff = now;
    h.limiter.limit = Math.floor(h.limiter.limit / 2);
  }
}
