"""Who may see a piece of someone's logistics: staff, and in the participant portal the person it is
about (``logistics.view_own_travelleg`` …), through the people app's own-person predicate."""

import rules

from tissage.core.rules import STAFF_ONLY
from tissage.people.rules import is_own_person


def _participation_of(obj):
    if hasattr(obj, "case"):
        obj = obj.case
    return getattr(obj, "participation", None)


@rules.predicate
def is_own_logistics(user, obj) -> bool:
    """``obj`` (a travel leg, a visa case or one of its documents, a stay, a per diem) is about
    ``user``'s own person."""
    participation = _participation_of(obj)
    return is_own_person(user, participation.person if participation is not None else None)


# Staff manage everything; a participant sees their own.
STAFF_OR_OWN = {**STAFF_ONLY, "view_own": is_own_logistics}
