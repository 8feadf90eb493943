"""Recall and precision of `cchc extract` on real published CCHC texts, per indicator.

The texts themselves are not in the repository (they belong to their publishers): only their
addresses, the hand labels and the measured results are, in ``benchmarks/extraction_real/``.
Save each text (as .txt, .html, .docx or .pdf) in a folder under the first 12 hex digits of the
SHA-1 of its address (``--list`` prints the names expected), then run::

    .venv/bin/python benchmarks/extraction_real.py --texts DIR [--write]

It prints, for the dev half (tuned on) and the held-out test half (only measured), per
indicator: labelled figures, figures extracted, true positives, recall and precision; the
figures taken from page furniture, dates, document numbers and phone numbers; and how often a
matched figure carries the right province and period. ``--write`` also saves the table as
``benchmarks/extraction_real/results.csv`` (or the file named).

A figure matches a label when the indicator and value agree and so does the scope: the
province as a whole (and the province named for it), or the unit the label names (a level of
government such as 'cấp huyện', a department, a centre, a district). Labels marked 'ignore'
(the text is ambiguous) are neither required nor counted against precision.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent / "extraction_real"
SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf")


def text_name(url: str) -> str:
    """Return the file stem a text is saved under: 12 hex digits of the SHA-1 of its URL."""
    return hashlib.sha1(url.encode("utf-8")).hexdigest()[:12]


@dataclass
class Label:
    url: str
    split: str
    indicator: str
    value: float
    scopes: list[str]
    province: str
    period: str
    status: str
    scope_class: str = ""


@cache
def _canonical_province(name: str) -> str:
    """The registry's name of a province ('TP. Hồ Chí Minh' → 'Hồ Chí Minh'), so that a label
    written with a prefix compares equal to the extractor's name, and a unit that was renamed
    ('Huế', 'Thừa Thiên Huế') compares equal under either of its names."""
    from cchc_analysis.reference.periods import Period
    from cchc_analysis.reference.registry import ProvinceNotFound, resolve_province

    if not name:
        return name
    for when in (Period(2024), Period(2025, "H2")):
        try:
            return resolve_province(name, when).name_vi
        except ProvinceNotFound:
            continue
    return name


def read_labels(path: Path) -> tuple[dict[str, str], list[Label]]:
    """Return {url: split} for every text and the labelled figures."""
    splits: dict[str, str] = {}
    labels: list[Label] = []
    seen: set[tuple[str, ...]] = set()
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            splits[row["url"]] = row["split"]
            if row["status"] == "none":
                continue
            # a fact the text states twice (a headline repeated in the body) is one figure: the
            # indicator table holds one row per unit, period and indicator
            fact = tuple(row[c] for c in ("url", "indicator", "value", "scope", "period"))
            if fact in seen:
                continue
            seen.add(fact)
            labels.append(
                Label(
                    row["url"],
                    row["split"],
                    row["indicator"],
                    float(row["value"]),
                    row["scope"].split("|"),
                    _canonical_province(row["province"]),
                    row["period"],
                    row["status"],
                    row.get("scope_class", ""),
                )
            )
    return splits, labels


def _key(text: str) -> str:
    """A scope name folded for comparison ('Các sở, ban ngành' → 'so ban nganh')."""
    from cchc_analysis.extract import fold

    folded = re.sub(r"[^a-z0-9 ]+", " ", fold(text))
    words = [w for w in folded.split() if w not in {"cac", "ubnd", "toan", "cua"}]
    return " ".join(words)


def _provincial_centre(text: str) -> bool:
    """True for a name of the province's public-administration service centre, however the
    province and the era name it."""
    from cchc_analysis.extract import fold

    folded = re.sub(r"\s+", " ", fold(text)).strip()
    return bool(
        re.match(
            r"(?:bo phan [a-z ]*tai )?trung tam (?:phuc vu )?hanh chinh cong(?: cap)? tinh", folded
        )
    )


def _canonical_level(text: str) -> str | None:
    """The level a scope names ('cấp xã' for 'khối UBND các phường, xã'), else None: the
    same names the extractor gives levels, so that a label and a figure written two ways
    for one level of government match."""
    from cchc_analysis.extract import fold
    from cchc_analysis.extract.scope import _level_label

    folded = re.sub(r"^(?:khoi |toan bo )?(?:ubnd |uy ban nhan dan )?", "", fold(text).strip())
    folded = re.sub(r"\s+(?:truc thuoc|tren dia ban|trong tinh)$", "", folded)
    folded = re.sub(r"\s+thuoc ubnd tinh$", "", folded)
    # a bare list of one level's units ("huyện, thành phố", "xã, phường, thị trấn") names it
    # too; one kind alone ("huyện") is a district's own scope in the labels, not a level
    listed = _level_label(f"cac {folded}") if "," in folded else None
    return _level_label(folded) or listed


def scope_matches(label: Label, figure) -> bool:
    """True when an extracted figure's scope is the one the label names."""
    from cchc_analysis.extract import PROVINCE_SCOPE, fold

    if figure.scope == PROVINCE_SCOPE:
        return "province" in label.scopes and (
            not figure.province or _canonical_province(figure.province) == label.province
        )
    key = _key(figure.scope)
    if _provincial_centre(figure.scope) and any(_provincial_centre(s) for s in label.scopes):
        return True  # "Trung tâm Hành chính công tỉnh" and "… Phục vụ hành chính công tỉnh X"
    level = _canonical_level(figure.scope)
    if level and any(_canonical_level(scope) == level for scope in label.scopes):
        return True  # "cấp xã" for "khối UBND các phường, xã", "16 phường, xã"
    if "province" in label.scopes:  # a figure given as '<tỉnh X>' where X is the label's
        return bool(label.province) and _key(label.province) in key
    for scope in label.scopes:
        wanted = _key(scope)
        if wanted and (wanted == key or wanted in key or key in wanted):
            return True
    return fold(figure.scope).endswith(tuple(fold(s) for s in label.scopes if s))


