"""The audit report of a build: one offline HTML page laid out as the JRC's statistical audits
are (framework, coverage and imputation, outliers, correlations and Cronbach's alpha, PCA,
weights against importance, rank intervals, what each choice changes), with Altair charts
drawn as inline SVG (``charts.figure_html``: no JavaScript, nothing fetched). Every text that
comes from the spec or the data is escaped. Vietnamese by default, English with ``lang="en"``,
never mixed."""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

import altair as alt
import numpy as np
import polars as pl

from cchc_analysis.index import tables
from cchc_analysis.index.build import Build
from cchc_analysis.index.montecarlo import MonteCarlo, rank_stats
from cchc_analysis.index.sensitivity import choice_effects, input_groups, sobol_indices
from cchc_analysis.index.spec import UncertaintyOptions
from cchc_analysis.reports.charts import figure_html
from cchc_analysis.store.outputs import atomic_write_text

TEXT: dict[str, dict[str, str]] = {
    "title": {"vi": "Báo cáo kiểm định chỉ số", "en": "Index audit report"},
    "synthetic": {
        "vi": "DỮ LIỆU GIẢ LẬP — không phải số liệu thật",
        "en": "SYNTHETIC DATA — not real figures",
    },
    "source": {"vi": "Nguồn", "en": "Source"},
    "summary": {
        "vi": "{units} đơn vị, {indicators} chỉ tiêu, {groups} nhóm, kỳ: {periods}.",
        "en": "{units} units, {indicators} indicators, {groups} groups, periods: {periods}.",
    },
    "framework": {"vi": "1. Khung chỉ số", "en": "1. Framework"},
    "coverage": {
        "vi": "2. Độ phủ dữ liệu và ước lượng bù",
        "en": "2. Data coverage and imputation",
    },
    "coverage_text": {
        "vi": "Tỷ lệ đơn vị có số liệu của mỗi chỉ tiêu (kỳ {period}); {imputed} giá trị được "
        "ước lượng bù.",
        "en": "Share of units with a value for each indicator (period {period}); {imputed} "
        "values were imputed.",
    },
    "unit_coverage": {
        "vi": "{low} đơn vị có tỷ lệ chỉ tiêu có số liệu dưới {threshold}.",
        "en": "{low} unit(s) have fewer than {threshold} of the indicators present.",
    },
    "outliers": {"vi": "3. Xử lý giá trị ngoại lai", "en": "3. Outlier treatment"},
    "outliers_text": {
        "vi": "Quy tắc JRC: chỉ tiêu có |độ lệch| > 2 và độ nhọn > 3,5 được winsor hoá, nếu "
        "chưa đạt thì lấy logarit. {treated} chỉ tiêu đã được xử lý.",
        "en": "JRC rule: an indicator with |skewness| > 2 and kurtosis > 3.5 is winsorised, "
        "then log-transformed if that does not suffice. {treated} indicator(s) were treated.",
    },
    "correlations": {
        "vi": "4. Tương quan và hệ số Cronbach's alpha theo nhóm",
        "en": "4. Correlations and Cronbach's alpha per group",
    },
    "flags": {"vi": "Cảnh báo", "en": "Flags"},
    "no_flags": {"vi": "Không có cảnh báo.", "en": "No flags."},
    "pca": {"vi": "5. Phân tích thành phần chính", "en": "5. Principal components"},
    "pca_text": {
        "vi": "Tỷ lệ phương sai mỗi thành phần giải thích, theo nhóm.",
        "en": "Share of variance each component explains, per group.",
    },
    "loadings_text": {
        "vi": "Hệ số tải của thành phần chính thứ nhất (PC1) theo nhóm.",
        "en": "Loadings on the first principal component (PC1), per group.",
    },
    "weights": {
        "vi": "6. Trọng số và mức độ quan trọng đo được",
        "en": "6. Weights against measured importance",
    },
    "weights_text": {
        "vi": "Mức độ quan trọng: tỷ số tương quan η² của điểm nhóm theo từng thành phần, "
        "quy về tổng bằng 1 trong nhóm.",
        "en": "Importance: the correlation ratio η² of the group's score on each child, as a "
        "share of the group's total.",
    },
    "weights_index_text": {
        "vi": "Mỗi chỉ tiêu: trọng số thực trong chỉ số (tích các trọng số theo cây) và mức "
        "quan trọng trong chỉ số (η² của chỉ số theo chỉ tiêu, tỷ lệ trong các chỉ tiêu); "
        "điểm nằm xa đường chéo là chỉ tiêu có ảnh hưởng khác với trọng số của nó.",
        "en": "Each indicator: its effective weight in the index (its weights multiplied down "
        "the tree) against its importance in the index (η² of the index on it, as a share "
        "among the indicators); a point far from the diagonal weighs differently than its "
        "weight says.",
    },
    "intervals": {"vi": "7. Khoảng thứ hạng", "en": "7. Rank intervals"},
    "intervals_text": {
        "vi": "{runs} lần mô phỏng, hạt giống {seed}: thứ hạng danh nghĩa, trung vị và khoảng "
        "90 % (phân vị 5–95). Dịch chuyển thứ hạng tuyệt đối trung bình: {shift}.",
        "en": "{runs} replications, seed {seed}: nominal rank, median and 90 % interval (5th to "
        "95th percentile). Mean absolute rank shift: {shift}.",
    },
    "no_uncertainty": {
        "vi": "Chưa chạy phân tích bất định (thêm mục uncertainty vào đặc tả).",
        "en": "No uncertainty analysis was run (add an uncertainty section to the spec).",
    },
    "choices": {
        "vi": "8. Mỗi lựa chọn làm thay đổi thứ hạng bao nhiêu",
        "en": "8. What each choice changes in the ranks",
    },
    "choices_text": {
        "vi": "Mỗi dòng thay đổi một lựa chọn so với đặc tả; dịch chuyển thứ hạng tuyệt đối "
        "trung bình của chỉ số.",
        "en": "Each row changes one choice from the spec; the mean absolute shift of the "
        "index ranks.",
    },
    "sobol": {
        "vi": "Chỉ số Sobol (SALib) của dịch chuyển thứ hạng trung bình",
        "en": "Sobol indices (SALib) of the mean rank shift",
    },
}
COLUMNS: dict[str, dict[str, str]] = {
    "vi": {
        "group": "Nhóm",
        "child": "Thành phần",
        "weight": "Trọng số",
        "importance_share": "Mức quan trọng (tỷ lệ)",
        "r_group": "r với nhóm",
        "method": "Phương pháp",
        "aggregation": "Tổng hợp",
        "indicator": "Chỉ tiêu",
        "status": "Kết quả",
        "winsorised_units": "Đơn vị được winsor hoá",
        "skew_before": "Độ lệch trước",
        "kurtosis_before": "Độ nhọn trước",
        "skew_after": "Độ lệch sau",
        "kurtosis_after": "Độ nhọn sau",
        "cronbach_alpha": "Cronbach's alpha",
        "pc1_explained": "PC1 giải thích",
        "components_above_1": "Số TP có trị riêng > 1",
        "flag": "Cảnh báo",
        "a": "A",
        "b": "B",
        "r": "r",
        "unit": "Đơn vị",
        "name": "Tên",
        "nominal": "Hạng",
        "median": "Trung vị",
        "q5": "P5",
        "q95": "P95",
        "mean_abs_shift": "Dịch chuyển TB",
        "choice": "Lựa chọn",
        "option": "Phương án",
        "max_abs_shift": "Dịch chuyển lớn nhất",
        "input": "Đầu vào",
        "children": "Thành phần",
        "level": "Cấp",
        "coverage": "Tỷ lệ có số liệu",
        "loading": "Hệ số tải",
        "unit_of_measure": "Đơn vị tính",
        "direction": "Chiều",
        "n": "Số đơn vị",
        "mean": "Trung bình",
        "sd": "Độ lệch chuẩn",
        "min": "Nhỏ nhất",
        "max": "Lớn nhất",
        "skew": "Độ lệch",
        "kurtosis": "Độ nhọn",
        "effective_weight": "Trọng số thực trong chỉ số",
        "importance_in_index": "Mức quan trọng trong chỉ số",
    },
    "en": {
        "group": "Group",
        "child": "Child",
        "weight": "Weight",
        "importance_share": "Importance (share)",
        "r_group": "r with group",
        "method": "Method",
        "aggregation": "Aggregation",
        "indicator": "Indicator",
        "status": "Verdict",
        "winsorised_units": "Winsorised units",
        "skew_before": "Skew before",
        "kurtosis_before": "Kurtosis before",
        "skew_after": "Skew after",
        "kurtosis_after": "Kurtosis after",
        "cronbach_alpha": "Cronbach's alpha",
        "pc1_explained": "PC1 explains",
        "components_above_1": "Components > 1",
        "flag": "Flag",
        "a": "A",
        "b": "B",
        "r": "r",
        "unit": "Unit",
        "name": "Name",
        "nominal": "Rank",
        "median": "Median",
        "q5": "Q5",
        "q95": "Q95",
        "mean_abs_shift": "Mean shift",
        "choice": "Choice",
        "option": "Option",
        "max_abs_shift": "Largest shift",
        "input": "Input",
        "children": "Children",
        "level": "Level",
        "coverage": "Coverage",
        "loading": "Loading",
        "unit_of_measure": "Unit of measure",
        "direction": "Direction",
        "n": "Units",
        "mean": "Mean",
        "sd": "SD",
        "min": "Min",
        "max": "Max",
        "skew": "Skewness",
        "kurtosis": "Kurtosis",
        "effective_weight": "Effective weight in the index",
        "importance_in_index": "Importance in the index",
    },
}
STATUS = {
    "vi": {
        "off": "không xử lý",
        "not needed": "không cần",
        "winsorised": "winsor hoá",
        "log": "logarit",
        "log, still fails": "logarit, vẫn lệch",
        "still fails": "vẫn lệch",
    },
    "en": {},
}
CHOICES = {
    "vi": {
        "leave out": "bỏ chỉ tiêu",
        "imputation": "ước lượng bù",
        "normalisation": "chuẩn hoá",
        "aggregation": "tổng hợp",
        "weights": "trọng số",
        "dropped": "bỏ chỉ tiêu",
    },
    "en": {"dropped": "leave out"},
}
CSS = """body{font-family:'Noto Sans','DejaVu Sans','Segoe UI',Arial,sans-serif;max-width:980px;
margin:0 auto;padding:1rem;color:#222;line-height:1.45}h1{font-size:1.5rem}h2{font-size:1.2rem;
margin-top:2rem;border-bottom:1px solid #ddd}table{border-collapse:collapse;font-size:.85rem;
margin:.5rem 0;display:block;overflow-x:auto}td,th{border:1px solid #ddd;padding:.2rem .4rem;
text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}.synthetic{background:
#fde8d7;border:2px solid #D55E00;padding:.5rem;font-weight:bold}figure{margin:.5rem 0;
overflow-x:auto}svg{max-width:100%;height:auto}"""


