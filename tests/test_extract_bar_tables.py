"""Tables whose cells stand between bars (Markdown, and what many converters write), one row
per line: each row is read once per year of its head, as tables between tabs are. The tables
here are written for these tests, with invented values."""

from __future__ import annotations

from pathlib import Path

from cchc_analysis.extract import extract_files

PCI_BY_YEAR = """Chỉ số PCI của tỉnh Tây Ninh qua các năm
Year | 2023 | 2022 | 2021 |
Entry Costs | 7.11 | 6.52 | 6.90 |
Access to land | 6.48 | 6.02 | N/A |
Law & Order | 7.35 | 7.01 | 6.87 |
PCI Scores | 66.10 | 64.02 | 63.55 |
Ranking | 12 | 20 | 25 |
"""

MARKDOWN = """Tỉnh Tây Ninh: chỉ số thành phần PCI

| Chỉ số thành phần | 2023 | 2022 |
|---|---:|---:|
| Gia nhập thị trường | 7,11 | 6,52 |
| Tiếp cận đất đai | 6,48 | 6,02 |
| Chi phí thời gian | 7,20 | 6,95 |
"""

ENGLISH = """Tay Ninh in the Provincial Competitiveness Index (PCI)
The province has kept its place among the better performers, and the table below gives the
scores of two of the sub-indices in the last two editions of the index.
Year | 2023 | 2022 |
Time Costs | 7.42 | 7.05 |
Informal Charges | 6.61 | 6.20 |
Labor Training | 5.90 | 5.71 |
"""


def _read(tmp_path: Path, text: str) -> set[tuple[str, float, str, str]]:
    path = tmp_path / "pci.txt"
    path.write_text(text, encoding="utf-8")
    result = extract_files([path])
    return {(f.indicator, f.value, f.province, f.period) for f in result.figures}


def test_a_table_between_bars_reads_each_year(tmp_path):
    got = _read(tmp_path, PCI_BY_YEAR)
    assert got == {
        ("pci.entry", 7.11, "Tây Ninh", "2023"),
        ("pci.entry", 6.52, "Tây Ninh", "2022"),
        ("pci.entry", 6.9, "Tây Ninh", "2021"),
        ("pci.land", 6.48, "Tây Ninh", "2023"),
        ("pci.land", 6.02, "Tây Ninh", "2022"),
        ("pci.legal", 7.35, "Tây Ninh", "2023"),
        ("pci.legal", 7.01, "Tây Ninh", "2022"),
        ("pci.legal", 6.87, "Tây Ninh", "2021"),
    }  # "N/A" is no value; the PCI total and the rank have no catalogue id


def test_a_markdown_table_with_its_rule_of_dashes(tmp_path):
    assert _read(tmp_path, MARKDOWN) == {
        ("pci.entry", 7.11, "Tây Ninh", "2023"),
        ("pci.entry", 6.52, "Tây Ninh", "2022"),
        ("pci.land", 6.48, "Tây Ninh", "2023"),
        ("pci.land", 6.02, "Tây Ninh", "2022"),
        ("pci.time", 7.2, "Tây Ninh", "2023"),
        ("pci.time", 6.95, "Tây Ninh", "2022"),
    }


def test_an_english_text_reads_the_years_in_english(tmp_path):
    assert _read(tmp_path, ENGLISH) == {
        ("pci.time", 7.42, "Tây Ninh", "2023"),
        ("pci.time", 7.05, "Tây Ninh", "2022"),
        ("pci.informal", 6.61, "Tây Ninh", "2023"),
        ("pci.informal", 6.2, "Tây Ninh", "2022"),
        ("pci.labor", 5.9, "Tây Ninh", "2023"),
        ("pci.labor", 5.71, "Tây Ninh", "2022"),
    }


def test_bars_inside_prose_are_not_a_table(tmp_path):
    text = "Tỉnh Tây Ninh năm 2023: tiếp nhận 12.500 hồ sơ | giải quyết 12.100 hồ sơ.\n"
    got = _read(tmp_path, text)
    assert ("dossier.received", 12500.0, "Tây Ninh", "2023") in got
