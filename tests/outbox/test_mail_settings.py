"""Where the outbox's mail goes: the console by default, files or SMTP by setting."""

import json
import os
import subprocess
import sys

import pytest

from tissage.outbox.domain.messages import message_queue
from tissage.outbox.enums import MessageStatus

SIGN_IN = {"name": "Ksenia", "portal_url": "https://tissage.example/link/abc/", "link_minutes": 60}
MAIL_SETTINGS = (
    "EMAIL_BACKEND",
    "EMAIL_HOST",
    "EMAIL_PORT",
    "EMAIL_HOST_USER",
    "EMAIL_USE_TLS",
    "EMAIL_USE_SSL",
    "EMAIL_TIMEOUT",
)


def mail_settings(tmp_path, **variables) -> dict:
    """The production settings' mail configuration under these environment variables."""
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("TISSAGE_EMAIL")},
        "DJANGO_SETTINGS_MODULE": "tissage.config.settings",
        "TISSAGE_VAR_DIR": str(tmp_path),
        **variables,
    }
    script = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{name: getattr(settings, name) for name in {MAIL_SETTINGS!r}}}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def test_mail_goes_to_the_console_by_default(tmp_path):
    assert mail_settings(tmp_path)["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"


def test_an_smtp_host_sends_mail_by_smtp_with_starttls(tmp_path):
    configured = mail_settings(
        tmp_path,
        TISSAGE_EMAIL_HOST="smtp.example.org",
        TISSAGE_EMAIL_USER="tissage",
        TISSAGE_EMAIL_TIMEOUT="10",
    )
    assert configured == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "smtp.example.org",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "tissage",
        "EMAIL_USE_TLS": True,
        "EMAIL_USE_SSL": False,
        "EMAIL_TIMEOUT": 10,
    }


def test_implicit_tls_turns_starttls_off(tmp_path):
    configured = mail_settings(
        tmp_path, TISSAGE_EMAIL_HOST="smtp.example.org", TISSAGE_EMAIL_PORT="465", TISSAGE_EMAIL_SSL="1"
    )
    assert (configured["EMAIL_PORT"], configured["EMAIL_USE_SSL"], configured["EMAIL_USE_TLS"]) == (
        465,
        True,
        False,
    )


@pytest.mark.django_db
def test_the_file_backend_writes_each_message_sent(settings, tmp_path):
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path)
    message = message_queue(
        actor=None,
        to="ksenia@example.ru",
        name="Ksenia Orlova",
        language="ru",
        template_key="portal_sign_in",
        context=SIGN_IN,
    )
    assert message.status == MessageStatus.SENT
    (written,) = tmp_path.iterdir()
    content = written.read_text()
    assert "To: Ksenia Orlova <ksenia@example.ru>" in content
    assert "https://tissage.example/link/abc/" in content