def _t(key: str, lang: str, **values: object) -> str:
    return html.escape(TEXT[key][lang].format(**values))


def _number(value: object, lang: str) -> str:
    if value is None or (isinstance(value, float) and not np.isfinite(value)):
        return "–"
    if isinstance(value, float):
        text = f"{value:.3f}".rstrip("0").rstrip(".") if abs(value) < 1000 else f"{value:,.0f}"
        return text.replace(".", ",") if lang == "vi" else text
    return str(value)


def table_html(frame: pl.DataFrame, columns: Sequence[str], lang: str, limit: int = 200) -> str:
    """Return the frame's ``columns`` as an HTML table, every cell escaped."""
    names = COLUMNS[lang]
    head = "".join(f"<th>{html.escape(names.get(c, c))}</th>" for c in columns)
    rows = []
    for row in frame.select(columns).head(limit).iter_rows():
        cells = "".join(
            f'<td class="n">{html.escape(_number(v, lang))}</td>'
            if isinstance(v, int | float) or v is None
            else f"<td>{html.escape(str(v))}</td>"
            for v in row
        )
        rows.append(f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _framework(build: Build, lang: str) -> str:
    tree, plan = build.plan.tree, build.plan
    rows = [
        {
            "level": tree.level[g],
            "group": g,
            "children": ", ".join(tree.children[g]),
            "aggregation": plan.aggregation[g].method,
            "method": plan.weighting[g].method,
        }
        for g in reversed(tree.groups_bottom_up)
    ]
    return table_html(
        pl.DataFrame(rows), ["level", "group", "children", "aggregation", "method"], lang
    )


def _coverage(build: Build, lang: str, period: str) -> str:
    cov = tables.coverage(build).filter(pl.col("period") == period)
    imputed = int(cov.get_column("imputed").sum())
    chart = (
        alt.Chart(cov.select("indicator", "coverage", "imputed"))
        .mark_bar()
        .encode(
            x=alt.X(
                "coverage:Q", scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format="%"), title=None
            ),
            y=alt.Y("indicator:N", sort=None, title=None),
            color=alt.condition("datum.imputed > 0", alt.value("#E69F00"), alt.value("#0072B2")),
        )
        .properties(width=420, height=max(60, 12 * cov.height))
    )
    stats = tables.describe(build).filter(pl.col("period") == period)
    stat_cols = ["indicator", "unit_of_measure", "direction", "n", "mean", "sd", "min", "max"]
    units = tables.unit_coverage(build).filter(pl.col("period") == period)
    low = units.filter(pl.col("below_threshold"))
    threshold = _number(build.plan.spec.analysis.min_unit_coverage, lang)
    text = _t("unit_coverage", lang, low=low.height, threshold=threshold)
    listing = table_html(low, ["unit", "name", "coverage"], lang) if low.height else ""
    return (
        f"<p>{_t('coverage_text', lang, period=period or '–', imputed=imputed)}</p>"
        + figure_html(chart, lang)
        + f"<p>{text}</p>"
        + listing
        + table_html(stats, [*stat_cols, "skew", "kurtosis"], lang)
    )


