// The one POSIX sh script that does every remote step of a host (deploy, rollback, listing, unlock). It
// runs under /bin/sh (dash, bash, BusyBox ash) whatever the login shell is (csh and tcsh included): the SSH
// command line is one short, secret-free line that makes /bin/sh read the parameters and the script from
// stdin, so nothing of them shows in `ps`. After the script, stdin carries the client's control lines:
// `hb` (a heartbeat every 2 s, proof the client is alive), `uploaded` (the upload is complete), `go`
// (switch), `commit` (the deploy is confirmed), `stop`. Forks cost milliseconds each on a busy host, so the
// hot path (lock, reuse, switch, history) uses shell builtins wherever one does the job. The script reports
// progress as `@@pexship <word> <rest>` lines on stdout.
import { randomBytes } from 'node:crypto';
import { shellQuote } from './quote.js';

export type ScriptMode = 'deploy' | 'rollback' | 'list' | 'unlock';

export interface ScriptParams {
  mode: ScriptMode;
  base: string;
  /** Names this run in the lock and in history lines, so a reconnecting client can find its outcome. */
  run?: string;
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
  /** rollback: switch only when `current` is this release (a fleet undoing its own deploy). */
  onlyFrom?: string;
  /** rollback: check the target's size and sha256 against its release.json (default true). */
  verify?: boolean;
  /** deploy/rollback: wait for a `go` line on stdin before changing anything. */
  waitForGo?: boolean;
  dryRun?: boolean;
  keep?: number;
  lockTtl?: number;
  lockWait?: number;
  /** Seconds without a heartbeat after which a lock's owner counts as gone. */
  lockStale?: number;
  /** Seconds all the host's steps may take (--command-timeout). */
  budget?: number;
  by?: string;
  restart?: string;
  healthCheck?: string;
  healthUrl?: string;
  /** The health URL as messages show it (password removed). */
  healthUrlShown?: string;
  healthTimeout?: number;
  probeTimeout?: number;
}

export interface RemoteCommand {
  /** The SSH command line: one line, no secrets, the same for every run but its end marker. */
  command: string;
  /** The parameters and the script, ended by the marker line. */
  script: string;
}

export function buildRemoteCommand(p: ScriptParams): RemoteCommand {
  const vars: Record<string, string> = {
    MODE: p.mode,
    BASE: p.base,
    RUN: p.run ?? randomBytes(6).toString('hex'),
    ID: p.id ?? '',
    NAME: p.name ?? '',
    SHA: p.sha256 ?? '',
    SIZE: String(p.size ?? 0),
    RELEASE_JSON: p.releaseJson ?? '',
    PREWARM: p.prewarm === false ? '0' : '1',
    TO: p.to ?? '',
    TO_NONE: p.toNone ? '1' : '0',
    ONLY_FROM: p.onlyFrom ?? '',
    VERIFY: p.verify === false ? '0' : '1',
    WAIT_GO: p.waitForGo === false ? '0' : '1',
    DRY: p.dryRun ? '1' : '0',
    KEEP: String(p.keep ?? 5),
    TTL: String(p.lockTtl ?? 1800),
    LOCK_WAIT: String(p.lockWait ?? 5),
    LOCK_STALE: String(p.lockStale ?? 15),
    BUDGET: String(p.budget ?? 900),
    BY: p.by ?? 'pexship',
    RESTART: p.restart ?? '',
    HEALTH_CMD: p.healthCheck ?? '',
    HEALTH_URL: p.healthUrl ?? '',
    HEALTH_URL_SHOWN: p.healthUrlShown ?? p.healthUrl ?? '',
    HEALTH_TIMEOUT: String(p.healthTimeout ?? 30),
    PROBE_TIMEOUT: String(p.probeTimeout ?? 5),
  };
  const prelude = Object.entries(vars)
    .map(([k, v]) => `P_${k}=${shellQuote(v)}`)
    .join('\n');
  // A fresh marker per run: no parameter value can end the script early by containing it.
  const marker = `@@pexship-end-${randomBytes(8).toString('hex')}`;
  // sed stops at the marker; nothing else is on stdin until the script has spoken. Single quotes outside,
  // double quotes inside, no newline and no '!': csh and tcsh pass it to /bin/sh as any POSIX shell does.
  const command = `exec /bin/sh -c 'eval "$(sed -n "/^${marker}/q;p")"'`;
  // The script is one function, called at the end: the shell parses all of it before running any. bash
  // otherwise parses each command of an eval just before running it, and a trapped signal arriving during
  // that parse breaks it ("unexpected EOF while looking for matching `)'"); see also wake_main.
  // An empty line after the marker: BusyBox sed reads a line ahead (to know the last one) before it acts on
  // the marker's 'q', and would otherwise wait for, and swallow, the first control line.
  return { command, script: `${prelude}\npexship_main() {\n${SCRIPT}\n}\npexship_main\n${marker}\n\n` };
}

