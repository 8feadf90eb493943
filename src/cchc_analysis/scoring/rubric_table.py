"""Rubrics in the form analysts keep them: a table with one row per criterion.

``cchc rubric export RUBRIC --out FILE.xlsx|csv`` writes a rubric as that table and
``cchc rubric import FILE.xlsx|csv --out RUBRIC.yaml`` turns such a table back into a rubric
YAML; importing an export gives the same rubric back.

The ``criteria`` sheet (or the CSV): ``domain``, ``domain_label_vi``, ``domain_label_en``,
``domain_max_points`` (repeated on each row of the domain), ``parent`` (the group a criterion
belongs to; empty: directly in the domain), ``id``, ``label_vi``, ``label_en``, ``max_points``
(a number, or ``2009: 10; 2013: 5`` when it changes by year), ``measure`` (an indicator id,
or ``a+b / c``: a ratio in %), ``rule`` (linear, threshold_bands, boolean, direct_points,
survey), ``floor``, ``target``, ``bands`` (``98: 6; 95: 4.5; 0: 0``, minimum: points) and
``missing``. A group of criteria is a row without measure and rule. The ``about`` sheet (or
``FILE.about.csv``) holds the rubric's own keys (id, version, status, titles, grade bands).
Every error names the file, sheet, row and column.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any

import typer

COLUMNS = [
    "domain",
    "domain_label_vi",
    "domain_label_en",
    "domain_max_points",
    "parent",
    "id",
    "label_vi",
    "label_en",
    "max_points",
    "measure",
    "rule",
    "floor",
    "target",
    "bands",
    "missing",
    "sources",
    "domain_sources",
]
ABOUT_KEYS = [
    "id",
    "version",
    "status",
    "title_vi",
    "title_en",
    "disclaimer_vi",
    "disclaimer_en",
    "official_parts_vi",
    "official_parts_en",
    "source",
    "index_max_points",
    "rank_decimals",
    "defaults.missing",
]
CRITERIA_SHEET, ABOUT_SHEET = "criteria", "about"
_FORMULA_START = ("=", "+", "-", "@")


class RubricTableError(ValueError):
    """A rubric table that cannot become a rubric; the message names sheet, row, column."""


# --------------------------------------------------------------------------- export


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else float(value)


def _pairs_text(pairs: Iterable[tuple[float, float]]) -> str:
    return "; ".join(f"{_number(a)}: {_number(b)}" for a, b in pairs)


def _sources_text(sources: dict[str, str] | None) -> str | None:
    """Return where each number comes from as 'key: source' lines (None when not given)."""
    return "\n".join(f"{k}: {v}" for k, v in sources.items()) if sources else None


def _sources(value: Any) -> dict[str, str] | None:
    """Return the 'key: source' lines of a cell as a mapping (None for an empty cell)."""
    if value is None or not str(value).strip():
        return None
    pairs = (line.partition(":") for line in str(value).splitlines() if line.strip())
    return {k.strip(): v.strip() for k, _, v in pairs}


def _criterion_rows(domain: Any, nodes: list[Any], parent: str) -> list[dict[str, Any]]:
    rows = []
    for node in nodes:
        row: dict[str, Any] = {
            "domain": domain.id,
            "domain_label_vi": domain.label_vi,
            "domain_label_en": domain.label_en,
            "domain_max_points": None if domain.max_points is None else _number(domain.max_points),
            "parent": parent or None,
            "id": node.id,
            "label_vi": node.label_vi,
            "label_en": node.label_en,
            "max_points": None if node.max_points is None else _number(node.max_points),
            "missing": node.missing,
            "sources": _sources_text(getattr(node, "sources", None)),
            "domain_sources": _sources_text(getattr(domain, "sources", None)),
        }
        if node.max_points_by_year is not None:
            row["max_points"] = _pairs_text(sorted(node.max_points_by_year.items()))
        if node.measure is not None:
            ratio = node.measure.ratio
            row["measure"] = node.measure.indicator or f"{ratio.numerator} / {ratio.denominator}"
        if node.rule is not None:
            rule = node.rule
            row["rule"] = rule.kind
            if rule.line is not None:
                row["floor"], row["target"] = _number(rule.line.floor), _number(rule.line.target)
            if rule.threshold_bands is not None:
                row["bands"] = _pairs_text((b.min, b.points) for b in rule.threshold_bands)
        rows.append(row)
        rows += _criterion_rows(domain, node.criteria or [], node.id)
    return rows


def criteria_rows(rubric: Any) -> list[dict[str, Any]]:
    """Return a rubric as one row per criterion and group (COLUMNS), in rubric order."""
    rows = [r for d in rubric.domains for r in _criterion_rows(d, d.criteria, "")]
    return [{c: row.get(c) for c in COLUMNS} for row in rows]


def about_rows(rubric: Any) -> list[tuple[str, Any]]:
    """Return the rubric's own keys as (key, value) rows: grade bands as
    ``grade_bands.<from year>`` = 'A: 80; B: 75' and ``grade_bands.<from year>.source``."""
    rows: list[tuple[str, Any]] = []
    for key in ABOUT_KEYS:
        if key == "defaults.missing":
            rows.append((key, rubric.defaults.missing))
        elif key == "rank_decimals":
            rows.append((key, "none" if rubric.rank_decimals is None else rubric.rank_decimals))
        else:
            value = getattr(rubric, key)
            rows.append((key, _number(value) if isinstance(value, float) else value))
    for bands in rubric.grade_bands:
        text = "; ".join(f"{b.grade}: {_number(b.min)}" for b in bands.bands)
        rows += [
            (f"grade_bands.{bands.from_year}", text),
            (f"grade_bands.{bands.from_year}.source", bands.source),
        ]
    return rows


def _text_cell(sheet: Any, value: Any) -> Any:
    """Return a cell whose text stays text: openpyxl would store '=…' as a formula."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        cell.data_type = "s"
    return cell


