import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model

from tissage.core.domain.audit import audit_record
from tissage.core.management.base import TissageCommand


class Command(TissageCommand):
    help = "Make sure a staff login exists (its password is kept in var/), and print it."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="staff")

    def handle(self, *args, username, **options):
        password_file = settings.VAR_DIR / f"{username}-password"
        user_model = get_user_model()
        user = user_model.objects.filter(username=username).first()
        if user is None or not password_file.exists():
            password = secrets.token_urlsafe(9)
            if user is None:
                user = user_model.objects.create_superuser(username=username, email="", password=password)
                audit_record(
                    actor=None, action="user.created", obj=user, changes={"username": [None, username]}
                )
            else:
                user.set_password(password)
                user.save(update_fields=["password"])
                audit_record(actor=None, action="user.password_reset", obj=user)
            settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
            fd = os.open(password_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w") as handle:
                handle.write(password)
        password = password_file.read_text().strip()
        self.stdout.write(f"Staff login: {username} / {password}   (http://127.0.0.1:8000/orga/)")
