# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] tags=["remove_cell"]
# # Province report (parameterised)
#
# Executed by Papermill once per province (`cchc reports --year 2025`). The parameters below are
# the defaults; Papermill injects its own values in a cell after this one. Every cell is one
# library call: `cchc_analysis.reports.sections` gathers the section functions, whose logic
# lives in the `*_sections` modules, `view` and `charts` of `cchc_analysis.reports`.

# %% tags=["parameters"]
province: str = "Phú Thọ"  # province name (any usual spelling) or official code
year: int = 2025  # annual period to report on
processed_dir: str = "../data/processed"  # folder written by `cchc score`
lang: str = "vi"  # "vi" or "en"
failures_path: str = "../reports/validation/failures.csv"  # failures table of `cchc validate`

# %%
from cchc_analysis.reports import sections as report
from cchc_analysis.reports import service_section

# %%
view = report.load_report_view(processed_dir, province, year, lang, failures_path)

# %%
report.banner(view)

# %%
report.summary_section(view)

# %%
report.headline(view)

# %%
report.profile_section(view)

# %%
report.strengths_section(view)

# %%
report.indicators_section(view)

# %%
report.peers_section(view)

# %%
service_section.section(view)

# %%
report.ranking_section(view)

# %%
report.uncertainty_section(view)

# %%
report.trend_section(view)

# %%
report.criteria_section(view)

# %%
report.warnings_section(view)

# %%
report.provenance_footer(view)