def _outliers(build: Build, lang: str, period: str) -> str:
    treat = tables.treatment(build).filter(pl.col("period") == period)
    treat = treat.with_columns(pl.col("status").replace(STATUS[lang]))
    quiet = [STATUS[lang].get(s, s) for s in ("not needed", "off")]
    treated = treat.filter(~pl.col("status").is_in(quiet))
    chart_data = treat.select("indicator", "status", "skew_before", "kurtosis_before").drop_nulls()
    parts = [f"<p>{_t('outliers_text', lang, treated=treated.height)}</p>"]
    if chart_data.height:
        points = (
            alt.Chart(chart_data)
            .mark_point(filled=True, size=50)
            .encode(
                x=alt.X("skew_before:Q", title=COLUMNS[lang]["skew_before"]),
                y=alt.Y("kurtosis_before:Q", title=COLUMNS[lang]["kurtosis_before"]),
                color=alt.Color("status:N", title=None),
            )
        )
        rules = alt.Chart(pl.DataFrame({"k": [3.5]})).mark_rule(strokeDash=[4, 3]).encode(y="k:Q")
        parts.append(figure_html((points + rules).properties(width=420, height=260), lang))
    if treated.height:
        cols = ["indicator", "status", "winsorised_units", "skew_before", "kurtosis_before"]
        parts.append(table_html(treated, [*cols, "skew_after", "kurtosis_after"], lang))
    return "".join(parts)


