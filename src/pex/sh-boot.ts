/**
 * `--sh-boot`: the zipapp starts with a small POSIX sh script instead of a `#!python` line. It picks an
 * interpreter with nothing but the shell's own `command -v` (no Python start-up, about a millisecond) and
 * execs it on the PEX; the Python runtime then checks the fit as always and re-executes a better one if
 * needed. The script never reads past its `exec`/`exit`, so the zip after it is never parsed by sh.
 *
 * Order: `PEX_PYTHON` (a path, or a name looked up on `PEX_PYTHON_PATH`, else `PATH`), then each name in
 * `names` (the targets' `python3.X` first, then `python3`, `python`) on `PEX_PYTHON_PATH`, else `PATH`.
 */
const NAME = /^[A-Za-z0-9][\w.+-]*$/;

export function shBootScript(names: string[]): string {
  for (const n of names) if (!NAME.test(n)) throw new Error(`shBootScript: interpreter name ${JSON.stringify(n)}`);
  return `#!/bin/sh
# pexship --sh-boot: find a Python and run this PEX with it; the zip archive follows this script.
pexship_find() {
  if [ -n "$PEX_PYTHON_PATH" ]; then
    (IFS=:; set -f; for entry in $PEX_PYTHON_PATH; do
      if [ -f "$entry" ] && [ -x "$entry" ] && [ "\${entry##*/}" = "$1" ]; then echo "$entry"; exit 0; fi
      if [ -f "$entry/$1" ] && [ -x "$entry/$1" ]; then echo "$entry/$1"; exit 0; fi
    done; exit 1)
  else
    command -v "$1" 2>/dev/null
  fi
}
if [ -n "$PEX_PYTHON" ]; then
  case "$PEX_PYTHON" in
    */*) pexship_python="$PEX_PYTHON" ;;
    *) pexship_python=$(pexship_find "$PEX_PYTHON") ;;
  esac
  if [ -n "$pexship_python" ] && [ -x "$pexship_python" ]; then exec "$pexship_python" "$0" "$@"; fi
  echo "pexship: PEX_PYTHON=$PEX_PYTHON does not name an interpreter here" >&2
  exit 1
fi
for pexship_name in ${names.join(' ')}; do
  pexship_python=$(pexship_find "$pexship_name")
  if [ -n "$pexship_python" ]; then exec "$pexship_python" "$0" "$@"; fi
done
echo "pexship: no Python interpreter (${names.join(', ')}) found on \${PEX_PYTHON_PATH:-PATH}; install one or set PEX_PYTHON" >&2
exit 127
`;
}
