"""How results show themselves in a notebook: short HTML summaries of validations, scores,
rank uncertainty and profiles (every text from the input escaped), the report's stylesheet
scoped for a notebook, and an Altair renderer that works with no network. It imports neither
``results`` nor a wing above ``reference``/``store``; ``results`` calls it. The box they share
is ``reference.notebook_html``; a rubric's is ``scoring.rubric_view``."""

from __future__ import annotations

import json
import os
import uuid
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import polars as pl

from cchc_analysis.reference.notebook_html import ROWS_SHOWN, frame_html
from cchc_analysis.reference.notebook_html import box as _box
from cchc_analysis.reference.notebook_html import escaped as _e
from cchc_analysis.reference.notebook_html import flags_html as _flags

RENDERER = "cchc_offline"
# --------------------------------------------------------------------------- results


def validation_html(result: Any) -> str:
    """Return a validation as HTML: verdict, failures grouped by rule with counts, the first
    failures with their file, row and column."""
    errors, warnings = result.errors.height, result.warnings.height
    verdict = (
        '<span class="ok">✔ no errors</span>'
        if result.ok
        else f'<span class="bad">✘ {errors} error(s)</span>'
    )
    title = (
        f"Validation: {verdict}, {warnings} warning(s) — {result.indicators.height:,} rows checked"
    )
    if result.failures.is_empty():
        return _box(title)
    grouped = frame_html(
        result.by_rule(), 50, ["severity", "rule", "failures", "rows", "first_row", "message_en"]
    )
    first = frame_html(
        result.failures.with_columns(
            pl.col("file").map_elements(lambda f: f.rsplit("/", 1)[-1], return_dtype=pl.String)
        ),
        ROWS_SHOWN,
        ["severity", "file", "row", "province", "period", "indicator", "column", "value", "rule"],
    )
    hint = (
        '<p class="note"><code>.failures</code> every failure · <code>.by_rule()</code> · '
        "<code>.quarantined</code> the rows with errors, with their reasons · "
        "<code>.accepted</code> the rows to score</p>"
    )
    return _box(title, "<p>By rule:</p>", grouped, "<p>First failures:</p>", first, hint)


def scores_html(scores: Any) -> str:
    """Return scores as HTML: rubric, periods, the flags (synthetic, illustrative), and the
    latest year's top and bottom provinces."""
    from cchc_analysis.arguments import latest_period

    rubric = scores.rubric
    name = f"{_e(rubric.title_en)} ({_e(rubric.id)} v{_e(rubric.version)})" if rubric else ""
    periods = scores.periods
    title = f"Scores: {name} — {len(periods)} period(s) {_e(', '.join(periods))}"
    try:
        latest = latest_period(scores.totals)
    except ValueError:
        return _box(title, _flags(scores.synthetic, rubric))
    ranking = scores.ranking(latest)
    columns = ["rank", "province", "index_pct", "grade", "change_points", "change_places"]
    parts = [
        _flags(scores.synthetic, rubric),
        f"<p>{latest}: top {min(5, ranking.height)} of {ranking.height}</p>",
        frame_html(ranking.head(5), 5, columns),
        "<p>bottom 3</p>",
        frame_html(ranking.tail(3), 3, columns),
        '<p class="note"><code>.totals</code> · <code>.domains</code> · <code>.criteria</code> '
        "(every point explained) · <code>.ranking(year)</code></p>",
    ]
    return _box(title, *parts)


def uncertainty_html(result: Any) -> str:
    """Return rank uncertainty as HTML: one line per period, then the latest period's
    provinces with their 90 % rank interval."""
    from cchc_analysis.arguments import latest_period

    summary = frame_html(
        result.summary,
        20,
        ["period", "runs", "sources", "median_interval_width", "mean_abs_rank_shift"],
    )
    latest = latest_period(result.intervals)
    rows = result.intervals.filter(pl.col("period") == latest).sort("nominal_rank")
    columns = ["nominal_rank", "province", "rank_lo", "rank_hi", "median_rank", "nominal_grade"]
    return _box(
        "Rank uncertainty (90 % intervals)",
        _flags(result.synthetic, result.rubric),
        summary,
        f"<p>{_e(latest)}:</p>",
        frame_html(rows, ROWS_SHOWN, columns),
        '<p class="note"><code>.intervals</code> · <code>.interval_text(province)</code> · '
        "<code>.chart(year, province)</code></p>",
    )