_NATIONAL = re.compile(r"(?:toan quoc|ca nuoc|(?:cua )?(?:34|63) (?:dia phuong|tinh))")
_PHONE = re.compile(r"(?:dien thoai|hotline|dt|fax|sdt|tel|phone)\W{0,3}$")
_DOC_NO = re.compile(r"^\s*/\s*(?:\d{4}/)?[a-z]{1,6}(?:[-&][a-z]{1,8})+")
_DATE_BEFORE = re.compile(
    r"(?:ngay|thang|nam|tu|den|luc|january|february|march|april|may|june|july|august|september|"
    r"october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?\s*$"
)
_FURNITURE = re.compile(
    r"truy cap|luot xem|luot doc|truc tuyen\s*:|binh luan|chia se|co chu|thong ke|online\s*:|"
    r"trang chu|dang nhap|ban quyen|dien thoai|email|visitors?|views|share|comments?|copyright|"
    r"hit counter|home page|log in|search"
)


def _day_month(written: str, after: str) -> bool:
    """True when a figure and what follows it read as a day and a month ('20/10', '5-6')."""
    from cchc_analysis.extract.numbers import _noun_at

    month = re.match(r"^\s*[-/]\s*(\d{1,2})(?![\d%])", after)
    day = re.fullmatch(r"\d{1,2}", written.strip())
    if not (month and day and 1 <= int(day.group()) <= 31 and 1 <= int(month.group(1)) <= 12):
        return False
    if int(day.group()) == int(month.group(1)) and re.match(r"\s*\)", after[month.end() :]):
        return False  # "All commune-level units (11/11) …": all of them, no 11 November
    noun, _, _ = _noun_at(after[month.end() :])
    return noun in (None, "other")  # '10/12 xã' counts communes; '20/10 vừa qua' is a date


