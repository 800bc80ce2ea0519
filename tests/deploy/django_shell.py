"""Run Python blocks sent on stdin with Django set up (tests/deploy/stack.py's Shell).

Each block ends with a line `--END--`; the answer is the block's output followed by `--OK--`, or the
traceback followed by `--FAILED--`.
"""

import sys
import traceback

import django

django.setup()
print("READY", flush=True)
while True:
    lines = []
    for line in sys.stdin:
        if line == "--END--\n":
            break
        lines.append(line)
    else:
        break
    try:
        exec("".join(lines), {})  # noqa: S102 - the test's own code
        print("--OK--", flush=True)
    except Exception:
        print(traceback.format_exc(), flush=True)
        print("--FAILED--", flush=True)