def _correlations(build: Build, lang: str, period: str) -> tuple[str, str]:
    summary, corrs, pca, flags = (
        f.filter(pl.col("period") == period) for f in tables.multivariate(build)
    )
    heat = (
        alt.Chart(corrs.select("group", "a", "b", "r"))
        .mark_rect()
        .encode(
            x=alt.X("a:N", sort=None, title=None),
            y=alt.Y("b:N", sort=None, title=None),
            color=alt.Color("r:Q", scale=alt.Scale(scheme="blueorange", domain=[-1, 1]), title="r"),
        )
        .properties(width=150, height=150)
        .facet(facet=alt.Facet("group:N", title=None), columns=4)
        .resolve_scale(x="independent", y="independent")
    )
    cols = ["group", "children", "cronbach_alpha", "pc1_explained", "components_above_1"]
    flag_html = (
        table_html(flags, ["group", "flag", "a", "b", "r"], lang)
        if flags.height
        else f"<p>{_t('no_flags', lang)}</p>"
    )
    first = (
        figure_html(heat, lang)
        + table_html(summary, cols, lang)
        + f"<h3>{_t('flags', lang)}</h3>"
        + flag_html
    )
    bars = (
        alt.Chart(pca.select("group", "component", "explained"))
        .mark_bar()
        .encode(
            x=alt.X("component:O", title=None),
            y=alt.Y("explained:Q", axis=alt.Axis(format="%"), title=None),
        )
        .properties(width=150, height=110)
        .facet(facet=alt.Facet("group:N", title=None), columns=4)
        .resolve_scale(x="independent")
    )
    first_loadings = tables.loadings(build).filter(
        (pl.col("period") == period) & (pl.col("method") == "pca") & (pl.col("component") == 1)
    )
    return (
        first,
        f"<p>{_t('pca_text', lang)}</p>"
        + figure_html(bars, lang)
        + f"<p>{_t('loadings_text', lang)}</p>"
        + table_html(first_loadings, ["group", "child", "loading"], lang),
    )