def export_xlsx(rubric: Any) -> bytes:
    """Return the rubric as a workbook (sheets ``criteria`` and ``about``), as bytes."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    for title, header, rows in (
        (CRITERIA_SHEET, COLUMNS, [[r[c] for c in COLUMNS] for r in criteria_rows(rubric)]),
        (ABOUT_SHEET, ["key", "value"], [list(r) for r in about_rows(rubric)]),
    ):
        sheet = book.create_sheet(title)
        sheet.freeze_panes = "A2"
        bold = []
        for name in header:
            cell = _text_cell(sheet, name)
            cell.font = Font(bold=True)
            bold.append(cell)
        sheet.append(bold)
        for row in rows:
            sheet.append([_text_cell(sheet, v) for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _csv_text(header: list[str], rows: Iterable[Iterable[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_csv_cell(v) for v in row])
    return out.getvalue()


def _csv_cell(value: Any) -> Any:
    """Return a CSV cell; text a spreadsheet would run as a formula gets a leading quote
    (removed again on import)."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def about_path(path: Path) -> Path:
    """Return where the ``about`` table of a CSV rubric table lives: ``FILE.about.csv``."""
    return path.with_name(f"{path.stem}.about.csv")


def export_rubric(rubric: Any, path: Path) -> list[Path]:
    """Write a rubric as a table (.xlsx: two sheets; .csv: the criteria plus
    ``FILE.about.csv``), atomically; return the files written."""
    from cchc_analysis.store.outputs import atomic_write_bytes

    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        return [atomic_write_bytes(path, export_xlsx(rubric))]
    if path.suffix.lower() != ".csv":
        raise RubricTableError(f"{path}: export to a .xlsx or .csv file")
    criteria = _csv_text(COLUMNS, ([r[c] for c in COLUMNS] for r in criteria_rows(rubric)))
    about = _csv_text(["key", "value"], about_rows(rubric))
    return [
        atomic_write_bytes(path, criteria.encode("utf-8")),
        atomic_write_bytes(about_path(path), about.encode("utf-8")),
    ]


# --------------------------------------------------------------------------- import


