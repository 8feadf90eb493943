"""The index and a report opened in a real headless Chromium, as a reader opens them: the charts
have drawn marks, the console is clean, nothing is requested beyond the local files, the
ranking sorts when a heading is clicked. Screenshots are saved in the test's temporary folder.

Chromium is Debian's ``chromium`` (installed with apt-get when missing); the tests skip, saying
why, only when it cannot be installed.
"""

from __future__ import annotations

import pytest

from cchc_analysis.pipeline import run_score, run_validate
from cchc_analysis.reports.render import render_reports
from tests.chromium import Chromium, ensure_chromium

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def chromium_path() -> str:
    path, why = ensure_chromium()
    if path is None:
        pytest.skip(why)
    return path


@pytest.fixture(scope="module")
def batch(tmp_path_factory, three_province_csv):
    """The three-province fixture validated, scored and rendered (index, reports)."""
    processed = tmp_path_factory.mktemp("processed")
    assert run_validate([three_province_csv], processed, processed).ok
    run_score(processed / "indicators.parquet", "par-index-illustrative", processed)
    out = tmp_path_factory.mktemp("reports") / "2025"
    outcomes = render_reports(2025, processed, out, jobs=2)
    assert all(o.error is None for o in outcomes), outcomes
    return out


@pytest.fixture
def browser(chromium_path, tmp_path):
    chromium = Chromium(chromium_path, tmp_path / "profile")
    yield chromium
    chromium.close()


def _only_local(requests: list[str]) -> list[str]:
    """Return the requests that are not local files (none may be)."""
    return [url for url in requests if not url.startswith("file://")]


def test_a_report_draws_its_charts_offline(browser, batch, tmp_path):
    log = browser.open((batch / "25-phu_tho.html").as_uri())
    assert log.errors() == []
    assert log.requests and _only_local(log.requests) == []
    charts = browser.evaluate(
        "Array.from(document.querySelectorAll('figure.cchc-chart .cchc-svg > svg')).map(svg => "
        "svg.querySelectorAll('path, rect, line').length)"
    )
    # ranking, rank intervals, trend (the domain gaps are drawn in HTML)
    assert len(charts) == 3 and all(marks > 10 for marks in charts), charts
    drawn = browser.evaluate(
        "Array.from(document.querySelectorAll('figure.cchc-chart .cchc-svg > svg')).map(svg => "
        "{const b = svg.getBoundingClientRect(); return b.width * b.height})"
    )
    assert all(area > 10_000 for area in drawn), drawn
    bars = browser.evaluate(
        "Array.from(document.querySelectorAll('.cchc-gap-bar')).map(b => "
        "b.getBoundingClientRect().width)"
    )
    assert len(bars) == 8 and all(width > 0 for width in bars), bars
    # Vietnamese text is drawn as text (with the fonts the page names), with its diacritics.
    labels = browser.evaluate(
        "Array.from(document.querySelectorAll('figure.cchc-chart svg text')).map(t => t.textContent)"
    )
    assert "Phú Thọ" in labels and "Đồng Tháp" in labels
    width = browser.evaluate(
        "(() => {const t = Array.from(document.querySelectorAll('figure.cchc-chart svg text'))"
        ".find(t => t.textContent === 'Đồng Tháp'); return t.getComputedTextLength()})()"
    )
    assert width > 20
    assert browser.evaluate("document.documentElement.lang") == "vi"
    assert browser.evaluate("document.querySelectorAll('script').length") == 0
    shot = browser.screenshot(tmp_path / "25-phu_tho.png")
    assert shot.stat().st_size > 50_000


def test_each_report_highlights_its_own_province_in_the_shared_charts(browser, batch):
    """The ranking and rank-interval charts are the same SVG in every report; a style rule
    picks out the report's province: its marks in the highlight colour, its label bold."""
    styles = (
        "(scope => Array.from(document.querySelectorAll("
        "`#${scope} g.mark-symbol path[aria-label], #${scope} g.mark-rect path[aria-label]`))"
        ".filter(p => getComputedStyle(p).fill === 'rgb(213, 94, 0)')"
        ".map(p => p.getAttribute('aria-label').split(' (')[0]))"
    )
    bold = (
        "(scope => Array.from(document.querySelectorAll(`#${scope} g.mark-text.role-mark text`))"
        ".filter(t => getComputedStyle(t).fontWeight === '700').map(t => t.textContent))"
    )
    figures = {}
    for page, province in (("25-phu_tho.html", "Phú Thọ"), ("82-dong_thap.html", "Đồng Tháp")):
        browser.open((batch / page).as_uri())
        for scope in ("ranking_heading", "uncertainty_heading"):
            assert set(browser.evaluate(f"{styles}('{scope}')")) == {province}, (page, scope)
            assert browser.evaluate(f"{bold}('{scope}')") == [province], (page, scope)
        figures[page] = browser.evaluate("document.querySelector('#ranking_heading svg').outerHTML")
    assert figures["25-phu_tho.html"] == figures["82-dong_thap.html"]


