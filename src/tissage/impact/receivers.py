"""Keeps the tie ledger up to date: the activities app says when who worked together may have
changed, and deletions (also those that cascade from a session, an edition or a person) are
followed with ``pre_delete``, while the rows are still there to say which ties they touched."""

from django.db.models.signals import pre_delete
from django.dispatch import receiver

from tissage.activities.models import Activity
from tissage.activities.signals import activity_people_changed, attendance_changed
from tissage.people.models import Person

from .domain.ledger import ledger_is_paused, ties_recompute, ties_recompute_collaboration


@receiver(activity_people_changed, dispatch_uid="impact.activity_people_changed")
def _activity_people_changed(sender, *, activity, **kwargs) -> None:
    if not ledger_is_paused():
        ties_recompute(activity=activity)


@receiver(attendance_changed, dispatch_uid="impact.attendance_changed")
def _attendance_changed(sender, *, person_id, session_id, **kwargs) -> None:
    if ledger_is_paused():
        return
    for activity in Activity.objects.filter(
        session_id=session_id, members__person_id=person_id
    ).select_related("session", "edition"):
        ties_recompute(activity=activity)


@receiver(pre_delete, sender=Activity, dispatch_uid="impact.activity_deleted")
def _activity_deleted(sender, *, instance, **kwargs) -> None:
    if not ledger_is_paused():
        ties_recompute(activity=instance, removed=True)


@receiver(pre_delete, sender=Person, dispatch_uid="impact.person_deleted")
def _person_deleted(sender, *, instance, **kwargs) -> None:
    """The person's ties go with them; the others in their activities and collaborations now
    shared the time in a smaller group, so those are recomputed without them."""
    if ledger_is_paused():
        return
    activities = list(Activity.objects.filter(members__person=instance).select_related("session", "edition"))
    instance.activity_memberships.all().delete()
    for activity in activities:
        ties_recompute(activity=activity)
    for collaboration in list(instance.collaborations.all()):
        collaboration.people.remove(instance)
        ties_recompute_collaboration(collaboration=collaboration)
