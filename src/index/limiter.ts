// How many requests go to each index host at once. A counting semaphore per host, and backing off: a connect
// that stalls (the kernel retries a dropped SYN after 1 s, as when a small server's listen queue is full) or
// fails, or a response that stalls, halves that host's limit, down to one connection. A connect is timed net of
// our own event loop's blocks: a busy process notices a finished connect late, and that is no sign of a swamped
// server.
import type { Socket } from 'node:net';

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

/**
 * The longest our event loop was blocked while any connect was under way (a superset of each one's span): a
 * ticker runs only then, and a tick later than due was held back by that much.
 */
class LoopBlockMeter {
  private static readonly TICK_MS = 20;
  private watching = 0;
  private ticker?: NodeJS.Timeout;
  private lastTick = 0;
  private longest = 0;

  start(): void {
    if (this.watching++ > 0) return;
    this.lastTick = performance.now();
    this.longest = 0;
    this.ticker = setInterval(() => this.tick(), LoopBlockMeter.TICK_MS).unref();
  }

  end(): void {
    if (--this.watching === 0) clearInterval(this.ticker);
  }

  /** Counts the block going on now too, as when an event came in late in a long turn of the loop. */
  longestMs(): number {
    this.tick();
    return this.longest;
  }

  private tick(): void {
    const now = performance.now();
    this.longest = Math.max(this.longest, now - this.lastTick - LoopBlockMeter.TICK_MS);
    this.lastTick = now;
  }
}

const loopBlocks = new LoopBlockMeter();

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

  /** Times a connect `socket` makes to `key`; one that stalls backs the host off (a failed one backs off as it fails). */
  watchConnect(key: string, socket: Socket): void {
    const started = performance.now();
    loopBlocks.start();
    let watching = true;
    const stop = () => {
      if (watching) loopBlocks.end();
      watching = false;
    };
    socket.once('close', stop);
    socket.once('connect', () => {
      this.connected(key, performance.now() - started - loopBlocks.longestMs(), false);
      stop();
    });
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