def false_positive_kind(text: str, figure) -> str:
    """Classify a figure that matches no label: 'phone', 'date', 'document number',
    'furniture' (visit counters, menus, share bars) or 'other'."""
    from cchc_analysis.extract import fold

    folded = fold(text)
    start, end = figure.char_start, figure.char_end
    written = text[start:end]
    before = folded[max(0, start - 25) : start]
    after = folded[end : end + 20]
    line_start = folded.rfind("\n", 0, start) + 1
    line_end = folded.find("\n", end)
    line = folded[line_start : line_end if line_end >= 0 else len(folded)]
    digits = re.sub(r"\D", "", written)
    if _PHONE.search(before) or (len(digits) >= 9 and digits.startswith("0")):
        return "phone"
    if _DOC_NO.match(after) or re.search(r"(?:so hieu\s*:?|so\s*:)\s*$", before):
        return "document number"
    # only a day, a month or a year can be a date: '2.040 hồ sơ' and 'từ 87,61%' are not
    date_like = (
        re.fullmatch(r"\d{1,2}|(?:19|20)\d\d", written.strip()) is not None
        and not re.match(r"\s*(?:%|percent|per cent|diem|points?)", after)  # "80%" is no date
    )
    if (
        re.match(r"^\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(?:19|20)\d\d", after)
        or re.fullmatch(r"(?:19|20)\d\d", written.strip())
        # ("có đến 68 hồ sơ" is "as many as 68", no date)
        or (date_like and _DATE_BEFORE.search(before) and not re.search(r"co den\s*$", before))
        or re.search(r"(?:19|20)\d\d\s*[-/.]\s*\d{1,2}\s*[-/.]\s*$", before)
        or _day_month(written, after)
    ):
        return "date"
    counted = re.match(r"\s*(?:ho so|hs|dossiers?|files|records|thu tuc|tthc|procedures)", after)
    if len(line.strip()) <= 80 and _FURNITURE.search(line) and not counted:
        return "furniture"  # ("- Cổng dịch vụ công trực tuyến: 21.930 hồ sơ" counts dossiers)
    return "other"


def _scope_kind(scope: str) -> str:
    """The kind of an extracted figure's scope: province, level, centre, department, place."""
    from cchc_analysis.extract import PROVINCE_SCOPE, fold

    folded = fold(scope)
    if scope == PROVINCE_SCOPE:
        return "province"
    if _canonical_level(scope) or folded.startswith(("cap ", "toan ", "cac ")):
        return "level"
    if folded.startswith(("trung tam", "bo phan")):
        return "centre"
    if folded.startswith(("so ", "ban ", "chi cuc", "cuc ", "van phong", "chi nhanh")):
        return "department"
    return "place or other"


def text_language(text: str) -> str:
    """'vi' when more than 5 % of the letters carry a Vietnamese diacritic, else 'en'."""
    letters = [c for c in text if c.isalpha()]
    marked = sum(1 for c in letters if ord(c) > 127)
    return "vi" if letters and marked / len(letters) > 0.05 else "en"


GROUPS = (
    ("vi", "Vietnamese texts, CCHC figures"),
    ("en", "English texts, CCHC figures"),
    ("pci", "PCI sub-indices (mostly tables)"),
)


def _group(language: str, indicator: str) -> str:
    return "pci" if indicator.startswith("pci.") else language


def group_rows(result: dict) -> list[dict[str, str]]:
    """Per split and group of texts and figures: labels, found, tp, recall %, precision %."""
    rows = []
    for split in ("dev", "test"):
        for key, name in GROUPS:
            c = result["groups"][(split, key)]
            rows.append(_row(split, name, c))
    return rows


def find_text(folders: Path | Sequence[Path], url: str) -> Path | None:
    """Return the saved text of an address, whatever its format, from the first folder
    holding it."""
    stem = text_name(url)
    for folder in [folders] if isinstance(folders, Path) else folders:
        for suffix in SUFFIXES:
            path = folder / f"{stem}{suffix}"
            if path.exists():
                return path
    return None


def all_labels() -> list[Path]:
    """Return the label files of every round: labels.csv, then labels_*.csv by name."""
    return [HERE / "labels.csv", *sorted(HERE.glob("labels_*.csv"))]


def read_all_labels(paths: Sequence[Path]) -> tuple[dict[str, str], list[Label]]:
    """Return {url: split} and the labelled figures of several label files together."""
    splits: dict[str, str] = {}
    labels: list[Label] = []
    for path in paths:
        more_splits, more = read_labels(path)
        splits.update(more_splits)
        labels += more
    return splits, labels


