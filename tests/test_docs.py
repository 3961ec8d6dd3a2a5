import runpy
import sys
from pathlib import Path

import pytest
import regex

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
BLOCK = regex.compile(r"^```python\n(.*?)^```", regex.MULTILINE | regex.DOTALL)


def blocks() -> list[tuple[str, str]]:
    out = []
    for page in PAGES:
        for i, m in enumerate(BLOCK.finditer(page.read_text(encoding="utf-8"))):
            out.append((f"{page.relative_to(ROOT)}#{i}", m[1]))
    return out


class TestDocs:
    @pytest.mark.parametrize(("where", "code"), blocks(), ids=[w for w, _ in blocks()])
    def test_code_blocks_run(self, where, code):
        """Every Python code block in the README and the docs runs and its assertions hold."""
        exec(compile(code, where, "exec"), {"__name__": "__docs__"})  # noqa: S102 - our own docs

    def test_rule_reference_up_to_date(self):
        """docs/reference/rules.md is what docs/gen_rules.py generates from the rule table."""
        sys.path.insert(0, str(ROOT / "docs"))
        try:
            gen = runpy.run_path(str(ROOT / "docs" / "gen_rules.py"))
        finally:
            sys.path.remove(str(ROOT / "docs"))

        assert gen["render"]() == (ROOT / "docs" / "reference" / "rules.md").read_text(
            encoding="utf-8"
        ), "run: python docs/gen_rules.py"

    def test_examples_of_every_rule_in_reference(self):
        """The rule reference has a section per rule code."""
        text = (ROOT / "docs" / "reference" / "rules.md").read_text(encoding="utf-8")
        from sellerpolicy import Code

        for code in Code:
            assert f"\n### {code}\n" in text
