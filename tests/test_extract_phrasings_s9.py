"""Phrasings met on the development half in the ninth session, in sentences written for this
test: procedures counted as a department's competence, named after the count."""

from __future__ import annotations

from cchc_analysis.extract import extract_text


def _figures(text: str) -> set[tuple[str, float, str]]:
    extraction = extract_text(text)
    return {
        (f.indicator, round(f.value, 3), f.scope)
        for f in list(extraction.figures) + list(extraction.subunits)
        if not f.internal
    }


def test_a_department_the_province_published_procedures_for_is_no_source():
    # "… của Sở Y tế vừa được UBND tỉnh công bố": the department is the owner, not the source
    found = _figures(
        "Trong số 64 thủ tục hành chính (TTHC) thuộc thẩm quyền giải quyết và phạm vi quản lý "
        "của Sở Y tế vừa được UBND tỉnh công bố, có 50 TTHC cấp tỉnh."
    )
    assert any(value == 64 and scope == "Sở Y tế" for _, value, scope in found)
    assert not any(value == 64 and scope == "province" for _, value, scope in found)
