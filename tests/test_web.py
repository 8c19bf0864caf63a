"""The web pages and the JSON API over a throw-away archive holding the two bundled seeds.

Pages are read as a reader would get them (HTML), the API as a script would (JSON); both come
from the same archive, so each page test checks the page against the API's data.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

import storyline
from storyline.web.app import create_app

from .conftest import EXAMPLES

TOKEN = "correct-horse-battery-staple"


@pytest.fixture(scope="module")
def seeded(tmp_path_factory, nlp):
    archive = storyline.open(str(tmp_path_factory.mktemp("web") / "web.db"))
    archive._nlp = nlp
    report = archive.ingest([str(EXAMPLES)])
    assert report.added == 2, report.problems
    yield archive
    archive.close()


@pytest.fixture(scope="module")
def client(seeded):
    with TestClient(create_app(seeded, token=TOKEN)) as c:
        yield c


@pytest.fixture(scope="module")
def seed_story(client) -> dict:
    stories = client.get("/api/stories").json()
    return client.get(f"/api/stories/{stories[0]['id']}").json()


def test_the_story_list_links_each_story_by_its_title(client, seed_story):
    page = client.get("/")
    assert page.status_code == 200
    assert f'href="/stories/{seed_story["id"]}"' in page.text


def test_the_seeds_form_one_story_of_two_articles(seed_story):
    assert len(seed_story["articles"]) == 2


def test_filtering_the_list_by_an_actor_of_the_story_keeps_it_and_by_a_stranger_drops_it(
        client, seed_story):
    member = seed_story["actors"][0]["id"] if seed_story["actors"] else None
    if member:
        assert seed_story["id"] in client.get("/", params={"actor": member}).text
    stranger = client.get("/", params={"actor": "no-such-actor"})
    assert seed_story["id"] not in stranger.text and "No story matches" in stranger.text


def test_a_malformed_date_filter_is_explained_not_an_error(client):
    page = client.get("/", params={"since": "last tuesday"})
    assert page.status_code == 200 and "use YYYY-MM-DD" in page.text
    assert client.get("/api/stories", params={"since": "last tuesday"}).status_code == 422


def test_the_story_page_has_board_timeline_graph_and_claims(client, seed_story):
    page = client.get(f"/stories/{seed_story['id']}").text
    for section in ("stances", "timeline", "graph", "claims", "articles"):
        assert f'id="{section}"' in page
    for article_id in seed_story["articles"]:
        assert f'href="/articles/{article_id}"' in page


def test_the_stance_board_puts_each_actor_in_the_column_of_its_api_stance(client, seed_story):
    page = client.get(f"/stories/{seed_story['id']}").text
    shown = re.findall(r'class="stance-actor" data-actor="([^"]+)" data-stance="([^"]+)"', page)
    expected = {(s["actor"], s["stance"]) for s in seed_story["stances"]
                if s["stance"] in ("support", "undecided", "oppose")}
    assert set(shown) == expected
    boards = page.count('class="stance-board"')
    for column in ("support", "undecided", "oppose"):
        assert page.count(f'class="stance-column stance-{column}"') == boards


class ReaderText(HTMLParser):
    """The reader's article text as (offset, text, actor ids) pieces, in page order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.inside, self.depth, self.at = False, 0, 0
        self.actors: list[list[str]] = [[]]
        self.pieces: list[tuple[int, str, list[str]]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "div" and attrs.get("id") == "text":
            self.inside, self.depth = True, 0
        elif self.inside:
            self.depth += 1
            self.actors.append((attrs.get("data-actor") or "").split())

    def handle_endtag(self, tag):
        if self.inside:
            if self.depth == 0:
                self.inside = False
            else:
                self.depth -= 1
                self.actors.pop()

    def handle_data(self, data):
        if self.inside:
            self.pieces.append((self.at, data, self.actors[-1]))
            self.at += len(data)


def test_the_reader_shows_the_text_unchanged_with_every_actor_mention_marked(client, seeded):
    summary = seeded.articles(limit=1)[0]
    record = client.get(f"/api/articles/{summary['id']}").json()
    reader = ReaderText()
    reader.feed(client.get(f"/articles/{summary['id']}").text)
    assert "".join(text for _, text, _ in reader.pieces) == record["text"]
    for actor in record["actors"]:
        for mention in actor["mentions"]:
            covering = [(start, text) for start, text, ids in reader.pieces
                        if actor["id"] in ids and mention["start"] <= start < mention["end"]]
            assert "".join(text for _, text in covering) == mention["text"], (actor["id"], mention)


def test_the_actor_page_lists_the_stories_an_actor_is_in(client, seed_story):
    assert seed_story["actors"], "the seed story must have actors"
    actor_id = seed_story["actors"][0]["id"]
    page = client.get(f"/actors/{actor_id}")
    assert page.status_code == 200
    assert f'href="/stories/{seed_story["id"]}"' in page.text
    assert client.get(f"/api/actors/{actor_id}").json()["id"] == actor_id


@pytest.mark.parametrize("path", ["/stories/nope", "/articles/nope", "/actors/nope"])
def test_an_unknown_id_is_a_404_page(client, path):
    page = client.get(path)
    assert page.status_code == 404 and "Not found" in page.text
    api = client.get("/api" + path)
    assert api.status_code == 404 and "nope" in api.json()["detail"]


def test_reads_are_open_but_writes_need_the_token(client):
    body = {"text": "A short note written for this test about nothing in particular at all."}
    assert client.post("/api/articles", json=body).status_code == 401
    wrong = client.post("/api/articles", json=body, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401


def test_a_server_without_a_token_refuses_writes_and_says_how_to_allow_them(seeded):
    with TestClient(create_app(seeded, token=None)) as c:
        answer = c.post("/api/articles", json={"text": "Anything."},
                        headers={"Authorization": "Bearer guess"})
    assert answer.status_code == 403
    assert "--token" in answer.json()["detail"] and "STORYLINE_TOKEN" in answer.json()["detail"]


def test_posting_an_article_ingests_it_and_posting_it_again_adds_nothing(client):
    body = [{"id": "web-test-harbour", "title": "Harbour reopens", "published": "2024-07-01",
             "source": "Test Gazette",
             "text": "The port authority of Valletta said on Monday that the harbour would reopen "
                     "to cruise ships after repairs to the breakwater were finished."}]
    auth = {"Authorization": f"Bearer {TOKEN}"}
    first = client.post("/api/articles", json=body, headers=auth)
    assert first.status_code == 200, first.text
    assert (first.json()["added"], first.json()["ids"]) == (1, ["web-test-harbour"])
    again = client.post("/api/articles", json=body, headers=auth).json()
    assert (again["added"], again["unchanged"]) == (0, 1)
    stored = client.get("/api/articles/web-test-harbour").json()
    assert stored["source"] == "Test Gazette" and stored["story"]


def test_an_article_without_text_is_rejected_before_analysis(client):
    answer = client.post("/api/articles", json={"title": "No body"},
                         headers={"Authorization": f"Bearer {TOKEN}"})
    assert answer.status_code == 422


def test_a_body_over_the_limit_is_refused_whether_declared_or_streamed(seeded):
    small = TestClient(create_app(seeded, token=TOKEN, max_body_bytes=1000))
    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    declared = small.post("/api/articles", content=b'{"text": "' + b"x" * 5000 + b'"}',
                          headers=auth)
    assert declared.status_code == 413

    def chunks():
        yield b'{"text": "'
        for _ in range(10):
            yield b"y" * 500
        yield b'"}'
    streamed = small.post("/api/articles", content=chunks(), headers=auth)
    assert streamed.status_code == 413


@pytest.mark.parametrize("path", ["/static/../pyproject.toml",
                                  "/static/%2e%2e/%2e%2e/pyproject.toml",
                                  "/static/..%2f..%2f..%2fpyproject.toml",
                                  "/static/%2e%2e%2f%2e%2e%2fapp.py"])
def test_static_files_never_leave_their_folder(client, path):
    answer = client.get(path)
    assert answer.status_code == 404
    assert "[project]" not in answer.text and "create_app" not in answer.text


def test_every_response_forbids_inline_scripts(client):
    for path in ("/", "/api/stories", "/static/storyline.css", "/nope"):
        policy = client.get(path).headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy


HOSTILE_TITLE = '<script>window.__pwned = "title"</script>Minister <b>resigns</b>'
HOSTILE_TEXT = ('The minister of <img src=x onerror="window.__pwned=\'text\'"> Ruritania '
                'resigned on Tuesday, the spokesman said. "<script>window.__pwned = 1</script>" was '
                'painted on the ministry wall, the police said.')


def post_hostile(client) -> str:
    body = {"id": "hostile-1", "title": HOSTILE_TITLE, "text": HOSTILE_TEXT,
            "source": '<svg onload="window.__pwned=2">Evil Times', "published": "2024-08-01",
            "url": "javascript:window.__pwned=3"}
    answer = client.post("/api/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert answer.status_code == 200, answer.text
    return client.get("/api/articles/hostile-1").json()["story"]


def test_hostile_article_text_renders_as_text_on_every_page(client):
    story_id = post_hostile(client)
    for path in ("/articles/hostile-1", f"/stories/{story_id}", "/?q=minister", "/"):
        page = client.get(path).text
        assert "<script>window" not in page and "<img src=x" not in page
        assert "<svg onload" not in page and "javascript:" not in page
    reader = client.get("/articles/hostile-1").text
    assert "&lt;script&gt;window.__pwned" in reader


def test_the_served_app_takes_its_token_from_the_environment_and_answers_only_loopback_names(
        tmp_path, monkeypatch):
    from storyline.web import app_for
    monkeypatch.setenv("STORYLINE_TOKEN", "from-the-environment")
    app = app_for(str(tmp_path / "served.db"))
    with TestClient(app, base_url="http://127.0.0.1:8000") as local:
        assert local.get("/api/counts").json()["articles"] == 0
        refused = local.post("/api/articles", json={"text": "A note."},
                             headers={"Authorization": "Bearer wrong"})
        assert refused.status_code == 401
        blank = local.post("/api/articles", json={"text": "   "},
                           headers={"Authorization": "Bearer from-the-environment"})
        assert blank.status_code == 200
        assert blank.json()["problems"] == [{"path": "request:1", "reason": "no text"}]
    with TestClient(app, base_url="http://attacker.example") as rebound:
        assert rebound.get("/api/counts").status_code == 400


def test_a_link_to_quoted_evidence_lands_on_the_quoted_passage(client, seeded):
    article_id = seeded.articles(limit=1)[0]["id"]
    page = client.get(f"/articles/{article_id}", params={"hl": "0-20"}).text
    assert 'id="focus"' in page and "hl-focus" in page
    assert 'id="focus"' not in client.get(f"/articles/{article_id}", params={"hl": "x"}).text


def test_the_api_page_documents_every_endpoint_without_loading_anything_remote(client):
    page = client.get("/api").text
    for path in ("/api/articles", "/api/stories/{story_id}", "/api/actors/{actor_id}"):
        assert path in page
    assert "http://" not in page.replace("http://testserver", "") and "https://" not in page
    assert client.get("/docs").status_code == 404 and client.get("/redoc").status_code == 404


def test_a_story_page_is_rebuilt_when_its_story_changes_and_revalidates_when_it_does_not(
        client, seed_story):
    first = client.get(f"/stories/{seed_story['id']}")
    etag = first.headers["etag"]
    again = client.get(f"/stories/{seed_story['id']}", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert client.get(f"/stories/{seed_story['id']}").text == first.text

    from storyline.web.page_cache import PageCache, story_version
    cache = PageCache(capacity=2)
    for changed in ({**seed_story, "stances": []}, {**seed_story, "articles": ["another"]},
                    {**seed_story, "timeline": [{}] * (len(seed_story["timeline"]) + 1)},
                    {**seed_story, "last_seen": "2099-01-01"}):
        assert story_version(changed) != story_version(seed_story)
    for key in ("a", "b", "c"):
        cache.put(key, key.encode())
    assert cache.get("a") is None and cache.get("c") == b"c"


@pytest.mark.parametrize("query", ["\x00", 'a" OR "b', "NEAR(x y)", "*", "'; DROP TABLE articles; --"])
def test_any_search_text_is_taken_as_words_never_as_query_syntax(client, query):
    # Found by schemathesis: a NUL in ``q`` once broke SQLite's full-text query.
    assert client.get("/api/stories", params={"q": query}).status_code == 200
    assert client.get("/api/articles", params={"q": query}).status_code == 200
    assert client.get("/", params={"q": query}).status_code == 200
