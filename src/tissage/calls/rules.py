"""Who may see and review a call's applications (django-rules predicates).

Staff see everything; a reviewer sees only the calls they are assigned to, and what belongs to them.
"""

import rules

from tissage.core.rules import is_network_staff


def _call_of(obj):
    """The call an object belongs to: the call itself, an application's, a review's or a file's."""
    for path in ("call", "application.call"):
        target = obj
        for name in path.split("."):
            target = getattr(target, name, None)
        if target is not None:
            return target
    return obj


@rules.predicate
def is_call_reviewer(user, obj=None) -> bool:
    """``user`` reviews the call ``obj`` belongs to; without an object: reviews some call."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    if obj is None:
        return user.reviewed_calls.exists()
    return _call_of(obj).reviewers.filter(pk=user.pk).exists()


@rules.predicate
def is_own_review(user, review) -> bool:
    return review is not None and review.reviewer_id == user.pk


STAFF_OR_REVIEWER = is_network_staff | is_call_reviewer