def measure(
    folder: Path | Sequence[Path],
    labels_path: Path | Sequence[Path] | None = None,
    ignore_scope: bool = False,
) -> dict:
    """Run the extractor on every saved text and match its figures to the labels."""
    from cchc_analysis.extract import extract_files, fold, read_document

    if labels_path is None:
        labels_path = all_labels()
    splits, labels = read_all_labels(
        [labels_path] if isinstance(labels_path, Path) else labels_path
    )
    by_url: dict[str, list[Label]] = defaultdict(list)
    for label in labels:
        by_url[label.url].append(label)
    counts: dict[tuple[str, str], Counter] = defaultdict(Counter)
    groups: dict[tuple[str, str], Counter] = defaultdict(Counter)
    kinds: dict[str, Counter] = defaultdict(Counter)
    attribution: dict[str, Counter] = defaultdict(Counter)
    scope_errors: Counter = Counter()
    miss_kinds: dict[tuple[str, str], Counter] = defaultdict(Counter)
    confusion: dict[str, Counter] = defaultdict(Counter)
    missing: list[str] = []
    texts: Counter = Counter()
    misses: list[tuple[str, str, str, float, str]] = []
    seconds = 0.0
    extras: list[tuple[str, str, str, float, str, str]] = []
    for url, split in splits.items():
        path = find_text(folder, url)
        if path is None:
            missing.append(url)
            continue
        texts[split] += 1
        text = read_document(path).text
        language = text_language(text)
        began = time.perf_counter()
        extraction = extract_files([path])
        seconds += time.perf_counter() - began
        for problem in extraction.unreadable:  # a text the extractor failed on is said, not hidden
            print(f"NOT READ {split} {url}: {problem}", file=sys.stderr)
        figures = list(extraction.figures) + list(extraction.subunits)
        # figures are matched to 'figure' labels first: an 'ignore' label for the same value
        # ("92,83 điểm" beside "92,83%") must not take the one figure a 'figure' label wants
        wanted = sorted(by_url.get(url, []), key=lambda lab: lab.status != "figure")
        used: set[int] = set()
        for label in wanted:
            hit = next(
                (
                    i
                    for i, f in enumerate(figures)
                    if i not in used
                    and f.indicator == label.indicator
                    and abs(f.value - label.value) < 1e-6
                    and (ignore_scope or scope_matches(label, f))
                ),
                None,
            )
            if label.status == "figure":
                counts[(split, label.indicator)]["labels"] += 1
                groups[(split, _group(language, label.indicator))]["labels"] += 1
            if hit is None:
                if label.status == "figure":
                    misses.append((split, url, label.indicator, label.value, label.scopes[0]))
                    if any(
                        f.indicator == label.indicator and abs(f.value - label.value) < 1e-6
                        for f in figures
                    ):
                        scope_errors[split] += 1
                        why = "scope"
                        given = next(
                            f.scope
                            for f in figures
                            if f.indicator == label.indicator and abs(f.value - label.value) < 1e-6
                        )
                        confusion[split][(label.scope_class or "?", _scope_kind(given))] += 1
                    elif any(abs(f.value - label.value) < 1e-6 for f in figures):
                        why = "indicator"
                    elif any(abs(f.value - label.value) < 1e-6 for f in extraction.held_back):
                        why = "held back"
                    else:
                        why = "not read"
                    miss_kinds[(split, _group(language, label.indicator))][why] += 1
                continue
            used.add(hit)
            figure = figures[hit]
            if label.status == "figure":
                counts[(split, label.indicator)]["tp"] += 1
                counts[(split, label.indicator)]["found"] += 1
                groups[(split, _group(language, label.indicator))].update(("tp", "found"))
                for what, have, want in (
                    ("province", _canonical_province(figure.province), label.province),
                    ("period", figure.period, label.period),
                ):
                    if not want:
                        continue
                    state = "right" if have == want else ("missing" if not have else "wrong")
                    attribution[split][f"{what} {state}"] += 1
        for i, figure in enumerate(figures):
            if i in used:
                continue
            if _NATIONAL.match(fold(figure.scope)):
                kinds[split]["national, kept apart"] += 1  # tagged as no province's figure
                continue
            counts[(split, figure.indicator)]["found"] += 1
            groups[(split, _group(language, figure.indicator))]["found"] += 1
            kind = false_positive_kind(text, figure)
            kinds[split][kind] += 1
            extras.append((split, url, figure.indicator, figure.value, figure.scope, kind))
    return {
        "counts": counts,
        "groups": groups,
        "kinds": kinds,
        "attribution": attribution,
        "scope_errors": scope_errors,
        "miss_kinds": miss_kinds,
        "confusion": confusion,
        "missing": missing,
        "texts": texts,
        "misses": misses,
        "extras": extras,
        "seconds": seconds,
    }


