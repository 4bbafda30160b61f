from .activities import Activity, ActivityMember
from .participations import Participation

__all__ = ["Activity", "ActivityMember", "Participation"]
