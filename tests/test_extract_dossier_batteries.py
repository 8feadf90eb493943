"""Dossier results said every way provincial news combines the parts of a sentence: the
period × who counted × the noun × how the received, the online, the resolved, the on-time
share or the late, and the pending are said, in both languages. Sentences written for this
test, a fixed sample of every combination; each must give exactly the figures it states."""

from __future__ import annotations

import itertools
import random

import pytest

from cchc_analysis.extract import extract_text

_VALUES_VI = dict(R="12.345", O="8.210", S="11.900", P="445", L="25", pct="99,79")
_VALUES_EN = dict(R="12,345", O="8,210", S="11,900", P="445", L="25", pct="99.79")
_FIGURES = dict(
    R=("dossier.received", 12345.0),
    O=("dossier.online", 8210.0),
    S=("dossier.resolved", 11900.0),
    P=("dossier.pending", 445.0),
    L=("dossier.resolved_late", 25.0),
    pct=("dossier.on_time_pct", 99.79),
)

_VI_PARTS = [
    ["Trong 9 tháng năm 2023", "Quý III/2023", "Năm 2023", "6 tháng đầu năm 2023"],
    ["toàn tỉnh", "các cơ quan, đơn vị trên địa bàn tỉnh", "tỉnh", "Quảng Ninh"],
    ["hồ sơ", "hồ sơ TTHC", "hồ sơ thủ tục hành chính", "HS"],
    ["tiếp nhận {R} {n}", "đã tiếp nhận {R} {n}", "tiếp nhận tổng số {R} {n}"],
    ["", ", trong đó {O} {n} trực tuyến", " (trực tuyến {O} {n})", "; số hồ sơ trực tuyến là {O}"],
    ["; đã giải quyết {S} {n}", ". Đã giải quyết {S} {n}", ". Số hồ sơ đã giải quyết là {S} {n}"],
    ["", ", tỷ lệ giải quyết đúng hạn đạt {pct}%", " (đạt {pct}% đúng hạn)", ", trong đó trễ hạn {L} {n}"],
    ["", "; đang giải quyết {P} {n}", ". Hiện còn {P} {n} đang giải quyết"],
]  # fmt: skip
_EN_PARTS = [
    ["In the first nine months of 2023", "In 2023", "In the third quarter of 2023"],
    ["the province", "Quang Ninh", "agencies across the province", "the whole province"],
    ["dossiers", "administrative dossiers", "applications", "records"],
    ["received {R} {n}", "handled {R} {n}", "received a total of {R} {n}"],
    ["", ", of which {O} were submitted online", " ({O} online)", ", with {O} {n} filed online"],
    [". Of these, {S} were resolved", "; {S} {n} were settled", ", and resolved {S}"],
    ["", ", with an on-time rate of {pct}%", "; {L} {n} were overdue", ", while {L} were late"],
    ["", ". {P} {n} are being processed", ", and {P} are pending"],
]  # fmt: skip


def _sample(parts: list[list[str]], values: dict[str, str], size: int, seed: int):
    combinations = list(itertools.product(*parts))
    random.Random(seed).shuffle(combinations)
    for period, subject, noun, *said in combinations[:size]:
        template = f"{period}, {subject} " + "".join(said) + "."
        keys = [k for k in values if "{" + k + "}" in template]
        yield template.format(n=noun, **values), frozenset(_FIGURES[k] for k in keys)


_VIETNAMESE = list(_sample(_VI_PARTS, _VALUES_VI, 150, 1))
_ENGLISH = list(_sample(_EN_PARTS, _VALUES_EN, 150, 1))


@pytest.mark.parametrize(("sentence", "expected"), _VIETNAMESE, ids=range(len(_VIETNAMESE)))
def test_vietnamese_dossier_sentences(sentence, expected):
    found = extract_text(f"Quảng Ninh: kết quả cải cách hành chính\n{sentence}").figures
    assert {(f.indicator, f.value) for f in found} == expected


@pytest.mark.parametrize(("sentence", "expected"), _ENGLISH, ids=range(len(_ENGLISH)))
def test_english_dossier_sentences(sentence, expected):
    """ "handled N" is the received when a smaller resolved count follows."""
    found = extract_text(f"Quang Ninh administrative reform results\n{sentence}").figures
    assert {(f.indicator, f.value) for f in found} == expected


def test_handled_alone_is_still_the_resolved():
    found = extract_text("Quang Ninh results\nIn 2023, the province handled 12,345 dossiers.")
    assert {(f.indicator, f.value) for f in found.figures} == {("dossier.resolved", 12345.0)}
