import os
import subprocess
import sys


def test_production_settings_pass_the_deployment_checks(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tissage.config.settings",
        "TISSAGE_VAR_DIR": str(tmp_path),
        "TISSAGE_HTTPS": "1",
        "TISSAGE_ALLOWED_HOSTS": "tissage.example.org",
    }
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests only
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_without_https_the_checks_say_what_is_missing(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tissage.config.settings",
        "TISSAGE_VAR_DIR": str(tmp_path),
    }
    env.pop("DATABASE_URL", None)
    env.pop("TISSAGE_HTTPS", None)
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "SECURE_HSTS_SECONDS" in result.stderr + result.stdout
