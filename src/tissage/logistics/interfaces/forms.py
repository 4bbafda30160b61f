"""Forms of the logistics staff pages. Times are typed in the zone of the place they happen at;
amounts are decimals with a currency code (typed in any case, stored in capitals)."""

import datetime
import zoneinfo

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tissage.activities.interfaces.forms import LocalDateTimeField
from tissage.core.interfaces.forms import DateInput
from tissage.core.money import validate_currency

from ..enums import STATUS_AFTER_STEP, VisaOutcome
from ..models import (
    AccommodationPlace,
    Bed,
    Budget,
    BudgetLine,
    ExchangeRate,
    Fee,
    LetterTemplate,
    PerDiem,
    PerDiemRate,
    Stay,
    TravelLeg,
    VisaCase,
    VisaDocument,
    VisaRule,
)


class CurrencyField(forms.CharField):
    """An ISO 4217 code; "eur" is read as "EUR"."""

    def __init__(self, **kwargs):
        kwargs["widget"] = forms.TextInput(attrs={"size": 3, "autocapitalize": "characters"})
        super().__init__(**kwargs)

    def to_python(self, value):
        return super().to_python(value).strip().upper()


def logistics_formfield(model_field, **kwargs):
    """Form fields as the model says, but currency codes in capitals and the date picker for dates."""
    if validate_currency in getattr(model_field, "validators", ()):
        kwargs.setdefault("form_class", CurrencyField)
    elif isinstance(model_field, models.DateField) and not isinstance(model_field, models.DateTimeField):
        kwargs.setdefault("widget", DateInput)
    return model_field.formfield(**kwargs)


class LogisticsForm(forms.ModelForm):
    class Meta:
        formfield_callback = logistics_formfield


def local_time(stored: datetime.datetime, zone: str) -> datetime.datetime:
    return timezone.localtime(stored, zoneinfo.ZoneInfo(zone)).replace(tzinfo=None)


class TravelLegForm(LogisticsForm):
    """A journey; its departure is typed in the origin's zone, its arrival in the destination's."""

    ZONES = {"departs_at": "from_timezone", "arrives_at": "to_timezone"}

    departs_at = LocalDateTimeField(label=_("Departs"), help_text=_("Local time at the place of departure."))
    arrives_at = LocalDateTimeField(label=_("Arrives"), help_text=_("Local time at the place of arrival."))

    class Meta(LogisticsForm.Meta):
        model = TravelLeg
        fields = [
            "direction",
            "mode",
            "carrier",
            "number",
            "from_place",
            "from_timezone",
            "departs_at",
            "to_place",
            "to_timezone",
            "arrives_at",
            "status",
            "booked_by",
            "booking_reference",
            "cost_amount",
            "cost_currency",
            "note",
        ]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, zone in self.ZONES.items():
            stored = getattr(self.instance, name)
            if stored is not None:
                self.initial[name] = local_time(stored, getattr(self.instance, zone))

    def clean(self):
        cleaned = super().clean()
        for name, zone in self.ZONES.items():
            if cleaned.get(name) is None:
                continue
            if cleaned.get(zone):
                cleaned[name] = timezone.make_aware(
                    cleaned[name], zoneinfo.ZoneInfo(cleaned[zone])
                ).astimezone(datetime.UTC)
            else:  # the zone is refused: a time without one means nothing yet
                del cleaned[name]
        return cleaned


class VisaRuleForm(LogisticsForm):
    class Meta(LogisticsForm.Meta):
        model = VisaRule
        fields = [
            "nationality",
            "destination",
            "visa_required",
            "lead_days",
            "invitation_days",
            "documents_days",
            "appointment_days",
            "decision_days",
            "consulate_language",
            "notes",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}


class VisaCaseForm(LogisticsForm):
    class Meta(LogisticsForm.Meta):
        model = VisaCase
        fields = ["rule", "passport_number", "passport_expires_on", "consulate", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "rule": _("Left empty, the rule for the person's nationality and the session's country.")
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rule"].required = False


class VisaStepForm(forms.Form):
    step = forms.ChoiceField(
        label=_("Step"), choices=[(step.value, step.label) for step in STATUS_AFTER_STEP]
    )
    on = forms.DateField(label=_("Done on"), widget=DateInput)


class VisaDecisionForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=VisaOutcome.choices, widget=forms.RadioSelect)
    on = forms.DateField(label=_("Decided on"), widget=DateInput)
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("A refusal cancels the participation; the reason is recorded with it."),
    )


class VisaDocumentForm(LogisticsForm):
    class Meta(LogisticsForm.Meta):
        model = VisaDocument
        fields = ["kind", "file", "language", "note"]


class LetterTemplateForm(LogisticsForm):
    class Meta(LogisticsForm.Meta):
        model = LetterTemplate
        fields = ["hub", "language", "letterhead", "place", "subject", "body", "signatory", "signatory_title"]
        widgets = {
            "letterhead": forms.Textarea(attrs={"rows": 3}),
            "body": forms.Textarea(attrs={"rows": 10}),
        }


class PlaceForm(LogisticsForm):
    class Meta(LogisticsForm.Meta):
        model = AccommodationPlace
        fields = ["hub", "name", "kind", "address", "contact", "nightly_amount", "nightly_currency"]


class BedroomForm(forms.Form):
    name = forms.CharField(label=_("Bedroom"), max_length=60)
    beds = forms.IntegerField(label=_("Beds"), min_value=1, max_value=30, initial=2)


class StayForm(LogisticsForm):
    """A stay; the beds offered are those of the session's hub."""

    class Meta(LogisticsForm.Meta):
        model = Stay
        fields = ["bed", "check_in", "check_out", "note"]

    def __init__(self, *args, hub=None, **kwargs):
        super().__init__(*args, **kwargs)
        beds = Bed.objects.select_related("room__place").order_by("room__place__name", "room__name", "label")
        self.fields["bed"].queryset = beds.filter(room__place__hub=hub) if hub is not None else beds


class PerDiemRateForm(LogisticsForm):
    class Meta(LogisticsForm.Meta):
        model = PerDiemRate
        fields = ["hub", "role", "daily_amount", "currency", "valid_from", "valid_until"]


class PerDiemForm(LogisticsForm):
    class Meta(LogisticsForm.Meta):
        model = PerDiem
        fields = ["daily_amount", "currency", "days", "paid_on"]


class FeeForm(LogisticsForm):
    class Meta(LogisticsForm.Meta):
        model = Fee
        fields = ["kind", "amount_value", "currency", "status", "paid_on", "note"]


class BudgetForm(LogisticsForm):
    class Meta(LogisticsForm.Meta):
        model = Budget
        fields = ["programme", "title", "currency", "rates_on", "funders"]
        widgets = {"funders": forms.CheckboxSelectMultiple}


class BudgetLineForm(LogisticsForm):
    """A budget line; its funder is one of the budget's."""

    class Meta(LogisticsForm.Meta):
        model = BudgetLine
        fields = ["category", "label", "funder", "currency", "planned_amount", "actual_amount", "spent_on"]

    def __init__(self, *args, budget: Budget, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["funder"].queryset = budget.funders.all()


class ExchangeRateForm(LogisticsForm):
    class Meta(LogisticsForm.Meta):
        model = ExchangeRate
        fields = ["base", "quote", "on", "rate", "source"]
