import os
import subprocess
import sys


def deploy_check(tmp_path, **settings: str) -> subprocess.CompletedProcess:
    """`check --deploy` failing on warnings, with the production settings and ``settings`` on top."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tissage.config.settings",
        "TISSAGE_VAR_DIR": str(tmp_path),
        **settings,
    }
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests only
    if "TISSAGE_HTTPS" not in settings:
        env.pop("TISSAGE_HTTPS", None)
    return subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_settings_pass_the_deployment_checks(tmp_path):
    result = deploy_check(tmp_path, TISSAGE_HTTPS="1", TISSAGE_ALLOWED_HOSTS="tissage.example.org")
    assert result.returncode == 0, result.stdout + result.stderr


def test_without_https_the_checks_say_what_is_missing(tmp_path):
    result = deploy_check(tmp_path)
    assert result.returncode == 1
    assert "SECURE_HSTS_SECONDS" in result.stderr + result.stdout
