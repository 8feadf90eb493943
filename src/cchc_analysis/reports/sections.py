"""The sections of a province report in page order, as the report notebook calls them (one
call per notebook cell): ``load_report_view`` reads the tables once, then each section
function returns the HTML of its part of the page.

The sections live in the modules named for the part of the page they draw (``summary_sections``,
``domain_sections``, ``panel_section``, ``standing_sections``, ``criteria_sections``,
``closing_sections``); the view they draw from in ``view``. Every text that comes from an input
file is escaped before it reaches the page (``markup.escape``).
"""

from __future__ import annotations

from cchc_analysis.reports.closing_sections import provenance_footer, warnings_section
from cchc_analysis.reports.criteria_sections import criteria_section, strengths_section
from cchc_analysis.reports.domain_sections import peers_section, profile_section
from cchc_analysis.reports.panel_section import indicators_section
from cchc_analysis.reports.standing_sections import (
    ranking_section,
    trend_section,
    uncertainty_section,
)
from cchc_analysis.reports.summary_sections import banner, headline, summary_section
from cchc_analysis.reports.view import load_report_view

__all__ = [
    "SECTIONS",
    "banner",
    "criteria_section",
    "headline",
    "indicators_section",
    "load_report_view",
    "peers_section",
    "profile_section",
    "provenance_footer",
    "ranking_section",
    "strengths_section",
    "summary_section",
    "trend_section",
    "uncertainty_section",
    "warnings_section",
]

# The report's sections in page order (the notebook has one cell for each).
SECTIONS = (
    "banner",
    "summary_section",
    "headline",
    "profile_section",
    "strengths_section",
    "indicators_section",
    "peers_section",
    "ranking_section",
    "uncertainty_section",
    "trend_section",
    "criteria_section",
    "warnings_section",
    "provenance_footer",
)
