"""Raw files carry a provenance sidecar; a raw file that changed is reported, not used."""

import shutil

import pytest

from cchc_analysis.demo import FILE_NAME
from cchc_analysis.pipeline import run_validate
from cchc_analysis.store.provenance import ProvenanceError, read_provenance, update_sidecar
from tests.conftest import REPO

DEMO = REPO / "data" / "raw" / "demo" / FILE_NAME


def test_every_raw_file_has_a_complete_sidecar_that_matches():
    raw = [
        p
        for p in (REPO / "data" / "raw").rglob("*")
        if p.is_file() and not p.name.endswith((".meta.yaml", ".md"))
    ]
    assert raw
    for path in raw:
        found = read_provenance(path)
        assert found.status == "ok", path
        assert {"source", "citation", "date_retrieved", "licence"} <= set(found.origin)


@pytest.fixture
def raw_copy(tmp_path):
    folder = tmp_path / "data" / "raw"
    folder.mkdir(parents=True)
    shutil.copy(DEMO, folder / FILE_NAME)
    shutil.copy(DEMO.with_name(FILE_NAME + ".meta.yaml"), folder / (FILE_NAME + ".meta.yaml"))
    return folder / FILE_NAME


def test_a_changed_raw_file_is_refused_with_both_hashes(raw_copy, tmp_path):
    text = raw_copy.read_text(encoding="utf-8").replace(
        ",2025,task.planned,", ",2025,task.planned,1", 1
    )
    raw_copy.write_text(text, encoding="utf-8")
    with pytest.raises(
        ProvenanceError, match="changed since its provenance was recorded"
    ) as raised:
        run_validate([raw_copy], tmp_path / "out", tmp_path / "v")
    assert str(raw_copy) in str(raised.value)
    assert read_provenance(raw_copy).recorded_sha256 in str(raised.value)
    assert not (tmp_path / "out").exists()
    # once the change is recorded, the file is used again
    update_sidecar(raw_copy, note="test: one value edited")
    assert read_provenance(raw_copy).status == "ok"
