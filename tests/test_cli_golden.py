"""Golden tests: the installed ``sellerpolicy`` command run over the fixture trees.

Each ``tests/fixtures/cli/<tree>/<case>.case.toml`` names the arguments (run in the tree's
folder), optional standard input and the exit status; ``<case>.out`` beside it is the exact
standard output. Regenerate the outputs after a deliberate change with
``SELLERPOLICY_UPDATE_GOLDEN=1 pytest tests/test_cli_golden.py`` and review the diff.
"""

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import sellerpolicy

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "cli"
CASES = sorted(FIXTURES.glob("*/*.case.toml"))
UPDATE = os.environ.get("SELLERPOLICY_UPDATE_GOLDEN") == "1"
# The goldens are what a user without a served documentation site sees.
_ENV = {k: v for k, v in os.environ.items() if k != "SELLERPOLICY_DOCS_URL"}


def command() -> list[str]:
    """The console script pip installed beside this interpreter, else ``python -m``."""
    script = Path(sys.executable).with_name("sellerpolicy")
    return [str(script)] if script.exists() else [sys.executable, "-m", "sellerpolicy"]


def normalise(text: str, cwd: Path) -> str:
    """Replace what depends on the machine: the working folder and the package version."""
    version = sellerpolicy.__version__
    return (
        text.replace(cwd.as_uri(), "file:///CWD")
        .replace(f'"version": "{version}"', '"version": "VERSION"')
        .replace(f"sellerpolicy {version}", "sellerpolicy VERSION")
    )


class TestGolden:
    @pytest.mark.parametrize(
        "case", CASES, ids=[f"{c.parent.name}/{c.name.removesuffix('.case.toml')}" for c in CASES]
    )
    def test_output(self, case):
        """The command prints exactly the golden output and exits with the case's status."""
        spec = tomllib.loads(case.read_text(encoding="utf-8"))
        tree = case.parent
        result = subprocess.run(
            [*command(), *spec["args"]],
            input=spec.get("stdin", ""),
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=tree,
            check=False,
            env={**_ENV, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"},
        )
        golden = case.with_name(case.name.removesuffix(".case.toml") + ".out")
        actual = normalise(result.stdout, tree)
        if UPDATE:
            golden.write_text(actual, encoding="utf-8", newline="\n")

        assert spec["status"] == result.returncode, result.stderr
        assert golden.read_text(encoding="utf-8") == actual
