from .festivals import Edition, Festival
from .hubs import Hub, Room, Venue
from .programmes import CohortMember, Programme, Session

__all__ = ["CohortMember", "Edition", "Festival", "Hub", "Programme", "Room", "Session", "Venue"]
