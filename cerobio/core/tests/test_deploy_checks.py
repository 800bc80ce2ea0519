"""`manage.py check --deploy` on the production settings: clean, and it notices when a protection is off.

Runs the real command in a child process with only the environment an operator gives production, so
removing HSTS, https redirects, secure cookies or the like from cerobio/settings/production.py fails
the first test.
"""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def deploy_check(**env) -> subprocess.CompletedProcess:
    base = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", "/tmp"),  # noqa: S108
        "DJANGO_SETTINGS_MODULE": "cerobio.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),  # 80 random characters
        "ALLOWED_HOSTS": "example.org",
        "REDIS_URL": "redis://127.0.0.1:6379/15",  # never connected to by the checks
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_settings_pass_every_deploy_check():
    result = deploy_check(
        STRIPE_SECRET_KEY="sk_test_deploycheck", STRIPE_WEBHOOK_SECRET="whsec_deploycheck"
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNINGS" not in output and "ERRORS" not in output, output
    assert "System check identified no issues (0 silenced)." in output


def test_the_deploy_checks_notice_a_weakened_production():
    """Without Stripe keys, HSTS or the https redirect, each is reported (so the test above can fail)."""
    result = deploy_check(SECURE_HSTS_SECONDS="0", SECURE_SSL_REDIRECT="false")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "security.W004" in output  # no HSTS
    assert "security.W008" in output  # no redirect to https
    assert "cerobio.shop.W001" in output  # payments in test mode