class _Sheet:
    """Rows of one sheet as dicts by lower-case header, with their row number in the file."""

    def __init__(self, file: Path, name: str | None, rows: list[list[Any]]) -> None:
        self.file, self.name = file, name
        header = [str(h).strip().lower() if h is not None else "" for h in (rows or [[]])[0]]
        self.header = header
        self.rows = [
            (number, {h: _clean(v) for h, v in zip(header, row, strict=False) if h})
            for number, row in enumerate(rows[1:], start=2)
            if any(_clean(v) is not None for v in row)
        ]

    def where(self, row: int | None, column: str | None = None) -> str:
        sheet = f", sheet '{self.name}'" if self.name else ""
        at = f", row {row}" if row is not None else ""
        col = f", column '{column}'" if column else ""
        return f"{self.file}{sheet}{at}{col}"


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        if value.startswith("'") and value[1:].startswith(_FORMULA_START):
            value = value[1:]  # the quote our export puts before formula-like text
        return value or None
    return value


def _read_csv(path: Path) -> list[list[Any]]:
    text = path.read_bytes().decode("utf-8-sig")
    return [list(row) for row in csv.reader(io.StringIO(text))]


def _read_sheets(path: Path, sheet: str | None) -> tuple[_Sheet, _Sheet | None]:
    """Return the criteria sheet and the about sheet (None when there is none)."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise RubricTableError(f"{path}: no such file")
    if suffix == ".csv":
        beside = about_path(path)
        return (
            _Sheet(path, None, _read_csv(path)),
            _Sheet(beside, None, _read_csv(beside)) if beside.is_file() else None,
        )
    if suffix not in (".xlsx", ".xlsm"):
        raise RubricTableError(f"{path}: import a .xlsx or .csv rubric table")
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise RubricTableError(f"{path}: not a readable .xlsx workbook ({exc})") from None
    names = book.sheetnames
    chosen = sheet or (CRITERIA_SHEET if CRITERIA_SHEET in names else names[0])
    if chosen not in names:
        raise RubricTableError(f"{path}: no sheet {chosen!r}; the sheets are {names}")
    criteria = _Sheet(path, chosen, [list(r) for r in book[chosen].iter_rows(values_only=True)])
    about = (
        _Sheet(path, ABOUT_SHEET, [list(r) for r in book[ABOUT_SHEET].iter_rows(values_only=True)])
        if ABOUT_SHEET in names and chosen != ABOUT_SHEET
        else None
    )
    return criteria, about


def _to_number(text: Any) -> float:
    if isinstance(text, int | float) and not isinstance(text, bool):
        return float(text)
    value = str(text).strip().replace(" ", "")
    if "," in value and "." not in value:
        value = value.replace(",", ".")  # a decimal comma: 4,5
    return float(value)


_PAIR = re.compile(r"^\s*(?P<a>[^:=→]+?)\s*(?::|=|→|->)\s*(?P<b>[^:=→]+?)\s*$")


def _pairs(text: Any) -> list[tuple[str, str]]:
    parts = [p for p in re.split(r"[;\n]", str(text)) if p.strip()]
    found = [_PAIR.match(p) for p in parts]
    if not parts or not all(found):
        raise ValueError("expected 'minimum: points' pairs separated by ';', e.g. '98: 6; 0: 0'")
    return [(m["a"].strip(), m["b"].strip()) for m in found if m]


class _Errors:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.lines.append(f"{where}: {message}")

    def raise_any(self, path: Path) -> None:
        if self.lines:
            shown = self.lines[:30]
            more = f"\n  … and {len(self.lines) - 30} more" if len(self.lines) > 30 else ""
            raise RubricTableError(
                f"{path}: the rubric table has {len(self.lines)} problem(s)\n  "
                + "\n  ".join(shown)
                + more
            )


def _measure(text: str) -> dict[str, Any]:
    if "/" in text:
        numerator, denominator = (t.strip().replace(" ", "") for t in text.split("/", 1))
        if not numerator or not denominator or "/" in denominator:
            raise ValueError(
                "a ratio is 'numerator / denominator', e.g. task.completed / task.planned"
            )
        return {"ratio": {"numerator": numerator, "denominator": denominator}}
    return {"indicator": text}


def _leaf(sheet: _Sheet, number: int, row: dict[str, Any], errors: _Errors) -> dict[str, Any]:
    from cchc_analysis.reference.catalogue import indicator_ids, terms
    from cchc_analysis.scoring.rubric import RULE_TYPES

    node: dict[str, Any] = {}
    kind = row.get("rule")
    if kind not in RULE_TYPES:
        errors.add(sheet.where(number, "rule"), f"{kind!r} is not one of {list(RULE_TYPES)}")
        return node
    measure = row.get("measure")
    if measure is None:
        errors.add(sheet.where(number, "measure"), "a criterion needs a measure (an indicator id)")
    else:
        try:
            node["measure"] = _measure(str(measure))
        except ValueError as exc:
            errors.add(sheet.where(number, "measure"), str(exc))
        else:
            inputs = node["measure"].get("indicator") or "+".join(node["measure"]["ratio"].values())
            unknown = [t for t in terms(inputs) if t not in set(indicator_ids())]
            if unknown:
                errors.add(
                    sheet.where(number, "measure"),
                    f"indicator(s) not in the catalogue: {unknown}",
                )
    if kind in ("linear", "survey"):
        line = {}
        for key in ("floor", "target"):
            try:
                line[key] = _to_number(row[key])
            except (KeyError, TypeError, ValueError):
                errors.add(sheet.where(number, key), f"a {kind} rule needs a number here")
        node["rule"] = {kind: line}
    elif kind == "threshold_bands":
        try:
            bands = [
                {"min": _to_number(a), "points": _to_number(b)} for a, b in _pairs(row.get("bands"))
            ]
            node["rule"] = {kind: sorted(bands, key=lambda b: b["min"], reverse=True)}
        except ValueError as exc:
            errors.add(sheet.where(number, "bands"), f"{row.get('bands')!r}: {exc}")
    else:
        node["rule"] = {kind: True}
    return node


def _max_points(sheet: _Sheet, number: int, row: dict[str, Any], errors: _Errors) -> dict[str, Any]:
    value = row.get("max_points")
    if value is None:
        return {}
    try:
        if isinstance(value, str) and ":" in value:
            return {"max_points_by_year": {int(a): _to_number(b) for a, b in _pairs(value)}}
        return {"max_points": _to_number(value)}
    except ValueError:
        errors.add(
            sheet.where(number, "max_points"), f"{value!r} is not a number (or '2009: 10; 2013: 5')"
        )
        return {}


def _about(about: _Sheet | None, path: Path, like: Any) -> dict[str, Any]:
    """Return the rubric's own keys from the about sheet, else from ``like`` (grade bands,
    defaults) with the file's name as id and an illustrative status."""
    if about is None:
        return {
            "id": path.stem,
            "version": "imported",
            "status": "illustrative",
            "title_vi": path.stem,
            "title_en": path.stem,
            "grade_bands": [g.model_dump() for g in like.grade_bands],
            "defaults": like.defaults.model_dump(),
        }
    data: dict[str, Any] = {"grade_bands": []}
    bands: dict[int, dict[str, Any]] = {}
    for number, row in about.rows:
        key, value = row.get("key"), row.get("value")
        if key is None:
            continue
        match = re.fullmatch(r"grade_bands\.(\d{4})(\.source)?", str(key))
        if match:
            entry = bands.setdefault(int(match[1]), {"from_year": int(match[1]), "source": ""})
            if match[2]:
                entry["source"] = "" if value is None else str(value)
            else:
                try:
                    entry["bands"] = [{"grade": g, "min": _to_number(m)} for g, m in _pairs(value)]
                except ValueError:
                    raise RubricTableError(
                        f"{about.where(number, 'value')}: grade bands are 'A: 90; B: 80; …'"
                    ) from None
        elif key == "defaults.missing":
            data["defaults"] = {"missing": value or "zero"}
        elif key == "rank_decimals":
            data[key] = None if str(value).lower() == "none" else int(_to_number(value or 2))
        elif key == "index_max_points":
            if value is not None:
                data[key] = _to_number(value)
        elif value is not None:
            data[str(key)] = str(value) if not isinstance(value, str) else value
    data["grade_bands"] = [bands[y] for y in sorted(bands)]
    return data


