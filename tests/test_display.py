"""Results that show themselves: charts drawn offline with their tooltips (in a real headless
Chromium, nothing requested from the network), the renderer enabled only when asked, and
every input text escaped in the HTML summaries."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cchc_analysis.display import offline_chart_html, standalone_page
from cchc_analysis.scoring.rubric_view import rubric_html


def _spec() -> dict:
    from cchc_analysis import explore

    return explore.plot_published_series().to_dict()


def test_importing_the_library_leaves_altair_s_renderer_alone():
    code = (
        "import altair as alt, cchc_analysis as cchc; "
        "import cchc_analysis.api, cchc_analysis.display, cchc_analysis.explore; "
        "print(alt.renderers.active); cchc.enable_offline_charts(); print(alt.renderers.active)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["default", "cchc_offline"]


def test_a_chart_carries_its_svg_and_its_scripts_and_nothing_to_fetch():
    import altair as alt

    from cchc_analysis.display import enable_offline_charts

    before = alt.renderers.active
    try:
        enable_offline_charts("vi")
        bundle = alt.renderers.get()(_spec())
    finally:
        alt.renderers.enable(before)
    page = bundle["text/html"]
    assert "<svg" in page and "vegaEmbed" in page
    assert "<script src" not in page and "cdn." not in page
    # only our own script element closes: the inlined bundle cannot end it early
    assert page.count("</script") == 1
    assert '"decimal": ","' in page or '"decimal":","' in page  # numbers the Vietnamese way


def test_a_static_only_chart_has_no_script():
    page = offline_chart_html(_spec(), "en", interactive=False)
    assert "<svg" in page and "<script" not in page and len(page) < 100_000


def test_user_text_in_a_rubric_is_escaped():
    from cchc_analysis.scoring.rubric import load_rubric

    rubric = load_rubric("par-index-illustrative").model_copy(
        update={"title_en": "<img src=x onerror=alert(1)>"}
    )
    page = rubric_html(rubric)
    assert "<img src=x" not in page and "&lt;img src=x" in page


@pytest.mark.slow
def test_an_offline_chart_draws_and_shows_its_tooltip_in_chromium(tmp_path):
    from tests.chromium import Chromium, ensure_chromium

    path, why = ensure_chromium()
    if path is None:
        pytest.skip(why)
    page = tmp_path / "chart.html"
    page.write_text(standalone_page("chart", offline_chart_html(_spec(), "en"), "en"), "utf-8")
    browser = Chromium(path, tmp_path / "profile")
    try:
        log = browser.open(page.as_uri())
        browser.drain(1.5)
        log = browser.page_log()
        assert log.errors() == []
        assert [url for url in log.requests if not url.startswith("file://")] == []
        points = browser.evaluate(
            "document.querySelectorAll('.vega-embed svg .mark-symbol path').length"
        )
        assert points >= 20  # the published series: a point per region and year
        hidden = browser.evaluate("document.querySelector('[id$=-static]').style.display")
        assert hidden == "none"  # the interactive chart replaced the static one
        x, y = browser.evaluate(
            "(function () { var r = document.querySelector('.vega-embed svg .mark-symbol path')"
            ".getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()"
        )
        browser.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})
        browser.drain(0.5)
        tooltip = browser.evaluate(
            "(function () { var e = document.getElementById('vg-tooltip-element');"
            " return e ? [e.className, e.textContent] : null; })()"
        )
        assert tooltip is not None and "visible" in tooltip[0]
        assert "avg_index_pct" in tooltip[1] and "source" in tooltip[1]
        browser.screenshot(Path(tmp_path) / "chart.png")
    finally:
        browser.close()


def test_importing_the_charts_leaves_the_altair_theme_alone():
    import subprocess
    import sys

    code = (
        "import altair as alt; before = alt.theme.active; import cchc_analysis.reports.charts as c; "
        "import cchc_analysis.reports.sections; assert alt.theme.active == before, alt.theme.active; "
        "chart = alt.Chart({'values': [{'a': 1}]}).mark_point().encode(x='a:Q'); "
        "assert 'Noto Sans' in str(c.themed_spec(chart)['config']); "
        "assert alt.theme.active == before"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
