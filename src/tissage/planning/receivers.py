"""Someone who no longer takes part in a session leaves a hole in its plans: the plans that place
them are marked as needing repair. Logistics say so when they withdraw someone (a refused visa),
with the reason; the activities app whenever a participation's answer changes (a decline)."""

from django.dispatch import receiver

from tissage.activities.signals import attendance_changed
from tissage.logistics.signals import participation_withdrawn

from .domain.plans import plans_mark_for_repair


@receiver(participation_withdrawn, dispatch_uid="planning.participation_withdrawn")
def _participation_withdrawn(sender, *, participation, reason="", actor=None, **kwargs) -> None:
    plans_mark_for_repair(
        actor=actor, person_id=participation.person_id, session_id=participation.session_id, reason=reason
    )


@receiver(attendance_changed, dispatch_uid="planning.attendance_changed")
def _attendance_changed(sender, *, person_id, session_id, **kwargs) -> None:
    plans_mark_for_repair(actor=None, person_id=person_id, session_id=session_id)
