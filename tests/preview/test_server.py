"""The preview's server (lessonkit.preview.server) on a small site folder: it answers at once whatever
the builder does, shows what the build refuses in the page's language, and adds its reload script and
banner to the pages it serves without touching the site's Content-Security-Policy."""

from __future__ import annotations

import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from lessonkit.labels import labels_for
from lessonkit.preview.pages import PreviewPages
from lessonkit.preview.server import PREFIX, PreviewServer, Refused, Served

CSP = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'self'\">"


def page(title: str, lang: str = "vi") -> str:
    return f'<!doctype html><html lang="{lang}"><head>{CSP}<title>{title}</title></head><body class="x"><p>{title}</p></body></html>'


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "lessons" / "primary" / "m").mkdir(parents=True)
    (root / "en" / "lessons" / "primary" / "m").mkdir(parents=True)
    (root / "index.html").write_text(page("Trang chủ"), encoding="utf-8")
    (root / "404.html").write_text(page("Không tìm thấy"), encoding="utf-8")
    (root / "en" / "404.html").write_text(page("Not found", "en"), encoding="utf-8")
    (root / "lessons" / "primary" / "m" / "index.html").write_text(page("Bài m"), encoding="utf-8")
    (root / "en" / "lessons" / "primary" / "m" / "index.html").write_text(page("Lesson m", "en"), encoding="utf-8")
    (root / "style.css").write_text("p{}", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("no", encoding="utf-8")
    return root


@pytest.fixture
def served() -> Served:
    return Served()


@pytest.fixture
def base(served: Served) -> Iterator[str]:
    server = PreviewServer(("127.0.0.1", 0), served, PreviewPages(), ("vi", "en"))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status, answer.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def test_before_the_first_build_every_page_says_it_is_building(base: str) -> None:
    status, text = get(base + "lessons/primary/m/index.html")
    assert status == 200 and labels_for("vi")["preview_building_title"] in text
    status, text = get(base + "en/")
    assert labels_for("en")["preview_building_title"] in text and 'lang="en"' in text
    assert f'src="{PREFIX}reload.js"' in text


def test_pages_get_the_reload_script_and_the_banner_and_keep_their_policy(
    base: str, served: Served, site: Path
) -> None:
    served.change(site=site, built_at="10:00:00")
    status, text = get(base + "lessons/primary/m/index.html")
    assert status == 200
    assert CSP in text  # the site's policy as the build wrote it: script-src 'self' allows the script file
    assert f'<script src="{PREFIX}reload.js" data-lk-epoch="{served.state.epoch}"></script></body>' in text
    assert text.index("lk-preview-banner") > text.index('<body class="x">')
    assert labels_for("vi")["preview_fresh"].format(time="10:00:00") in text
    status, text = get(base + "en/lessons/primary/m/index.html")
    assert labels_for("en")["preview_fresh"].format(time="10:00:00") in text
    assert get(base + f"{PREFIX}reload.js")[0] == 200
    assert get(base + "style.css") == (200, "p{}")
    assert get(base)[1].count("Trang chủ") == 2


def test_a_missing_page_gets_the_site_s_404_page_in_its_language(base: str, served: Served, site: Path) -> None:
    served.change(site=site)
    assert get(base + "nowhere.html")[0] == 404 and "Không tìm thấy" in get(base + "nowhere.html")[1]
    assert "Not found" in get(base + "en/nowhere.html")[1]
    assert get(base + "%2e%2e/secret.txt")[0] == 404


def test_a_module_s_errors_replace_its_pages_in_each_language(base: str, served: Served, site: Path) -> None:
    lines = {
        "vi": ["lessons/primary/m/index.vi.md:8: error: thời lượng phải từ 10 đến 90 phút"],
        "en": ["lessons/primary/m/index.vi.md:8: error: duration must be 10 to 90 minutes"],
    }
    refused = Refused(lines, "lessons/primary/m")
    served.change(
        site=site, page_errors={"lessons/primary/m/index.html": refused, "en/lessons/primary/m/index.html": refused}
    )
    status, text = get(base + "lessons/primary/m/index.html")
    assert status == 500 and lines["vi"][0] in text and labels_for("vi")["preview_refused_title"] in text
    status, text = get(base + "en/lessons/primary/m/index.html")
    assert lines["en"][0] in text and labels_for("en")["preview_refused_title"] in text
    assert f'src="{PREFIX}reload.js"' in text
    assert get(base + "index.html")[0] == 200  # other pages are served as they are


def test_a_failed_full_build_shows_its_messages_on_every_page(base: str, served: Served, site: Path) -> None:
    served.change(site=site, site_error=Refused({"vi": ["a: lỗi"], "en": ["a: error"]}))
    assert "a: lỗi" in get(base + "index.html")[1]
    assert "a: error" in get(base + "en/anything.html")[1]
    assert get(base + "style.css") == (200, "p{}")


def test_the_reload_request_answers_when_the_site_changes(base: str, served: Served, site: Path) -> None:
    served.change(site=site)
    epoch = served.state.epoch
    answers: list[str] = []
    asking = threading.Thread(target=lambda: answers.append(get(base + f"{PREFIX}epoch?since={epoch}")[1]))
    asking.start()
    time.sleep(0.5)
    assert not answers  # it waits for a change
    served.change(updated=("m",))
    asking.join(5)
    assert answers == [str(served.state.epoch)] and served.state.epoch != epoch
    # An old page asks with an older epoch: the answer is at once.
    assert get(base + f"{PREFIX}epoch?since={epoch}")[1] == str(served.state.epoch)
