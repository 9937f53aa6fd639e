/**
 * pip's `--only-binary` / `--no-binary`: which projects may use wheels and which sdists. Values are `:all:`,
 * `:none:` or comma-separated project names, applied in the order given (later ones win for a name), with
 * pip's rules: naming a project in one list takes it out of the other; `:all:` in one clears the other.
 */
import { canonicalName } from '../python/pep508.js';

export type FormatOption = '--only-binary' | '--no-binary';

export class FormatControl {
  private readonly noBinary = new Set<string>();
  private readonly onlyBinary = new Set<string>();

  /** Applies one `--only-binary VALUE` or `--no-binary VALUE`. */
  apply(option: FormatOption, value: string): void {
    const [target, other] = option === '--no-binary' ? [this.noBinary, this.onlyBinary] : [this.onlyBinary, this.noBinary];
    for (const raw of value.split(',')) {
      const name = raw.trim();
      if (name === '') continue;
      if (name === ':all:') {
        target.clear();
        other.clear();
        target.add(':all:');
      } else if (name === ':none:') {
        target.clear();
      } else {
        const canonical = canonicalName(name);
        other.delete(canonical);
        target.add(canonical);
      }
    }
  }

  /** The settings as a string: equal strings, equal answers. */
  key(): string {
    return JSON.stringify([[...this.onlyBinary].sort(), [...this.noBinary].sort()]);
  }

  /** pip's get_allowed_formats: a name named outright wins over `:all:`, --only-binary over --no-binary. */
  allowed(name: string): { wheel: boolean; sdist: boolean } {
    if (this.onlyBinary.has(name)) return { wheel: true, sdist: false };
    if (this.noBinary.has(name)) return { wheel: false, sdist: true };
    if (this.onlyBinary.has(':all:')) return { wheel: true, sdist: false };
    if (this.noBinary.has(':all:')) return { wheel: false, sdist: true };
    return { wheel: true, sdist: true };
  }
}