def _weights(build: Build, lang: str, period: str) -> str:
    w = tables.weights(build).filter(pl.col("period") == period)
    long = w.select("group", "child", "weight", "importance_share").unpivot(
        index=["group", "child"], variable_name="measure", value_name="value"
    )
    labels = {
        "weight": COLUMNS[lang]["weight"],
        "importance_share": COLUMNS[lang]["importance_share"],
    }
    long = long.with_columns(pl.col("measure").replace(labels))
    chart = (
        alt.Chart(long.drop_nulls())
        .mark_point(filled=True, size=60)
        .encode(
            x=alt.X("child:N", sort=None, title=None),
            y=alt.Y("value:Q", title=None),
            color=alt.Color("measure:N", title=None),
            shape=alt.Shape("measure:N", title=None),
        )
        .properties(width=150, height=120)
        .facet(facet=alt.Facet("group:N", title=None), columns=4)
        .resolve_scale(x="independent")
    )
    indicators = w.filter(pl.col("level") == 1).select(
        "child", "effective_weight", "importance_in_index"
    )
    scatter = (
        alt.Chart(indicators.drop_nulls())
        .mark_point(filled=True, size=50, color="#0072B2")
        .encode(
            x=alt.X("effective_weight:Q", title=COLUMNS[lang]["effective_weight"]),
            y=alt.Y("importance_in_index:Q", title=COLUMNS[lang]["importance_in_index"]),
        )
    )
    top = indicators.select(pl.max_horizontal(pl.all().exclude("child").max())).item()
    diagonal = (
        alt.Chart(pl.DataFrame({"a": [0.0, float(top or 0)], "b": [0.0, float(top or 0)]}))
        .mark_line(color="#9DB9D3", strokeDash=[4, 3])
        .encode(x="a:Q", y="b:Q")
    )
    cols = ["group", "child", "method", "weight", "importance_share", "r_group"]
    cols += ["effective_weight", "importance_in_index"]
    return (
        f"<p>{_t('weights_text', lang)}</p>"
        + figure_html(chart, lang)
        + f"<p>{_t('weights_index_text', lang)}</p>"
        + figure_html((diagonal + scatter).properties(width=360, height=300), lang)
        + table_html(w, cols, lang)
    )


def _intervals(mc: MonteCarlo, lang: str) -> str:
    stats = rank_stats(mc)
    shift = float(np.nanmean(stats.get_column("mean_abs_shift").to_numpy()))
    labelled = stats.with_columns(
        pl.when(pl.col("name") == pl.col("unit"))
        .then(pl.col("unit"))
        .otherwise(pl.col("unit") + " " + pl.col("name"))
        .alias("label")
    )
    base = alt.Chart(labelled.select("label", "nominal", "median", "q5", "q95")).encode(
        y=alt.Y("label:N", sort=alt.EncodingSortField("nominal"), title=None)
    )
    chart = (
        base.mark_rule(color="#9DB9D3", strokeWidth=3).encode(
            x=alt.X("q5:Q", title=COLUMNS[lang]["nominal"], scale=alt.Scale(reverse=True)),
            x2="q95:Q",
        )
        + base.mark_point(color="#D55E00", filled=True).encode(x="nominal:Q")
        + base.mark_tick(color="#000000").encode(x="median:Q")
    ).properties(width=460, height=max(80, 11 * stats.height))
    text = _t(
        "intervals_text", lang, runs=mc.scores.shape[0], seed=mc.seed, shift=_number(shift, lang)
    )
    cols = ["unit", "name", "nominal", "median", "q5", "q95", "mean_abs_shift"]
    return f"<p>{text}</p>" + figure_html(chart, lang) + table_html(stats, cols, lang)


