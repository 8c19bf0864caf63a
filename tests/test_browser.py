"""A reader in a real headless browser: Debian's Chromium driven by Playwright.

The server runs on the loopback interface over a throw-away archive holding the two bundled
seed articles. Screenshots land in ``test-artifacts/`` (git-ignored) for a person to look at.
"""
from __future__ import annotations

import json
import socket
import threading
import time
import urllib.request
from pathlib import Path

import pytest

import storyline
from storyline.web.app import create_app

from .conftest import EXAMPLES, REPO

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = REPO / "test-artifacts"
TOKEN = "browser-test-token"
LAPTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
SEED_SUPPORT = {"FRA", "UKR", "LTU"}
SEED_OPPOSE = {"ESP", "ITA", "DEU", "USA", "RUS"}


@pytest.fixture(scope="module")
def base_url(tmp_path_factory, nlp):
    import uvicorn
    archive = storyline.open(str(tmp_path_factory.mktemp("browser") / "browser.db"))
    archive._nlp = nlp
    archive.ingest([str(EXAMPLES)])
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(archive, token=TOKEN), host="127.0.0.1",
                                           port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the test server did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    archive.close()


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed at /usr/bin/chromium")
    playwright_api = pytest.importorskip("playwright.sync_api")
    ARTIFACTS.mkdir(exist_ok=True)
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, base_url):
    """A fresh page that records every request, so a test can prove nothing left the machine."""
    context = browser.new_context(viewport=LAPTOP)
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()


def api(base_url: str, path: str):
    with urllib.request.urlopen(base_url + path, timeout=30) as answer:
        return json.load(answer)


def post_json(base_url: str, path: str, body) -> dict:
    request = urllib.request.Request(base_url + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json",
                                              "Authorization": f"Bearer {TOKEN}"})
    with urllib.request.urlopen(request, timeout=120) as answer:
        return json.load(answer)


@pytest.fixture(scope="module")
def seed_story(base_url) -> dict:
    seed = api(base_url, "/api/articles")[0]
    return api(base_url, f"/api/stories/{seed['story']}")


def board_columns(page) -> dict[str, set[str]]:
    """Actor ids shown in each stance column of the board, read from the rendered page."""
    shown: dict[str, set[str]] = {"support": set(), "undecided": set(), "oppose": set()}
    for column in page.locator(".stance-column").all():
        stance = column.get_attribute("data-stance")
        for actor in column.locator(".stance-actor").all():
            shown[stance].add(actor.get_attribute("data-actor"))
    return shown


def test_the_story_page_shows_a_board_whose_columns_match_the_api(page, base_url, seed_story):
    page.goto(f"{base_url}/stories/{seed_story['id']}")
    assert page.locator("h1").inner_text().strip() == (seed_story["title"] or seed_story["id"])
    for section in ("#stances", "#timeline", "#graph", "#claims", "#articles"):
        assert page.locator(section).is_visible()
    for board in page.locator(".stance-board").all():
        stances = [c.get_attribute("data-stance") for c in board.locator(".stance-column").all()]
        assert stances == ["support", "undecided", "oppose"]
    expected: dict[str, set[str]] = {"support": set(), "undecided": set(), "oppose": set()}
    for stance in seed_story["stances"]:
        expected[stance["stance"]].add(stance["actor"])
    assert board_columns(page) == expected
    page.screenshot(path=str(ARTIFACTS / "story-laptop.png"), full_page=True)
    assert all(url.startswith(base_url) or url.startswith("data:") for url in page.requests)


def test_the_seed_story_board_matches_the_hand_annotated_stances(page, base_url, seed_story):
    assert seed_story["stances"], "the stories layer must give the seed story stances"
    page.goto(f"{base_url}/stories/{seed_story['id']}")
    shown = board_columns(page)
    assert SEED_SUPPORT <= shown["support"]
    assert SEED_OPPOSE <= shown["oppose"]


def test_clicking_an_actor_on_the_board_shows_its_evidence_and_date(page, base_url, seed_story):
    assert seed_story["stances"], "the stories layer must give the seed story stances"
    page.goto(f"{base_url}/stories/{seed_story['id']}")
    stance = seed_story["stances"][0]
    entry = page.locator(f'.stance-actor[data-actor="{stance["actor"]}"]').first
    assert not entry.locator(".evidence").is_visible()
    entry.locator("summary").click()
    assert entry.locator(".evidence").is_visible()
    assert (stance["as_of"] or "undated") in entry.locator(".as-of").inner_text()
    assert entry.locator("blockquote").count() == len(stance["evidence"])
    for quote, evidence in zip(entry.locator("blockquote").all_inner_texts(), stance["evidence"]):
        assert " ".join(evidence["text"].split())[:60] in " ".join(quote.split())
    page.screenshot(path=str(ARTIFACTS / "story-actor-open.png"), full_page=True)


