"""Factories for the suite: users with a role, comparisons, and articles imported through the real service."""

import itertools

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from newsdiff import roles
from newsdiff.models import Comparison
from newsdiff.services.articles import ArticleMeta, article_import

PASSWORD = "pass-for-tests"
_counter = itertools.count(1)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if extracted:
            # Transactional tests flush the groups the migration made.
            roles.ensure_groups()
            self.groups.add(Group.objects.get(name=extracted))
            if extracted == roles.ADMIN:
                self.is_staff = True
        self.save()


def reviewer(username: str = "") -> object:
    return UserFactory(username=username or f"reviewer{next(_counter)}", role=roles.REVIEWER)


def editor(username: str = "") -> object:
    return UserFactory(username=username or f"editor{next(_counter)}", role=roles.EDITOR)


def admin(username: str = "") -> object:
    return UserFactory(username=username or f"admin{next(_counter)}", role=roles.ADMIN)


class ComparisonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comparison

    slug = factory.Sequence(lambda n: f"comparison-{n}")
    title = factory.Sequence(lambda n: f"Comparison {n}")


def article(comparison, text: str, *, source: str = "", title: str = "", fmt: str = "text", align: bool = True, **meta):
    """Import an article from text through the same service as uploads."""
    n = next(_counter)
    data = text.encode("utf-8")
    filename = {"text": f"a{n}.txt", "markdown": f"a{n}.md", "html": f"a{n}.html"}[fmt]
    return article_import(
        comparison=comparison,
        meta=ArticleMeta(source=source or f"Source {n}", title=title or f"Article {n}", **meta),
        data=data,
        filename=filename,
        align=align,
    )


def synthetic_text(passages: int, *, seed: int = 0, topic: str = "") -> str:
    """An article of the given number of distinct sentences, for size and query-count tests."""
    words = ["border", "trade", "security", "tariff", "meeting", "cartel", "energy", "investment",
             "migration", "fentanyl", "sovereignty", "cooperation", "minister", "summit", "agreement"]
    lines = []
    for i in range(passages):
        a, b, c = words[(i + seed) % 15], words[(i * 7 + seed) % 15], words[(i * 11 + 3) % 15]
        lines.append(f"Officials {topic}discussed the {a} and {b} plan number {i} with {c} experts.")
    return "\n".join(lines)
