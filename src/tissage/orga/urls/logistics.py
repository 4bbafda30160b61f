"""Travel & money: journeys, visas, accommodation, per diems, fees, budgets and exchange rates."""

from django.urls import path

from ..views import logistics, logistics_housing, logistics_money, logistics_travel, logistics_visas

urlpatterns = [
    path("logistics/", logistics.LogisticsHomeView.as_view(), name="logistics"),
    path("sessions/<int:pk>/ready/", logistics.SessionReadyView.as_view(), name="logistics-ready"),
    path("sessions/<int:pk>/rooming/", logistics.SessionRoomingView.as_view(), name="logistics-rooming"),
    path(
        "participations/<int:pk>/logistics/",
        logistics.ParticipationLogisticsView.as_view(),
        name="logistics-participation",
    ),
    path("travel/new/", logistics_travel.TravelLegCreateView.as_view(), name="travel-leg-create"),
    path("travel/<int:pk>/edit/", logistics_travel.TravelLegUpdateView.as_view(), name="travel-leg-update"),
    path("travel/<int:pk>/delete/", logistics_travel.TravelLegDeleteView.as_view(), name="travel-leg-delete"),
    path("visa-rules/", logistics_visas.VisaRuleListView.as_view(), name="visa-rule-list"),
    path("visa-rules/new/", logistics_visas.VisaRuleCreateView.as_view(), name="visa-rule-create"),
    path("visa-rules/<int:pk>/edit/", logistics_visas.VisaRuleUpdateView.as_view(), name="visa-rule-update"),
    path("visas/", logistics_visas.VisaCaseListView.as_view(), name="visa-case-list"),
    path(
        "participations/<int:pk>/visa/open/",
        logistics_visas.VisaCaseOpenView.as_view(),
        name="visa-case-open",
    ),
    path("visas/<int:pk>/", logistics_visas.VisaCaseDetailView.as_view(), name="visa-case-detail"),
    path("visas/<int:pk>/edit/", logistics_visas.VisaCaseUpdateView.as_view(), name="visa-case-update"),
    path("visas/<int:pk>/step/", logistics_visas.VisaCaseStepView.as_view(), name="visa-case-step"),
    path("visas/<int:pk>/decide/", logistics_visas.VisaCaseDecideView.as_view(), name="visa-case-decide"),
    path(
        "visas/<int:pk>/documents/new/",
        logistics_visas.VisaDocumentAddView.as_view(),
        name="visa-document-add",
    ),
    path("visas/<int:pk>/letter/", logistics_visas.VisaLetterView.as_view(), name="visa-case-letter"),
    path("visa-documents/<int:pk>/", logistics_visas.VisaDocumentView.as_view(), name="visa-document"),
    path("letters/", logistics_visas.LetterTemplateListView.as_view(), name="letter-template-list"),
    path("letters/new/", logistics_visas.LetterTemplateCreateView.as_view(), name="letter-template-create"),
    path(
        "letters/<int:pk>/edit/",
        logistics_visas.LetterTemplateUpdateView.as_view(),
        name="letter-template-update",
    ),
    path("accommodation/", logistics_housing.PlaceListView.as_view(), name="place-list"),
    path("accommodation/new/", logistics_housing.PlaceCreateView.as_view(), name="place-create"),
    path("accommodation/<int:pk>/", logistics_housing.PlaceDetailView.as_view(), name="place-detail"),
    path("accommodation/<int:pk>/edit/", logistics_housing.PlaceUpdateView.as_view(), name="place-update"),
    path(
        "accommodation/<int:pk>/bedrooms/new/",
        logistics_housing.BedroomCreateView.as_view(),
        name="bedroom-create",
    ),
    path("stays/new/", logistics_housing.StayCreateView.as_view(), name="stay-create"),
    path("stays/<int:pk>/edit/", logistics_housing.StayUpdateView.as_view(), name="stay-update"),
    path("stays/<int:pk>/delete/", logistics_housing.StayDeleteView.as_view(), name="stay-delete"),
    path("per-diem-rates/", logistics_money.PerDiemRateListView.as_view(), name="per-diem-rate-list"),
    path("per-diem-rates/new/", logistics_money.PerDiemRateCreateView.as_view(), name="per-diem-rate-create"),
    path(
        "per-diem-rates/<int:pk>/edit/",
        logistics_money.PerDiemRateUpdateView.as_view(),
        name="per-diem-rate-update",
    ),
    path("participations/<int:pk>/per-diem/", logistics_money.PerDiemSetView.as_view(), name="per-diem-set"),
    path("fees/new/", logistics_money.FeeCreateView.as_view(), name="fee-create"),
    path("fees/<int:pk>/edit/", logistics_money.FeeUpdateView.as_view(), name="fee-update"),
    path("fees/<int:pk>/delete/", logistics_money.FeeDeleteView.as_view(), name="fee-delete"),
    path("budgets/", logistics_money.BudgetListView.as_view(), name="budget-list"),
    path("budgets/new/", logistics_money.BudgetCreateView.as_view(), name="budget-create"),
    path("budgets/<int:pk>/", logistics_money.BudgetDetailView.as_view(), name="budget-detail"),
    path("budgets/<int:pk>/edit/", logistics_money.BudgetUpdateView.as_view(), name="budget-update"),
    path(
        "budgets/<int:pk>/lines/new/",
        logistics_money.BudgetLineCreateView.as_view(),
        name="budget-line-create",
    ),
    path(
        "budget-lines/<int:pk>/edit/",
        logistics_money.BudgetLineUpdateView.as_view(),
        name="budget-line-update",
    ),
    path(
        "budget-lines/<int:pk>/delete/",
        logistics_money.BudgetLineDeleteView.as_view(),
        name="budget-line-delete",
    ),
    path("exchange-rates/", logistics_money.ExchangeRateListView.as_view(), name="exchange-rate-list"),
    path(
        "exchange-rates/new/", logistics_money.ExchangeRateCreateView.as_view(), name="exchange-rate-create"
    ),
]
