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
# library call: the logic lives in `cchc_analysis.report` and `cchc_analysis.charts`.

# %% tags=["parameters"]
province: str = "Phú Thọ"  # province name (any usual spelling) or official code
year: int = 2025  # annual period to report on
processed_dir: str = "../data/processed"  # folder written by `cchc score`
lang: str = "vi"  # "vi" or "en"

# %%
from cchc_analysis import charts, report

charts.enable_offline_rendering()
view = report.load_report_view(processed_dir, province, year, lang)

# %%
report.banner(view)

# %%
report.headline(view)

# %%
report.heading("domain_profile_heading", lang)

# %%
charts.plot_domain_profile(view.profile, lang)

# %%
report.heading("ranking_heading", lang)

# %%
charts.plot_ranking(view.ranking, view.province.code, lang)

# %%
report.heading("trend_heading", lang)

# %%
charts.plot_trend(view.trend, lang)

# %%
report.heading("criteria_heading", lang)

# %%
report.criteria_table(view)

# %%
report.provenance_footer(view)