def _assemble(sheet: _Sheet, errors: _Errors) -> list[dict[str, Any]]:
    """Return the domains (criteria nested under their parents) of the criteria sheet."""
    domains: dict[str, dict[str, Any]] = {}
    nodes: dict[str, dict[str, Any]] = {}
    for number, row in sheet.rows:
        for column in ("domain", "id", "label_vi"):
            if row.get(column) is None:
                errors.add(sheet.where(number, column), "empty; every row needs it")
        if row.get("domain") is None or row.get("id") is None:
            continue
        node_id = str(row["id"])
        if node_id in nodes:
            errors.add(sheet.where(number, "id"), f"{node_id!r} appears twice")
            continue
        domain = domains.setdefault(
            str(row["domain"]),
            {
                "id": str(row["domain"]),
                "label_vi": row.get("domain_label_vi") or str(row["domain"]),
                "label_en": row.get("domain_label_en") or row.get("domain_label_vi") or "",
                "criteria": [],
                "_row": number,
            },
        )
        if _sources(row.get("domain_sources")) and "sources" not in domain:
            domain["sources"] = _sources(row.get("domain_sources"))
        if row.get("domain_max_points") is not None and "max_points" not in domain:
            try:
                domain["max_points"] = _to_number(row["domain_max_points"])
            except ValueError:
                errors.add(sheet.where(number, "domain_max_points"), "not a number")
        node = {
            "id": node_id,
            "label_vi": str(row.get("label_vi") or ""),
            "label_en": str(row.get("label_en") or row.get("label_vi") or ""),
            **_max_points(sheet, number, row, errors),
            "_row": number,
        }
        if row.get("missing") is not None:
            node["missing"] = row["missing"]
        if _sources(row.get("sources")):
            node["sources"] = _sources(row.get("sources"))
        is_group = row.get("rule") is None and row.get("measure") is None
        if is_group:
            node["criteria"] = []
        else:
            node.update(_leaf(sheet, number, row, errors))
        parent = row.get("parent")
        if parent is None:
            domain["criteria"].append(node)
        elif str(parent) in nodes and "criteria" in nodes[str(parent)]:
            nodes[str(parent)]["criteria"].append(node)
        else:
            errors.add(
                sheet.where(number, "parent"),
                f"{parent!r} is not a group of criteria listed above this row",
            )
        nodes[node_id] = node
    if not domains and not errors.lines:
        errors.add(sheet.where(None), f"no criteria rows; the columns are {COLUMNS}")
    return list(domains.values())


