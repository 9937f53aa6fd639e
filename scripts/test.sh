#!/usr/bin/env bash
# `npm test`: installs what the tests need, type-checks, runs every test, prints one closing line.
set -uo pipefail
cd "$(dirname "$0")/.."

# The deploy tests start real OpenSSH servers on 127.0.0.1, log in with odd shells (tcsh, BusyBox sh) and
# run a host whose tools are all BusyBox's.
if { ! command -v sshd >/dev/null 2>&1 && [ ! -x /usr/sbin/sshd ]; } || [ ! -x /usr/bin/tcsh ] || [ ! -x /bin/busybox ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test: installing openssh-server, tcsh and busybox (needed by the deploy tests)" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openssh-server openssh-client tcsh busybox) >/dev/null \
      || { echo "test: could not install openssh-server, tcsh and busybox with apt-get" >&2; exit 1; }
  else
    echo "test: openssh-server, tcsh or busybox is missing and this is not root: install them (apt-get install openssh-server tcsh busybox), the deploy tests need them" >&2
    exit 1
  fi
fi

npx tsc --noEmit || { echo "test: type check failed"; echo "tests: 0 passed, 1 failed"; exit 1; }

results="$(mktemp -t pexship-test-XXXXXX.json)"
npx vitest run --reporter=default --reporter=json --outputFile="$results" "$@"
status=$?
node scripts/test-summary.mjs "$results" || status=1
rm -f "$results"
exit $status
