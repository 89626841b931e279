"""Who may see which comparison, for views: every view that loads a comparison or anything in one goes through here.

The rule itself is Comparison.objects.visible_to(user); a comparison someone may not see answers 404, like one
that does not exist, so its pages, fragments, exports and history do not even confirm it is there.
"""

from functools import cache

from django.db import connection
from django.db.models import Model, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from newsdiff.models import Comparison

# How each model reaches its comparison.
COMPARISON_PATH = {
    "comparison": "pk",
    "article": "comparison",
    "articleversion": "article__comparison",
    "passage": "article__comparison",
    "link": "comparison",
    "annotation": "comparison",
    "job": "comparison",
}


def visible(request, queryset: QuerySet | type[Model]) -> QuerySet:
    """Narrow queryset (or a model's objects) to what request.user may see."""
    if not isinstance(queryset, QuerySet):
        queryset = queryset._default_manager.all()
    path = COMPARISON_PATH[queryset.model._meta.model_name]
    return queryset.filter(**{f"{path}__in": Comparison.objects.visible_to(request.user).values("pk")})


@cache
def _comparison_by_slug_sql() -> str:
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in Comparison._meta.concrete_fields)
    return f"SELECT {columns} FROM {quote(Comparison._meta.db_table)} WHERE {quote('slug')} = %s"


def get_visible_or_404(request, queryset: QuerySet | type[Model], **lookup):
    """The one object matching lookup that request.user may see, else 404."""
    if queryset is Comparison:
        # Every request of the workspace starts here: read the comparison, then ask whether this user may see
        # it (an open comparison needs no second query) instead of building the visibility subqueries.
        if list(lookup) == ["slug"]:
            # Hand-written SQL: the same get() through the ORM cost half a millisecond of Python per request.
            comparison = next(iter(Comparison.objects.raw(_comparison_by_slug_sql(), [lookup["slug"]])), None)
            if comparison is None:
                raise Http404("No Comparison matches the given query.")
        else:
            comparison = get_object_or_404(Comparison, **lookup)
        if not comparison.is_visible_to(request.user):
            raise Http404("No Comparison matches the given query.")
        return comparison
    return get_object_or_404(visible(request, queryset), **lookup)
