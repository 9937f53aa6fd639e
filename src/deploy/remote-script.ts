// The one POSIX sh script that does every remote step of a host (deploy, rollback, listing). It runs under
// /bin/sh (dash, bash, BusyBox ash), reads its parameters from quoted assignments prepended by
// `buildRemoteCommand`, reports progress as `@@pexship <word> <rest>` lines on stdout, and reads its go-ahead
// from stdin: stdin closing (the client died, or its connection did) makes it clean up and stop before it
// switches anything.
import { shellQuote } from './quote.js';

export type ScriptMode = 'deploy' | 'rollback' | 'list';

export interface ScriptParams {
  mode: ScriptMode;
  base: string;
  /** deploy: the new release. */
  id?: string;
  name?: string;
  sha256?: string;
  size?: number;
  releaseJson?: string;
  prewarm?: boolean;
  /** rollback: the release to switch to; with `toNone`, remove `current` (undo a first deploy). */
  to?: string;
  toNone?: boolean;
  /** deploy/rollback: wait for a `go` line on stdin before changing anything. */
  waitForGo?: boolean;
  dryRun?: boolean;
  keep?: number;
  lockTtl?: number;
  lockWait?: number;
  by?: string;
  restart?: string;
  healthCheck?: string;
  healthUrl?: string;
  healthTimeout?: number;
}

/** The full command line to hand to the SSH server: `/bin/sh -c '<params + script>'`. */
export function buildRemoteCommand(p: ScriptParams): string {
  const vars: Record<string, string> = {
    MODE: p.mode,
    BASE: p.base,
    ID: p.id ?? '',
    NAME: p.name ?? '',
    SHA: p.sha256 ?? '',
    SIZE: String(p.size ?? 0),
    RELEASE_JSON: p.releaseJson ?? '',
    PREWARM: p.prewarm === false ? '0' : '1',
    TO: p.to ?? '',
    TO_NONE: p.toNone ? '1' : '0',
    WAIT_GO: p.waitForGo === false ? '0' : '1',
    DRY: p.dryRun ? '1' : '0',
    KEEP: String(p.keep ?? 5),
    TTL: String(p.lockTtl ?? 1800),
    LOCK_WAIT: String(p.lockWait ?? 5),
    BY: p.by ?? 'pexship',
    RESTART: p.restart ?? '',
    HEALTH_CMD: p.healthCheck ?? '',
    HEALTH_URL: p.healthUrl ?? '',
    HEALTH_TIMEOUT: String(p.healthTimeout ?? 30),
  };
  const prelude = Object.entries(vars)
    .map(([k, v]) => `P_${k}=${shellQuote(v)}`)
    .join('\n');
  return `exec /bin/sh -c ${shellQuote(prelude + '\n' + SCRIPT)}`;
}

// Written with $< for the shell's ${ so the template literal leaves it alone.
const SCRIPT = String.raw`
set -u
LC_ALL=C
export LC_ALL
umask 022
# Writing to a dead client must not kill us half-way: finish the step and clean up.
trap '' PIPE
say() { printf '@@pexship %s\n' "$*"; }
fail() { say "fail $*"; exit 1; }
json_str() { printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g'; }
now() { date +%s; }

HAVE_LOCK=0
LOCK=.pexship/lock
LOCK_VALUE=
INCOMING=
cleanup() {
  if [ -n "$INCOMING" ]; then rm -rf "$INCOMING"; fi
  if [ "$HAVE_LOCK" = 1 ] && [ "$(readlink "$LOCK" 2>/dev/null)" = "$LOCK_VALUE" ]; then rm -f "$LOCK"; fi
  rm -f "current.tmp-$$"
}
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

BASE=$P_BASE
case $BASE in
  "~") BASE=$HOME ;;
  "~/"*) BASE=$HOME/$<BASE#"~/"} ;;
esac

if [ "$P_MODE" = list ]; then
  [ -d "$BASE/releases" ] || { say "base $BASE"; say "end"; exit 0; }
fi
if [ "$P_DRY" = 1 ] && [ ! -d "$BASE" ]; then
  say "base $BASE"; say "current "; say "dry-run"; exit 0
fi
mkdir -p "$BASE/releases" "$BASE/.pexship" || fail "cannot create $BASE/releases (check --path and the user's rights)"
cd "$BASE" || fail "cannot enter $BASE"
BASE_ABS=$(pwd)
say "base $BASE_ABS"

is_num() { case $1 in ''|*[!0-9]*) return 1 ;; *) return 0 ;; esac; }
alive() {
  if [ -d /proc/self ]; then [ -d "/proc/$1" ]; else kill -0 "$1" 2>/dev/null; fi
}
# The lock is a symlink whose target holds "pid start ttl owner": created atomically with its content.
# It is tied to this shell, which lives exactly as long as the SSH session (stdin EOF ends it): a lock whose
# shell is gone, or older than its TTL, is stale and taken over.
take_lock() {
  LOCK_VALUE="$$ $(now) $P_TTL $P_BY"
  waited=0
  while :; do
    if ln -s "$LOCK_VALUE" "$LOCK" 2>/dev/null; then HAVE_LOCK=1; return 0; fi
    held=$(readlink "$LOCK" 2>/dev/null) || continue
    set -f; set -- $held; set +f
    pid=$<1:-x}; started=$<2:-x}; ttl=$<3:-x}
    [ $# -ge 3 ] && shift 3
    owner="$*"
    is_num "$pid" || pid=0
    is_num "$started" || started=0
    is_num "$ttl" || ttl=0
    t=$(now)
    if [ "$pid" = 0 ] || ! alive "$pid" || [ $((t - started)) -gt "$ttl" ]; then
      rm -f "$LOCK"
      say "stale-lock $held"
      continue
    fi
    if [ "$waited" -ge "$P_LOCK_WAIT" ]; then say "busy $started $pid $owner"; exit 3; fi
    sleep 1
    waited=$((waited + 1))
  done
}

read_current() {
  CURRENT=
  if [ -L current ]; then
    CURRENT=$(readlink current)
    CURRENT=$<CURRENT%/}
    CURRENT=$<CURRENT#releases/}
  elif [ -e current ]; then
    fail "$BASE_ABS/current exists but is not a symlink; move it away, pexship manages current as a symlink"
  fi
}
release_ok() { [ -n "$1" ] && [ -f "releases/$1/release.json" ]; }
pex_file() { sed -n 's/.*"file":"\([^"]*\)".*/\1/p' "releases/$1/release.json" | head -n 1; }

sha256_of() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$1" | cut -d ' ' -f 1
  elif command -v shasum >/dev/null 2>&1; then shasum -a 256 "$1" | cut -d ' ' -f 1
  elif command -v sha256 >/dev/null 2>&1; then sha256 -q < "$1"
  elif command -v openssl >/dev/null 2>&1; then openssl dgst -sha256 "$1" | sed 's/.*= *//'
  else return 1; fi
}

# Points current at releases/$1 (or removes it for ""): a new relative symlink renamed over the old one, so
# readers see the old or the new target, never nothing. Plain mv onto a symlink to a directory would move
# INTO it, and BusyBox's ln -sfn is unlink + symlink, so: mv -T (GNU, recent BusyBox), else rename(2) via
# python3 or perl. Whatever ran, the result is checked: a mv that moved into the old release leaves current
# untouched and fails here.
swap_to() {
  if [ -z "$1" ]; then rm -f current; return $?; fi
  tmp="current.tmp-$$"
  rm -f "$tmp"
  ln -s "releases/$1" "$tmp" || return 1
  if ! mv -T -f "$tmp" current 2>/dev/null; then
    if [ -L "$tmp" ] && command -v python3 >/dev/null 2>&1; then
      python3 -c 'import os, sys; os.replace(sys.argv[1], sys.argv[2])' "$tmp" current
    elif [ -L "$tmp" ] && command -v perl >/dev/null 2>&1; then
      perl -e 'rename($ARGV[0], $ARGV[1]) or die "rename: $!\n"' "$tmp" current
    else
      echo "no atomic rename on this host: need mv -T, python3 or perl" >&2
    fi
  fi
  rm -f "$tmp"
  [ "$(readlink current)" = "releases/$1" ]
}

log_history() {
  printf '{"at":"%s","action":"%s","release":"%s","previous":"%s","outcome":"%s","by":"%s"}\n' \
    "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$P_MODE" "$(json_str "$TARGET")" "$(json_str "$PREV")" "$1" "$(json_str "$P_BY")" \
    >> .pexship/history.jsonl
}

set_env() {
  PEXSHIP_RELEASE=$1
  PEXSHIP_PEX=
  if [ -n "$1" ]; then PEXSHIP_PEX=$BASE_ABS/releases/$1/$(pex_file "$1"); fi
  PEXSHIP_PREVIOUS=$2
  export PEXSHIP_RELEASE PEXSHIP_PEX PEXSHIP_PREVIOUS
}

run_restart() {
  [ -n "$P_RESTART" ] || return 0
  say "restart"
  sh -c "$P_RESTART" </dev/null >&2
}

fetch_url() {
  if command -v curl >/dev/null 2>&1; then curl -fsS -o /dev/null --max-time 5 "$1"
  elif command -v wget >/dev/null 2>&1; then wget -q -O /dev/null -T 5 "$1"
  elif command -v python3 >/dev/null 2>&1; then
    python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=5)' "$1"
  else echo "no curl, wget or python3 on the host to poll the health URL" >&2; return 1; fi
}

# Retries every second until it passes or the timeout is spent; HEALTH_WHY says what failed last.
health_check() {
  [ -n "$P_HEALTH_CMD$P_HEALTH_URL" ] || return 0
  say "health"
  deadline=$(( $(now) + P_HEALTH_TIMEOUT ))
  while :; do
    HEALTH_WHY=
    if [ -n "$P_HEALTH_CMD" ]; then
      sh -c "$P_HEALTH_CMD" </dev/null >&2
      rc=$?
      [ "$rc" = 0 ] || HEALTH_WHY="health-check command exited $rc"
    fi
    if [ -z "$HEALTH_WHY" ] && [ -n "$P_HEALTH_URL" ]; then
      fetch_url "$P_HEALTH_URL" </dev/null >&2 || HEALTH_WHY="health URL $P_HEALTH_URL did not answer with success"
    fi
    [ -z "$HEALTH_WHY" ] && return 0
    [ "$(now)" -ge "$deadline" ] && return 1
    sleep 1
  done
}

wait_go() {
  [ "$P_WAIT_GO" = 1 ] || return 0
  say "ready"
  IFS= read -r go || exit 1
  [ "$go" = go ] || exit 1
}

prune() {
  ls -1 releases 2>/dev/null | sort -r | {
    n=0
    while IFS= read -r id; do
      n=$((n + 1))
      [ "$id" = "$TARGET" ] && continue
      [ "$id" = "$PREV" ] && continue
      [ "$n" -le "$P_KEEP" ] && continue
      rm -rf "releases/$id" && say "pruned $id"
    done
  }
}

if [ "$P_MODE" = list ]; then
  read_current
  say "current $CURRENT"
  for d in releases/*/; do
    [ -f "$<d}release.json" ] || continue
    id=$<d#releases/}
    id=$<id%/}
    failed=0
    [ -e "$<d}.failed" ] && failed=1
    say "release $id $failed $(tr -d '\n' < "$<d}release.json")"
  done
  say "end"
  exit 0
fi

if [ "$P_MODE" = deploy ]; then
  if [ "$P_DRY" = 1 ]; then
    read_current
    say "current $CURRENT"
    for d in releases/*/; do
      if [ -f "$<d}release.json" ] && grep -q "\"sha256\":\"$P_SHA\"" "$<d}release.json"; then id=$<d#releases/}; say "reuse $<id%/}"; fi
    done
    say "dry-run"
    exit 0
  fi
  take_lock
  say "locked"
  read_current
  # Whatever is in incoming/ belongs to a deploy that died: we hold the lock.
  rm -rf .pexship/incoming
  mkdir -p .pexship/incoming || fail "cannot create $BASE_ABS/.pexship/incoming"
  REUSE=
  for d in releases/*/; do
    [ -f "$<d}release.json" ] || continue
    if grep -q "\"sha256\":\"$P_SHA\"" "$<d}release.json"; then
      id=$<d#releases/}
      id=$<id%/}
      f=$(pex_file "$id")
      if [ -n "$f" ] && [ -f "releases/$id/$f" ] && [ "$(wc -c < "releases/$id/$f" | tr -d ' ')" = "$P_SIZE" ]; then REUSE=$id; fi
    fi
  done
  say "current $CURRENT"
  if [ -n "$REUSE" ]; then
    say "reuse $REUSE"
  else
    INCOMING=$BASE_ABS/.pexship/incoming/$P_ID.$$
    mkdir "$INCOMING" || fail "cannot create $INCOMING"
    say "incoming $INCOMING/$P_NAME.pex"
  fi
  wait_go
  PREV=$CURRENT
  if [ -n "$REUSE" ]; then
    TARGET=$REUSE
  else
    TARGET=$P_ID
    F=$INCOMING/$P_NAME.pex
    [ -f "$F" ] || fail "the upload did not arrive at $F"
    got=$(wc -c < "$F" | tr -d ' ')
    [ "$got" = "$P_SIZE" ] || fail "size mismatch after upload: the host has $got bytes, expected $P_SIZE"
    sum=$(sha256_of "$F") || fail "no sha256sum, shasum, sha256 or openssl on the host to verify the upload"
    [ "$sum" = "$P_SHA" ] || fail "sha256 mismatch after upload: the host computed $sum, expected $P_SHA"
    chmod 755 "$F" || fail "cannot make $F executable"
    printf '%s\n' "$P_RELEASE_JSON" > "$INCOMING/release.json" || fail "cannot write release.json (disk full?)"
    if [ -e "releases/$TARGET" ]; then
      [ "$TARGET" = "$CURRENT" ] && fail "releases/$TARGET is current but has no valid release.json; remove it by hand"
      rm -rf "releases/$TARGET"
    fi
    mv "$INCOMING" "releases/$TARGET" || fail "cannot move the upload into releases/$TARGET"
    INCOMING=
    say "stored $TARGET"
  fi
  PEX=$BASE_ABS/releases/$TARGET/$(pex_file "$TARGET")
  rm -f "releases/$TARGET/.failed"
  if [ "$TARGET" = "$CURRENT" ]; then
    say "unchanged $TARGET"
    log_history unchanged
    say "done $TARGET"
    exit 0
  fi
  if [ "$P_PREWARM" = 1 ]; then
    say "prewarm"
    (cd "releases/$TARGET" && PEX_INTERPRETER=1 "$PEX" -c '' </dev/null >&2)
    rc=$?
    if [ "$rc" != 0 ]; then
      touch "releases/$TARGET/.failed"
      log_history prewarm-failed
      fail "pre-warm failed: running $PEX with PEX_INTERPRETER=1 exited $rc (nothing was switched; is the PEX built for this host's platform and Python?)"
    fi
  fi
  swap_to "$TARGET" || fail "could not switch current to releases/$TARGET"
  say "switched $PREV"
  set_env "$TARGET" "$PREV"
  WHY=
  run_restart || WHY="restart command exited $?"
  if [ -z "$WHY" ]; then health_check || WHY=$HEALTH_WHY; fi
  if [ -n "$WHY" ]; then
    touch "releases/$TARGET/.failed"
    if swap_to "$PREV"; then
      say "reverted $PREV"
      if [ -n "$PREV" ]; then set_env "$PREV" "$TARGET"; run_restart || say "warning restart after switching back failed"; fi
      log_history failed
      fail "$WHY; switched back to $<PREV:-no release}"
    fi
    log_history failed
    fail "$WHY; switching back to $<PREV:-no release} ALSO failed: current still points at $TARGET"
  fi
  prune
  log_history ok
  say "done $TARGET"
  exit 0
fi

if [ "$P_MODE" = rollback ]; then
  take_lock
  say "locked"
  read_current
  PREV=$CURRENT
  if [ "$P_TO_NONE" = 1 ]; then
    TARGET=
  elif [ -n "$P_TO" ]; then
    TARGET=$P_TO
    release_ok "$TARGET" || fail "release $TARGET is not on this host (see 'pexship releases')"
  else
    [ -n "$CURRENT" ] || fail "no current release to roll back from"
    TARGET=$(ls -1 releases 2>/dev/null | sort | {
      b=
      while IFS= read -r id; do
        [ "$id" = "$CURRENT" ] && break
        release_ok "$id" && [ ! -e "releases/$id/.failed" ] && b=$id
      done
      printf '%s' "$b"
    })
    [ -n "$TARGET" ] || fail "no release before $CURRENT on this host to roll back to"
  fi
  say "current $CURRENT"
  say "target $TARGET"
  wait_go
  if [ "$TARGET" = "$CURRENT" ]; then log_history unchanged; say "done $TARGET"; exit 0; fi
  swap_to "$TARGET" || fail "could not switch current to releases/$TARGET"
  say "switched $PREV"
  if [ -n "$TARGET" ]; then
    set_env "$TARGET" "$PREV"
    WHY=
    run_restart || WHY="restart command exited $?"
    if [ -z "$WHY" ]; then health_check || WHY=$HEALTH_WHY; fi
    if [ -n "$WHY" ]; then log_history failed; fail "$WHY (current now points at $TARGET)"; fi
  fi
  log_history ok
  say "done $TARGET"
  exit 0
fi
fail "unknown mode $P_MODE"
`.replace(/\$</g, '$' + '{');
