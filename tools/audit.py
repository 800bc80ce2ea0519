"""Run pip-audit over the locked runtime packages and judge the result.

A known vulnerability always fails. A package that could not be checked (PyPI's advisory data
unreachable) fails too, unless AUDIT_UNREACHABLE_OK=1: then it is reported loudly as a warning
and the audit passes. CI sets that on the build machines, whose network reaches PyPI's package
files but not its per-version advisory pages (docs/security.md); an operator's `make audit`
stays strict.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

VENV_BIN = Path(sys.executable).parent


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "audit.json"
        subprocess.run(  # noqa: S603 (fixed arguments)
            [str(VENV_BIN / "pip-audit"), "--disable-pip", "--progress-spinner", "off", "-r",
             "requirements/base.lock", "-f", "json", "-o", str(report)],
            check=False,
        )
        if not report.exists():
            print("make audit FAILED: pip-audit produced no report (see above).", file=sys.stderr)
            return 1
        data = json.loads(report.read_text())
    deps = data.get("dependencies", [])
    vulnerable = [d for d in deps if d.get("vulns")]
    skipped = [d for d in deps if "skip_reason" in d]
    checked = len(deps) - len(skipped)
    for dep in vulnerable:
        ids = ", ".join(v["id"] for v in dep["vulns"])
        print(f"VULNERABLE {dep['name']} {dep.get('version', '')}: {ids}", file=sys.stderr)
    print(f"pip-audit: {checked} packages checked, {len(vulnerable)} with known vulnerabilities, {len(skipped)} not checked.")
    if vulnerable:
        print("make audit FAILED: upgrade the packages above (make lock) or record why not.", file=sys.stderr)
        return 1
    if skipped:
        reason = skipped[0].get("skip_reason", "")
        message = f"{len(skipped)} packages could not be checked ({reason[:160]})"
        if os.environ.get("AUDIT_UNREACHABLE_OK") == "1":
            print(f"WARNING: {message}. Passing because AUDIT_UNREACHABLE_OK=1; run `make audit` where PyPI's advisory data is reachable.", file=sys.stderr)
            return 0
        print(f"make audit FAILED: {message}.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
