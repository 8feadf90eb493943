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

# %% [markdown]
# # My province: a leader's brief, built cell by cell
#
# Choose a province and a year below, run every cell, and you have what a leader asks first:
# where do we stand, what moved since last year, where are we strong and weak, how sure is our
# rank — then the full report and a workbook to send on. The data are the bundled
# **synthetic** demo table (invented figures); give `table` the path of your own file to
# brief on real figures.

# %% tags=["parameters"]
province = "Phú Thọ"  # any usual spelling: "TP.HCM", "Thanh Hoá", "ha noi", or the code
year = 2025  # the year to brief on
lang = "vi"  # "vi" or "en"
table = None  # None: the demo table; or the path of your table (CSV, XLSX, Parquet)
out_dir = "../reports/briefs"  # where the report page and the workbook are written

# %%
import cchc_analysis as cchc

# %% [markdown]
# Charts draw offline, numbers in the brief's language.

# %%
cchc.enable_offline_charts(lang=lang)

# %% [markdown]
# ## 1. Score every province
# The same scores as `cchc score`: a 2025 province is compared with 2024 on the new
# boundaries (its predecessors combined).

# %%
scores = cchc.score_table(table if table is not None else cchc.load_demo())

# %% [markdown]
# ## 2. Where we stand
# Index, rank of N, grade, the change since last year, the rank in the region and how sure the
# rank is (its 90 % interval under the rubric's declared uncertainties).

# %%
brief = cchc.province_profile(scores, province, year, lang=lang)
brief

# %% [markdown]
# ## 3. Domain by domain
# Each domain's share of its maximum against the national and regional medians; a negative
# gap is where we trail.

# %%
brief.domains.select("domain", "pct", "median_pct", "gap_to_median", "gap_to_region")

# %%
brief.chart()

# %% [markdown]
# ## 4. Strengths and weaknesses
# The criteria closest to and furthest from their maximum points, each point explained.

# %%
brief.strengths

# %%
brief.weaknesses

# %% [markdown]
# ## 5. Over the years
# Before the 2025 merger, each predecessor province is drawn dashed.

# %%
brief.trend_chart()

# %% [markdown]
# ## 6. Against the neighbours
# The province beside the others of its region, best first.

# %%
scores.ranking(year).filter(region=brief.headline["region"])

# %% [markdown]
# Or beside any provinces you name, in any spelling.

# %%
cchc.compare_provinces(scores, [province, "Hà Nội", "TP.HCM"], year)

# %% [markdown]
# ## 7. The full report
# The page the batch renders for every province, here in the notebook (charts as inline SVG).

# %%
report = cchc.province_report(scores, province, year, lang=lang)
report

# %% [markdown]
# ## 8. Send it on
# The report as one HTML page that opens offline on a phone, and the year's scores as an Excel
# workbook (numbers stay numbers, every point explained).

# %%
report.save(f"{out_dir}/{brief.province.slug}-{year}.html")

# %%
cchc.export_excel(scores, out_dir, year, lang=lang)