def test_clicking_an_actor_of_the_story_opens_its_page_with_the_story(page, base_url, seed_story):
    assert seed_story["actors"], "the seeds should name actors"
    page.goto(f"{base_url}/stories/{seed_story['id']}")
    actor = seed_story["actors"][0]
    page.locator(f'header .chip[href="/actors/{actor["id"]}"]').click()
    page.wait_for_url(f"**/actors/{actor['id']}")
    assert page.locator("h1").inner_text().strip() == (actor.get("name") or actor["id"])
    assert page.locator(f'a[href="/stories/{seed_story["id"]}"]').count() >= 1
    page.screenshot(path=str(ARTIFACTS / "actor.png"), full_page=True)


def test_the_article_reader_spotlights_every_mention_of_a_chosen_actor(page, base_url, seed_story):
    article_id = seed_story["articles"][0]
    record = api(base_url, f"/api/articles/{article_id}")
    page.goto(f"{base_url}/articles/{article_id}")
    assert " ".join(page.locator("#text").inner_text().split()) == " ".join(record["text"].split())
    actor = max(record["actors"], key=lambda a: len(a["mentions"]))
    page.locator(f'button.actor-toggle[data-actor="{actor["id"]}"]').click()
    spotted = page.locator("#text .spot")
    marked = page.locator(f'#text [data-actor~="{actor["id"]}"]')
    assert spotted.count() == marked.count() >= len(actor["mentions"])
    assert page.locator(f'#text .spot:not([data-actor~="{actor["id"]}"])').count() == 0
    page.locator('input[data-toggle="actor"]').uncheck()
    assert "off-actor" in page.locator("#text").get_attribute("class")
    page.screenshot(path=str(ARTIFACTS / "article.png"), full_page=True)


def test_the_story_list_searches_and_filters(page, base_url, seed_story):
    page.goto(base_url)
    assert page.locator(f'.story-item a[href="/stories/{seed_story["id"]}"]').count() == 1
    page.fill("#f-q", "trainers")
    with page.expect_navigation():
        page.click(".filters button[type=submit]")
    assert "q=trainers" in page.url
    assert page.locator(f'.story-item a[href="/stories/{seed_story["id"]}"]').count() == 1
    page.fill("#f-q", "zzzunfindablezzz")
    with page.expect_navigation():
        page.click(".filters button[type=submit]")
    assert page.locator(".story-item").count() == 0 and page.locator(".empty").is_visible()
    page.screenshot(path=str(ARTIFACTS / "story-list-empty.png"), full_page=True)


@pytest.mark.parametrize("name", ["list", "story", "article"])
def test_every_page_fits_a_phone_screen(browser, base_url, seed_story, name):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    path = {"list": "/", "story": f"/stories/{seed_story['id']}",
            "article": f"/articles/{seed_story['articles'][0]}"}[name]
    page.goto(base_url + path)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    page.screenshot(path=str(ARTIFACTS / f"{name}-phone.png"), full_page=True)
    context.close()
    assert overflow <= 1


def test_hostile_article_text_is_shown_as_text_and_never_runs(page, base_url):
    hostile = {
        "id": "browser-hostile",
        "title": '<script>window.__pwned = "title"</script><b>Minister</b> resigns',
        "source": '<img src=x onerror="window.__pwned=\'source\'">Evil Times',
        "url": "javascript:window.__pwned='url'", "published": "2024-08-01",
        "text": ('The finance minister of <img src=x onerror="window.__pwned=\'text\'"> Ruritania '
                 'resigned on Tuesday, his spokesman said. Protesters wrote '
                 '"<script>window.__pwned = 1</script>" on the ministry wall, police said.')}
    report = post_json(base_url, "/api/articles", hostile)
    assert report["ids"] == ["browser-hostile"]
    story = api(base_url, "/api/articles/browser-hostile")["story"]
    for path in ("/articles/browser-hostile", f"/stories/{story}", "/?q=Ruritania"):
        page.goto(base_url + path)
        assert page.evaluate("typeof window.__pwned") == "undefined", path
        assert page.locator("script:not([src])").count() == 0
        assert page.locator("img").count() == 0
    page.goto(base_url + "/articles/browser-hostile")
    assert "<script>window.__pwned" in page.locator("h1").inner_text()
    assert "<script>window.__pwned = 1</script>" in page.locator("#text").inner_text()
    assert page.locator('a[href^="javascript:"]').count() == 0
    page.screenshot(path=str(ARTIFACTS / "hostile-article.png"), full_page=True)
