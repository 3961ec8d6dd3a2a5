"""The README and the docs: their code blocks run, the specification and the API reference are whole."""

import ast
import builtins
import contextlib
import enum
import importlib
import importlib.util
import inspect
import io
import itertools
import json
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import regex
import yaml

import sellerpolicy
from sellerpolicy import MARKETPLACES, PARAMETERS, RULES, Code, Edition, Policy

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
PAGES = [ROOT / "README.md", *sorted(DOCS.rglob("*.md"))]
FENCE = regex.compile(r"^```(?P<lang>\w*)[^\n]*\n(?P<body>.*?)^```", regex.MULTILINE | regex.DOTALL)
EXTRAS = set(
    tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
)


def _gen_rules():
    spec = importlib.util.spec_from_file_location("gen_rules", DOCS / "gen_rules.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GEN = _gen_rules()


def blocks() -> list[tuple[str, str, str, str | None]]:
    """Every fenced block as (where, language, body, the previous block's language)."""
    out = []
    for page in PAGES:
        previous = None
        for i, m in enumerate(FENCE.finditer(page.read_text(encoding="utf-8"))):
            out.append((f"{page.relative_to(ROOT)}#{i}", m["lang"], m["body"], previous))
            previous = m["lang"]
    return out


BLOCKS = blocks()


def of(*languages: str) -> list[tuple[str, str]]:
    chosen = [(where, body) for where, lang, body, _ in BLOCKS if lang in languages]
    return [pytest.param(where, body, id=where) for where, body in chosen]


def run(where: str, code: str) -> str:
    """Run a python block; return what it printed."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, where, "exec"), {"__name__": "__docs__"})  # noqa: S102 - our own docs
    return out.getvalue()


def printed_and_shown() -> list:
    """(where, python code, text) for each text block that directly follows a python block."""
    out = []
    for (before, lang, code, _), (where, next_lang, shown, _) in itertools.pairwise(BLOCKS):
        same_page = before.rsplit("#", 1)[0] == where.rsplit("#", 1)[0]
        if same_page and (lang, next_lang) == ("python", "text"):
            out.append(pytest.param(where, code, shown, id=where))
    return out


def output_pattern(shown: str) -> regex.Pattern[str]:
    """A shown output as a pattern.

    A line `...` stands for any lines; a line ending in `...` for the rest of that line, and
    when it is the last line, for the rest of the output.
    """
    lines = shown.rstrip("\n").split("\n")
    parts = []
    for i, line in enumerate(lines):
        if line.strip() == "...":
            parts.append(r"(?:.*\n)*?")
        elif line.endswith("..."):
            rest = r"(?s:.*)" if i == len(lines) - 1 else r".*\n"
            parts.append(regex.escape(line[:-3]) + rest)
        else:
            parts.append(regex.escape(line) + r"\n")
    return regex.compile("".join(parts))


class TestCodeBlocks:
    @pytest.mark.parametrize(("where", "code"), of("python"))
    def test_python_runs(self, where, code):
        """Every Python block in the README and the docs runs and its assertions hold."""
        run(where, code)

    @pytest.mark.parametrize(("where", "code", "shown"), printed_and_shown())
    def test_shown_output_is_printed(self, where, code, shown):
        """A text block right after a python block that prints is what that block prints."""
        printed = run(where, code)
        if not printed:
            pytest.skip("the python block before it prints nothing: the text is no output")

        assert output_pattern(shown).fullmatch(printed), (
            f"{where} shows:\n{shown}\nprinted:\n{printed}"
        )

    @pytest.mark.parametrize(("where", "text"), of("toml"))
    def test_toml_loads(self, where, text, tmp_path):
        """A TOML block is a policy file that loads, or a `[tool.sellerpolicy]` table the CLI accepts."""
        if "[tool.sellerpolicy" not in text:
            path = tmp_path / "policy.toml"
            path.write_text(text, encoding="utf-8")
            assert isinstance(Policy.from_toml(path), Policy), where
            return
        (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
        (tmp_path / "t.txt").write_text(
            "Your order 113-0000000-0000042 shipped.\n", encoding="utf-8"
        )
        # a configured baseline must exist: --update-baseline writes it, reading the whole config
        extra = ["--update-baseline"] if "baseline" in text else []
        result = subprocess.run(
            [sys.executable, "-m", "sellerpolicy", "check", "t.txt", *extra],
            cwd=tmp_path, capture_output=True, text=True, check=False, timeout=120,
        )  # fmt: skip

        assert result.returncode in {0, 1}, f"{where}: {result.stderr}"

    @pytest.mark.parametrize(("where", "text"), of("json"))
    def test_json_parses(self, where, text):
        """Every JSON block is JSON."""
        try:
            json.loads(text)
        except ValueError as error:
            pytest.fail(f"{where}: {error}")

    @pytest.mark.parametrize(("where", "text"), of("yaml"))
    def test_yaml_loads(self, where, text):
        """Every YAML block (pre-commit, the Action, front matter) is YAML a reader accepts."""
        try:
            loaded = yaml.safe_load(text)
        except yaml.YAMLError as error:
            pytest.fail(f"{where}: {error}")
        assert loaded, where

    @pytest.mark.parametrize(("where", "text"), of("console"))
    def test_pip_installs_from_the_clone(self, where, text):
        """`pip install` lines install the project from its clone, with extras it has: it is not on PyPI."""
        for line in text.splitlines():
            for command in regex.split(r"&&|;", line.split("#")[0]):
                words = shlex.split(command)
                if words[:2] != ["pip", "install"]:
                    continue
                targets = [w for w in words[2:] if not w.startswith("-")]
                for target in targets:
                    m = regex.fullmatch(r"\.(?:\[(?P<extras>[\w,-]+)\])?", target)
                    assert m, (
                        f"{where}: `pip install {target}`: sellerpolicy is not on PyPI; "
                        f"install the clone: pip install '.[...]'"
                    )
                    assert set((m["extras"] or "").split(",")) - {""} <= EXTRAS, (where, target)

    def test_exception_tree_is_the_hierarchy(self):
        """The exceptions page draws the real class tree, with the builtin each error mixes in."""
        page = (DOCS / "reference" / "exceptions.md").read_text(encoding="utf-8")
        tree = FENCE.search(page)["body"]
        drawn = regex.findall(r"[├└]── (\w+) \((\w+)\)", tree)

        assert tree.startswith("SellerPolicyError\n")
        assert {name for name, _ in drawn} == set(sellerpolicy.exceptions.__all__) - {
            "SellerPolicyError"
        }
        for name, builtin in drawn:
            cls = getattr(sellerpolicy.exceptions, name)
            assert cls.__bases__ == (
                sellerpolicy.exceptions.SellerPolicyError,
                getattr(builtins, builtin),
            )

    def test_no_page_cites_policy_md(self):
        """No page sends readers to POLICY.md, which they cannot see: the specification is in the docs."""
        citing = [
            str(p.relative_to(ROOT)) for p in PAGES if "POLICY.md" in p.read_text(encoding="utf-8")
        ]

        assert [] == citing


class TestRuleReference:
    def test_every_code_has_a_section(self):
        """The generated rule pages have one section per rule code, on its family's page."""
        pages = GEN.render()
        for code in Code:
            page = pages[GEN.family_page(RULES[code].family)]
            assert f"## {code} `{RULES[code].name}` {{ #{code.lower()} }}\n" in page, code

    def test_every_parameter_is_on_its_rule(self):
        """Every parameter appears, with its value in both editions, in its rule's section."""
        pages = GEN.render()
        for name, spec in PARAMETERS.items():
            page = pages[GEN.family_page(RULES[spec.code].family)]
            section = page.split(f"{{ #{spec.code.lower()} }}")[1].split("\n## ")[0]
            row = next((line for line in section.splitlines() if f"| `{name}`" in line), None)
            assert row is not None, (name, spec.code)
            for edition in Edition:
                assert f"`{spec.render(spec.defaults[edition])}`".replace("|", "\\|") in row, name

    def test_every_rule_links_its_specification(self):
        """Each rule's section links to the rule's section of the specification."""
        pages = GEN.render()
        for code in Code:
            spec_file, _ = GEN.spec_page(code)
            link = f"(../../spec/{spec_file}#{code.lower()})"
            assert link in pages[GEN.family_page(RULES[code].family)], code
            assert (DOCS / "spec" / spec_file).exists(), spec_file

    def test_overview_lists_every_code(self):
        """The overview page lists every code, with the anchor old links to `rules.md#spNNN` land on."""
        overview = GEN.render()[GEN.OVERVIEW]
        for code in Code:
            assert f"{{ #{code.lower()} }}" in overview, code


SPEC = DOCS / "spec"
ROW = regex.compile(
    r"^\| \[(?P<code>SP\d{3})\]\(\.\./reference/rules/(?P<family>\w+)\.md#(?P<anchor>sp\d{3})\)"
    r"\{ #(?P<id>sp\d{3}) \} \| `(?P<name>[\w-]+)` \| (?P<current>[\w–]+) / (?P<seed>[\w–]+) \|",
    regex.MULTILINE,
)


def spec_rows() -> dict[str, tuple[str, regex.Match[str]]]:
    rows = {}
    for page in sorted(SPEC.glob("*.md")):
        for m in ROW.finditer(page.read_text(encoding="utf-8")):
            assert m["code"] not in rows, f"{m['code']} is specified twice"
            rows[m["code"]] = (page.name, m)
    return rows


def _normal(text: str) -> str:
    return regex.sub(r"[\s,\u202f]", "", text).lower()


class TestSpecification:
    def test_every_rule_is_specified_once_where_the_rules_link(self):
        """Each code has one row on the page its rule links to, linking back to its rule page."""
        rows = spec_rows()

        assert set(Code) == set(rows)
        for code, (page, m) in rows.items():
            info = RULES[Code(code)]
            assert page == GEN.spec_page(Code(code))[0], code
            assert (m["family"], m["anchor"], m["id"]) == (info.family, code.lower(), code.lower())
            assert m["name"] == info.name, code

    def test_severities_match_the_rule_table(self):
        """The severity a row gives per edition is the rule table's."""
        for code, (_, m) in spec_rows().items():
            info = RULES[Code(code)]
            expected = tuple(
                str(info.severity_in(e) or "–") for e in (Edition.CURRENT, Edition.SEED)
            )

            assert expected == (m["current"], m["seed"]), code

    def test_every_source_is_cited(self):
        """Each rule's source is cited on its specification page."""
        for code in Code:
            page = (SPEC / GEN.spec_page(code)[0]).read_text(encoding="utf-8")
            assert RULES[code].source in page, code

    def test_every_parameter_is_named_with_its_numbers(self):
        """Each parameter is named on its rule's specification page, on a line with its numbers in both editions."""
        numeric = {"duration", "durations", "int", "percent", "amount"}
        for name, spec in PARAMETERS.items():
            page = (SPEC / GEN.spec_page(spec.code)[0]).read_text(encoding="utf-8")
            lines = [line for line in page.splitlines() if f"`{name}`" in line]
            assert lines, f"{name} ({spec.code}) is not named on {GEN.spec_page(spec.code)[0]}"
            if spec.kind not in numeric:
                continue
            for edition in Edition:
                for value in spec.render(spec.defaults[edition]).split(", "):
                    assert any(_normal(value) in _normal(line) for line in lines), (name, value)

    def test_every_marketplace_is_listed(self):
        """The editions page lists every marketplace the library knows, with its zone and currency."""
        page = (SPEC / "editions.md").read_text(encoding="utf-8")
        for marketplace in MARKETPLACES.values():
            assert regex.search(
                rf"`{marketplace.marketplace_id}` \| {marketplace.time_zone} \| {marketplace.currency} \|",
                page,
            ), marketplace.marketplace_id


API_PAGES = [DOCS / "reference" / "api.md", *sorted((DOCS / "reference" / "api").glob("*.md"))]
API_PAGES.append(DOCS / "reference" / "exceptions.md")


def documented() -> set[str]:
    """The objects the API pages document: `::: x.y` directives and headings with an `{ #x.y }` id."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in API_PAGES)
    return set(regex.findall(r"^::: ([\w.]+)$", text, regex.MULTILINE)) | set(
        regex.findall(r"^#+ .*\{ #([\w.]+) \}$", text, regex.MULTILINE)
    )


def public_enums() -> list:
    found = {}
    for name in sellerpolicy.__all__:
        value = getattr(sellerpolicy, name)
        if isinstance(value, type) and issubclass(value, enum.Enum):
            found[name] = value
    # Code's members are the rule reference's sections, generated from the rule table.
    found.pop("Code")
    return [pytest.param(value, id=name) for name, value in sorted(found.items())]


def member_docstrings(cls: type[enum.Enum]) -> dict[str, bool]:
    """Whether each member assignment in the class's source is followed by a docstring."""
    source = Path(inspect.getsourcefile(cls)).read_text(encoding="utf-8")
    node = next(
        n
        for n in ast.walk(ast.parse(source))
        if isinstance(n, ast.ClassDef) and n.name == cls.__name__
    )
    out = {}
    for stmt, after in zip(node.body, [*node.body[1:], None], strict=True):
        if isinstance(stmt, ast.Assign) and isinstance(stmt.targets[0], ast.Name):
            out[stmt.targets[0].id] = (
                isinstance(after, ast.Expr)
                and isinstance(after.value, ast.Constant)
                and isinstance(after.value.value, str)
            )
    return out


class TestApiReference:
    def test_every_public_name_is_documented(self):
        """Every name in `sellerpolicy.__all__` has a `::: sellerpolicy.NAME` directive or section."""
        missing = [n for n in sellerpolicy.__all__ if f"sellerpolicy.{n}" not in documented()]

        assert [] == missing

    @pytest.mark.parametrize(
        "name", ["sellerpolicy.exceptions", "sellerpolicy.testing", "sellerpolicy.adapters.sp_api"]
    )
    def test_public_modules_are_documented(self, name):
        """Every name of a public module is documented, on its own or with its whole module."""
        module = importlib.import_module(name)
        names = documented()
        if module.__name__ in names:
            return
        missing = [
            n
            for n in module.__all__
            if f"{module.__name__}.{n}" not in names and f"sellerpolicy.{n}" not in names
        ]

        assert [] == missing

    @pytest.mark.parametrize("cls", public_enums())
    def test_enum_members_have_docstrings(self, cls):
        """Every member of a public enum has a docstring, so the API reference shows it."""
        undocumented = [name for name, has in member_docstrings(cls).items() if not has]

        assert [] == undocumented
