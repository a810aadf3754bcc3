"""The spaCy components: on a pipeline the user builds, the same results as the newsdesk Pipeline, as Spans."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from newsdesk import Article, Pipeline, Settings
from newsdesk.analyze import components
from newsdesk.analyze.nlp import model_name

from ..conftest import make_article

ROOT = Path(__file__).resolve().parents[2]

TEXT = (
    "Harbour Minister Alys Varga said on Thursday that the port of Kellmouth would hire 300 more dockworkers.\n\n"
    '"We cannot wait another winter," Ms Varga told reporters in Kellmouth. The upgrade will cost about '
    "$40 million, and the first cranes arrive next month."
)
"""A fictional report, written for these tests."""
PUBLISHED = "2024-03-08"  # a Friday: "on Thursday" is 2024-03-07

COMPONENTS = ("newsdesk_entities", "newsdesk_quotes", "newsdesk_amounts", "newsdesk_dates", "newsdesk_events")


@pytest.fixture(scope="module")
def nlp() -> Language:
    """A pipeline as a user builds it: the English model newsdesk would load, plus the components."""
    nlp = spacy.load(model_name(Settings().model))
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


@pytest.fixture(scope="module")
def tagged() -> Language:
    """The model alone, parser and tagger, for a test to add the component it tries and remove it after."""
    return spacy.load(model_name(Settings().model), exclude=["ner"])


@pytest.fixture(scope="module")
def analysed(pipeline: Pipeline) -> Article:
    return pipeline(make_article(TEXT, published=PUBLISHED))


def test_components_registered_on_import() -> None:
    for name in components.FACTORIES:
        assert Language.has_factory(name), name


def test_components_declared_as_spacy_entry_points() -> None:
    declared = _declared()
    assert set(declared) == set(components.FACTORIES)
    for name, target in declared.items():
        module, _, attr = target.partition(":")
        assert module == components.__name__
        assert spacy.registry.factories.get(name) is getattr(components, attr), name


def _installed(tmp_path: Path) -> dict[str, str]:
    """An environment in which the package's declared ``spacy_factories`` entry points are installed:
    a distribution's metadata holding them, on the path (as ``pip install newsdesk`` leaves it)."""
    info = tmp_path / "newsdesk_entry_check-0.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: newsdesk-entry-check\nVersion: 0.0\n")
    lines = "".join(f"{name} = {target}\n" for name, target in _declared().items())
    (info / "entry_points.txt").write_text(f"[spacy_factories]\n{lines}")
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT / "src")])}


def _declared() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return dict(project["entry-points"]["spacy_factories"])


def _run(script: str, env: dict[str, str]) -> str:
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_components_found_through_the_entry_point_without_an_import(tmp_path: Path) -> None:
    names = sorted(_declared())
    script = (
        "import sys, spacy\n"
        "assert 'newsdesk' not in sys.modules\n"
        "nlp = spacy.blank('en')\n"
        f"for name in {names!r}:\n"
        "    nlp.add_pipe(name)\n"
        "print(','.join(nlp.pipe_names))\n"
    )
    assert _run(script, _installed(tmp_path)).strip() == ",".join(names)


