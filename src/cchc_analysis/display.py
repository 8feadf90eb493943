"""How results show themselves in a notebook: short HTML summaries of validations, scores,
rank uncertainty, profiles and rubrics (every text from the input escaped), the report's
stylesheet scoped for a notebook, and an Altair renderer that works with no network. It
imports neither ``results`` nor ``rubric``, whose types call it, so no import cycle forms."""

from __future__ import annotations

import html
import json
import os
import uuid
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import polars as pl

RENDERER = "cchc_offline"
ROWS_SHOWN = 10
_STYLE = (
    "<style>.cchc-box{font-family:'Noto Sans','DejaVu Sans',Arial,sans-serif;max-width:980px}"
    ".cchc-box table{border-collapse:collapse;margin:.3em 0 .8em;font-size:.9em}"
    ".cchc-box th,.cchc-box td{border-bottom:1px solid #e3e3e3;padding:.2em .5em;"
    "text-align:left;vertical-align:top}.cchc-box td.num{text-align:right}"
    ".cchc-box .ok{color:#00603f;font-weight:600}.cchc-box .bad{color:#a33d00;font-weight:600}"
    ".cchc-box .note{color:#555;font-size:.9em}.cchc-box .flag{background:#fff3cd;"
    "border:1px solid #E69F00;padding:.2em .5em;display:inline-block;margin:.2em 0}"
    ".cchc-box ul.tree{margin:.2em 0;padding-left:1.2em}</style>"
)


def _e(value: object) -> str:
    """Return ``value`` as escaped HTML text ('' for None)."""
    return "" if value is None else html.escape(str(value))


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f'<td class="num">{value:,.2f}</td>'
    if isinstance(value, int) and not isinstance(value, bool):
        return f'<td class="num">{value:,}</td>'
    return f"<td>{_e(value)}</td>"


def frame_html(
    frame: pl.DataFrame, limit: int = ROWS_SHOWN, columns: list[str] | None = None
) -> str:
    """Return the first ``limit`` rows of a frame as an escaped HTML table, with a note of how
    many more there are."""
    shown = frame.select([c for c in columns if c in frame.columns]) if columns else frame
    head = "".join(f"<th>{_e(c)}</th>" for c in shown.columns)
    body = "".join(
        "<tr>" + "".join(_cell(v) for v in row) + "</tr>" for row in shown.head(limit).iter_rows()
    )
    more = (
        f'<p class="note">… {frame.height - limit} more row(s)</p>' if frame.height > limit else ""
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}"


def _box(title: str, *parts: str) -> str:
    return f'{_STYLE}<div class="cchc-box"><strong>{title}</strong>{"".join(parts)}</div>'


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


def _flags(synthetic: bool, rubric: Any) -> str:
    flags = []
    if synthetic:
        flags.append('<div class="flag">SYNTHETIC data — not real figures</div>')
    if rubric is not None and rubric.status == "illustrative":
        flags.append('<div class="flag">Illustrative rubric — not the official methodology</div>')
    return "".join(flags)


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
    return _box(
        f"{_e(name)} — {profile.year}",
        f"<table>{headline}</table>",
        domains,
        listing("strengths", profile.strengths),
        listing("weaknesses", profile.weaknesses),
    )


def rule_text(criterion: Any) -> str:
    """Return a criterion's rule in a few words: 'linear 50 → 100', '≥98: 6 · ≥95: 4.5'."""
    rule = criterion.rule
    if rule is None:
        return ""
    if rule.line is not None:
        return f"{rule.kind} {rule.line.floor:g} → {rule.line.target:g}"
    if rule.threshold_bands is not None:
        return " · ".join(f"≥{b.min:g}: {b.points:g}" for b in rule.threshold_bands)
    return rule.kind


def measure_text(criterion: Any) -> str:
    """Return what a criterion measures: an indicator id, or 'a / b' (a ratio in %)."""
    measure = criterion.measure
    if measure is None:
        return ""
    if measure.indicator:
        return measure.indicator
    assert measure.ratio is not None
    return f"{measure.ratio.numerator} / {measure.ratio.denominator}"


def _max_text(criterion: Any) -> str:
    if criterion.max_points_by_year:
        return ", ".join(f"{p:g} from {y}" for y, p in sorted(criterion.max_points_by_year.items()))
    return f"{criterion.max_for(None):g}"


def _criterion_item(criterion: Any) -> str:
    head = (
        f"<code>{_e(criterion.id)}</code> {_e(criterion.label_en)} — {_e(_max_text(criterion))} pts"
    )
    if criterion.criteria:
        inner = "".join(_criterion_item(c) for c in criterion.criteria)
        return f'<li>{head}<ul class="tree">{inner}</ul></li>'
    missing = f", missing: {_e(criterion.missing)}" if criterion.missing else ""
    return (
        f"<li>{head}: <code>{_e(measure_text(criterion))}</code>, "
        f"{_e(rule_text(criterion))}{missing}</li>"
    )


def rubric_html(rubric: Any) -> str:
    """Return a rubric as HTML: title, status, disclaimer, and the criterion tree (domains →
    criteria of any depth, each with its maximum, measure and rule)."""
    domains = "".join(
        f"<li><details><summary><strong>{_e(d.label_en)}</strong> ({_e(d.id)}) — "
        f"{d.max_for(None):g} pts, {len(d.criteria)} criteria</summary>"
        f'<ul class="tree">{"".join(_criterion_item(c) for c in d.criteria)}</ul></details></li>'
        for d in rubric.domains
    )
    disclaimer = f'<p class="note">{_e(rubric.disclaimer_en)}</p>' if rubric.disclaimer_en else ""
    flag = _flags(False, rubric)
    return _box(
        f"{_e(rubric.title_en)} — {_e(rubric.id)} v{_e(rubric.version)} ({_e(rubric.status)}), "
        f"{rubric.max_points:g} points",
        flag,
        disclaimer,
        f'<ul class="tree">{domains}</ul>',
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