def _row(split: str, name: str, c: Counter) -> dict[str, str]:
    """One row of the results table: labels, found, right, recall %, precision %."""
    return {
        "split": split,
        "indicator": name,
        "labels": str(c["labels"]),
        "found": str(c["found"]),
        "tp": str(c["tp"]),
        "recall_pct": _ratio(c["tp"], c["labels"]),
        "precision_pct": _ratio(c["tp"], c["found"]),
    }


def _ratio(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}" if b else "–"


def result_rows(result: dict) -> list[dict[str, str]]:
    """Per split and indicator (and 'all'): labels, found, tp, recall %, precision %."""
    rows = []
    for split in ("dev", "test"):
        indicators = sorted({ind for s, ind in result["counts"] if s == split})
        total: Counter = Counter()
        for indicator in indicators:
            c = result["counts"][(split, indicator)]
            total.update(c)
            rows.append(_row(split, indicator, c))
        rows.append(_row(split, "all", total))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=Path, nargs="+", help="folder(s) holding the saved texts")
    parser.add_argument(
        "--labels",
        type=Path,
        nargs="+",
        default=None,
        help="label file(s); default every labels*.csv of benchmarks/extraction_real",
    )
    parser.add_argument("--list", action="store_true", help="print the file names expected")
    parser.add_argument(
        "--write",
        nargs="?",
        const=HERE / "results.csv",
        type=Path,
        help="save the table (default benchmarks/extraction_real/results.csv)",
    )
    parser.add_argument(
        "--ignore-scope",
        action="store_true",
        help="match a figure by indicator and value alone (how much is lost to scope)",
    )
    parser.add_argument(
        "--verbose",
        action="store_true",
        help="list every miss and extra of the dev half (never the test half: it is held out)",
    )
    args = parser.parse_args(argv)
    label_files = args.labels or all_labels()
    if args.list:
        splits, _ = read_all_labels(label_files)
        for url, split in splits.items():
            print(f"{text_name(url)}\t{split}\t{url}")
        return 0
    if not args.texts or not all(folder.is_dir() for folder in args.texts):
        parser.error("--texts must name folders holding the saved texts (see --list)")
    result = measure(args.texts, label_files, ignore_scope=args.ignore_scope)
    if result["missing"]:
        print(f"{len(result['missing'])} texts not found in the folders given (see --list)")
    print(
        f"texts read: dev {result['texts']['dev']}, test {result['texts']['test']}; "
        f"extraction took {result['seconds']:.2f} s in all"
    )
    rows = result_rows(result) + group_rows(result)
    head = ("split", "indicator", "labels", "found", "tp", "recall", "prec.")
    print(f"{head[0]:5} {head[1]:26} " + " ".join(f"{h:>6}" for h in head[2:]))
    for r in rows:
        print(
            f"{r['split']:5} {r['indicator']:26} {r['labels']:>6} {r['found']:>6} {r['tp']:>5} "
            f"{r['recall_pct']:>7} {r['precision_pct']:>7}"
        )
    for split in ("dev", "test"):
        k = result["kinds"][split]
        print(
            f"{split}: false positives by kind: furniture {k['furniture']}, date {k['date']}, "
            f"document number {k['document number']}, phone {k['phone']}, other {k['other']}; "
            f"national figures kept apart (not counted) {k['national, kept apart']}; "
            f"scope errors {result['scope_errors'][split]}"
        )
        for key, name in GROUPS:
            m = result["miss_kinds"][(split, key)]
            print(
                f"{split}: {name}, missed: right value with another scope {m['scope']}, "
                f"under another indicator {m['indicator']}, held back by a cross-check "
                f"{m['held back']}, not read at all {m['not read']}"
            )
        pairs = result["confusion"][split].most_common()
        if pairs:
            print(
                f"{split}: wrong scopes (labelled → given): "
                + ", ".join(f"{want} → {got} {n}" for (want, got), n in pairs)
            )
        a = result["attribution"][split]
        print(
            f"{split}: province of matched figures right {a['province right']}, missing "
            f"{a['province missing']}, wrong {a['province wrong']}; period right "
            f"{a['period right']}, missing {a['period missing']}, wrong {a['period wrong']}"
        )
    if args.verbose:
        for miss in result["misses"]:
            if miss[0] == "dev":
                print("MISS", *miss)
        for extra in result["extras"]:
            if extra[0] == "dev":
                print("EXTRA", *extra)
    if args.write:
        out = args.write
        with out.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
