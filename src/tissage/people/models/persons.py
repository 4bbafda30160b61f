from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from tissage.core.fields import TranslatedCharField, TranslatedTextField
from tissage.core.languages import LANGUAGE_CHOICES
from tissage.core.models import TimeStampedModel
from tissage.core.rules import STAFF_ONLY

from ..enums import LanguageLevel, Role, SkillCategory
from ..rules import is_own_person


class Skill(TimeStampedModel):
    """An instrument, a voice or a trade (sound, light, stage management, administration …)."""

    slug = models.SlugField(_("short name"), unique=True)
    name = TranslatedCharField(_("name"), max_length=120)
    category = models.CharField(_("category"), max_length=20, choices=SkillCategory.choices)

    class Meta:
        verbose_name = _("skill")
        verbose_name_plural = _("skills")
        ordering = ["category", "slug"]
        rules_permissions = STAFF_ONLY

    def __str__(self) -> str:
        return str(self.name)


class PersonQuerySet(models.QuerySet):
    def search(self, text: str) -> "PersonQuerySet":
        query = models.Q()
        for word in text.split():
            query &= (
                models.Q(given_name__icontains=word)
                | models.Q(family_name__icontains=word)
                | models.Q(native_name__icontains=word)
                | models.Q(email__icontains=word)
                | models.Q(city__icontains=word)
            )
        return self.filter(query)


class Person(TimeStampedModel):
    """Someone the network has worked with, across all years and programmes."""

    given_name = models.CharField(_("given name"), max_length=100)
    family_name = models.CharField(_("family name"), max_length=100)
    native_name = models.CharField(
        _("name in own script"), max_length=200, blank=True, help_text=_("e.g. Cyrillic or Arabic spelling.")
    )
    slug = models.SlugField(_("short name"), unique=True)
    email = models.EmailField(_("email"), null=True, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    home_hub = models.ForeignKey(
        "network.Hub",
        verbose_name=_("home hub"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = CountryField(_("country"), blank=True)
    nationality = CountryField(_("nationality"), blank=True)
    skills = models.ManyToManyField(
        Skill, verbose_name=_("skills and instruments"), blank=True, related_name="people"
    )
    bio = TranslatedTextField(_("biography"), blank=True, null=True)
    website = models.URLField(_("website"), blank=True)
    is_public = models.BooleanField(
        _("public profile"), default=False, help_text=_("Show name and biography on the public programme.")
    )
    external_id = models.CharField(
        _("external id"),
        max_length=64,
        null=True,
        blank=True,
        help_text=_("An identifier from another system, used to match spreadsheet rows."),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="person"
    )
    notes = models.TextField(_("internal notes"), blank=True)
    language = models.CharField(
        _("language for messages"),
        max_length=8,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("The language of the emails this person receives; empty: one of their home hub's."),
    )
    availability = models.TextField(
        _("availability"),
        blank=True,
        help_text=_("When this person can or cannot travel and take part, e.g. “not in August”."),
    )

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["family_name", "given_name", "pk"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="person_unique_email",
                violation_error_message=_("Someone already has this email."),
            ),
            models.UniqueConstraint(
                fields=["external_id"],
                name="person_unique_external_id",
                violation_error_message=_("Someone already has this external id."),
            ),
        ]
        indexes = [models.Index(fields=["family_name", "given_name"])]
        # ``people.view_own_person``: the participant portal shows a person to themselves only.
        rules_permissions = {**STAFF_ONLY, "view_own": is_own_person}

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()

    @property
    def mail_language(self) -> str:
        """The interface language of the messages sent to this person: their own choice, else the
        first of their home hub's languages that the interface speaks, else the default language."""
        if self.language:
            return self.language
        interface = {code for code, _name in settings.LANGUAGES}
        hub_languages = self.home_hub.languages if self.home_hub_id else []
        return next((code for code in hub_languages if code in interface), settings.LANGUAGE_CODE)

    def get_absolute_url(self) -> str:
        return reverse("orga:person-detail", kwargs={"slug": self.slug})


class PersonLanguage(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="languages")
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    level = models.CharField(_("level"), max_length=10, choices=LanguageLevel.choices)

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["person", "language"]
        constraints = [models.UniqueConstraint(fields=["person", "language"], name="person_language_once")]

    def __str__(self) -> str:
        return f"{self.get_language_display()} ({self.get_level_display()})"


class PersonRole(TimeStampedModel):
    """A role held over a period: the path from trainee to technician to entrepreneur."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    since = models.DateField(_("since"))
    until = models.DateField(_("until"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        ordering = ["person", "since"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(until__isnull=True) | models.Q(until__gte=models.F("since")),
                name="person_role_dates_in_order",
                violation_error_message=_("A role cannot end before it starts."),
            )
        ]
        rules_permissions = STAFF_ONLY

    def __str__(self) -> str:
        return f"{self.get_role_display()} ({self.since.year}–{self.until.year if self.until else ''})"
