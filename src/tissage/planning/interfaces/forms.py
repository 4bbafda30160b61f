"""Forms of the planner: the settings of a run (with its must-together / must-apart pairs), and the
small forms that change a plan, each carrying the version of the plan it was shown."""

from django import forms
from django.forms import BaseFormSet, formset_factory
from django.utils.translation import gettext_lazy as _

from tissage.solvers import grouping as engine

from ..domain.problems import WEIGHTS, PlanSettings
from ..enums import DEFAULT_TAKERS, MAX_SECONDS, Taker
from ..models import Plan

PAIR_KINDS = [("together", _("must be together")), ("apart", _("must be apart"))]
DEFAULT_WEIGHTS = {name: getattr(engine.Weights(), name) for name in WEIGHTS}
WEIGHT_LABELS = {
    "repeat": _("Weight of a repeated meeting"),
    "skill": _("Weight of skill balance"),
    "hub": _("Weight of hub balance"),
    "cohort": _("Weight of cohort balance"),
}


class SettingsForm(forms.Form):
    """Who takes part, how many groups of which sizes, and the rules every group obeys. A programme's
    plan has no number of groups: each session gets enough groups of at most the largest size."""

    takers = forms.MultipleChoiceField(
        label=_("Who takes part"),
        choices=Taker.choices,
        widget=forms.CheckboxSelectMultiple,
        initial=list(DEFAULT_TAKERS),
        help_text=_("Interpreters who take part always form the interpreters' pool."),
    )
    groups = forms.IntegerField(label=_("Number of groups"), min_value=1, max_value=60)
    min_size = forms.IntegerField(label=_("Smallest group"), min_value=1, max_value=60)
    max_size = forms.IntegerField(label=_("Largest group"), min_value=1, max_value=60)
    min_hubs = forms.IntegerField(label=_("Hubs each group mixes, at least"), min_value=1, max_value=10)
    max_hub_share = forms.IntegerField(
        label=_("Most of a group from one hub (%)"),
        min_value=10,
        max_value=100,
        help_text=_("50 % allows 3 of 6, 2 of 5."),
    )
    leaders_per_group = forms.IntegerField(
        label=_("Leaders per group"),
        min_value=0,
        max_value=5,
        help_text=_(
            "Teaching artists lead; each group also needs a shared working language or an interpreter."
        ),
    )
    seconds = forms.IntegerField(label=_("Search time (seconds)"), min_value=1, max_value=MAX_SECONDS)
    seed = forms.IntegerField(
        label=_("Seed"),
        min_value=0,
        max_value=2**31 - 1,
        help_text=_("Another seed gives another proposal; the same seed, the same one."),
    )
    repeat = forms.FloatField(label=WEIGHT_LABELS["repeat"], min_value=0, max_value=10_000)
    skill = forms.FloatField(label=WEIGHT_LABELS["skill"], min_value=0, max_value=10_000)
    hub = forms.FloatField(label=WEIGHT_LABELS["hub"], min_value=0, max_value=10_000)
    cohort = forms.FloatField(label=WEIGHT_LABELS["cohort"], min_value=0, max_value=10_000)

    def __init__(self, *args, horizon: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if horizon:
            del self.fields["groups"]
            self.fields["max_size"].help_text = _("Each session gets enough groups of at most this size.")

    @staticmethod
    def initial_for(settings: PlanSettings, seed: int) -> dict:
        return {
            "takers": list(settings.takers),
            "groups": settings.groups,
            "min_size": settings.min_size,
            "max_size": settings.max_size,
            "min_hubs": settings.min_hubs,
            "max_hub_share": round(settings.max_hub_share * 100),
            "leaders_per_group": settings.leaders_per_group,
            "seconds": settings.seconds,
            "seed": seed,
            **DEFAULT_WEIGHTS,
            **settings.weights,
        }

    def clean(self):
        data = super().clean()
        low, high = data.get("min_size"), data.get("max_size")
        if low is not None and high is not None and low > high:
            self.add_error("max_size", _("The largest group cannot be smaller than the smallest."))
        return data

    @property
    def advanced(self) -> list:
        return [self[name] for name in ("seconds", "seed", *WEIGHTS)]

    @property
    def main(self) -> list:
        advanced = {"seconds", "seed", *WEIGHTS}
        return [field for field in self if field.name not in advanced]

    def plan_settings(self, pairs: tuple[tuple[int, int, str], ...]) -> PlanSettings:
        data = self.cleaned_data
        return PlanSettings(
            takers=tuple(data["takers"]),
            groups=data.get("groups"),
            min_size=data["min_size"],
            max_size=data["max_size"],
            min_hubs=data["min_hubs"],
            max_hub_share=data["max_hub_share"] / 100,
            leaders_per_group=data["leaders_per_group"],
            pairs=pairs,
            weights={name: data[name] for name in WEIGHTS if data[name] != DEFAULT_WEIGHTS[name]},
            seconds=data["seconds"],
        )


class PairRuleForm(forms.Form):
    """Two people who must be together, or apart, in every session planned (an empty row is ignored)."""

    a = forms.TypedChoiceField(label=_("Person"), coerce=int, required=False, empty_value=None)
    kind = forms.ChoiceField(label=_("Rule"), choices=PAIR_KINDS, required=False)
    b = forms.TypedChoiceField(label=_("Other person"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, people: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", "—"), *people]
        self.fields["a"].choices = choices
        self.fields["b"].choices = choices

    def clean(self):
        data = super().clean()
        a, b = data.get("a"), data.get("b")
        if (a is None) != (b is None):
            raise forms.ValidationError(_("Choose both people, or neither."))
        if a is not None and a == b:
            raise forms.ValidationError(_("Choose two different people."))
        return data


class BasePairRuleFormSet(BaseFormSet):
    def pairs(self) -> tuple[tuple[int, int, str], ...]:
        return tuple(
            (form.cleaned_data["a"], form.cleaned_data["b"], form.cleaned_data["kind"] or "together")
            for form in self.forms
            if form.cleaned_data.get("a") is not None
        )

    def add_error(self, message: str) -> None:
        """Show one of the engine's reasons above the pairs."""
        self.non_form_errors()
        self._non_form_errors.append(message)


PairRuleFormSet = formset_factory(PairRuleForm, formset=BasePairRuleFormSet, extra=2, max_num=40)


def pair_initial(settings: PlanSettings) -> list[dict]:
    return [{"a": a, "b": b, "kind": kind} for a, b, kind in settings.pairs]


class VersionForm(forms.Form):
    """The version of the plan the page showed: a change based on an older one is refused."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class MoveForm(VersionForm):
    person = forms.IntegerField(widget=forms.HiddenInput)
    session = forms.IntegerField(widget=forms.HiddenInput)
    group = forms.IntegerField(label=_("Move to group"), min_value=1)


class LockForm(VersionForm):
    member = forms.IntegerField(widget=forms.HiddenInput, required=False)
    group = forms.IntegerField(widget=forms.HiddenInput, required=False)
    locked = forms.BooleanField(widget=forms.HiddenInput, required=False)


class TakeSessionForm(VersionForm):
    session = forms.IntegerField(widget=forms.HiddenInput)


class CompareForm(forms.Form):
    a = forms.ModelChoiceField(label=_("Plan"), queryset=Plan.objects.defer("problem"))
    b = forms.ModelChoiceField(label=_("Compared with"), queryset=Plan.objects.defer("problem"))

    def clean(self):
        data = super().clean()
        a, b = data.get("a"), data.get("b")
        if (
            a is not None
            and b is not None
            and (a.session_id, a.programme_id) != (b.session_id, b.programme_id)
        ):
            raise forms.ValidationError(_("Compare two plans of the same session or programme."))
        return data