def test_components_readme_snippet_runs(tmp_path: Path) -> None:
    """The README's "Using newsdesk from spaCy" example, run as it stands, as a user of the installed package."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Using newsdesk from spaCy", 1)[1]
    snippet = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert snippet is not None, "no python example in the README's spaCy section"
    checks = (
        "assert [(q.span.text, q.speaker_mention.text, q.speaker) for q in doc._.quotes] == [\n"
        "    ('The strike goes on', 'union leader Rui Costa', 'Rui Costa'),\n"
        "    ('1,200 drivers had turned down a 4% pay offer', 'He', 'Rui Costa'),\n"
        "]\n"
        "assert [e.name for e in doc._.entities] == ['Rui Costa']\n"
        "assert [(a.span.text, a.value) for a in doc._.amounts] == [('1,200', 1200), ('4%', 4)]\n"
        "assert [(d.span.text, d.value) for d in doc._.dates] == [('Monday', '2024-03-04')]\n"
        "assert [(e.cameo, e.actor, e.date) for e in doc._.events] == [\n"
        "    ('010', 'Rui Costa', '2024-03-04'),\n"
        "    ('010', 'Rui Costa', '2024-03-05'),\n"
        "    ('120', '1,200 drivers', '2024-03-05'),\n"
        "]\n"
    )
    out = _run(snippet.group(1) + checks, _installed(tmp_path))
    assert "Rui Costa PERSON" in out


def test_components_declare_what_they_need(nlp: Language) -> None:
    analysis = nlp.analyze_pipes()
    assert not any(analysis["problems"].values()), analysis["problems"]
    assert analysis["summary"]["newsdesk_entities"]["assigns"] == ["doc._.entities"]
    assert "doc.ents" in analysis["summary"]["newsdesk_entities"]["requires"]
    bare = spacy.blank("en")
    bare.add_pipe("newsdesk_dates")
    assert "token.dep" in bare.analyze_pipes()["problems"]["newsdesk_dates"]  # no parser to read the tense from


def test_components_give_the_pipelines_entities_as_spans(nlp: Language, analysed: Article) -> None:
    doc = nlp(TEXT)
    assert [e.record for e in doc._.entities] == list(analysed.entities)
    varga = next(e for e in doc._.entities if e.name == "Alys Varga")
    assert varga.label == "PERSON"
    assert [m.text for m in varga.mentions] == ["Alys Varga", "Varga"]
    assert all(isinstance(m.doc, Doc) and m.doc is doc for m in varga.mentions)


def test_components_give_the_pipelines_quotes_as_spans(nlp: Language, analysed: Article) -> None:
    doc = nlp(TEXT)
    assert [q.record for q in doc._.quotes] == list(analysed.quotes)
    said = [(q.kind, q.span.text, q.cue, q.speaker_mention, q.speaker) for q in doc._.quotes]
    assert [(kind, text, str(cue), str(mention), speaker) for kind, text, cue, mention, speaker in said] == [
        (
            "indirect",
            "the port of Kellmouth would hire 300 more dockworkers",
            "said",
            "Harbour Minister Alys Varga",
            "Alys Varga",
        ),
        ("direct", "We cannot wait another winter", "told", "Ms Varga", "Alys Varga"),  # the canonical speaker
    ]
    assert all(q.via is None for q in doc._.quotes)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"The ferries sail at dawn," said Ilse Brann.', [("The ferries sail at dawn", "Ilse Brann")]),
        (
            "Ilse Brann, the port chief, told reporters that the ferries would sail at dawn.",
            [("the ferries would sail at dawn", "Ilse Brann")],  # reported speech
        ),
        ('Ilse Brann watched "Harbour Tonight" on Friday.', []),  # a title in quotation marks is no quote
        ("The ferries sail at dawn.", []),
    ],
)
def test_components_quotes_table(nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(q.span.text, q.speaker) for q in nlp(text)._.quotes] == expected


def test_components_quotes_need_the_entities_before_them(tagged: Language) -> None:
    tagged.add_pipe("newsdesk_quotes")
    try:
        assert "doc._.entities" in tagged.analyze_pipes()["problems"]["newsdesk_quotes"]
        with pytest.raises(
            ValueError, match=r"newsdesk_quotes needs doc\._\.entities, .*add_pipe\('newsdesk_entities'"
        ):
            tagged(TEXT)
    finally:
        tagged.remove_pipe("newsdesk_quotes")


def test_components_give_the_pipelines_amounts_as_spans(nlp: Language, analysed: Article) -> None:
    doc = nlp(TEXT)
    assert [a.record for a in doc._.amounts] == list(analysed.amounts)
    assert [(a.span.text, a.value, a.unit) for a in doc._.amounts] == [
        ("300", 300, "dockworkers"),
        ("$40 million", 40e6, "USD"),
    ]


@pytest.mark.parametrize(
    ("how", "expected"),
    [
        ("none", None),  # no publication date: "on Thursday" stays unresolved
        ("config", "2024-03-07"),
        ("component_cfg", "2024-03-07"),
        ("doc", "2024-03-07"),
        ("doc over component_cfg", "2024-03-07"),
    ],
)
def test_components_dates_anchored_on_the_publication_date(tagged: Language, how: str, expected: str | None) -> None:
    tagged.add_pipe("newsdesk_dates", config={"published": PUBLISHED} if how == "config" else {})
    try:
        doc = tagged.make_doc(TEXT)
        if how.startswith("doc"):
            doc._.published = PUBLISHED
        cfg = {"newsdesk_dates": {"published": "1999-01-01" if how.startswith("doc ") else PUBLISHED}}
        (doc,) = tagged.pipe([doc], component_cfg=cfg if "component_cfg" in how else None)
    finally:
        tagged.remove_pipe("newsdesk_dates")
    thursday = next(d for d in doc._.dates if d.span.text == "Thursday")
    assert thursday.value == expected
    assert thursday.record.resolved is (expected is not None)


def test_components_dates_are_the_pipelines(nlp: Language, analysed: Article) -> None:
    doc = nlp.make_doc(TEXT)
    doc._.published = PUBLISHED
    doc = nlp(doc)
    assert [d.record for d in doc._.dates] == list(analysed.dates)
    assert [(d.span.text, d.value) for d in doc._.dates if d.span.text != "winter"] == [
        ("Thursday", "2024-03-07"),
        ("next month", "2024-04"),
    ]


@pytest.mark.parametrize("bad", ["08/03/2024", "yesterday"])
def test_components_dates_refuse_a_publication_date_that_is_no_date(nlp: Language, bad: str) -> None:
    with pytest.raises(ValueError, match="no ISO date"):
        components.DatesComponent(published=bad)
    doc = nlp.make_doc("The port opened on Thursday.")
    doc._.published = bad
    with pytest.raises(ValueError, match="no ISO date"):
        nlp(doc)


STRIKE = (
    "Dock workers went on strike in Kellmouth on Monday over pay. "
    "The harbour board condemned the walkout, said Ilse Brann."
)
"""Fictional, for these tests: an event with its own date, one dated by the publication, a statement."""


@pytest.mark.parametrize("text", [TEXT, STRIKE, "The ferries sail at dawn."])
def test_components_events_are_the_pipelines(nlp: Language, pipeline: Pipeline, text: str) -> None:
    doc = nlp.make_doc(text)
    doc._.published = PUBLISHED
    doc = nlp(doc)
    assert [e.record for e in doc._.events] == list(pipeline(make_article(text, published=PUBLISHED)).events)


def test_components_events_as_spans(nlp: Language) -> None:
    doc = nlp(STRIKE, component_cfg={name: {"published": PUBLISHED} for name in ("newsdesk_dates", "newsdesk_events")})
    assert [(e.actor, e.cameo, e.date, str(e.trigger), e.sentence.text.split()[0]) for e in doc._.events] == [
        ("Dock workers", "143", "2024-03-04", "went", "Dock"),  # a strike, on the Monday before publication
        ("The harbour board", "111", PUBLISHED, "condemned", "The"),  # no date in its clause: the publication's
        ("Ilse Brann", "010", PUBLISHED, "said", "The"),  # a statement: the quote's speaker
    ]
    assert doc._.events[0].summary == "Dock workers went on strike in Kellmouth over pay"
    assert [e.date for e in nlp(STRIKE)._.events] == [None, None, None]  # no publication date: "Monday" is no day


@pytest.mark.parametrize(("missing", "message"), [("entities", "newsdesk_entities"), ("dates", "newsdesk_dates")])
def test_components_events_need_entities_and_dates_before_them(tagged: Language, missing: str, message: str) -> None:
    before = [n for n in ("newsdesk_entities", "newsdesk_dates") if n != message]
    for name in before:
        tagged.add_pipe(name)
    tagged.add_pipe("newsdesk_events")
    try:
        assert f"doc._.{missing}" in tagged.analyze_pipes()["problems"]["newsdesk_events"]
        with pytest.raises(ValueError, match=rf"newsdesk_events needs doc\._\.{missing}, .*add_pipe\('{message}'"):
            tagged(STRIKE)
    finally:
        for name in ("newsdesk_events", *before):
            tagged.remove_pipe(name)


def test_components_config_is_spacys(nlp: Language) -> None:
    own = spacy.blank("en")
    own.add_pipe("newsdesk_dates", config={"published": PUBLISHED})
    assert own.config["components"]["newsdesk_dates"] == {"factory": "newsdesk_dates", "published": PUBLISHED}
    with pytest.raises(Exception, match="published"):  # confection checks the type
        own.add_pipe("newsdesk_dates", name="other", config={"published": 20240308})


def test_components_nothing_before_the_component_ran(nlp: Language) -> None:
    doc = nlp.make_doc(TEXT)
    assert doc._.entities is None and doc._.quotes is None and doc._.amounts is None and doc._.dates is None
    assert doc._.events is None
    assert nlp("Nothing happened.")._.amounts == ()


def test_components_results_survive_multiprocessing(nlp: Language) -> None:
    texts = [TEXT, "The council met in Dunmere.", TEXT.replace("300", "450")]
    texts.append(STRIKE)
    cfg = {"newsdesk_dates": {"published": PUBLISHED}, "newsdesk_events": {"published": PUBLISHED}}
    one = list(nlp.pipe(texts, component_cfg=cfg))
    two = list(nlp.pipe(texts, n_process=2, batch_size=1, component_cfg=cfg))
    for a, b in zip(one, two, strict=True):
        for field in ("entities", "quotes", "amounts", "dates", "events"):
            assert [x.record for x in getattr(a._, field)] == [x.record for x in getattr(b._, field)]
    assert [a.span.text for a in two[2]._.amounts] == ["450", "$40 million"]
    assert [e.cameo for e in two[3]._.events] == ["143", "111", "010"]


def test_components_results_survive_docbin(nlp: Language) -> None:
    doc = nlp(TEXT)
    (back,) = DocBin(docs=[doc], store_user_data=True).get_docs(nlp.vocab)
    assert [e.record for e in back._.entities] == [e.record for e in doc._.entities]
    assert [a.span.text for a in back._.amounts] == [a.span.text for a in doc._.amounts]


HEADLINED = "Alys Varga: “We Sail At Dawn.”\n\nThe ferries left Kellmouth on Friday, their crews cheering."


@pytest.mark.parametrize("how", ["doc", "call", "none"])
def test_components_quotes_read_the_headline_as_the_pipeline(nlp: Language, pipeline: Pipeline, how: str) -> None:
    title = HEADLINED.split("\n")[0]
    if how == "call":
        doc = nlp(HEADLINED, component_cfg={"newsdesk_quotes": {"title": title}})
    else:
        doc = nlp.make_doc(HEADLINED)
        doc._.title = title if how == "doc" else None
        for _, component in nlp.pipeline:
            doc = component(doc)
    article = make_article(HEADLINED, title=None if how == "none" else title)
    assert [q.record for q in doc._.quotes] == list(pipeline(article).quotes)
    said = [(q.span.text, q.speaker) for q in doc._.quotes]
    assert said == ([] if how == "none" else [("We Sail At Dawn.", "Alys Varga")])  # capitals: a title or a headline
