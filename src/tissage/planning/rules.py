"""Who may do what with plans: staff see, make and change them; publishing (which writes the
session's activities) is a permission of its own, ``planning.publish_plan``, so that it can be
given to fewer people."""

from tissage.core.rules import STAFF_ONLY, is_network_staff

PLAN_RULES = {**STAFF_ONLY, "publish": is_network_staff}
