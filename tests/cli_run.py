"""Run the command as users do, for every test of the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def command() -> list[str]:
    """The console script pip installed beside this interpreter, else ``python -m``."""
    script = Path(sys.executable).with_name("sellerpolicy")
    return [str(script)] if script.exists() else [sys.executable, "-m", "sellerpolicy"]


def run(
    *args: str,
    stdin: str | None = "",
    cwd: Path | None = None,
    timeout: float = 120,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """``sellerpolicy *args`` with ``stdin`` as its input (empty by default), captured as text.

    ``SELLERPOLICY_DOCS_URL`` is dropped from the environment so that help links are the
    default ones; colour is off and the output is UTF-8.
    """
    base = {k: v for k, v in os.environ.items() if k != "SELLERPOLICY_DOCS_URL"}
    return subprocess.run(
        [*command(), *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd or ROOT,
        check=False,
        timeout=timeout,
        env={**base, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1", **(env or {})},
    )
