from django.views.generic import DetailView, TemplateView

from tissage.network.models import Festival

from .caching import network_conditional
from .queries import published_editions, split_upcoming

# Past editions on the home page; the others are one click away, on their festival's page.
HOME_PAST_EDITIONS = 6


@network_conditional
class HomeView(TemplateView):
    """The network, its festivals, its next editions and its latest past ones."""

    template_name = "public/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        upcoming, past = split_upcoming(published_editions())
        context["festivals"] = Festival.objects.select_related("hub")
        context["upcoming_editions"] = upcoming
        context["past_editions"] = past[:HOME_PAST_EDITIONS]
        return context


@network_conditional
class FestivalView(DetailView):
    template_name = "public/festival.html"
    queryset = Festival.objects.select_related("hub")
    slug_url_kwarg = "festival"
    context_object_name = "festival"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        editions = published_editions().filter(festival=self.object)
        context["upcoming_editions"], context["past_editions"] = split_upcoming(editions)
        return context
