import itertools

from django.views.generic import DetailView

from tissage.activities.models import ActivityMember
from tissage.people.models import Person


class PersonView(DetailView):
    """A public profile and the person's public activities, edition by edition (latest first)."""

    template_name = "public/person.html"
    queryset = Person.objects.filter(is_public=True).select_related("home_hub")
    slug_url_kwarg = "person"
    context_object_name = "person"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        memberships = (
            ActivityMember.objects.filter(
                person=self.object, activity__is_public=True, activity__edition__is_published=True
            )
            .select_related("activity__edition__festival__hub", "activity__room__venue")
            .order_by("-activity__edition__start_date", "activity__edition__pk", "activity__starts_at")
        )
        context["editions"] = [
            (edition, list(group))
            for edition, group in itertools.groupby(memberships, key=lambda m: m.activity.edition)
        ]
        return context
