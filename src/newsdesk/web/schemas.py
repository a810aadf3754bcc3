"""The shapes of the JSON API (and of what the pages show): pydantic models, so ``/openapi.json`` describes them.

The article itself is not repeated here: ``GET /api/articles/{id}`` returns
the article's JSON form, described by ``schema/article.schema.json``.
"""

from __future__ import annotations

from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, Field

__all__ = [
    "ArticleRow",
    "EntityEventRow",
    "EntityQuoteRow",
    "EntityView",
    "ErrorBody",
    "FailureRow",
    "Hit",
    "JobView",
    "Page",
    "PastedArticle",
    "StoryOut",
    "StoryRow",
]

T = TypeVar("T")


class ErrorBody(BaseModel):
    """Every error the API returns: a one-line message and the HTTP status."""

    error: str = Field(description="What went wrong, for a person.")
    status: int
    details: list[str] = Field(default_factory=list, description="One line per invalid field, when there are any.")


class Page(BaseModel, Generic[T]):
    """One page of a listing; ask for ``offset=next_offset`` for the next (null on the last page)."""

    items: list[T]
    limit: int
    offset: int
    next_offset: int | None


class ArticleRow(BaseModel):
    """A stored article in a listing."""

    id: str
    source: str
    outlet: str | None
    title: str | None
    published: str | None
    ingested_at: str
    n_entities: int
    n_quotes: int


class Hit(BaseModel):
    """A search result: an article, a quote (with speaker and offsets) or an entity."""

    kind: Literal["article", "quote", "entity"]
    article_id: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str = Field(description="Plain text around the match.")
    index: int | None = Field(description="Position of the quote or entity in its article.")
    label: str | None = Field(description="The quote's speaker or the entity's name.")
    start: int | None
    end: int | None
    href: str = Field(description="The page that shows this hit.")


class EntityRoleRow(BaseModel):
    """A role one article gives a person ("Defense Secretary"), with where and when it says so."""

    article_id: str
    outlet: str | None
    published: str | None
    name: str = Field(description="The name the article calls the person by.")
    role: str


class EntityQuoteRow(BaseModel):
    """A quote by the entity, in one article."""

    article_id: str
    story_id: str | None = Field(description="The story the article is in, if it has been placed in one.")
    outlet: str | None
    published: str | None
    title: str | None
    index: int
    text: str
    kind: str = Field(description="direct, partial or indirect (reported speech: never shown in quotation marks)")
    cue: str | None
    start: int
    end: int
    via: str | None = Field(default=None, description="The document the words came through (“her statement”).")


class EntityEventRow(BaseModel):
    """An event the entity takes part in (as actor or target), in one article."""

    article_id: str
    story_id: str | None = Field(description="The story the article is in, if it has been placed in one.")
    outlet: str | None
    published: str | None
    actor: str | None
    action: str
    category: str
    target: str | None
    date: str | None
    sentence: str = Field(description="The sentence the event was found in.")
    start: int
    end: int


class EntityView(BaseModel):
    """A person, organisation or place across the desk: its articles, its quotes, its events."""

    name: str
    label: str | None = Field(description="Its kind across the desk: the label most of its articles give it.")
    labels: list[str] = Field(description="Every label articles gave it, the most common first.")
    place: str | None = Field(description='For a nationality or group, the place whose people it names ("China").')
    aliases: list[str]
    outlets: list[str]
    mentions: int = Field(description="How many times it is named in the articles of this page.")
    articles: Page[ArticleRow]
    stories: dict[str, str] = Field(description="Story id → its title, for the stories these articles are in.")
    quotes: list[EntityQuoteRow]
    events: list[EntityEventRow]
    roles: list[EntityRoleRow] = Field(
        default_factory=list, description="For a person: the roles the articles of this page give them, by date."
    )


class FailureRow(BaseModel):
    """An input that could not be read, and why."""

    source: str
    reason: str


class JobView(BaseModel):
    """An ingest started from the web, and how far it has got."""

    id: str
    state: Literal["queued", "running", "done", "failed"]
    files: list[str]
    processed: int = Field(description="Articles read plus inputs that failed, so far.")
    read: int
    stored: int
    skipped: int = Field(description="Articles already in the desk (re-ingesting is a no-op).")
    failed: int
    failures: list[FailureRow]
    articles: list[str] = Field(description="Ids of the articles read, in order.")
    error: str | None = Field(description="Why the whole job failed, when it did.")
    created_at: str
    finished_at: str | None
    href: str


class PastedArticle(BaseModel):
    """An article given as JSON (``POST /api/ingest`` with ``application/json``)."""

    text: str = Field(min_length=1, description="The article text (or HTML).")
    title: str | None = None
    outlet: str | None = None
    published: str | None = Field(default=None, description="ISO date, e.g. 2024-03-05.")
    url: str | None = None
    authors: list[str] = Field(default_factory=list)


# --------------------------------------------------------------------------- stories


class StoryRow(BaseModel):
    """A story in the listing."""

    id: str
    title: str = Field(description="The title of its first original article.")
    outlets: list[str]
    n_articles: int
    n_copies: int = Field(description="Articles that are copies of another (the same wire story, a light edit).")
    first: str | None = Field(description="Earliest publication date of its articles.")
    last: str | None = Field(description="Latest publication date of its articles.")
    href: str