def _change(h: dict[str, Any], lang: str) -> str:
    from cchc_analysis.reference.labels import number, text

    if h.get("prev_index_pct") is None or h.get("change_points") is None:
        return text("no_previous", lang)
    points, places = h["change_points"], h["change_places"]
    sign = "+" if points > 0 else ""
    moved = "up" if places > 0 else "down" if places < 0 else "same"
    return (
        f"{text('change_points', lang, sign=sign, points=number(points, lang))}, "
        f"{text(f'change_places_{moved}', lang, places=abs(places))}"
    )


def profile_html(profile: Any) -> str:
    """Return a province profile as HTML in its language: headline, domains against the
    national and regional medians, strengths and weaknesses."""
    from cchc_analysis.reference.labels import number, text

    h, lang, region = profile.headline, profile.lang, profile.view.region_name
    facts = [
        (text("index_pct", lang), number(h["index_pct"], lang)),
        (text("rank", lang), f"{h['rank']}/{h['n_provinces']}"),
        (text("grade", lang), h.get("grade") or "–"),
        (text("change", lang, period=profile.year - 1), _change(h, lang)),
        (
            text("rank_in_region_label", lang, region=region),
            f"{h['rank_in_region']}/{h['n_in_region']}",
        ),
        (
            text("uncertainty_heading", lang),
            profile.rank_interval_text or text("uncertainty_missing", lang),
        ),
    ]
    headline = "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in facts)
    heads = [
        text("domain", lang),
        text("points", lang),
        text("pct_of_max", lang),
        text("national_median", lang),
        text("vs_median", lang),
        text("regional_median", lang, region=region),
    ]
    rows = "".join(
        f"<tr><td>{_e(d['domain'])}</td>"
        f'<td class="num">{number(d["points"], lang)}/{number(d["max_points"], lang)}</td>'
        f'<td class="num">{number(d["pct"], lang)}</td>'
        f'<td class="num">{number(d["median_pct"], lang)}</td>'
        f'<td class="num">{"+" if (d["gap_to_median"] or 0) > 0 else ""}'
        f"{number(d['gap_to_median'], lang)}</td>"
        f'<td class="num">{number(d["region_median_pct"], lang)}</td></tr>'
        for d in profile.domains.iter_rows(named=True)
    )
    domains = (
        "<table><thead><tr>"
        + "".join(f"<th>{_e(h)}</th>" for h in heads)
        + f"</tr></thead><tbody>{rows}</tbody></table>"
    )

    def listing(key: str, frame: pl.DataFrame) -> str:
        items = "".join(
            f"<li>{_e(r[f'label_{lang}'])}: {number(r['points'], lang)}/"
            f"{number(r['max_points'], lang)} — "
            f"{_e(text('gap_points', lang, gap=number(r['gap'], lang)))}</li>"
            for r in frame.iter_rows(named=True)
        )
        return f"<p>{_e(text(key, lang))}</p><ol>{items}</ol>"

    name = profile.province.label_vi if lang == "vi" else profile.province.name_en
    flags = "".join(
        f'<div class="flag">{_e(text(key, lang))}</div>'
        for key, shown in (
            ("synthetic_banner", profile.view.synthetic),
            (
                "illustrative_banner",
                profile.view.manifest.get("rubric", {}).get("status") == "illustrative",
            ),
        )
        if shown
    )
    return _box(
        f"{_e(name)} — {profile.year}",
        flags,
        f"<table>{headline}</table>",
        domains,
        listing("strengths", profile.strengths),
        listing("weaknesses", profile.weaknesses),
    )


# --------------------------------------------------------------------------- the report


@cache
def report_css() -> str:
    """Return the reports' stylesheet scoped to ``.cchc-report`` (no rule for the page's
    ``body``, so a notebook keeps its own look)."""
    path = resources.files("cchc_analysis") / "templates" / "cchc_report" / "report.css"
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.lstrip().startswith(("* {", "body {", "@page")):
            continue
        lines.append(
            line.replace(
                ":root {",
                ".cchc-report { font-family: 'Noto Sans', "
                "'DejaVu Sans', Arial, sans-serif; line-height: 1.45;",
            )
        )
    return "\n".join(lines)


def standalone_page(title: str, body: str, lang: str = "vi") -> str:
    """Return a whole HTML page around ``body`` (title escaped)."""
    return (
        f'<!DOCTYPE html><html lang="{_e(lang)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title></head><body>{body}</body></html>"
    )