def test_the_index_links_every_report_and_sorts(browser, batch, tmp_path):
    log = browser.open((batch / "index.html").as_uri())
    assert log.errors() == []
    assert _only_local(log.requests) == []
    links = browser.evaluate(
        "Array.from(document.querySelectorAll('#ranking a')).map(a => a.getAttribute('href'))"
    )
    assert sorted(links) == ["01-ha_noi.html", "25-phu_tho.html", "82-dong_thap.html"]
    ranks = "Array.from(document.querySelectorAll('#ranking tbody tr')).map(r => r.cells[0].textContent)"
    assert browser.evaluate(ranks) == ["1", "2", "3"]
    heading = "document.querySelectorAll('#ranking th')[2]"  # the index column
    browser.evaluate(f"{heading}.click()")
    assert browser.evaluate(f"{heading}.getAttribute('aria-sort')") == "ascending"
    assert browser.evaluate(ranks) == ["3", "2", "1"]
    browser.evaluate(f"{heading}.click()")
    assert browser.evaluate(ranks) == ["1", "2", "3"]
    names = "Array.from(document.querySelectorAll('#ranking tbody tr')).map(r => r.cells[1].textContent)"
    browser.evaluate("document.querySelectorAll('#ranking th')[1].click()")
    assert browser.evaluate(names) == [
        "Đồng Tháp",
        "Hà Nội",
        "Phú Thọ",
    ]  # Vietnamese order: Đ after D
    assert log.errors() == [] and browser.page_log().errors() == []
    browser.screenshot(tmp_path / "index.png")
    # Following a link opens the report from disk.
    browser.evaluate("document.querySelector('#ranking a[href=\"82-dong_thap.html\"]').click()")
    browser.wait_for("Page.loadEventFired")
    assert browser.evaluate("document.title").endswith("Đồng Tháp 2025")
    assert _only_local(browser.page_log().requests) == []


SMALLEST_CHART_FONT = """(() => {
  let smallest = Infinity;
  for (const svg of document.querySelectorAll('figure.cchc-chart .cchc-svg > svg')) {
    const scale = svg.getBoundingClientRect().width / svg.width.baseVal.value;
    for (const t of svg.querySelectorAll('text')) {
      smallest = Math.min(smallest, parseFloat(getComputedStyle(t).fontSize) * scale);
    }
  }
  return smallest;
})()"""


@pytest.mark.parametrize("width", [390, 1280])
def test_a_report_reads_on_a_phone_and_a_desktop(browser, batch, tmp_path, width):
    for page in ("25-phu_tho.html", "01-ha_noi.html", "index.html"):
        log = browser.open((batch / page).as_uri(), width=width, height=844)
        assert log.errors() == []
        # no sideways scroll of the page itself: wide tables scroll in their own box
        assert browser.evaluate("document.documentElement.scrollWidth") <= width, page
        browser.screenshot(tmp_path / f"{page}-{width}.png")
        if page == "index.html":
            continue
        assert browser.evaluate(SMALLEST_CHART_FONT) >= 11, page
        assert browser.evaluate("document.querySelectorAll('[role=alert]').length") == 0
        banner = "document.querySelector('.cchc-synthetic')"
        assert browser.evaluate(f"{banner}.textContent").startswith("DỮ LIỆU GIẢ LẬP")
        assert browser.evaluate(f"{banner}.getAttribute('role')") == "note"
        tables = browser.evaluate(
            "Array.from(document.querySelectorAll('table')).map(t => t.caption ? "
            "t.caption.textContent.trim() : '')"
        )
        assert tables and all(tables), tables
        titles = browser.evaluate(
            "Array.from(document.querySelectorAll('figure.cchc-chart')).map(f => "
            "[f.querySelector('.cchc-chart-title').textContent, "
            "(f.querySelector('.cchc-caption') || {}).textContent || ''])"
        )
        assert len(titles) == 4 and all(title and caption for title, caption in titles)
        # the report's summary comes first, under the title and banners
        first = browser.evaluate("document.querySelector('section.cchc-section').id")
        assert first == "summary_heading"


def test_the_index_filters_by_region(browser, batch):
    browser.open((batch / "index.html").as_uri(), width=390)
    options = browser.evaluate(
        "Array.from(document.querySelectorAll('#region-filter option')).map(o => o.value)"
    )
    assert options[0] == "" and len(options) >= 2
    visible = "Array.from(document.querySelectorAll('#ranking tbody tr')).filter(r => !r.hidden)"
    assert browser.evaluate(f"{visible}.length") == 3
    region = options[1]
    browser.evaluate(
        f"(() => {{const s = document.getElementById('region-filter'); s.value = '{region}';"
        "s.dispatchEvent(new Event('change'))})()"
    )
    shown = browser.evaluate(f"{visible}.map(r => r.getAttribute('data-region'))")
    assert shown and set(shown) == {region}
    assert browser.evaluate("document.getElementById('shown').textContent").startswith(
        f"Đang hiện {len(shown)}/3"
    )
    bars = browser.evaluate(
        "Array.from(document.querySelectorAll('.bar-track .bar')).map(b => "
        "getComputedStyle(b).backgroundColor)"
    )
    assert len(bars) == 3 and all(colour != "rgba(0, 0, 0, 0)" for colour in bars)