class Cite(BaseModel):
    """Where a fact is said: an article and the characters ``[start, end)`` of its text."""

    article_id: str
    outlet: str | None
    start: int
    end: int
    href: str = Field(description="The article page, with the span highlighted.")


class StoryArticle(ArticleRow):
    copy_of: str | None = Field(description="The article this one is a copy of, if it is one.")


class StoryEvent(BaseModel):
    """A timeline row: an event (or a publication) and the outlets reporting it."""

    when: str | None
    day: str | None = Field(description="The day, when `when` names one (the plot shows those).")
    lane: str = Field(description='The event category (its CAMEO root, "other" when uncoded), or "published".')
    label: str = Field(description="What happened, in one clause (the event's summary), or the published title.")
    sentence: str
    date_source: str | None
    outlets: list[str]
    cite: Cite | None
    main: bool = Field(default=False, description="An article's main event (what it is about).")
    cameo: str | None = Field(default=None, description="The CAMEO event code.")
    cameo_label: str | None = Field(default=None, description="What the CAMEO code means.")


class StoryCarrier(Cite):
    """One outlet's rendering of an utterance."""

    kind: str = Field(description="direct, partial or indirect (reported speech).")
    relation: str = Field(description="How it renders the utterance: verbatim, truncated or paraphrased.")


class StoryQuote(BaseModel):
    """One utterance (grouped by newsdesk.stories.corroborate) and every outlet's rendering of it."""

    text: str = Field(description="The fullest direct wording.")
    direct: bool = Field(description="False when every outlet reports it in reported speech only.")
    sources: int = Field(description="Independent sources carrying it.")
    outlets: list[str]
    carriers: list[StoryCarrier]


class StorySpeaker(BaseModel):
    speaker: str
    outlets: list[str]
    quotes: list[StoryQuote]


class StoryFigureValue(BaseModel):
    value: float
    text: str
    outlets: list[str]
    cites: list[Cite]


class StoryFigure(BaseModel):
    """A quantity and the values outlets give it; ``disagree`` when they differ beyond rounding."""

    measure: str = Field(description="What is counted, or the unit.")
    unit: str | None
    disagree: bool = Field(description="Independent sources give different values.")
    sources: int
    values: list[StoryFigureValue]


class StoryCoverage(BaseModel):
    """A fact (quote, figure, event) and, per outlet that reports it, where."""

    kind: Literal["quote", "figure", "event"]
    fact: str
    outlets: dict[str, Cite]


class GraphNode(BaseModel):
    name: str
    label: str
    articles: int
    x: float = Field(description="Position in the drawing, 0–1.")
    y: float
    href: str


class GraphEdge(BaseModel):
    a: str
    b: str
    weight: int = Field(description="How many sentences name both.")


class StoryGraph(BaseModel):
    nodes: list[GraphNode]
    edges: list[GraphEdge]


class BriefLine(BaseModel):
    """A sentence of the brief: the words of a source, who reports it, how many independent sources."""

    text: str
    sources: int = Field(description="Independent sources reporting it (copies count once).")
    cites: list[Cite]


class StoryOut(BaseModel):
    """A story: its brief, articles, timeline, quotes by speaker, figures, coverage and entity graph."""

    id: str
    title: str
    headline: str = Field(description="The brief's headline: a title of one of the story's articles.")
    brief: list[BriefLine] = Field(description="Extractive sentences, each citing the sentences it comes from.")
    outlets: list[str]
    sources: int = Field(description="Independent sources: copies and one outlet's several reports count once.")
    first: str | None
    last: str | None
    articles: list[StoryArticle]
    timeline: list[StoryEvent]
    categories: list[str] = Field(default_factory=list, description="The event categories of the whole timeline.")
    category: str | None = Field(default=None, description="The category the timeline is filtered to, if any.")
    quotes: list[StorySpeaker]
    figures: list[StoryFigure]
    coverage: list[StoryCoverage]
    graph: StoryGraph


# --------------------------------------------------------------------------- threads


class ThreadRow(BaseModel):
    """A thread (a developing storyline: stories that follow one another) in the listing."""

    id: str
    title: str = Field(description="The title of its founding article.")
    n_stories: int
    n_articles: int
    n_outlets: int
    first: str | None = Field(description="Earliest publication date of its articles.")
    last: str | None = Field(description="Latest publication date of its articles.")
    href: str


class ThreadFigureMove(BaseModel):
    """A quantity whose value moved since an earlier story of the thread (a death toll rising)."""

    measure: str = Field(description="What is counted, or the unit.")
    before: str = Field(description="As the last story that gave it reported it.")
    after: str


class ThreadStory(BaseModel):
    """One story of a thread: its brief's first sentences and what it changed."""

    id: str
    title: str = Field(description="The story's headline.")
    first: str | None
    last: str | None
    outlets: list[str]
    n_articles: int
    brief: list[BriefLine] = Field(description="The first sentences of its sourced brief.")
    new_speakers: list[str] = Field(description="People quoted for the first time in the thread.")
    new_figures: list[str] = Field(description="Figures reported for the first time in the thread.")
    moved: list[ThreadFigureMove] = Field(description="Figures whose value moved since an earlier story.")
    href: str


class ThreadOut(BaseModel):
    """A thread: its stories in time order (the latest 30 at most), each with its brief and changes."""

    id: str
    title: str
    first: str | None
    last: str | None
    outlets: list[str]
    n_stories: int
    n_articles: int
    stories: list[ThreadStory]
