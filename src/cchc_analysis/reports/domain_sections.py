"""The domains of a report: each domain's gap to the national and regional medians
(chart) and the domain table (quarter among all provinces, change, best performer)."""

from __future__ import annotations

from cchc_analysis.reference.labels import number, percent, points, text
from cchc_analysis.reports.markup import (
    Html,
    charts_module,
    escape,
    section_html,
    table_html,
)
from cchc_analysis.reports.view import MIN_REGION_PEERS, ReportView


def _sign_class(value: float | None) -> str:
    if value is None or value == 0:
        return ""
    return "cchc-up" if value > 0 else "cchc-down"


def _thin_note(view: ReportView) -> str:
    peers = int(view.profile["region_peers"][0]) if view.profile.height else 0
    if peers >= MIN_REGION_PEERS:
        return ""
    note = text("region_thin", view.lang, region=view.region_name, n=peers)
    return f'<p class="cchc-note cchc-thin">{escape(note)}</p>'


def profile_section(view: ReportView) -> Html:
    """Return the domain view: each domain's gap to the national median (a bar chart in
    HTML), with the regional median (other provinces of the region only; flagged when they
    are few)."""
    charts = charts_module()
    lang = view.lang
    legend = charts.legend_html(charts.profile_legend(lang, view.region_name))
    caption = text("domain_gap_caption", lang, region=view.region_name)
    title = text("domain_gap_title", lang)
    figure = (
        f'<figure class="cchc-chart" aria-labelledby="domain_profile-title" '
        f'aria-describedby="domain_profile-desc">'
        f'<figcaption class="cchc-chart-title" id="domain_profile-title">{escape(title)}'
        f"</figcaption>{legend}{charts.domain_gaps_html(view.profile, lang)}"
        f'<p class="cchc-caption" id="domain_profile-desc">{escape(caption)}</p></figure>'
    )
    spec = charts.domain_gaps_spec(view.profile, lang)
    return section_html("domain_profile_heading", lang, figure + _thin_note(view), spec)


def _best_names(names: list[str], lang: str, shown: int = 3) -> str:
    """Return the best performers: every name when few, else the first and how many more."""
    if len(names) <= shown + 1:
        return ", ".join(names)
    return text("best_and_more", lang, names=", ".join(names[:shown]), n=len(names) - shown)


def peers_section(view: ReportView) -> Html:
    """Return the domain table: points, % of maximum, the province's quarter among all
    provinces (coloured, and said in words), both medians, the change since last year and the
    best performer of each domain."""
    lang = view.lang
    n = view.headline["n_provinces"]
    head = [
        text("domain", lang),
        text("points", lang),
        text("pct_of_max", lang),
        text("quartile", lang, n=n),
        text("national_median", lang),
        text("regional_median", lang, region=view.region_name),
        text("domain_change", lang, period=view.year - 1),
        text("best_performer", lang),
    ]
    rows = []
    for d in view.profile.iter_rows(named=True):
        quartile = d["quartile"]
        rows.append(
            [
                (escape(d["domain"]), ""),
                (f"{points(d['points'], lang)}/{points(d['max_points'], lang)}", "num"),
                (percent(d["pct"], lang), "num"),
                (
                    # a domain without figures (no %) has no place among the provinces
                    f'<span class="cchc-q cchc-q{quartile}">'
                    f"{escape(text(f'quartile_{quartile}', lang))}</span>"
                    f" <span class='cchc-counts'>({d['place']}/{n})</span>"
                    if quartile is not None
                    else "–",
                    "",
                ),
                (percent(d["median_pct"], lang), "num"),
                (percent(d["region_median_pct"], lang), "num"),
                (
                    number(d["change_points"], lang, 2, signed=True),
                    "num " + _sign_class(d["change_points"]),
                ),
                (
                    f"{escape(_best_names(d['best'], lang))} "
                    f"<span class='cchc-counts'>({percent(d['best_pct'], lang)})</span>",
                    "",
                ),
            ]
        )
    table = table_html(
        head, rows, "cchc-table cchc-peers cchc-cards", text("caption_profile", lang)
    )
    legend = "".join(
        f'<span class="cchc-q cchc-q{q}">{escape(text(f"quartile_{q}", lang))}</span>'
        for q in (1, 2, 3, 4)
    )
    return section_html(
        "peers_heading", lang, f'<p class="cchc-qlegend">{legend}</p>{table}{_thin_note(view)}'
    )