def _rows_of(domains: list[dict[str, Any]]) -> dict[str, int]:
    found: dict[str, int] = {}

    def walk(node: dict[str, Any]) -> None:
        found[node["id"]] = node.pop("_row")
        for child in node.get("criteria", []):
            walk(child)

    for domain in domains:
        walk(domain)
    return found


def _schema_errors(exc: Any, data: dict[str, Any], rows: dict[str, int], sheet: _Sheet) -> str:
    """Return pydantic's errors, each placed at the row of the criterion it is about."""
    lines = []
    for item in exc.errors():
        loc, node, row, column = list(item["loc"]), data, None, None
        for index, part in enumerate(loc):
            node = node[part] if isinstance(node, dict | list) else node
            if isinstance(node, dict) and "id" in node and node["id"] in rows:
                row = rows[node["id"]]
                rest = [str(p) for p in loc[index + 1 :] if not isinstance(p, int)]
                column = rest[0] if rest else None
        lines.append(f"{sheet.where(row, column)}: {item['msg']}")
    return "\n  ".join(lines)


def import_rubric(
    path: Path, sheet: str | None = None, like: str = "par-index-illustrative"
) -> Any:
    """Return the Rubric a rubric table describes; raise RubricTableError naming the file,
    sheet, row and column of every problem."""
    import yaml
    from pydantic import ValidationError

    from cchc_analysis.scoring.rubric import Rubric, RubricError, load_rubric, parse_rubric

    path = Path(path)
    criteria, about = _read_sheets(path, sheet)
    errors = _Errors()
    missing = [c for c in ("domain", "id", "label_vi") if c not in criteria.header]
    if missing:
        raise RubricTableError(
            f"{criteria.where(1)}: missing column(s) {missing}; the columns are {COLUMNS}"
        )
    domains = _assemble(criteria, errors)
    errors.raise_any(path)
    rows = _rows_of(domains)
    data = {**_about(about, path, load_rubric(like)), "domains": domains}
    try:
        Rubric.model_validate(data)
    except ValidationError as exc:
        raise RubricTableError(
            f"{path}: the rubric table breaks the rubric schema\n  "
            + _schema_errors(exc, data, rows, criteria)
        ) from None
    try:
        return parse_rubric(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), str(path))
    except RubricError as exc:
        raise RubricTableError(str(exc)) from None


