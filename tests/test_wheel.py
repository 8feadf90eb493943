"""Works when installed: the wheel is built, installed in a fresh environment (the locked
dependencies, from the uv cache when it has them), and the front door runs on the demo data
that ships inside it — far from the repository, so nothing is read from the source tree."""

from __future__ import annotations

import os
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow

SCRIPT = textwrap.dedent(
    """
    import json, sys
    from importlib import resources
    from pathlib import Path

    import cchc_analysis as cchc

    assert "site-packages" in cchc.__file__, cchc.__file__
    assert (resources.files("cchc_analysis") / "py.typed").is_file()
    assert sorted(m for m in ("great_expectations", "altair") if m in sys.modules) == []
    table = cchc.load_demo()
    checked = cchc.validate_table(table)
    scores = cchc.score_table(checked)
    profile = cchc.province_profile(scores, "TP.HCM", 2025)
    report = cchc.province_report(scores, "Thanh Hoá", 2025)
    out = Path(sys.argv[1])
    workbook = cchc.export_excel(scores, out, 2025)
    report.save(out / "thanh_hoa.html")
    print(json.dumps({
        "ok": checked.ok,
        "rows": table.height,
        "provinces_2025": scores.ranking(2025).height,
        "hcm_rank": profile.headline["rank"],
        "interval": profile.rank_interval_text,
        "workbook": workbook.name,
        "svg": report.html().count("<svg"),
    }))
    """
)


def _uv() -> str:
    local = REPO / ".uv" / "bin" / "uv"
    found = str(local) if local.exists() else shutil.which("uv")
    if found is None:
        pytest.skip("uv is not installed (`make test` installs it into .uv/)")
    return found


def _run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "UV_PYTHON_DOWNLOADS": "never", "UV_COMPILE_BYTECODE": "0"}
    env.pop("VIRTUAL_ENV", None)
    return subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, cwd=cwd, env=env, timeout=900
    )


def test_the_wheel_installs_and_runs_the_front_door_on_the_demo_data(tmp_path):
    uv = _uv()
    dist, venv, work = tmp_path / "dist", tmp_path / "venv", tmp_path / "work"
    work.mkdir()
    built = _run(uv, "build", "--wheel", "--out-dir", dist, REPO, cwd=REPO)
    assert built.returncode == 0, built.stderr
    (wheel,) = dist.glob("cchc_analysis-*.whl")
    requirements = tmp_path / "requirements.txt"
    exported = _run(
        uv, "export", "--frozen", "--no-dev", "--no-emit-project", "--no-hashes", "-q",
        "-o", requirements, cwd=REPO,
    )  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    assert _run(uv, "venv", venv, "--python", "python3", "-q").returncode == 0
    python = venv / "bin" / "python"
    install = [uv, "pip", "install", "--python", python, "-q", "-r", requirements, wheel]
    # from the cache alone when it holds everything; else the registry fills the gaps
    installed = _run(*install, "--offline")
    if installed.returncode != 0:
        installed = _run(*install)
    assert installed.returncode == 0, installed.stderr
    ran = _run(python, "-c", SCRIPT, work, cwd=work)
    assert ran.returncode == 0, ran.stderr[-3000:]
    import json

    result = json.loads(ran.stdout.strip().splitlines()[-1])
    assert result["ok"] and result["rows"] == 10010 and result["provinces_2025"] == 34
    assert result["interval"].startswith(f"hạng {result['hcm_rank']}, khoảng 90 %")
    assert result["workbook"] == "cchc_scores_2025.xlsx" and result["svg"] >= 4
    assert (work / "cchc_scores_2025.xlsx").is_file() and (work / "thanh_hoa.html").is_file()
    # the command that comes with it: a rubric as a table and back
    cchc = venv / "bin" / "cchc"
    exported_table = _run(cchc, "rubric", "export", "pci", "--out", work / "pci.xlsx")
    assert exported_table.returncode == 0, exported_table.stderr
    imported = _run(cchc, "rubric", "import", work / "pci.xlsx", "--out", work / "pci.yaml")
    assert imported.returncode == 0, imported.stderr
    assert "pci v2016.1, 10 criteria" in imported.stdout
