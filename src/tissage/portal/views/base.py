"""What every page of the participant portal shares: a signed-in participant, who sees only what is theirs.

A page of the portal (the logistics area's too) mixes in :class:`ParticipantMixin`: visitors who are
not signed in go to the portal's sign-in page; an account without a person (a staff member's, say)
gets a 403. ``self.person`` is the participant; ``self.own(queryset, **lookup)`` fetches one of their
objects (anything with a ``person``), or answers 404 for anyone else's.
"""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property

from tissage.activities.models import Participation
from tissage.people.models import Person


class ParticipantMixin:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("portal:sign-in"))
        if self.person is None or not request.user.has_perm("people.view_own_person", self.person):
            raise PermissionDenied
        response = super().dispatch(request, *args, **kwargs)
        # Personal pages: no shared cache keeps them, the browser does not store them.
        add_never_cache_headers(response)
        return response

    @cached_property
    def person(self) -> Person | None:
        return Person.objects.select_related("home_hub").filter(user=self.request.user).first()

    def own(self, queryset, **lookup):
        """One of the participant's own objects; a 404 for anyone else's (never a 403 that reveals it)."""
        found = queryset.filter(person=self.person, **lookup).first()
        if found is None:
            raise Http404
        return found

    def participations(self):
        """The participant's stays in sessions, soonest first, with where and when."""
        return (
            Participation.objects.filter(person=self.person)
            .select_related("session__hub", "session__programme", "session__edition__festival")
            .order_by("session__start_date", "pk")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(person=self.person, **kwargs)