def rubric_yaml(rubric: Any, origin: str = "") -> str:
    """Return a rubric as YAML text (what ``load_rubric`` reads back to the same rubric)."""
    import yaml

    header = f"# Imported from {origin} by `cchc rubric import`.\n" if origin else ""
    if rubric.status == "illustrative":
        header += "# ILLUSTRATIVE rubric — not an official methodology.\n"
    body = yaml.safe_dump(
        rubric.model_dump(exclude_defaults=True), allow_unicode=True, sort_keys=False, width=100
    )
    return header + body


# --------------------------------------------------------------------------- the command


app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    help="Rubrics as tables: one row per criterion (domain, maximum points, measure, rule or "
    "bands), in Excel or CSV, to and from rubric YAML.",
)


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(1)


@app.command("import")
def import_command(
    table: Annotated[Path, typer.Argument(help="Rubric table (.xlsx or .csv).")],
    out: Annotated[Path, typer.Option(help="Rubric YAML to write.")] = Path("rubric.yaml"),
    sheet: Annotated[
        str | None, typer.Option(help="Sheet with the criteria [default: 'criteria'].")
    ] = None,
    like: Annotated[
        str,
        typer.Option(help="Rubric whose grade bands a table without an 'about' sheet uses."),
    ] = "par-index-illustrative",
) -> None:
    """Turn a rubric table into a rubric YAML (checked against the schema and the catalogue).

    Example: cchc rubric import criteria.xlsx --out my-rubric.yaml
    """
    from cchc_analysis.scoring.rubric import RubricError
    from cchc_analysis.store.outputs import atomic_write_bytes

    try:
        rubric = import_rubric(table, sheet, like)
    except (RubricTableError, RubricError) as exc:
        _fail(str(exc))
        return
    atomic_write_bytes(out, rubric_yaml(rubric, table.name).encode("utf-8"))
    typer.echo(f"wrote {out} ({rubric.id} v{rubric.version}, {len(rubric.leaves())} criteria)")


@app.command("export")
def export_command(
    rubric: Annotated[
        str, typer.Argument(help="Bundled rubric id (par-index-illustrative, …) or a YAML path.")
    ],
    out: Annotated[Path, typer.Option(help="Table to write (.xlsx or .csv).")] = Path(
        "rubric.xlsx"
    ),
) -> None:
    """Write a rubric as a table, one row per criterion (Excel: sheets 'criteria' and 'about';
    CSV: FILE.csv and FILE.about.csv).

    Example: cchc rubric export par-index-illustrative --out criteria.xlsx
    """
    from cchc_analysis.scoring.rubric import RubricError, load_rubric

    try:
        written = export_rubric(load_rubric(rubric), out)
    except (RubricTableError, RubricError) as exc:
        _fail(str(exc))
        return
    for path in written:
        typer.echo(f"wrote {path}")