def _choices(build: Build, options: UncertaintyOptions, lang: str, period: str) -> str:
    effects = choice_effects(build, options, period).with_columns(
        pl.col("choice").replace(CHOICES[lang])
    )
    top = effects.head(25).with_columns((pl.col("choice") + ": " + pl.col("option")).alias("label"))
    chart = (
        alt.Chart(top.select("label", "mean_abs_shift"))
        .mark_bar()
        .encode(
            x=alt.X("mean_abs_shift:Q", title=COLUMNS[lang]["mean_abs_shift"]),
            y=alt.Y("label:N", sort=None, title=None),
        )
        .properties(width=420, height=max(60, 14 * top.height))
    )
    cols = ["choice", "option", "mean_abs_shift", "max_abs_shift"]
    parts = [
        f"<p>{_t('choices_text', lang)}</p>",
        figure_html(chart, lang),
        table_html(top, cols, lang),
    ]
    if len(input_groups(build, options)) >= 2:
        sobol = sobol_indices(build, options, n=128, seed=options.seed, period=period)
        sobol = sobol.with_columns(pl.col("input").replace(CHOICES[lang]))
        parts.append(f"<h3>{_t('sobol', lang)}</h3>")
        parts.append(table_html(sobol, ["input", "S1", "S1_conf", "ST", "ST_conf"], lang))
    return "".join(parts)


def audit_html(build: Build, mc: MonteCarlo | None = None, lang: str = "vi") -> str:
    """Return the audit report of a build (and its Monte Carlo) as one HTML page."""
    if lang not in ("vi", "en"):
        raise ValueError(f"lang must be 'vi' or 'en', got {lang!r}")
    spec = build.plan.spec
    period = mc.period if mc is not None else max(build.periods)
    options = spec.uncertainty or UncertaintyOptions()
    title = f"{_t('title', lang)}: {html.escape(spec.name or spec.id)}"
    head = [f"<h1>{title}</h1>"]
    if spec.synthetic:
        head.append(f'<p class="synthetic">{_t("synthetic", lang)}</p>')
    if spec.source:
        head.append(f"<p>{_t('source', lang)}: {html.escape(spec.source)}</p>")
    if spec.description:
        head.append(f"<p>{html.escape(spec.description)}</p>")
    periods = ", ".join(p or "–" for p in sorted(build.periods))
    head.append(
        "<p>"
        + _t(
            "summary",
            lang,
            units=len(set(build.data.units)),
            indicators=len(build.plan.indicators),
            groups=len(build.plan.tree.groups_bottom_up),
            periods=periods,
        )
        + "</p>"
    )
    correlations, pca = _correlations(build, lang, period)
    sections = [
        ("framework", _framework(build, lang)),
        ("coverage", _coverage(build, lang, period)),
        ("outliers", _outliers(build, lang, period)),
        ("correlations", correlations),
        ("pca", pca),
        ("weights", _weights(build, lang, period)),
        (
            "intervals",
            _intervals(mc, lang) if mc is not None else f"<p>{_t('no_uncertainty', lang)}</p>",
        ),
        ("choices", _choices(build, options, lang, period)),
    ]
    body = "".join(head) + "".join(
        f"<section><h2>{_t(k, lang)}</h2>{v}</section>" for k, v in sections
    )
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title><style>{CSS}</style></head><body>{body}</body></html>\n"
    )


def write_audit(
    build: Build, path: Path | str, mc: MonteCarlo | None = None, lang: str = "vi"
) -> Path:
    """Write the audit report atomically; return its path."""
    return atomic_write_text(Path(path), audit_html(build, mc, lang))
