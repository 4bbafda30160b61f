"""Signals the activities app sends, for other apps (the tie ledger of ``tissage.impact``) to listen to.

They are sent by the domain functions inside their transaction, after the change is written: a
listener that writes too commits or rolls back with the change itself.
"""

from django.dispatch import Signal

# Who worked together in an activity, or when, may have changed: its members were added, removed
# or given another role, or its times, session or edition changed. ``sender`` is the Activity
# class, with the keyword argument ``activity``. A deleted activity sends nothing: listeners
# follow deletions (which also come from deleting a session or an edition) with ``pre_delete``.
activity_people_changed = Signal()

# Whether someone is, or was, present in a session may have changed: a participation was created,
# or its status, person or session changed. ``sender`` is the Participation class, with the
# keyword arguments ``person_id`` and ``session_id`` (sent once for the pair before the change
# when it moved to another person or session, once for the pair after).
attendance_changed = Signal()