# --------------------------------------------------------------------------- charts, offline


FORMAT_LOCALES = {
    "vi": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " ₫"]},
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["$", ""]},
}


@cache
def vega_javascript() -> str:
    """Return Vega, Vega-Lite and vega-embed as one script (from vl-convert-python, matched to
    Altair's Vega-Lite version), safe to put inside a ``<script>`` element. Bundling takes
    ~3 s, so the script is kept in the user's cache folder, one file per version pair."""
    from importlib.metadata import version

    from altair.utils._importers import vl_version_for_vl_convert

    vl_version = vl_version_for_vl_convert()
    cached = _cache_folder() / f"vega-{version('vl-convert-python')}-vl{vl_version}.js"
    if cached.is_file():
        return cached.read_text(encoding="utf-8")
    import vl_convert

    bundle = vl_convert.javascript_bundle(vl_version=vl_version)  # type: ignore[call-arg]
    script = bundle.replace("</script", "<\\/script").replace("<!--", "<\\!--")
    try:
        from cchc_analysis.store.outputs import atomic_write_bytes

        atomic_write_bytes(cached, script.encode("utf-8"))
    except OSError:
        pass  # a read-only home: bundle again next time
    return script


def _cache_folder() -> Path:
    """Return the folder for cached scripts: $XDG_CACHE_HOME/cchc-analysis or ~/.cache/…."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "cchc-analysis"


def _json_for_script(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _static_svg(spec: dict[str, Any], locale: dict[str, Any]) -> str:
    import vl_convert

    try:
        return str(vl_convert.vegalite_to_svg(spec, format_locale=locale))
    except Exception as exc:  # a chart that cannot be drawn statically still gets its script
        return f'<pre class="cchc-chart-error">{_e(exc)}</pre>'


def offline_chart_html(
    spec: dict[str, Any], lang: str = "vi", interactive: bool = True, static: bool = True
) -> str:
    """Return a Vega-Lite spec as HTML that needs no network: a static SVG (shown where
    scripts do not run) and, when ``interactive``, the inlined scripts that replace it with
    the interactive chart (tooltips, zoom where the spec asks for it)."""
    locale = FORMAT_LOCALES.get(lang, FORMAT_LOCALES["en"])
    target = f"cchc-vega-{uuid.uuid4().hex}"
    svg = _static_svg(spec, locale) if static or not interactive else ""
    markup = (
        f'<div class="cchc-vega"><div id="{target}-static">{svg}</div><div id="{target}"></div>'
        "</div>"
    )
    if not interactive:
        return markup
    options = {"actions": False, "formatLocale": locale, "renderer": "svg"}
    script = (
        "(function () {\n"
        f"if (typeof window.vegaEmbed === 'undefined') {{\n{vega_javascript()}\n}}\n"
        f"var el = document.getElementById('{target}');\n"
        f"window.vegaEmbed(el, {_json_for_script(spec)}, {_json_for_script(options)})"
        f".then(function () {{ var s = document.getElementById('{target}-static'); "
        "if (s) { s.style.display = 'none'; } })"
        ".catch(function (error) { el.textContent = String(error); });\n"
        "})();"
    )
    return f'{markup}<script type="text/javascript">{script}</script>'


def _renderer(spec: dict[str, Any], **options: Any) -> dict[str, str]:
    """The ``cchc_offline`` Altair renderer: a mimebundle with the offline chart HTML."""
    lang = str(options.get("lang", "vi"))
    interactive = bool(options.get("interactive", True))
    return {
        "text/html": offline_chart_html(spec, lang, interactive),
        "text/plain": "<Altair chart, drawn offline>",
    }


def enable_offline_charts(lang: str = "vi", interactive: bool = True) -> None:
    """Show Altair charts in JupyterLab with no network: each chart as a static SVG plus the
    Vega scripts inlined (from vl-convert-python) so it turns interactive, tooltips kept;
    numbers in the format of ``lang`` ('vi': 70,5). ``interactive=False``: the SVG only (a
    few KB a chart instead of ~0.9 MB)."""
    import altair as alt

    if lang not in FORMAT_LOCALES:
        raise ValueError(f"lang must be 'vi' or 'en', not {lang!r}")
    alt.renderers.register(RENDERER, _renderer)
    alt.renderers.enable(RENDERER, lang=lang, interactive=interactive)
