"""Template helpers of the logistics pages, for includes that fetch their own data (the dashboard's
visa attention block lives on a page another area owns)."""

from django import template
from django.utils import timezone

from ..domain.readiness import Attention
from ..domain.readiness import logistics_attention as attention_on

register = template.Library()


@register.simple_tag(name="logistics_attention")
def logistics_attention() -> list[Attention]:
    """The visa matters that need attention today (see ``logistics_attention`` in the domain)."""
    return attention_on(timezone.localdate())
