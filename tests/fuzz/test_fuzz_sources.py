"""Property-based tests: whatever bytes arrive, readers and cleaning never raise and keep their promises."""

from __future__ import annotations

import gzip
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk import Article, Failure, Pipeline, article_id
from newsdesk.checks import offset_problems
from newsdesk.sources import read_bytes
from newsdesk.sources.debris import clean_text

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_LINES = st.sampled_from(
    [
        "READ ALSO  Something else entirely",
        "Follow Ann Lee on Twitter: @annlee",
        "Back to top",
        "Share this",
        "The mayor said the budget would rise by 4% on Monday.",
        "“It is a fair offer,” she said.",
        "(Reuters)",
        "SEOUL, Nov. 3 (Harbour Wire) -- Talks resumed.",
        "Via Harbour Gazette",
        "By Ann Lee",
        "",
        "   ",
        "<p>para</p>",
        '{"text": "x"}',
        "WARC/1.0",
        "\x00",
        "\ufeff",
        "Moon Jae-",
        "in said",
    ]
)
_DOCS = st.lists(st.one_of(_LINES, st.text(max_size=80)), max_size=30).map("\n".join)


@FAST
@given(_DOCS)
def test_fuzz_clean_text_never_raises_and_only_removes(raw: str) -> None:
    cleaned = clean_text(raw)
    assert isinstance(cleaned.text, str)
    for debris in cleaned.debris:
        assert debris.text.strip() and debris.reason
    if cleaned.title is not None:
        assert cleaned.title in cleaned.text


@FAST
@given(st.binary(max_size=2000), st.sampled_from(["x.txt", "x.html", "x.jsonl", "x", "x.gz", "x.warc", "x.xml"]))
def test_fuzz_read_bytes_gives_articles_or_failures(data: bytes, name: str) -> None:
    for item in read_bytes(name, data):
        assert isinstance(item, Article | Failure)
        if isinstance(item, Failure):
            assert item.source.startswith(name) and item.reason and "\n" not in item.reason
        else:
            assert item.text.strip()


@FAST
@given(_DOCS, st.sampled_from(["text", "html", "jsonl", "gzip"]))
def test_fuzz_read_bytes_on_text_shaped_input(doc: str, shape: str) -> None:
    if shape == "html":
        data = ("<html><body>" + "".join(f"<p>{line}</p>" for line in doc.split("\n")) + "</body></html>").encode()
    elif shape == "jsonl":
        data = (json.dumps({"text": doc}) + "\n" + doc[:50]).encode("utf-8", "surrogatepass")
    elif shape == "gzip":
        data = gzip.compress(doc.encode("utf-8", "surrogatepass"))
    else:
        data = doc.encode("utf-8", "surrogatepass")
    for item in read_bytes("doc", data):
        assert isinstance(item, Article | Failure)
        if isinstance(item, Article):
            assert "\x00" not in item.text


_ANALYSABLE = st.lists(
    st.one_of(
        _LINES,
        st.sampled_from(
            [
                "“We will see,” he said.",
                "It rose fivefold to $5bn on Thursday.",
                "Mr Jeong, the minister, declined to confirm it.",
            ]
        ),
        st.text(max_size=40),
    ),
    min_size=1,
    max_size=10,
).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(_ANALYSABLE)
def test_fuzz_analysis_offsets_always_slice_to_their_text(pipeline: Pipeline, text: str) -> None:
    article = pipeline(Article(id=article_id(text), source="fuzz", text=text, published="2019-11-15"))
    assert offset_problems(article) == []
