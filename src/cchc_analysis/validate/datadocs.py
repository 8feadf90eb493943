"""Great Expectations Data Docs: the site of a run, made to work offline (its CSS and
JavaScript served from the bundled copy, no CDN)."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def _docs_site(context: Any, docs_dir: Path) -> str:
    """Point the context's only Data Docs site at ``docs_dir``; return the site name."""
    site = "cchc_validation"
    for name in list(context.get_site_names()):
        context.delete_data_docs_site(name)
    context.add_data_docs_site(
        site_name=site,
        site_config={
            "class_name": "SiteBuilder",
            "store_backend": {
                "class_name": "TupleFilesystemStoreBackend",
                "base_directory": str(Path(docs_dir).resolve()),
            },
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        },
    )
    return site


# ---------------------------------------------------------------- Data Docs, offline


def _bootstrap_static() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("flask_bootstrap")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("bootstrap-flask is not installed: it provides Bootstrap files")
    return Path(next(iter(spec.submodule_search_locations))) / "static" / "bootstrap4"


_OFFLINE_CSS = """
/* cchc-analysis: Data Docs served offline; icons drawn without Font Awesome. */
.fas, .far, .fa { font-style: normal; }
.fa-check-circle::before { content: "✔"; }
.fa-times::before, .fa-times-circle::before { content: "✘"; }
.fa-exclamation-triangle::before { content: "⚠"; }
.fa-info-circle::before { content: "ℹ"; }
.fa-bars::before { content: "☰"; }
"""


def localise_data_docs(docs_dir: Path) -> None:
    """Rewrite the Data Docs pages under ``docs_dir`` so they load nothing from the internet:
    Bootstrap and jQuery come from local copies (bootstrap-flask's files), every other remote
    script or stylesheet is dropped."""
    import re
    import shutil

    static = Path(docs_dir) / "static" / "offline"
    static.mkdir(parents=True, exist_ok=True)
    source = _bootstrap_static()
    shutil.copyfile(source / "css" / "bootstrap.min.css", static / "bootstrap.min.css")
    shutil.copyfile(source / "js" / "bootstrap.min.js", static / "bootstrap.min.js")
    shutil.copyfile(source / "jquery.min.js", static / "jquery.min.js")
    (static / "offline.css").write_text(_OFFLINE_CSS, encoding="utf-8")
    remote = re.compile(r'<(link|script)\b[^>]*(href|src)="https?://[^"]*"[^>]*>(\s*</script>)?')
    for page in Path(docs_dir).rglob("*.html"):
        prefix = "../" * (len(page.relative_to(docs_dir).parts) - 1) + "static/offline/"
        local = (
            f'<link rel="stylesheet" href="{prefix}bootstrap.min.css">'
            f'<link rel="stylesheet" href="{prefix}offline.css">'
            f'<script src="{prefix}jquery.min.js"></script>'
            f'<script src="{prefix}bootstrap.min.js"></script>'
        )
        text = remote.sub("", page.read_text(encoding="utf-8"))
        logo = prefix.replace("offline/", "images/logo-long.png")
        text = re.sub(r'(<img\b[^>]*\bsrc=)"https?://[^"]*"', rf'\1"{logo}"', text)
        text = text.replace("<head>", "<head>" + local, 1)
        page.write_text(text, encoding="utf-8")
