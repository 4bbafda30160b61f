"""Permission predicates shared by every app (django-rules).

Models declare their permissions in ``Meta.rules_permissions`` with these predicates; views
check them through ``PermissionRequiredMixin``, so one declaration governs every path.
"""

import rules


@rules.predicate
def is_network_staff(user) -> bool:
    return bool(user and user.is_active and user.is_staff)


@rules.predicate
def is_published(user, obj) -> bool:
    return bool(obj is not None and getattr(obj, "is_published", False))


STAFF_ONLY = {
    "view": is_network_staff,
    "add": is_network_staff,
    "change": is_network_staff,
    "delete": is_network_staff,
}


# The audit log is written by the domain functions only; staff read and search it.
rules.add_perm("core.view_auditentry", is_network_staff)
