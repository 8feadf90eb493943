"""A worked example: a province's own index of its departments, on SYNTHETIC data.

``departments_spec()`` is the bundled spec (examples/departments.yaml); ``departments_data()``
draws its data: 18 departments × 2023–2025, eight indicators driven by one latent quality, a
few holes (one indicator's middle year left out, to be interpolated) and one department with
far more overdue dossiers than the rest (an outlier for the JRC rule). Same seed, same table.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import numpy as np
import polars as pl

from cchc_analysis.index.spec import IndexSpec, read_spec

DEPARTMENTS = [
    "Sở Nội vụ",
    "Sở Tư pháp",
    "Sở Tài chính",
    "Sở Xây dựng",
    "Sở Y tế",
    "Sở Giáo dục và Đào tạo",
    "Sở Công Thương",
    "Sở Nông nghiệp và Môi trường",
    "Sở Khoa học và Công nghệ",
    "Sở Văn hoá, Thể thao và Du lịch",
    "Sở Dân tộc và Tôn giáo",
    "Sở Ngoại vụ",
    "Thanh tra tỉnh",
    "Văn phòng UBND tỉnh",
    "Ban Quản lý các khu công nghiệp",
    "Sở Giao thông vận tải",
    "Sở Lao động – Thương binh và Xã hội",
    "Sở Thông tin và Truyền thông",
]
YEARS = ["2023", "2024", "2025"]


def spec_path() -> Path:
    """Return the path of the bundled example spec."""
    return Path(str(resources.files("cchc_analysis.index") / "examples" / "departments.yaml"))


def departments_spec() -> IndexSpec:
    """Return the example spec (an illustration, not an official methodology)."""
    return read_spec(spec_path())


def departments_data(seed: int = 20250701) -> pl.DataFrame:
    """Return the SYNTHETIC table: department_code, department, year, the eight indicators
    and ``data_note`` ('synthetic')."""
    rng = np.random.default_rng(seed)
    n = len(DEPARTMENTS)
    quality = rng.normal(0, 1, n)
    rows = []
    for t, year in enumerate(YEARS):
        q = quality + 0.25 * t + rng.normal(0, 0.3, n)

        def pct(base: float, slope: float, noise: float, q: np.ndarray = q) -> np.ndarray:
            return np.clip(base + slope * q + rng.normal(0, noise, n), 0, 100).round(1)

        overdue = np.round(np.exp(2.0 - 0.6 * q + rng.normal(0, 0.4, n))).astype(float)
        overdue[3] = overdue[3] * 12 + 150  # one department far behind the rest
        values = {
            "on_time": pct(88, 5, 3),
            "overdue": overdue,
            "one_stop": pct(80, 6, 5),
            "online_full": pct(45 + 8 * t, 10, 8),
            "e_payment": pct(35 + 8 * t, 9, 8),
            "digitised": pct(50 + 10 * t, 8, 6),
            "satisfaction": pct(85, 4, 3),
            "complaints": np.clip(3.0 - 0.8 * q + rng.normal(0, 0.6, n), 0.1, None).round(2),
        }
        if year == "2024":
            values["digitised"] = np.where(np.arange(n) % 5 == 2, np.nan, values["digitised"])
        values["satisfaction"] = np.where(
            np.arange(n) == (7 + t) % n, np.nan, values["satisfaction"]
        )
        for i, name in enumerate(DEPARTMENTS):
            row: dict[str, object] = {
                "department_code": f"D{i + 1:02d}",
                "department": name,
                "year": year,
            }
            row |= {k: (None if np.isnan(v[i]) else float(v[i])) for k, v in values.items()}
            row["data_note"] = "synthetic"
            rows.append(row)
    return pl.DataFrame(rows)
