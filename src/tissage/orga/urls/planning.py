"""The crossed-workshop planner: a session's and a programme's planner, the runs, the plans and what
staff do with them."""

from django.urls import path

from ..views import planning

urlpatterns = [
    path("sessions/<int:pk>/planner/", planning.SessionPlannerView.as_view(), name="planning-session"),
    path(
        "programmes/<slug:slug>/planner/", planning.ProgrammePlannerView.as_view(), name="planning-programme"
    ),
    path("planner/runs/<int:pk>/", planning.PlanningJobView.as_view(), name="planning-job"),
    path("plans/compare/", planning.PlanCompareView.as_view(), name="plan-compare"),
    path("plans/<int:pk>/", planning.PlanDetailView.as_view(), name="plan-detail"),
    path("plans/<int:pk>/move/", planning.PlanMoveView.as_view(), name="plan-move"),
    path("plans/<int:pk>/lock/", planning.PlanLockView.as_view(), name="plan-lock"),
    path("plans/<int:pk>/resolve/", planning.PlanResolveView.as_view(), name="plan-resolve"),
    path("plans/<int:pk>/repair/", planning.PlanRepairView.as_view(), name="plan-repair"),
    path("plans/<int:pk>/take/", planning.PlanTakeSessionView.as_view(), name="plan-take-session"),
    path("plans/<int:pk>/publish/", planning.PlanPublishView.as_view(), name="plan-publish"),
    path("plans/<int:pk>/unpublish/", planning.PlanUnpublishView.as_view(), name="plan-unpublish"),
]
