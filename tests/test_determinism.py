"""Two runs from the same inputs give byte-identical processed files."""

from cchc_analysis.pipeline import run_score, run_validate


def test_two_runs_write_identical_bytes(tmp_path, three_province_csv):
    outputs = []
    for run in ("first", "second"):
        out = tmp_path / run
        assert run_validate([three_province_csv], out, out / "validation").ok
        run_score(out / "indicators.parquet", "par-index-illustrative", out)
        outputs.append(out)
    names = [
        "indicators.parquet",
        "scores_totals.parquet",
        "scores_domains.parquet",
        "scores_criteria.parquet",
        "scores_totals.csv",
        "scores_criteria.csv",
    ]
    for name in names:
        assert (outputs[0] / name).read_bytes() == (outputs[1] / name).read_bytes(), name
    first = (outputs[0] / "_manifest.json").read_text(encoding="utf-8")
    second = (outputs[1] / "_manifest.json").read_text(encoding="utf-8")
    assert first.replace(str(outputs[0]), "") == second.replace(str(outputs[1]), "")