// Written with $< for the shell's ${ so the template literal leaves it alone.
const SCRIPT = String.raw`
set -u
LC_ALL=C
export LC_ALL
umask 022
# Writing to a dead client must not kill us half-way: finish the step and clean up.
trap '' PIPE
# fd 3 is the client's stdin (control lines); every command we start reads /dev/null.
exec 3<&0 </dev/null
say() { printf '@@pexship %s\n' "$*"; }
fail() { say "fail $*"; exit 1; }
is_num() { case $1 in ''|*[!0-9]*) return 1 ;; *) return 0 ;; esac; }
START=$(date +%s)
# A clock without a fork: the seconds since boot (/proc/uptime, Linux) moved to epoch seconds once, here;
# date where there is no /proc. NOW is within a second of date +%s.
UP0=
{ read -r UP0 _ < /proc/uptime; } 2>/dev/null
UP0=$<UP0%%.*}
clock() {
  if is_num "$UP0" && { read -r c_up _ < /proc/uptime; } 2>/dev/null; then NOW=$((START - UP0 + $<c_up%%.*})); else NOW=$(date +%s); fi
}
now() { clock; echo "$NOW"; }
DEADLINE=$((START + P_BUDGET))
# Seconds left of --command-timeout (at least 1).
left() { l=$((DEADLINE - $(now))); [ "$l" -ge 1 ] || l=1; echo "$l"; }
BOOT=
{ read -r BOOT < /proc/sys/kernel/random/boot_id; } 2>/dev/null
[ -n "$BOOT" ] || BOOT=-
# Removes its arguments (globs included) when any of them exists: no rm forked for nothing.
rm_any() {
  for ra in "$@"; do
    if [ -e "$ra" ] || [ -L "$ra" ]; then rm -rf "$@"; return; fi
  done
}
SELF_STALE=$((P_LOCK_STALE * 2 / 3))
[ "$SELF_STALE" -ge 2 ] || SELF_STALE=2

HAVE_LOCK=0
LOCK=.pexship/lock
LOCK_VALUE=
INCOMING=
READER=
CTL=
HB=
SWITCHED=0
TARGET=
PREV=
owns_lock() { [ "$HAVE_LOCK" = 1 ] && [ "$(readlink "$LOCK" 2>/dev/null)" = "$LOCK_VALUE" ]; }
cleanup() {
  # Caught, not ignored: an ignored TERM would be inherited by the commands the switch-back runs, and the
  # time limit could not stop them.
  trap ':' HUP INT TERM
  # Switched but never confirmed: the client is gone, so nobody will know this release passed. Go back.
  if [ "$SWITCHED" = 1 ]; then abandon; fi
  if [ -n "$READER" ]; then kill "$READER" 2>/dev/null; fi
  # One rm for everything this run leaves: the upload, the lock (only while it is ours), control files.
  set --
  if [ -n "$INCOMING" ]; then set -- "$INCOMING"; fi
  if owns_lock; then set -- "$@" "$LOCK"; fi
  if [ -n "$CTL" ]; then set -- "$@" "$CTL".* "$HB" "$HB.t"; fi
  rm_any "$@" "current.tmp-$$"
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

if [ "$P_MODE" = list ] || [ "$P_MODE" = unlock ]; then
  [ -d "$BASE/.pexship" ] || [ -d "$BASE/releases" ] || { say "base $BASE"; say "unlocked none"; say "end"; exit 0; }
fi
if [ "$P_DRY" = 1 ] && [ ! -d "$BASE" ]; then
  say "base $BASE"; say "current "; say "dry-run"; exit 0
fi
if [ "$P_MODE" != list ] && [ "$P_MODE" != unlock ] && { [ ! -d "$BASE/releases" ] || [ ! -d "$BASE/.pexship" ]; }; then
  err=$(mkdir -p "$BASE/releases" "$BASE/.pexship" 2>&1) || fail "cannot create $BASE/releases and $BASE/.pexship: $err (check --path and the user's rights)"
fi
cd "$BASE" || fail "cannot enter $BASE"
BASE_ABS=$PWD
say "base $BASE_ABS"

alive() {
  if [ -d /proc/self ]; then [ -d "/proc/$1" ]; else kill -0 "$1" 2>/dev/null; fi
}

# Kills processes, the process groups they lead (a host command's, see run_cmd: it holds the children
# whose parent already exited) and all their descendants (parents first, so nothing respawns).
kill_tree() {
  kt_sig=$1
  shift
  while [ $# -gt 0 ]; do
    kt_p=$1
    shift
    kt_kids=$(cat /proc/"$kt_p"/task/*/children 2>/dev/null || pgrep -P "$kt_p" 2>/dev/null)
    kill -"$kt_sig" -"$kt_p" 2>/dev/null
    kill -"$kt_sig" "$kt_p" 2>/dev/null
    set -- "$@" $kt_kids
  done
}

# Runs "$@" for at most $1 seconds: then TERM to it, its group and its children, KILL 2 s later. 124 when
# stopped.
bounded() {
  b_secs=$1
  shift
  b_t0=$(now)
  "$@" &
  b_pid=$!
  ( sleep "$b_secs"; kill_tree TERM "$b_pid"; sleep 2; kill_tree KILL "$b_pid" ) </dev/null >/dev/null 2>&1 &
  b_dog=$!
  while :; do
    wait "$b_pid"
    b_rc=$?
    # A trapped signal interrupts wait; the command still runs.
    if [ "$b_rc" -gt 128 ] && kill -0 "$b_pid" 2>/dev/null; then continue; fi
    break
  done
  if [ "$b_rc" -gt 128 ] && [ $(($(now) - b_t0)) -ge "$b_secs" ]; then
    # Stopped: the watchdog still owes the KILL to whatever in the group ignored the TERM.
    return 124
  fi
  kill_tree KILL "$b_dog"
  return "$b_rc"
}

# A host command, in its own session and so its own process group, which 'bounded' kills whole on a time
# out: what it started in the background goes too, even once its parent has exited. The text reaches the
# new shell through its environment (readable by this user and root only), never an argv. Without setsid
# (util-linux, BusyBox) it runs in a child of this shell, and only its descendants are found and killed.
run_cmd() {
  exec 3<&-
  if command -v setsid >/dev/null 2>&1; then
    PEXSHIP_CMD=$1 exec setsid /bin/sh -c 'c=$PEXSHIP_CMD; unset PEXSHIP_CMD; eval "$c"'
  fi
  set +u
  eval "$1"
}

# The client's heartbeat: the reader writes the time of each 'hb' line into $HB.
start_reader() {
  CTL=.pexship/ctl.$$
  HB=.pexship/hb.$$
  rm_any "$CTL".*
  if ! { echo "$START" > "$HB"; } 2>/dev/null; then
    err=$( (echo "$START" > "$HB") 2>&1)
    fail "cannot write $BASE_ABS/$HB: $err (disk full, out of inodes, or $BASE_ABS/.pexship not writable?)"
  fi
  (
    trap - EXIT HUP INT TERM
    while IFS= read -r l; do
      case $l in
        hb) clock; echo "$NOW" > "$HB.t" && mv -f "$HB.t" "$HB" ;;
        uploaded|go|commit|stop) : > "$CTL.$l"; wake_main ;;
      esac
    done
    : > "$CTL.eof"
    wake_main
  ) <&3 >/dev/null 2>&1 &
  READER=$!
}
# True when the client's last heartbeat is at most $1 seconds old.
client_alive() {
  h=0
  { read -r h < "$HB"; } 2>/dev/null
  is_num "$h" || h=0
  clock
  [ $((NOW - h)) -le "$1" ]
}
# The reader wakes the main shell by ending the sleeper whose pid wait_ctl left in $CTL.w, never by a signal
# to the main shell itself: bash, as /bin/sh, mis-parses a command substitution that a trapped signal
# interrupts (an "unexpected EOF while looking for matching )" error).
wake_main() {
  wm=
  { read -r wm < "$CTL.w"; } 2>/dev/null
  if is_num "$wm"; then kill -KILL "$wm" 2>/dev/null; fi
}
# Waits for the control line $1; false (with GONE set) when the client stopped, left or fell silent. The
# sleeper's pid is in $CTL.w before the last look at the files, so a control line that came later ends the
# 'wait' at once, and one that came earlier is seen. Our own short-lived children (this sleeper, bounded's
# watchdog) are ended with KILL: bash, as /bin/sh, runs this shell's TERM and EXIT traps in a child that is
# sent TERM just after it was forked, and the cleanup would then delete the upload and the lock under us.
end_sleeper() {
  : > "$CTL.w"
  kill -KILL "$w" 2>/dev/null
}
# 0: the line came; 1: the client stopped or left (GONE says which); 2: not yet.
ctl_seen() {
  if [ -e "$CTL.$1" ]; then return 0; fi
  if [ -e "$CTL.stop" ]; then GONE="the client stopped the deploy"; return 1; fi
  if [ -e "$CTL.eof" ]; then GONE="the client's connection closed"; return 1; fi
  return 2
}
wait_ctl() {
  # A line that is already there costs no fork (the client often sends it ahead).
  ctl_seen "$1"
  case $? in 0) return 0 ;; 1) return 1 ;; esac
  while :; do
    sleep 1 </dev/null >/dev/null 2>&1 &
    w=$!
    echo "$w" > "$CTL.w"
    ctl_seen "$1"
    wc_rc=$?
    if [ "$wc_rc" = 2 ] && ! client_alive "$P_LOCK_STALE"; then GONE="no heartbeat from the client for more than $P_LOCK_STALE s"; wc_rc=1; fi
    if [ "$wc_rc" != 2 ]; then end_sleeper; return "$wc_rc"; fi
    wait "$w" 2>/dev/null
    end_sleeper
  done
}
wait_go() {
  [ "$P_WAIT_GO" = 1 ] || return 0
  say "ready"
  wait_ctl go || exit 1
}
# A deploy changes current only while it holds the lock and its client is still there.
may_switch() {
  owns_lock || fail "this deploy no longer holds $BASE_ABS/$LOCK (freed by 'pexship unlock', or taken by a deploy that found this one silent); nothing was switched"
  client_alive "$SELF_STALE" || fail "no heartbeat from the client for $SELF_STALE s; nothing was switched"
}

# Parses a lock's value into L_PID, L_STARTED, L_RUN, L_OWNER, and L_STALE (why it is stale, or empty).
# The lock is "v2 pid boot-id started run owner": alive while that shell runs on this boot and its
# client's heartbeat is fresh. Locks of older versions ("pid started ttl owner") are stale when their
# shell is gone or they are older than their TTL.
lock_state() {
  set -f
  set -- $1
  set +f
  L_STALE=
  L_RUN=
  if [ "$<1:-}" = v2 ] && [ $# -ge 5 ]; then
    L_PID=$2 l_boot=$3 L_STARTED=$4 L_RUN=$5
    shift 5
    L_OWNER=$*
    is_num "$L_PID" || L_PID=0
    is_num "$L_STARTED" || L_STARTED=0
    if [ "$l_boot" != "$BOOT" ]; then
      L_STALE="the host restarted since it was taken"
    elif [ "$L_PID" = 0 ] || ! alive "$L_PID"; then
      L_STALE="its remote shell (pid $L_PID) is gone"
    else
      h=0
      { read -r h < ".pexship/hb.$L_PID"; } 2>/dev/null
      is_num "$h" || h=0
      clock
      a=$((NOW - h))
      [ "$a" -gt "$P_LOCK_STALE" ] && L_STALE="no heartbeat from its client for $a s"
    fi
  else
    L_PID=$<1:-0} L_STARTED=$<2:-0} l_ttl=$<3:-0}
    [ $# -ge 3 ] && shift 3
    L_OWNER=$*
    is_num "$L_PID" || L_PID=0
    is_num "$L_STARTED" || L_STARTED=0
    is_num "$l_ttl" || l_ttl=0
    if [ "$L_PID" = 0 ] || ! alive "$L_PID"; then
      L_STALE="its remote shell (pid $L_PID) is gone"
    elif clock && [ $((NOW - L_STARTED)) -gt "$l_ttl" ]; then
      L_STALE="older than its TTL of $l_ttl s"
    fi
  fi
  return 0
}

lock_word() { if [ -n "$L_STALE" ]; then echo stale; else echo live; fi; }

# The lock is a symlink whose target is its value: created atomically with its content. Every way out of
# the loop is bounded: by --lock-wait for a live lock, by a few attempts for anything else.
take_lock() {
  t0=$START
  LOCK_VALUE="v2 $$ $BOOT $t0 $P_RUN $P_BY"
  tries=0
  while :; do
    tries=$((tries + 1))
    if ln -s "$LOCK_VALUE" "$LOCK" 2>/dev/null; then HAVE_LOCK=1; return 0; fi
    if [ ! -L "$LOCK" ]; then
      [ -e "$LOCK" ] && fail "$BASE_ABS/$LOCK is in the way: it is not a pexship lock (those are symlinks); move it away"
      [ "$tries" -lt 3 ] && continue
      # The last try keeps the error, for the message.
      if err=$(ln -s "$LOCK_VALUE" "$LOCK" 2>&1); then HAVE_LOCK=1; return 0; fi
      fail "cannot create the lock $BASE_ABS/$LOCK: $err"
    fi
    held=$(readlink "$LOCK" 2>/dev/null) || { [ "$tries" -lt 5 ] && continue; fail "cannot read the lock $BASE_ABS/$LOCK"; }
    lock_state "$held"
    if [ -n "$L_STALE" ]; then
      [ "$tries" -lt 10 ] || fail "the lock $BASE_ABS/$LOCK keeps coming back stale ($held)"
      rm -f "$LOCK"
      [ "$L_PID" != 0 ] && rm -f ".pexship/hb.$L_PID"
      say "stale-lock $L_STALE: $held"
      continue
    fi
    clock
    if [ $((NOW - t0)) -ge "$P_LOCK_WAIT" ] || [ "$tries" -gt $((P_LOCK_WAIT * 2 + 10)) ]; then
      say "busy $L_STARTED $L_PID $L_OWNER"
      exit 3
    fi
    sleep 1
  done
}

# Without a fork when current resolves to a directory in releases/ (cd -P and PWD are builtins); readlink
# otherwise (a dangling or hand-made link).
read_current() {
  CURRENT=
  if [ -L current ]; then
    if cd -P releases 2>/dev/null; then
      rc_rel=$PWD
      cd "$BASE_ABS" || fail "cannot enter $BASE_ABS"
      if cd -P current 2>/dev/null; then
        rc_cur=$PWD
        cd "$BASE_ABS" || fail "cannot enter $BASE_ABS"
        case $rc_cur in "$rc_rel"/*/*) ;; "$rc_rel"/*) CURRENT=$<rc_cur#"$rc_rel"/} ;; esac
      fi
    fi
    if [ -z "$CURRENT" ]; then
      CURRENT=$(readlink current)
      CURRENT=$<CURRENT%/}
      CURRENT=$<CURRENT#releases/}
    fi
  elif [ -e current ]; then
    fail "$BASE_ABS/current exists but is not a symlink; move it away, pexship manages current as a symlink"
  fi
}
release_ok() { [ -n "$1" ] && [ -f "releases/$1/release.json" ]; }
# Sets JV to the string or number field $2 of the one-line JSON $1 (its last occurrence; empty if none).
json_get() {
  JV=
  jk="\"$2\":"
  case $1 in *"$jk"*) ;; *) return 0 ;; esac
  JV=$<1##*"$jk"}
  JV=$<JV#\"}
  JV=$<JV%%[\",\}]*}
}
# Sets RJ to releases/$1/release.json (one line) and RF to the PEX's file name it names.
read_release() {
  RJ=
  { read -r RJ < "releases/$1/release.json"; } 2>/dev/null
  json_get "$RJ" file
  RF=$JV
}
# Sets SZ to the size of file $1 in bytes (BSD wc pads it with blanks).
size_of() {
  SZ=$(wc -c < "$1")
  SZ=$((SZ + 0))
}

# The hash is read from stdin: given a file name, sha256sum escapes names with a backslash in its output.
# Sets SUM; false when the host has no tool for it.
sha256_of() {
  if command -v sha256sum >/dev/null 2>&1; then SUM=$(sha256sum < "$1")
  elif command -v shasum >/dev/null 2>&1; then SUM=$(shasum -a 256 < "$1")
  elif command -v sha256 >/dev/null 2>&1; then SUM=$(sha256 -q < "$1")
  elif command -v openssl >/dev/null 2>&1; then SUM=$(openssl dgst -sha256 < "$1"); SUM=$<SUM##*= }
  else return 1; fi
  SUM=$<SUM%% *}
}

# Checks a release's PEX against its release.json (size, and sha256 unless --no-verify); VERIFY_WHY says why not.
verify_release() {
  read_release "$1"
  f=$RF
  if [ -z "$f" ] || [ ! -f "releases/$1/$f" ]; then VERIFY_WHY="releases/$1 has no PEX file (release.json names '$f')"; return 1; fi
  json_get "$RJ" size
  size_of "releases/$1/$f"
  if [ -n "$JV" ] && [ "$SZ" != "$JV" ]; then VERIFY_WHY="releases/$1/$f has $SZ bytes, its release.json says $JV"; return 1; fi
  [ "$P_VERIFY" = 1 ] || return 0
  json_get "$RJ" sha256
  sha256_of "releases/$1/$f" || { VERIFY_WHY="no sha256sum, shasum or openssl on the host to verify releases/$1/$f (or pass --no-verify)"; return 1; }
  if [ "$SUM" != "$JV" ]; then VERIFY_WHY="releases/$1/$f does not match the sha256 in its release.json (the host computed $SUM)"; return 1; fi
  return 0
}

# The release to roll back to: the one that was current before current became current, from history.
rollback_target() {
  TARGET=
  [ -n "$CURRENT" ] || { WHY="no current release to roll back from"; return 1; }
  # The last line that made current current (history lines name the release before the outcome).
  line=$(sed -n "/\"release\":\"$CURRENT\".*\"outcome\":\"ok\"/h;\$<x;p;}" .pexship/history.jsonl 2>/dev/null)
  if [ -n "$line" ]; then
    json_get "$line" previous
    TARGET=$JV
    [ -n "$TARGET" ] || { WHY="no release before $CURRENT: it was the first one deployed here (.pexship/history.jsonl)"; return 1; }
    release_ok "$TARGET" || { WHY="the release before $CURRENT, $TARGET (.pexship/history.jsonl), is no longer on this host; pick one with --to"; return 1; }
    return 0
  fi
  # No history for current (a layout from before history was kept): the newest good release before it.
  TARGET=$(ls -1 releases 2>/dev/null | sort | {
    b=
    while IFS= read -r id; do
      [ "$id" = "$CURRENT" ] && break
      release_ok "$id" && [ ! -e "releases/$id/.failed" ] && b=$id
    done
    printf '%s' "$b"
  })
  [ -n "$TARGET" ] || { WHY="no release before $CURRENT on this host to roll back to"; return 1; }
}

# Points current at releases/$1 (or removes it for ""): a new relative symlink renamed over the old one, so
# readers see the old or the new target, never nothing. Plain mv onto a symlink to a directory would move
# INTO it, and BusyBox's ln -sfn is unlink + symlink, so: mv -T (GNU, recent BusyBox), else rename(2) via
# python3 or perl. Whatever ran, the result is checked: a mv that moved into the old release leaves current
# untouched and fails here.
swap_to() {
  if [ -z "$1" ]; then rm -f current; return $?; fi
  tmp="current.tmp-$$"
  rm_any "$tmp"
  ln -s "releases/$1" "$tmp" || return 1
  # mv -T renames or fails: nothing to check after it.
  if mv -T -f "$tmp" current 2>/dev/null; then return 0; fi
  if [ -L "$tmp" ] && command -v python3 >/dev/null 2>&1; then
    python3 -c 'import os, sys; os.replace(sys.argv[1], sys.argv[2])' "$tmp" current
  elif [ -L "$tmp" ] && command -v perl >/dev/null 2>&1; then
    perl -e 'rename($ARGV[0], $ARGV[1]) or die "rename: $!\n"' "$tmp" current
  else
    echo "no atomic rename on this host: need mv -T, python3 or perl" >&2
  fi
  rm -f "$tmp"
  [ "$(readlink current)" = "releases/$1" ]
}

# Sets J to $1 escaped for a JSON string; without a fork in the usual case (nothing to escape).
json_safe() {
  case $1 in
    *[\"\\]*) J=$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g') ;;
    *) J=$1 ;;
  esac
}

# Sets ISO to the clock's time in UTC, as date -u +%Y-%m-%dT%H:%M:%SZ prints it (the days-to-civil-date
# arithmetic of H. Hinnant's chrono algorithms), without a fork.
iso_now() {
  clock
  i_s=$((NOW % 86400))
  i_z=$((NOW / 86400 + 719468))
  i_era=$((i_z / 146097))
  i_doe=$((i_z - i_era * 146097))
  i_yoe=$(((i_doe - i_doe / 1460 + i_doe / 36524 - i_doe / 146096) / 365))
  i_doy=$((i_doe - (365 * i_yoe + i_yoe / 4 - i_yoe / 100)))
  i_mp=$(((5 * i_doy + 2) / 153))
  i_d=$((i_doy - (153 * i_mp + 2) / 5 + 1))
  i_m=$((i_mp < 10 ? i_mp + 3 : i_mp - 9))
  i_y=$((i_yoe + i_era * 400 + (i_m <= 2)))
  set -- $i_m $i_d $((i_s / 3600)) $((i_s / 60 % 60)) $((i_s % 60))
  i_p=
  for i_v; do
    [ "$i_v" -lt 10 ] && i_v=0$i_v
    i_p="$i_p $i_v"
  done
  set -- $i_p
  ISO=$i_y-$1-$2T$3:$4:$5Z
}

# The user's name (P_BY) is made of safe characters; release ids may come from a hand-made directory.
log_history() {
  json_safe "$TARGET"
  h_target=$J
  json_safe "$PREV"
  iso_now
  printf '{"at":"%s","action":"%s","release":"%s","previous":"%s","outcome":"%s","by":"%s","run":"%s"}\n' \
    "$ISO" "$P_MODE" "$h_target" "$J" "$1" "$P_BY" "$P_RUN" \
    >> .pexship/history.jsonl || say "warning could not append to $BASE_ABS/.pexship/history.jsonl"
}

set_env() {
  PEXSHIP_RELEASE=$1
  PEXSHIP_PEX=
  if [ -n "$1" ]; then read_release "$1"; PEXSHIP_PEX=$BASE_ABS/releases/$1/$RF; fi
  PEXSHIP_PREVIOUS=$2
  export PEXSHIP_RELEASE PEXSHIP_PEX PEXSHIP_PREVIOUS
}

# --restart, bounded by what is left of --command-timeout.
run_restart() {
  [ -n "$P_RESTART" ] || return 0
  say "restart"
  bounded "$(left)" run_cmd "$P_RESTART" >&2
  rc=$?
  [ "$rc" = 124 ] && echo "the restart command was stopped: it ran past --command-timeout" >&2
  return "$rc"
}

# One probe of the health URL. The URL (it may hold a password) reaches curl on stdin and python3 through
# its environment, never an argv. No 'wget -T' (BusyBox 1.35 crashes on it): 'bounded' stops a slow wget.
fetch_url() {
  if command -v curl >/dev/null 2>&1; then
    printf 'url = "%s"\n' "$(printf '%s' "$P_HEALTH_URL" | sed 's/[\\"]/\\&/g')" | curl -fsS -o /dev/null --max-time "$1" -K -
  elif command -v python3 >/dev/null 2>&1; then
    PEXSHIP_URL=$P_HEALTH_URL PEXSHIP_T=$1 python3 -c '
import base64, os, urllib.parse, urllib.request
u = urllib.parse.urlsplit(os.environ["PEXSHIP_URL"])
host = u.hostname or ""
netloc = ("[%s]" % host if ":" in host else host) + (":%d" % u.port if u.port else "")
req = urllib.request.Request(urllib.parse.urlunsplit(u._replace(netloc=netloc)))
if u.username is not None:
    cred = "%s:%s" % (urllib.parse.unquote(u.username), urllib.parse.unquote(u.password or ""))
    req.add_header("Authorization", "Basic " + base64.b64encode(cred.encode()).decode())
urllib.request.urlopen(req, timeout=float(os.environ["PEXSHIP_T"]))'
  elif command -v wget >/dev/null 2>&1; then
    hp=$<P_HEALTH_URL#*://}
    case $<hp%%/*} in
      *@*) echo "the health URL holds a password and only wget is on the host, which would show it to every user in ps; install curl or python3" >&2; return 2 ;;
    esac
    wget -q -O /dev/null "$P_HEALTH_URL"
  else echo "no curl, python3 or wget on the host to poll the health URL" >&2; return 1; fi
}

# Retries every second until it passes or --health-timeout is spent; each try is bounded too (the URL by
# --probe-timeout). HEALTH_WHY says what failed last.
health_check() {
  [ -n "$P_HEALTH_CMD$P_HEALTH_URL" ] || return 0
  say "health"
  h_end=$(( $(now) + P_HEALTH_TIMEOUT ))
  [ "$h_end" -le "$DEADLINE" ] || h_end=$DEADLINE
  while :; do
    HEALTH_WHY=
    h_left=$((h_end - $(now)))
    [ "$h_left" -ge 1 ] || h_left=1
    if [ -n "$P_HEALTH_CMD" ]; then
      bounded "$h_left" run_cmd "$P_HEALTH_CMD" >&2
      rc=$?
      if [ "$rc" = 124 ]; then HEALTH_WHY="health-check command did not finish within $P_HEALTH_TIMEOUT s (--health-timeout)"
      elif [ "$rc" != 0 ]; then HEALTH_WHY="health-check command exited $rc"; fi
    fi
    if [ -z "$HEALTH_WHY" ] && [ -n "$P_HEALTH_URL" ]; then
      p=$P_PROBE_TIMEOUT
      [ "$p" -le "$h_left" ] || p=$h_left
      bounded "$p" fetch_url "$p" >&2
      rc=$?
      if [ "$rc" = 124 ]; then HEALTH_WHY="health URL $P_HEALTH_URL_SHOWN did not answer within $p s (--probe-timeout)"
      elif [ "$rc" != 0 ]; then HEALTH_WHY="health URL $P_HEALTH_URL_SHOWN did not answer with success"; fi
    fi
    [ -z "$HEALTH_WHY" ] && return 0
    [ "$(now)" -ge "$h_end" ] && return 1
    sleep 1
  done
}

# The client left before confirming a switched deploy: switch back (only while holding the lock).
abandon() {
  SWITCHED=0
  touch "releases/$TARGET/.failed" 2>/dev/null
  if owns_lock && swap_to "$PREV"; then
    say "reverted $PREV"
    if [ -n "$PREV" ]; then set_env "$PREV" "$TARGET"; run_restart || say "warning restart after switching back failed"; fi
    log_history abandoned
  else
    log_history abandoned-lost-lock
  fi
}

# Release ids sort by time, as the glob does (LC_ALL=C): all but the $P_KEEP last go.
prune() {
  n=0
  for d in releases/*/; do [ -d "$d" ] && n=$((n + 1)); done
  i=0
  for d in releases/*/; do
    [ -d "$d" ] || continue
    i=$((i + 1))
    [ $((n - i)) -lt "$P_KEEP" ] && break
    id=$<d#releases/}
    id=$<id%/}
    [ "$id" = "$TARGET" ] && continue
    [ "$id" = "$PREV" ] && continue
    rm -rf "releases/$id" && say "pruned $id"
  done
}

if [ "$P_MODE" = unlock ]; then
  if held=$(readlink "$LOCK" 2>/dev/null); then
    lock_state "$held"
    rm -f "$LOCK"
    [ "$L_PID" != 0 ] && rm -f ".pexship/hb.$L_PID"
    say "unlocked $(lock_word) $held"
  elif [ -e "$LOCK" ]; then
    fail "$BASE_ABS/$LOCK is not a pexship lock (those are symlinks); look at it and remove it by hand"
  else
    say "unlocked none"
  fi
  exit 0
fi

if [ "$P_MODE" = list ]; then
  read_current
  say "current $CURRENT"
  if held=$(readlink "$LOCK" 2>/dev/null); then
    lock_state "$held"
    say "lock $<L_RUN:--} $(lock_word) $held"
  fi
  line=$(grep "\"run\":\"$P_RUN\"" .pexship/history.jsonl 2>/dev/null | tail -n 1)
  [ -n "$line" ] && say "outcome $(printf '%s\n' "$line" | sed -n 's/.*"outcome":"\([^"]*\)".*/\1/p')"
  if rollback_target; then say "rollback-target $TARGET"; fi
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
  start_reader
  take_lock
  say "locked $$"
  read_current
  # Whatever is in incoming/ belongs to a deploy that died: we hold the lock.
  rm_any .pexship/incoming/* .pexship/incoming/.[!.]*
  REUSE=
  for d in releases/*/; do
    [ -f "$<d}release.json" ] || continue
    id=$<d#releases/}
    id=$<id%/}
    read_release "$id"
    case $RJ in *"\"sha256\":\"$P_SHA\""*) ;; *) continue ;; esac
    if [ -n "$RF" ] && [ -f "releases/$id/$RF" ]; then
      size_of "releases/$id/$RF"
      [ "$SZ" = "$P_SIZE" ] && REUSE=$id REUSE_FILE=$RF
    fi
  done
  say "current $CURRENT"
  PREV=$CURRENT
  if [ -n "$REUSE" ]; then
    say "reuse $REUSE"
    TARGET=$REUSE
    PEX=$BASE_ABS/releases/$TARGET/$REUSE_FILE
    [ -e "releases/$TARGET/.failed" ] && rm -f "releases/$TARGET/.failed"
  else
    INCOMING=$BASE_ABS/.pexship/incoming/$P_ID.$$
    [ -d .pexship/incoming ] || err=$(mkdir .pexship/incoming 2>&1) || fail "cannot create $BASE_ABS/.pexship/incoming: $err"
    err=$(mkdir "$INCOMING" 2>&1) || { INCOMING=; fail "cannot create $BASE_ABS/.pexship/incoming/$P_ID.$$: $err"; }
    say "incoming $INCOMING/$P_NAME.pex"
    wait_ctl uploaded || exit 1
    TARGET=$P_ID
    F=$INCOMING/$P_NAME.pex
    [ -f "$F" ] || fail "the upload did not arrive at $F"
    size_of "$F"
    [ "$SZ" = "$P_SIZE" ] || fail "size mismatch after upload: the host has $SZ bytes, expected $P_SIZE"
    sha256_of "$F" || fail "no sha256sum, shasum, sha256 or openssl on the host to verify the upload"
    [ "$SUM" = "$P_SHA" ] || fail "sha256 mismatch after upload: the host computed $SUM, expected $P_SHA"
    chmod 755 "$F" || fail "cannot make $F executable"
    err=$( (printf '%s\n' "$P_RELEASE_JSON" > "$INCOMING/release.json") 2>&1) || fail "cannot write release.json: $err"
    if [ -e "releases/$TARGET" ]; then
      [ "$TARGET" = "$CURRENT" ] && fail "releases/$TARGET is current but has no valid release.json; remove it by hand"
      rm -rf "releases/$TARGET"
    fi
    err=$(mv "$INCOMING" "releases/$TARGET" 2>&1) || fail "cannot move the upload into releases/$TARGET: $err"
    INCOMING=
    say "stored $TARGET"
    PEX=$BASE_ABS/releases/$TARGET/$P_NAME.pex
  fi
  if [ "$TARGET" = "$CURRENT" ]; then
    say "unchanged $TARGET"
    log_history unchanged
    say "done $TARGET"
    exit 0
  fi
  # A wave already stopped (another host failed) need not wait for the pre-warm.
  ctl_seen go
  [ $? = 1 ] && fail "not switched: $GONE"
  if [ "$P_PREWARM" = 1 ]; then
    say "prewarm"
    prewarm_run() { exec 3<&-; cd "releases/$TARGET" && PEX_INTERPRETER=1 exec "$PEX" -c ''; }
    bounded "$(left)" prewarm_run >&2
    rc=$?
    if [ "$rc" != 0 ]; then
      touch "releases/$TARGET/.failed"
      log_history prewarm-failed
      [ "$rc" = 124 ] && fail "pre-warm did not finish within --command-timeout (nothing was switched)"
      fail "pre-warm failed: running $PEX with PEX_INTERPRETER=1 exited $rc (nothing was switched; is the PEX built for this host's platform and Python?)"
    fi
  fi
  # Staged: the release is stored, verified and warm. The switch waits for the client's go, which comes
  # once every host of the wave is staged; a stop (or a client gone) leaves current untouched.
  say "ready $TARGET"
  if [ "$P_WAIT_GO" = 1 ]; then wait_ctl go || fail "not switched: $GONE"; fi
  may_switch
  swap_to "$TARGET" || fail "could not switch current to releases/$TARGET"
  SWITCHED=1
  say "switched $PREV"
  set_env "$TARGET" "$PREV"
  WHY=
  run_restart || WHY="restart command exited $?"
  [ "$WHY" = "restart command exited 124" ] && WHY="restart command ran past --command-timeout"
  if [ -z "$WHY" ]; then health_check || WHY=$HEALTH_WHY; fi
  if [ -n "$WHY" ]; then
    SWITCHED=0
    touch "releases/$TARGET/.failed"
    if owns_lock && swap_to "$PREV"; then
      say "reverted $PREV"
      if [ -n "$PREV" ]; then set_env "$PREV" "$TARGET"; run_restart || say "warning restart after switching back failed"; fi
      log_history failed
      fail "$WHY; switched back to $<PREV:-no release}"
    fi
    log_history failed
    fail "$WHY; switching back to $<PREV:-no release} ALSO failed: current still points at $TARGET"
  fi
  # Healthy: the deploy counts once the client confirms it; a client gone by now makes the host go back.
  say "confirm $TARGET"
  if [ "$P_WAIT_GO" = 1 ]; then wait_ctl commit || exit 1; fi
  SWITCHED=0
  prune
  log_history ok
  say "done $TARGET"
  exit 0
fi

if [ "$P_MODE" = rollback ]; then
  start_reader
  take_lock
  say "locked $$"
  read_current
  PREV=$CURRENT
  if [ -n "$P_ONLY_FROM" ] && [ "$CURRENT" != "$P_ONLY_FROM" ]; then
    # Undoing a deploy that never switched this host (or that the host already reverted): nothing to do.
    say "current $CURRENT"
    say "target $CURRENT"
    wait_go
    say "done $CURRENT"
    exit 0
  fi
  if [ "$P_TO_NONE" = 1 ]; then
    TARGET=
  elif [ -n "$P_TO" ]; then
    TARGET=$P_TO
    release_ok "$TARGET" || fail "release $TARGET is not on this host (see 'pexship releases')"
  else
    rollback_target || fail "$WHY"
  fi
  if [ -n "$TARGET" ] && [ "$TARGET" != "$CURRENT" ]; then
    verify_release "$TARGET" || fail "cannot roll back to $TARGET: $VERIFY_WHY"
  fi
  say "current $CURRENT"
  say "target $TARGET"
  wait_go
  if [ "$TARGET" = "$CURRENT" ]; then log_history unchanged; say "done $TARGET"; exit 0; fi
  may_switch
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
