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
# # Build your own index: a province scores its departments
#
# A province wants to compare its departments (sở, ban, ngành) every year. This notebook takes
# it from raw indicators to an audit report, step by step after the JRC/OECD method, with the
# index builder of `cchc_analysis.index`. The data are **SYNTHETIC** (invented figures for 18
# departments, 2023–2025) and the spec is an **illustration**, not an official methodology.
# Every cell is one library call; the logic lives in `src/cchc_analysis/index/`.

# %% tags=["parameters"]
OUT = "../reports/index_example"

# %%
import polars as pl

from cchc_analysis.index import api, audit, example, montecarlo, sensitivity, tables

# %% [markdown]
# ## 1. The framework, as data
# The whole index is one YAML file: the indicators (direction, unit, options of their own), the
# hierarchy (here indicators → three pillars → the index; any depth works) with a weight at
# every level, and the method of every step. Options set on a node win over its level's, which
# win over the defaults. Read it top to bottom.

# %%
print(example.spec_path().read_text(encoding="utf-8"))

# %% [markdown]
# The schema checks every key and names the broken one (`indicators.3.parent: ...`); a spec
# that loads is consistent.

# %%
spec = api.load_spec(example.spec_path())

# %% [markdown]
# ## 2. The data: one row per department and year
# `overdue` and `complaints` are lower-is-better (`direction: -1` in the spec). A few values are
# missing on purpose, and one department has far more overdue dossiers than the rest.

# %%
data = example.departments_data()
data.head()

# %% [markdown]
# ## 3. Build it
# Imputation (EM; `digitised` by interpolation over the years), the JRC outlier rule, min–max
# normalisation on 1–100, PCA weights for the digital pillar, geometric means for the pillars,
# the arithmetic mean for the index — every year, every level scored and ranked.

# %%
built = api.build_index(spec, data)

# %% [markdown]
# ### Coverage and imputation
# Which indicators had holes, and how they were filled.

# %%
tables.coverage(built).filter(pl.col("missing") > 0)

# %% [markdown]
# ### Outliers
# The JRC rule: winsorise the most extreme value while |skewness| > 2 and kurtosis > 3.5 (up to
# `winmax` values), then a log transform if that is not enough.

# %%
tables.treatment(built).filter(pl.col("status") != "not needed")

# %% [markdown]
# ## 4. Multivariate analysis
# Per pillar: Cronbach's alpha, the share of variance of the first principal component, and the
# flags (children correlated above 0.9, or weakly or negatively with their pillar).

# %%
groups, correlations, components, flags = tables.multivariate(built)
groups.filter(pl.col("period") == "2025")

# %% [markdown]
# ## 5. Weights against measured importance
# Each child's weight beside its importance: the correlation ratio η² of its pillar's score on
# it, as a share of the pillar's total. A weight that asks for 40 % but buys 20 % of the
# importance is worth a second look.

# %%
tables.weights(built).filter(pl.col("period") == "2025")

# %% [markdown]
# ## 6. Scores and ranks, every level
# Level 1 is the normalised indicators, level 2 the pillars, level 3 the index.

# %%
tables.level_frame(built, 3).filter(pl.col("period") == "2025").sort("index_rank")

# %% [markdown]
# ## 7. How sure are the ranks?
# 2,000 replications: pillar weights ±25 %, the imputation, normalisation and aggregation
# drawn among the alternatives the spec lists, and one indicator left out at random. Nominal,
# mean and median rank, the 90 % interval, the mean absolute rank shift.

# %%
mc = montecarlo.monte_carlo(built, spec.uncertainty)
montecarlo.rank_stats(mc)

# %% [markdown]
# Every replication's parameters are kept, so any of them can be rebuilt.

# %%
montecarlo.parameters_frame(built, spec.uncertainty, mc.draws).head()

# %% [markdown]
# What each choice, changed on its own, does to the ranks:

# %%
sensitivity.choice_effects(built, spec.uncertainty).head(8)

# %% [markdown]
# ## 8. The audit report
# One offline HTML page with the charts a JRC audit shows: coverage, outliers, correlations,
# PCA, weights against importance, rank intervals, and what each choice changes. Open it in a
# browser (Vietnamese; pass `lang="en"` for English).

# %%
audit.write_audit(built, f"{OUT}/departments_audit.html", mc)
