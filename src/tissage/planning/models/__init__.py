from .plans import Plan, PlanGroup, PlanMember

__all__ = ["Plan", "PlanGroup", "PlanMember"]
