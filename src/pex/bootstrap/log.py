"""What the bootstrap tells the user: progress with PEX_VERBOSE, and errors that end the run."""
import sys
import time

_enabled = False
_start = time.time()


class Failure(Exception):
    """An error the user can act on; boot.main turns it into a message and exit code 1."""


def enable(on):
    global _enabled
    _enabled = bool(on)


def info(message):
    if _enabled:
        sys.stderr.write('pexship[%.3fs]: %s\n' % (time.time() - _start, message))
        sys.stderr.flush()


def fail(message):
    sys.stderr.write('pexship: %s\n' % message)
    sys.stderr.flush()
    sys.exit(1)
