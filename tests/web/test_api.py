"""Every JSON endpoint, with good and bad input (the fixture desk is in ``desk.py``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsdesk import MemoryStore, SQLiteStore, StoryLink
from newsdesk.web import create_app

from .desk import HOSTILE_NAME, coast, fill, harbour, hostile


def error_of(response) -> str:  # type: ignore[no-untyped-def]
    body = response.json()
    assert set(body) == {"error", "status", "details"}
    assert body["status"] == response.status_code
    return str(body["error"])


def test_api_desk_info(client: TestClient) -> None:
    body = client.get("/api").json()
    assert body["articles"] == 3
    assert "/api/search" in body["endpoints"]


def test_api_stories_newest_first_with_outlets_and_dates(client: TestClient) -> None:
    body = client.get("/api/stories").json()
    assert [(s["id"], s["n_articles"], s["outlets"], s["first"], s["last"]) for s in body["items"]] == [
        (hostile().id, 1, ['"><script>window.__pwned=9</script>'], "2031-05-14", "2031-05-14"),
        (harbour().id, 2, ["Coast Wire", "Harbour Times"], "2031-05-12", "2031-05-13"),
    ]
    assert body["items"][1]["title"] == harbour().title and body["items"][1]["href"] == f"/stories/{harbour().id}"
    page = client.get("/api/stories", params={"limit": 1, "offset": 1}).json()
    assert [s["id"] for s in page["items"]] == [harbour().id] and page["next_offset"] is None
    assert client.get("/api/stories", params={"limit": 1}).json()["next_offset"] == 1


def test_api_story_page_is_kept_until_an_article_joins(client: TestClient, desk_path: Path) -> None:
    h = harbour()
    first = client.get(f"/api/stories/{h.id}").json()
    desk = SQLiteStore(desk_path)
    (kept,) = desk.conn.execute("SELECT body FROM story_briefs WHERE story_id = ?", (h.id,)).fetchall()
    assert json.loads(kept[0]) == first
    desk.conn.execute("UPDATE story_briefs SET body = ?", (json.dumps({**first, "title": "as kept"}),))
    assert client.get(f"/api/stories/{h.id}").json()["title"] == "as kept"  # served from the store, not recomputed
    assert "as kept" in client.get(f"/stories/{h.id}").text
    desk.put_story_links([StoryLink(hostile().id, h.id)])  # an article joins: the kept page is stale
    again = client.get(f"/api/stories/{h.id}").json()
    assert again["title"] == h.title and len(again["articles"]) == 3
    assert "as kept" not in client.get(f"/stories/{h.id}").text
    desk.close()


def test_api_story_has_timeline_quotes_figures_coverage_and_graph(client: TestClient) -> None:
    h, c = harbour(), coast()
    story = client.get(f"/api/stories/{h.id}").json()
    assert (story["title"], story["outlets"], story["sources"]) == (h.title, ["Coast Wire", "Harbour Times"], 2)
    assert [a["outlet"] for a in story["articles"]] == ["Harbour Times", "Coast Wire"]
    struck = next(e for e in story["timeline"] if e["label"] == "Ferry crews walked out")
    assert struck["when"] == "2031-05-12" and struck["cite"]["href"].startswith(f"/articles/{h.id}?hl=")
    varga = next(s for s in story["quotes"] if s["speaker"] == "Piet Varga")
    (insult,) = varga["quotes"]
    assert insult["outlets"] == ["Harbour Times", "Coast Wire"] and insult["sources"] == 2
    assert [c["relation"] for c in insult["carriers"]] == ["verbatim", "verbatim"]
    for carrier in insult["carriers"]:
        text = h.text if carrier["article_id"] == h.id else c.text
        assert text[carrier["start"] : carrier["end"]] == "Six percent is an insult,"
    passengers = next(f for f in story["figures"] if "passenger" in f["measure"])
    assert passengers["disagree"] is True and passengers["sources"] == 2
    assert {v["text"]: v["outlets"] for v in passengers["values"]} == {
        "about 4,000 passengers": ["Harbour Times"],
        "3,500 passengers": ["Coast Wire"],
    }
    shared = [row for row in story["coverage"] if len(row["outlets"]) == 2]
    assert any("Six percent is an insult," in row["fact"] for row in shared)
    assert story["brief"], "the brief has sentences"
    texts = {h.id: h.text, c.id: c.text}
    for line in story["brief"]:
        assert line["sources"] >= 1 and line["cites"]
        for cite in line["cites"]:  # every line of the brief is a sentence of a source, cited where it is
            assert (
                " ".join(texts[cite["article_id"]][cite["start"] : cite["end"]].split())
                == " ".join(line["text"].split())
                or cite["article_id"] != line["cites"][0]["article_id"]
            )
            assert cite["href"] == f"/articles/{cite['article_id']}?hl={cite['start']}-{cite['end']}#hl"
    names = {n["name"] for n in story["graph"]["nodes"]}
    assert {"Lena Okafor", "Piet Varga", "Valmora"} <= names
    assert all(0 <= n["x"] <= 1 and 0 <= n["y"] <= 1 for n in story["graph"]["nodes"])


@pytest.mark.parametrize("bad", ["0000000000000000", "x" * 65])
def test_api_story_unknown(client: TestClient, bad: str) -> None:
    response = client.get(f"/api/stories/{bad}")
    assert response.status_code in (404, 422)
    assert error_of(response)


def test_api_articles_are_newest_first_and_page(client: TestClient) -> None:
    body = client.get("/api/articles").json()
    assert [r["published"] for r in body["items"]] == ["2031-05-14", "2031-05-13", "2031-05-12"]
    assert body["next_offset"] is None
    first = client.get("/api/articles", params={"limit": 2}).json()
    assert [r["id"] for r in first["items"]] == [r["id"] for r in body["items"][:2]]
    assert first["next_offset"] == 2
    rest = client.get("/api/articles", params={"limit": 2, "offset": 2}).json()
    assert [r["id"] for r in rest["items"]] == [harbour().id] and rest["next_offset"] is None


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"outlet": "Coast Wire"}, ["Coast Wire"]),
        ({"outlet": "Nobody"}, []),
        ({"entity": "Piet Varga"}, ["Coast Wire", "Harbour Times"]),
        ({"entity": "Varga"}, []),
        ({"outlet": "' OR 1=1 --"}, []),
    ],
)
def test_api_articles_filter(client: TestClient, params: dict, expected: list[str]) -> None:
    assert [r["outlet"] for r in client.get("/api/articles", params=params).json()["items"]] == expected


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"limit": 0}, "limit: Input should be greater than or equal to 1"),
        ({"limit": 201}, "limit: Input should be less than or equal to 200"),
        ({"limit": "ten"}, "limit: Input should be a valid integer"),
        ({"offset": -1}, "offset: Input should be greater than or equal to 0"),
        ({"outlet": "x" * 501}, "outlet: String should have at most 500 characters"),
    ],
)
def test_api_articles_bad_paging_is_a_clear_error(client: TestClient, params: dict, message: str) -> None:
    response = client.get("/api/articles", params=params)
    assert response.status_code == 422
    assert message in error_of(response)


def test_api_article_is_its_json_form(client: TestClient) -> None:
    a = harbour()
    body = client.get(f"/api/articles/{a.id}").json()
    assert body["id"] == a.id and body["text"] == a.text
    assert [q["speaker"] for q in body["quotes"]] == ["Lena Okafor", "Piet Varga", "Valmora Port Authority"]
    assert body["debris"][0] == {"text": "Share on Facebook", "reason": "social prompt"}
    for q in body["quotes"]:
        assert body["text"][q["start"] : q["end"]] == q["text"]


@pytest.mark.parametrize("bad", ["0000000000000000", "nope", "..%2F..%2Fetc", "x" * 65])
def test_api_article_unknown_is_404_json(client: TestClient, bad: str) -> None:
    response = client.get(f"/api/articles/{bad}")
    assert response.status_code in (404, 422)
    assert error_of(response)


def test_api_entity_has_quotes_and_events_across_articles(client: TestClient) -> None:
    body = client.get("/api/entities/Piet Varga").json()
    assert body["name"] == "Piet Varga" and body["labels"] == ["PERSON"]
    assert body["aliases"] == ["Varga"]
    assert sorted(body["outlets"]) == ["Coast Wire", "Harbour Times"]
    assert {(q["outlet"], q["text"]) for q in body["quotes"]} == {
        ("Harbour Times", "Six percent is an insult,"),
        ("Coast Wire", "Six percent is an insult,"),
    }
    (event,) = body["events"]
    assert (event["action"], event["target"], event["sentence"]) == (
        "rejected",
        "Lena Okafor",
        "Union leader Piet Varga rejected it.",
    )
    assert body["mentions"] == 3
    assert body["stories"] == {harbour().id: harbour().title}
    assert {q["story_id"] for q in body["quotes"]} == {harbour().id}


def test_api_entity_name_may_hold_any_character(client: TestClient) -> None:
    from urllib.parse import quote

    response = client.get("/api/entities/" + quote(HOSTILE_NAME, safe=""))
    assert response.status_code == 200
    assert response.json()["name"] == HOSTILE_NAME


def test_api_entity_unknown_is_404(client: TestClient) -> None:
    response = client.get("/api/entities/Nobody At All")
    assert response.status_code == 404
    assert error_of(response) == "no article names 'Nobody At All'"


@pytest.mark.parametrize(
    ("q", "kind", "expected"),
    [
        (
            "insult",
            None,
            {
                ("quote", "Harbour Times"),
                ("quote", "Coast Wire"),
                ("article", "Harbour Times"),
                ("article", "Coast Wire"),
            },
        ),
        ("insult", "quote", {("quote", "Harbour Times"), ("quote", "Coast Wire")}),
        ("okafor", "entity", {("entity", "Harbour Times"), ("entity", "Coast Wire")}),
        ("door is op", "quote", {("quote", "Coast Wire")}),
        ("valmora port", "entity", {("entity", "Harbour Times")}),
        ("'; DROP TABLE articles; --", None, set()),
        ('"unbalanced', None, set()),
        ("NEAR(ferry crews)", None, set()),
    ],
)
def test_api_search(client: TestClient, q: str, kind: str | None, expected: set) -> None:
    params = {"q": q} | ({"kind": kind} if kind else {})
    response = client.get("/api/search", params=params)
    assert response.status_code == 200
    items = response.json()["items"]
    assert {(h["kind"], h["outlet"]) for h in items} == expected
    assert client.get("/api").json()["articles"] == 3


def test_api_search_hits_link_to_where_they_are(client: TestClient) -> None:
    (hit,) = client.get("/api/search", params={"q": "door", "kind": "quote"}).json()["items"]
    a = coast()
    assert hit["href"] == f"/articles/{a.id}?hl={hit['start']}-{hit['end']}#hl"
    assert a.text[hit["start"] : hit["end"]] == "The door is open."
    (entity,) = client.get("/api/search", params={"q": "authority"}).json()["items"][:1]
    assert entity["href"].startswith("/articles/") or entity["href"] == "/entities/Valmora%20Port%20Authority"


def test_api_search_pages(client: TestClient) -> None:
    everything = client.get("/api/search", params={"q": "valmora"}).json()["items"]
    assert len(everything) >= 4
    first = client.get("/api/search", params={"q": "valmora", "limit": 2}).json()
    second = client.get("/api/search", params={"q": "valmora", "limit": 2, "offset": 2}).json()
    assert first["next_offset"] == 2
    assert first["items"] + second["items"] == everything[:4]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({}, "q: Field required"),
        ({"q": ""}, "q: String should have at least 1 character"),
        ({"q": "x" * 501}, "q: String should have at most 500 characters"),
        ({"q": "x", "kind": "people"}, "kind: String should match pattern"),
    ],
)
def test_api_search_bad_input(client: TestClient, params: dict, message: str) -> None:
    response = client.get("/api/search", params=params)
    assert response.status_code == 422
    assert message in error_of(response)


# --------------------------------------------------------------------------- ingest


def wait_for(client: TestClient, job: dict) -> dict:
    assert client.app.state.jobs.wait(timeout=120)  # type: ignore[attr-defined]
    return client.get(job["href"]).json()


STRIKE = (
    "Tram drivers in the fictional city of Korvik stopped work on Friday.\n\n"
    'City transport chief Anna Lind said: "We will meet the union next week."\n'
)


def test_api_ingest_pasted_json_articles(client: TestClient) -> None:
    response = client.post(
        "/api/ingest",
        json={
            "articles": [
                {"text": STRIKE, "title": "Korvik trams stop", "outlet": "Korvik Post", "published": "2031-06-01"}
            ]
        },
    )
    assert response.status_code == 202
    job = response.json()
    assert job["state"] in ("queued", "running", "done") and job["files"] == ["pasted.jsonl"]
    done = wait_for(client, job)
    assert (done["state"], done["read"], done["stored"], done["failed"]) == ("done", 1, 1, 0)
    (article_id,) = done["articles"]
    assert article_id in {s["id"] for s in client.get("/api/stories").json()["items"]}  # it joined the stories
    article = client.get(f"/api/articles/{article_id}").json()
    assert (article["title"], article["outlet"], article["published"]) == (
        "Korvik trams stop",
        "Korvik Post",
        "2031-06-01",
    )
    assert "Anna Lind" in {e["name"] for e in article["entities"]}
    assert client.get("/api/search", params={"q": "korvik trams"}).json()["items"]
    again = wait_for(
        client, client.post("/api/ingest", json={"articles": [{"text": STRIKE, "outlet": "Korvik Post"}]}).json()
    )
    assert (again["stored"], again["skipped"]) == (0, 1)  # re-ingesting is a no-op


def test_api_ingest_uploaded_files_and_a_bad_one(client: TestClient, tmp_path: Path) -> None:
    response = client.post(
        "/api/ingest",
        files=[
            ("files", ("../../korvik.txt", STRIKE.encode(), "text/plain")),
            ("files", ("broken.jsonl", b'{"text": "fine one line"}\n{not json\n', "application/json")),
        ],
    )
    assert response.status_code == 202
    job = wait_for(client, response.json())
    assert job["files"] == ["korvik.txt", "broken.jsonl"]  # no path from the client is trusted
    assert (job["state"], job["read"], job["stored"], job["failed"]) == ("done", 2, 2, 1)
    assert job["failures"] == [
        {"source": "broken.jsonl#2", "reason": "invalid JSON (Expecting property name enclosed in double quotes)"}
    ]
    stored = client.get(f"/api/articles/{job['articles'][0]}").json()
    assert Path(stored["source"]).name == "korvik.txt" and Path(stored["source"]).is_file()
    assert client.get("/api/jobs").json()[0]["id"] == job["id"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"json": {"articles": []}}, "nothing to ingest"),
        ({"json": {"articles": [{"title": "no text"}]}}, "bad JSON body"),
        ({"json": {"articles": [{"text": ""}]}}, "bad JSON body"),
        ({"json": ["not", "an", "object"]}, 'bad JSON body: expected {"articles": [...]}'),
        ({"content": b"{not json", "headers": {"content-type": "application/json"}}, "bad JSON body"),
        ({"content": b"plain", "headers": {"content-type": "text/plain"}}, "send multipart/form-data"),
        ({"data": {"title": "only a title"}}, "nothing to ingest"),
        ({"files": [("files", ("empty.txt", b"", "text/plain"))]}, "nothing to ingest"),
        ({"json": {"articles": [{"text": "x"}] * 51}}, "at most 50 files or articles per request"),
    ],
)
def test_api_ingest_bad_input(client: TestClient, kwargs: dict, message: str) -> None:
    response = client.post("/api/ingest", **kwargs)
    assert response.status_code == 400
    assert message in error_of(response)


def test_api_ingest_refuses_a_body_over_the_limit(desk_path: Path, tmp_path: Path) -> None:
    app = create_app(desk_path, uploads=tmp_path / "up", allowed_hosts=["testserver"], max_body_bytes=1000)
    with TestClient(app) as small:
        response = small.post("/api/ingest", files=[("files", ("big.txt", b"x" * 5000, "text/plain"))])
        assert response.status_code == 413
        assert error_of(response) == "request body larger than 1,000 bytes"

        def chunks():  # type: ignore[no-untyped-def]
            for _ in range(10):
                yield b"y" * 500

        streamed = small.post("/api/ingest", content=chunks(), headers={"content-type": "application/json"})
        assert streamed.status_code == 413
        assert small.get("/api").json()["articles"] == 3
    assert not list((tmp_path / "up").glob("*/*"))


@pytest.mark.parametrize("origin", ["https://evil.invalid", "null", "http://127.0.0.1:8000"])
def test_api_ingest_from_another_origin_is_refused(client: TestClient, origin: str) -> None:
    response = client.post("/api/ingest", json={"articles": [{"text": STRIKE}]}, headers={"origin": origin})
    assert response.status_code == 403
    assert f"cross-origin POST refused (origin {origin})" == error_of(response)


def test_api_ingest_from_the_same_origin_is_accepted(client: TestClient) -> None:
    response = client.post(
        "/api/ingest", json={"articles": [{"text": STRIKE}]}, headers={"origin": "http://testserver"}
    )
    assert response.status_code == 202
    wait_for(client, response.json())


def test_api_job_unknown_is_404(client: TestClient) -> None:
    response = client.get("/api/jobs/feedbeef")
    assert response.status_code == 404
    assert error_of(response) == "no job 'feedbeef'"


# --------------------------------------------------------------------------- the app


def test_api_unknown_path_and_method_are_json_errors(client: TestClient) -> None:
    assert error_of(client.get("/api/nothing-here")) == "nothing at /api/nothing-here"
    response = client.delete("/api/articles")
    assert response.status_code == 405
    assert error_of(response) == "DELETE is not allowed on /api/articles"


def test_api_openapi_describes_every_endpoint(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    assert {
        "/api",
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/entities/{name}",
        "/api/search",
        "/api/ingest",
        "/api/jobs",
        "/api/jobs/{job_id}",
    } <= set(spec["paths"])
    assert not [p for p in spec["paths"] if not p.startswith("/api")]  # pages are not API
    article = spec["paths"]["/api/articles/{article_id}"]["get"]["responses"]["200"]["content"]["application/json"]
    assert "quotes" in article["schema"]["properties"]
    assert set(spec["paths"]["/api/ingest"]["post"]["requestBody"]["content"]) == {
        "multipart/form-data",
        "application/json",
    }


def test_api_docs_are_served_locally(client: TestClient) -> None:
    page = client.get("/docs").text
    assert "cdn" not in page.lower() and "http" not in page.replace("http-equiv", "")
    for asset in ("/static/swagger/swagger-ui-bundle.js", "/static/swagger/swagger-ui.css", "/static/docs.js"):
        assert asset in page
        assert client.get(asset).status_code == 200


@pytest.mark.parametrize("host", ["evil.invalid", "192.168.1.10", "localhost.evil.invalid"])
def test_api_refuses_unknown_host_headers(desk_path: Path, tmp_path: Path, host: str) -> None:
    with TestClient(create_app(desk_path, uploads=tmp_path / "u"), base_url=f"http://{host}") as other:
        response = other.get("/api")
        assert response.status_code == 400
        assert error_of(response).startswith("unknown host")
    with TestClient(create_app(desk_path, uploads=tmp_path / "u"), base_url="http://127.0.0.1:8000") as local:
        assert local.get("/api").status_code == 200


def test_api_every_response_has_a_strict_content_security_policy(client: TestClient) -> None:
    for path in ("/", "/api", f"/articles/{hostile().id}", "/api/nothing"):
        csp = client.get(path).headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe" not in csp and "object-src 'none'" in csp


def test_api_over_a_memory_store(tmp_path: Path) -> None:
    store = fill(MemoryStore())
    with TestClient(create_app(store, uploads=tmp_path / "u", allowed_hosts=["testserver"])) as c:
        assert [r["outlet"] for r in c.get("/api/articles").json()["items"]][1:] == ["Coast Wire", "Harbour Times"]
        assert len(c.get(f"/api/stories/{harbour().id}").json()["articles"]) == 2
        assert {h["kind"] for h in c.get("/api/search", params={"q": "insult"}).json()["items"]} == {"quote", "article"}
        assert json.loads(c.get(f"/api/articles/{coast().id}").text)["outlet"] == "Coast Wire"


def test_api_threads_list_the_desks_storylines(client: TestClient) -> None:
    body = client.get("/api/threads").json()
    assert [t["id"] for t in body["items"]] == [hostile().id, harbour().id]  # newest first
    ferry = body["items"][1]
    assert (ferry["n_stories"], ferry["n_articles"], ferry["n_outlets"]) == (1, 2, 2)
    assert ferry["href"] == f"/threads/{harbour().id}" and ferry["title"] == harbour().title
    assert client.get("/api/threads", params={"limit": 1, "offset": 1}).json()["next_offset"] is None


def test_api_thread_has_its_stories_with_briefs_and_changes(client: TestClient) -> None:
    body = client.get(f"/api/threads/{harbour().id}").json()
    assert body["title"] == harbour().title and body["n_stories"] == 1 and body["n_articles"] == 2
    (story,) = body["stories"]
    assert story["href"] == f"/stories/{harbour().id}" and story["brief"]
    assert all(c["href"].startswith("/articles/") for line in story["brief"] for c in line["cites"])
    assert "Piet Varga" in story["new_speakers"] and story["moved"] == []
    assert any("passengers" in f for f in story["new_figures"])


@pytest.mark.parametrize("bad", ["0000000000000000", "nothing-here"])
def test_api_thread_unknown(client: TestClient, bad: str) -> None:
    response = client.get(f"/api/threads/{bad}")
    assert response.status_code == 404 and response.json()["error"] == f"no thread {bad!r}"


def test_api_story_timeline_category_filter(client: TestClient) -> None:
    h = harbour()
    story = client.get(f"/api/stories/{h.id}").json()
    assert story["categories"] == ["protest", "reject"] and story["category"] is None
    walked = next(e for e in story["timeline"] if e["label"] == "Ferry crews walked out")
    assert (walked["lane"], walked["cameo"], walked["cameo_label"]) == ("protest", "143", "conduct strike or boycott")
    only = client.get(f"/api/stories/{h.id}", params={"category": "protest"}).json()
    assert {e["lane"] for e in only["timeline"]} == {"protest", "published"}
    assert only["category"] == "protest" and only["categories"] == ["protest", "reject"]
