"""Placing articles in stories: copies first, then clustering, against stories already known.

For a batch of articles and the stored articles that could share a story with
them (their neighbours, with their links), it finds copies among batch and
neighbours together, clusters the originals with the known stories held
fixed, and returns one :class:`~newsdesk.model.StoryLink` per article of the
batch. It works on articles and links only: fetching the neighbours from a
desk and storing the links is :func:`newsdesk.workflow.place_in_stories`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from newsdesk.model import Article, StoryLink
from newsdesk.settings import Settings
from newsdesk.stories.clusters import cluster
from newsdesk.stories.dedupe import find_copies
from newsdesk.stories.features import Profile, profile

__all__ = ["find_stories"]


def _profiles(articles: Sequence[Article], settings: Settings) -> list[Profile]:
    if not settings.story_embeddings:
        return [profile(a) for a in articles]
    from newsdesk.stories.embed import embed, lead

    vectors = embed([lead(a) for a in articles])
    return [profile(a, v) for a, v in zip(articles, vectors, strict=True)]


def find_stories(
    articles: Sequence[Article],
    settings: Settings | None = None,
    *,
    neighbours: Sequence[Article] = (),
    known: Sequence[StoryLink] = (),
    key_sizes: Mapping[str, int] | None = None,
) -> list[StoryLink]:
    """Stories for ``articles``: one link per article, in order.

    Args:
        articles: the articles to place (analysed: entities help).
        neighbours: stored articles they may join, with their ``known`` links;
            their stories are kept as they are.
        known: the links of ``neighbours``.
        key_sizes: how many articles hold each blocking key in all, stored ones
            that are not among ``neighbours`` included (see
            :func:`~newsdesk.stories.clusters.candidate_pairs`).
    """
    settings = settings or Settings()
    seen: dict[str, Article] = {}
    for a in articles:
        seen.setdefault(a.id, a)
    batch = list(seen.values())
    stored = [n for n in neighbours if n.id not in seen]
    known_story = {link.article_id: link.story_id for link in known}
    known_copy = {link.article_id: link.copy_of for link in known}
    copies = find_copies([*stored, *batch], threshold=settings.duplicate_threshold)
    groups = copies.groups()
    copy_of: dict[str, str | None] = {}
    for a in batch:
        group = groups[copies.original[a.id]]
        earlier_stored = [m for m in group if m in known_story and m != a.id]
        copy_of[a.id] = earlier_stored[0] if earlier_stored else copies.copy_of(a.id)
    # cluster the originals only: a copy tells nothing its original does not
    to_cluster = [a for a in [*stored, *batch] if _is_original(a.id, copy_of, known_copy)]
    profiles = _profiles(to_cluster, settings)
    known_ids = {p.id: known_story[p.id] for p in profiles if p.id in known_story}
    story = cluster(profiles, settings, known=known_ids, sizes=key_sizes)
    by_id = {p.id: p for p in profiles}
    links = []
    for a in batch:
        original = a.id
        while (up := copy_of.get(original) or known_copy.get(original)) is not None and up != original:
            original = up
        story_id = story.get(original) or known_story.get(original) or original
        keys = by_id[a.id].keys if a.id in by_id else profile(a).keys
        links.append(StoryLink(a.id, story_id, copy_of[a.id], keys))
    return [next(link for link in links if link.article_id == a.id) for a in articles]


def _is_original(aid: str, copy_of: dict[str, str | None], known_copy: dict[str, str | None]) -> bool:
    return copy_of.get(aid) is None and known_copy.get(aid) is None
