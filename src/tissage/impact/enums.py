from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tissage.activities.enums import ActivityKind
from tissage.people.enums import Role

# The activities that train: where the network's trainees learn a trade.
TRAINING_KINDS = (ActivityKind.TRAINING, ActivityKind.CROSSED_WORKSHOP, ActivityKind.RESIDENCY)
# The roles that show a trainee went on to work in music: in the network's staff and crews, or
# running a business of their own.
STAFF_ROLES = (Role.TECHNICIAN, Role.ADMINISTRATOR, Role.COORDINATOR, Role.TEACHING_ARTIST)
LATER_ROLES = (*STAFF_ROLES, Role.ENTREPRENEUR)


class CollaborationKind(models.TextChoices):
    """What people did together outside the programme."""

    TOUR = "tour", _("tour")
    RECORD = "record", _("record")
    COMPANY = "company", _("company co-founded")
    INVITATION = "invitation", _("invitation to another festival")
    PRODUCTION = "production", _("show or creation")
    TEACHING = "teaching", _("teaching together")
    OTHER = "other", _("other collaboration")


# The hours of work together a declared collaboration counts as, before it is shared among its
# people like an activity's hours (docs/impact.md). A tour or a company weighs more than a
# one-off invitation.
COLLABORATION_HOURS = {
    CollaborationKind.TOUR: 24.0,
    CollaborationKind.RECORD: 18.0,
    CollaborationKind.COMPANY: 30.0,
    CollaborationKind.INVITATION: 6.0,
    CollaborationKind.PRODUCTION: 18.0,
    CollaborationKind.TEACHING: 12.0,
    CollaborationKind.OTHER: 6.0,
}


class ContributionSource(models.TextChoices):
    ACTIVITY = "activity", _("shared activity")
    COLLABORATION = "collaboration", _("declared collaboration")


class EnterpriseKind(models.TextChoices):
    LABEL = "label", _("record label")
    STUDIO = "studio", _("recording studio")
    HIRE = "hire", _("sound and light hire")
    PROMOTER = "promoter", _("promoter")
    VENUE = "venue", _("venue")
    AGENCY = "agency", _("agency")
    FESTIVAL = "festival", _("festival")
    OTHER = "other", _("other music business")


class EnterpriseStatus(models.TextChoices):
    ACTIVE = "active", pgettext_lazy("enterprise status", "active")
    DORMANT = "dormant", pgettext_lazy("enterprise status", "dormant")
    CLOSED = "closed", pgettext_lazy("enterprise status", "closed")


class ReportVariant(models.TextChoices):
    FULL = "full", _("full, with names (staff only)")
    AGGREGATE = "aggregate", _("figures only, without names (for funders)")
