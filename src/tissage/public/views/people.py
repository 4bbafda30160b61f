from dataclasses import dataclass

from django.views.generic import DetailView

from tissage.people.models import Person
from tissage.schedule.domain.programme import Programme, ProgrammeActivity, ProgrammeMember
from tissage.schedule.domain.releases import latest_releases

from .caching import person_conditional


@dataclass(frozen=True)
class Membership:
    """The person in one activity, with their role there."""

    activity: ProgrammeActivity
    member: ProgrammeMember

    def get_role_display(self) -> str:
        return self.member.get_role_display()


@person_conditional
class PersonView(DetailView):
    """A public profile and the person's public activities, edition by edition (latest first), as
    each edition's latest release published them."""

    template_name = "public/person.html"
    queryset = Person.objects.filter(is_public=True).select_related("home_hub")
    slug_url_kwarg = "person"
    context_object_name = "person"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.object
        # The releases that name this person (they had a public profile then, and still have one).
        releases = (
            latest_releases()
            .filter(edition__is_published=True, snapshot__people__has_key=str(person.pk))
            .select_related("edition__festival__hub")
            .order_by("-edition__start_date", "edition__pk")
        )
        editions = []
        for release in releases:
            programme = Programme.from_snapshot(
                release.edition, release.snapshot, release=release, public_people={person.pk}
            )
            memberships = [
                Membership(activity, member)
                for activity in programme.public().with_person(person.pk).activities
                for member in activity.public_members
                if member.person.pk == person.pk
            ]
            if memberships:
                editions.append((release.edition, memberships))
        context["editions"] = editions
        return context
