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
# # Check my table: a broken table, its failures, quarantine and the fix
#
# Tables typed by hand carry mistakes: a note where a number belongs, a province misspelt, a
# row pasted twice, counts that do not add up. This notebook breaks a copy of the bundled
# **synthetic** demo table the way such tables break, shows what validation reports (file, row,
# column, rule), scores the rows that are fine while the broken ones wait in quarantine, and
# then fixes the table. Use `cchc.validate_table("your_file.xlsx")` on your own.

# %%
import tempfile
from pathlib import Path

import polars as pl

import cchc_analysis as cchc

# %% [markdown]
# ## 1. A table as it arrives
# The 2024 rows of the demo file, in the contract's long form: province, period, indicator,
# value (all text, as typed).

# %%
table = cchc.load_demo(raw=True).filter(pl.col("period") == "2024")
table.head()

# %% [markdown]
# ## 2. Break it the way tables break
# Row numbers below are those of the CSV file (the header is row 1). We put a note in a value
# cell, misspell a province beyond recognition, paste a row twice and make the dossiers resolved
# on time exceed the dossiers resolved.

# %%
cell = pl.int_range(pl.len())  # the position of a row in the frame (file row = position + 2)

# %%
broken = table.with_columns(
    value=pl.when(cell == 3).then(pl.lit("chưa có số liệu")).otherwise("value"),
    province=pl.when(cell == 40).then(pl.col("province") + "g").otherwise("province"),
)

# %%
on_time = (pl.col("province") == "Quảng Ninh") & (pl.col("indicator") == "dossier.resolved_on_time")
broken = broken.with_columns(value=pl.when(on_time).then(pl.lit("99999999")).otherwise("value"))

# %%
broken = pl.concat([broken, broken.slice(100, 1)])

# %%
folder = Path(tempfile.mkdtemp(prefix="check_my_table-"))
broken.write_csv(folder / "my_table.csv")

# %% [markdown]
# ## 3. Validate it
# Failures grouped by rule with their counts, then the first ones with their file, row and
# column. Errors block scoring; warnings are only reported.

# %%
result = cchc.validate_table(folder / "my_table.csv")
result

# %% [markdown]
# Every failure, with its message (Vietnamese in `message_vi`).

# %%
result.failures.select("row", "province", "indicator", "column", "value", "rule", "message_en")

# %% [markdown]
# ## 4. Quarantine: score what is fine, set the rest aside
# Every input row with an error goes to quarantine whole, with its reasons; every other row is
# accepted. Each row lands in exactly one of the two.

# %%
result.quarantined.select("row", "province_raw", "indicator", "value_text", "reasons")

# %% [markdown]
# The accepted rows can be scored now. A province with a quarantined row is scored without it
# (the rubric's missing-data policy applies), so read its score with care.

# %%
cchc.score_table(result.accepted).ranking(2024).head()

# %% [markdown]
# `cchc validate my_table.csv --quarantine` does the same from the command line and writes the
# quarantined rows to `data/processed/quarantine/quarantined.csv`.
#
# ## 5. The fix
# Correct the cells the failures point to. The pasted row goes; the province misspelling is
# corrected as the message suggests; the missing figure and the count that did not add up are
# typed again from the source document (here: the demo file's own values).

# %%
fixed = broken.unique(maintain_order=True)

# %%
fixed = fixed.with_columns(pl.col("province").replace({"Hà Giangg": "Hà Giang"}))

# %%
fixed = fixed.with_columns(
    value=pl.when(cell == 3).then(pl.lit(table["value"][3])).otherwise("value")
)

# %%
fixed = fixed.with_columns(
    value=pl.when(on_time).then(table.filter(on_time)["value"]).otherwise("value")
)

# %%
fixed.write_csv(folder / "my_table.csv")

# %%
cchc.validate_table(folder / "my_table.csv")

# %% [markdown]
# Clean: the whole table scores.

# %%
cchc.score_table(folder / "my_table.csv")
