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
# # Exploring CCHC indicators: load → validate → score → compare
#
# A walk through the package on the bundled **synthetic** demo data (invented figures for the
# 63 provinces in 2021–2024 and the 34 in 2025), then the **real** published PAR INDEX series.
# Every cell is one library call; the logic lives in `src/cchc_analysis/`.

# %%
from cchc_analysis import explore

# %% [markdown]
# ## 1. Load the indicator table
# One row per province × period × indicator; provinces resolved to their official code,
# periods made canonical (`2024`, `2024-H1`, …), values parsed the Vietnamese way.

# %%
indicators = explore.load_demo()
indicators.head()

# %% [markdown]
# ## 2. Validate it (Great Expectations)
# An empty table means no errors and no warnings. Try editing a value in a copy of the file
# and run this again: the failures table names the file, row, column and rule.

# %%
explore.validate(indicators)

# %% [markdown]
# ## 3. Score it with the illustrative rubric
# Criterion → domain → total → index → rank → grade band, every point explained.

# %%
scores = explore.score(indicators, "par-index-illustrative")
scores.totals.filter(scores.totals["period"] == "2024").head(10)

# %%
scores.criteria.filter(scores.criteria["province_code"] == "01").select(
    "period", "criterion_id", "points", "max_points", "explanation_vi"
).tail(17)

# %% [markdown]
# ## 4. Compare provinces
# Any usual spelling works: `TP.HCM`, `Thanh Hoá`, `Ha Noi`.

# %%
explore.compare(scores.totals, ["Hà Nội", "TP.HCM", "Đà Nẵng", "Thanh Hoá"], 2024)

# %% [markdown]
# ## 5. Change a rubric band and watch the ranks move
# Ask for full points on the share of dossiers filed online only at 90 % (instead of 70 %).

# %%
rubric = explore.load_rubric("par-index-illustrative")
stricter = explore.shift_linear(rubric, "digital_government.online_dossiers", floor=10, target=90)

# %%
explore.rank_changes(scores.totals, explore.score(indicators, stricter).totals, 2024).head(10)

# %% [markdown]
# ## 6. How sure is a rank?
# Monte Carlo over the uncertain inputs declared beside the rubric
# (`rubrics/par-index-illustrative.uncertainty.yaml`: domain weights, thresholds, SIPAS sampling
# error, the missing-data policy). Then survey 4 times as many people per province and watch
# the rank intervals narrow.

# %%
intervals = explore.rank_intervals(indicators, 2024)
intervals.select("province", "nominal_rank", "rank_lo", "rank_hi", "median_rank").head(10)

# %%
larger_survey = explore.rank_intervals(indicators, 2024, survey_sample_size=2200)
explore.interval_changes(intervals, larger_survey).head(10)

# %% [markdown]
# ## 7. The real published series
# National provincial averages 2016–2024 and the 6 regions 2022–2024, as announced by the
# Ministry of Home Affairs (each row names its source; 2022's national figure is derived).

# %%
explore.published_series()

# %%
explore.plot_published_series()
