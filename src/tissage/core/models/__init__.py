from .audit import AuditEntry, AuditLink
from .base import TimeStampedModel

__all__ = ["AuditEntry", "AuditLink", "TimeStampedModel"]
