"""What the code imports is what pyproject.toml declares: core packages at module level, extras only lazily."""

from __future__ import annotations

import ast
import importlib
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

from .conftest import ROOT

SRC = ROOT / "src" / "newsdesk"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_name(requirement: str) -> str:
    return normalise(re.split(r"[\s\[<>=!~;]", requirement, maxsplit=1)[0])


CORE = {requirement_name(r) for r in PYPROJECT["project"]["dependencies"]}
EXTRAS = {
    extra: {requirement_name(r) for r in reqs} for extra, reqs in PYPROJECT["project"]["optional-dependencies"].items()
}
DECLARED = CORE.union(*EXTRAS.values())


def imports(path: Path) -> list[tuple[str, bool]]:
    """Third-party top-level modules ``path`` imports, each with whether it is imported at module level."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lazy = {id(n) for f in ast.walk(tree) if isinstance(f, ast.FunctionDef | ast.AsyncFunctionDef) for n in ast.walk(f)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            if top not in sys.stdlib_module_names and top not in ("newsdesk", "__future__"):
                found.append((top, id(node) not in lazy))
    return found


def distributions(module: str) -> set[str]:
    """The distributions that provide ``module`` (its own name when it is not installed)."""
    return {normalise(d) for d in packages_distributions().get(module, [module])}


SOURCES = sorted(SRC.rglob("*.py"))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(SRC)))
def test_packaging_every_import_is_declared(path: Path) -> None:
    for module, _ in imports(path):
        assert distributions(module) & DECLARED, f"{path.name} imports {module}, which pyproject.toml does not declare"


@pytest.mark.parametrize("path", [p for p in SOURCES if "spark" not in p.parts], ids=lambda p: str(p.relative_to(SRC)))
def test_packaging_module_level_imports_are_core(path: Path) -> None:
    """An extra's package is imported where it is used, never when newsdesk is imported."""
    for module, top_level in imports(path):
        if top_level:
            assert distributions(module) & CORE, f"{path.name} imports {module} at module level, but it is an extra"


def test_packaging_the_checker_sees_imports(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("import json\nimport numpy as np\nfrom spacy.tokens import Doc\ndef f():\n    import torch\n")
    assert imports(sample) == [("numpy", True), ("spacy", True), ("torch", False)]
    assert "torch" in EXTRAS["embeddings"] and "torch" not in CORE and "psycopg" in EXTRAS["postgres"]


def test_packaging_trafilatura_fallback_has_its_html_cleaner() -> None:
    importlib.import_module("lxml.html.clean")  # from lxml_html_clean, which pip does not always pull in
    importlib.import_module("justext")  # trafilatura's fallback extractor imports it
