"""Permission predicates about people's own data (django-rules), for the participant portal.

Staff rights come from ``tissage.core.rules``; these say that a signed-in participant may see and
change what is about themselves, and nothing else.
"""

import rules


@rules.predicate
def is_own_person(user, person) -> bool:
    """``person`` is the one linked to ``user``'s account."""
    return bool(user and user.is_authenticated and person is not None and person.user_id == user.pk)


@rules.predicate
def is_about_own_person(user, obj) -> bool:
    """``obj`` (a participation, an application, a travel leg …) belongs to ``user``'s own person."""
    person = getattr(obj, "person", None)
    return is_own_person(user, person)
