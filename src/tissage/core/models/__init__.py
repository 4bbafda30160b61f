from .audit import AuditEntry, AuditLink
from .base import TimeStampedModel
from .jobs import FINISHED_STATUSES, Job, JobStatus

__all__ = ["FINISHED_STATUSES", "AuditEntry", "AuditLink", "Job", "JobStatus", "TimeStampedModel"]
