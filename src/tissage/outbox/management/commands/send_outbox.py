from django.core.management.base import BaseCommand

from tissage.outbox.domain.messages import messages_send_due


class Command(BaseCommand):
    help = (
        "Send the outbox messages that are due (new ones, and failed attempts whose delay has passed). "
        "A worker does this by itself; without one, run this command from cron."
    )

    def handle(self, *args, **options):
        outcomes = messages_send_due()
        if not outcomes:
            self.stdout.write("No message is due.")
            return
        self.stdout.write(", ".join(f"{status}: {count}" for status, count in sorted(outcomes.items())))
