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
# # Exploring CCHC indicators: load → validate → score → compare → the 2025 merger
#
# A walk through the package on the bundled **synthetic** demo data (invented figures for the
# 63 provinces in 2021–2024 and the 34 provinces formed on 1 July 2025), then the **real**
# published PAR INDEX series. Every cell is one call to the library's front door,
# `import cchc_analysis as cchc`; results show themselves as tables, charts draw offline.

# %%
import polars as pl

import cchc_analysis as cchc

# %% [markdown]
# Charts in this notebook are drawn with no network: each is an SVG, made interactive (with
# tooltips) by scripts the package inlines. Nothing is fetched from a CDN.

# %%
cchc.enable_offline_charts(lang="en")

# %% [markdown]
# ## 1. Load the indicator table
# One row per province × period × indicator: provinces resolved to their official code,
# periods made canonical (`2024`, `2024-H1`, …), values parsed the Vietnamese way. The file
# ships inside the package; `cchc.read_table("your_file.xlsx")` reads your own the same way.

# %%
indicators = cchc.load_demo()
indicators.head()

# %% [markdown]
# ## 2. Validate it (Great Expectations)
# Row-level checks (numbers, periods, provinces, bounds), identities between indicators and
# the number of provinces per period. The notebook `check_my_table` shows what a broken table
# looks like.

# %%
cchc.validate_table(indicators)

# %% [markdown]
# ## 3. Score it with the illustrative rubric
# Criterion → domain → total → index → rank → grade band, every point explained, and the
# change against the year before — exactly what `cchc score` writes.

# %%
scores = cchc.score_table(indicators)
scores

# %% [markdown]
# Every point of one province in one year (Hà Nội, 2024), with the sentence that explains it.

# %%
scores.criteria.filter(period="2024", province="Hà Nội").select(
    "criterion_id", "points", "max_points", "explanation_en"
)

# %% [markdown]
# ## 4. Compare provinces
# Any usual spelling works: `TP.HCM`, `Thanh Hoá`, `ha noi`; a year as `2024` or `"2024"`.

# %%
cchc.compare_provinces(scores, ["Hà Nội", "TP.HCM", "Đà Nẵng", "Thanh Hoá"], 2024)

# %% [markdown]
# ## 5. The 2025 merger: 63 provinces become 34
# On 1 July 2025 (Resolution 202/2025/QH15) most provinces merged: Phú Thọ, Vĩnh Phúc and
# Hòa Bình became one Phú Thọ. A 2025 province is compared with 2024 on the 2025 boundaries:
# its predecessors' indicators are combined (counts summed, rates recomputed) and scored
# again. `comparison_basis` says which provinces were compared with their predecessors.

# %%
scores.ranking(2025).head(10)

# %% [markdown]
# The new Phú Thọ: its headline, its domains against the national median, and its rank
# interval.

# %%
phu_tho = cchc.province_profile(scores, "Phú Thọ", 2025, lang="en")
phu_tho

# %% [markdown]
# Its index across the years: before the merger, each predecessor is drawn dashed.

# %%
phu_tho.trend_chart()

# %% [markdown]
# ## 6. Change the rubric and watch the ranks move
# The rubric is data: its criterion tree shows each maximum, measure and rule.

# %%
rubric = cchc.load_rubric("par-index-illustrative")
rubric

# %% [markdown]
# Ask for full points on the share of dossiers filed online only at 90 % (instead of 70 %) —
# a linear rule's target. Threshold bands, maxima and dropping a criterion work the same way:
# `bands={99: 6, 95: 3, 0: 0}`, `max_points=4`, `drop=True`.

# %%
stricter = cchc.edit_rubric(rubric, "digital_government.online_dossiers", target=90)

# %%
cchc.rank_changes(scores, cchc.score_table(indicators, stricter), 2024).head(10)

# %% [markdown]
# ## 7. How sure is a rank?
# A Monte Carlo over the uncertain inputs declared beside the rubric
# (`rubrics/par-index-illustrative.uncertainty.yaml`: domain weights, thresholds, SIPAS sampling
# error, the missing-data policy): each province's 90 % rank interval.

# %%
uncertainty = cchc.rank_uncertainty(scores, years=2024)
uncertainty

# %%
uncertainty.chart(2024, "Hà Nội", lang="en")

# %% [markdown]
# Survey 4 times as many people per province and watch the intervals narrow.

# %%
from cchc_analysis import explore

# %%
larger_survey = explore.rank_intervals(indicators, 2024, survey_sample_size=2200)

# %%
explore.interval_changes(uncertainty.intervals, larger_survey).head(10)

# %% [markdown]
# ## 8. The real published series
# National provincial averages 2016–2024 and the 6 regions 2022–2024, as announced by the
# Ministry of Home Affairs (each row names its source; 2022's national figure is derived).

# %%
explore.published_series()

# %% [markdown]
# Hover a point to read its value and source.

# %%
explore.plot_published_series()
