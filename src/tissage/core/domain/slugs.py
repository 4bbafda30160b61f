from django.db import models
from django.utils.text import slugify


def unique_slug(queryset: models.QuerySet, text: str, *, field: str = "slug", fallback: str = "item") -> str:
    """A slug from ``text`` that no row of ``queryset`` uses yet (``name``, ``name-2``, ``name-3`` …)."""
    max_length = queryset.model._meta.get_field(field).max_length
    base = slugify(text)[: max_length - 4].strip("-") or fallback
    taken = set(queryset.filter(**{f"{field}__startswith": base}).values_list(field, flat=True))
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate
