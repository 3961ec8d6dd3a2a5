"""The built docs site: it builds strictly, and a headless browser shows a rule page whole."""

import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.request import url2pathname

import pytest

import sellerpolicy
from sellerpolicy import PARAMETERS, RULES, Code, Edition

ROOT = Path(__file__).resolve().parents[1]
BROWSERS = ("chromium", "chromium-browser", "chromium-headless-shell", "google-chrome")
CHROMIUM = next((found for name in BROWSERS if (found := shutil.which(name))), None)
RULE = Code.SP501
"""The rule whose page the browser renders."""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as CI builds it: `mkdocs build --strict` into a temporary folder."""
    out = tmp_path_factory.mktemp("site")
    # the plugins' notices about MkDocs 2 say nothing about this site
    env = {**os.environ, "DISABLE_MKDOCS_2_WARNING": "true", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip

    assert 0 == result.returncode, result.stderr
    return out


class _Dom(HTMLParser):
    """The ids, the classes and the visible text of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.classes: set[str] = set()
        self.links: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(found["id"])
        self.classes.update((found.get("class") or "").split())
        if tag == "a" and found.get("href"):
            self.links.append(found["href"])

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> _Dom:
    dom = _Dom()
    dom.feed(html)
    return dom


class TestBuild:
    def test_every_public_name_has_its_anchor(self, site):
        """The API pages of the built site give every public name an anchor of its own."""
        ids = set()
        pages = [*(site / "reference" / "api").rglob("*.html")]
        pages.append(site / "reference" / "exceptions" / "index.html")
        for page in pages:
            ids |= parse(page.read_text(encoding="utf-8")).ids

        missing = [n for n in sellerpolicy.__all__ if f"sellerpolicy.{n}" not in ids]
        assert [] == missing

    def test_no_attrs_internals(self, site):
        """No API page shows attrs' generated methods or private members."""
        for page in (site / "reference").rglob("index.html"):
            html = page.read_text(encoding="utf-8")
            assert "__attrs_post_init__" not in html, page
            assert "__attrs_attrs__" not in html, page

    def test_rule_pages_are_generated(self, site):
        """The build writes one page per rule family, with a section per rule."""
        for code, info in RULES.items():
            page = site / "reference" / "rules" / info.family / "index.html"
            assert code.lower() in parse(page.read_text(encoding="utf-8")).ids, code

    def test_no_page_cites_policy_md(self, site):
        """No page but the changelog sends readers to POLICY.md: the specification is in the site."""
        citing = [
            str(page.relative_to(site))
            for page in site.rglob("*.html")
            if "POLICY.md" in page.read_text(encoding="utf-8") and "changelog" not in page.parts
        ]

        assert [] == citing

    def test_scripts_are_not_published(self, site):
        """The scripts that build the site stay out of it."""
        assert [] == sorted(p.name for p in site.rglob("*.py"))


@pytest.mark.skipif(
    CHROMIUM is None,
    reason="no chromium: install it to render the site (CI: apt-get install -y chromium)",
)
class TestBrowser:
    def dump_dom(self, page: Path, profile: Path) -> str:
        """The page's DOM after its scripts ran, as headless Chromium renders it."""
        result = subprocess.run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",  # CI runs as root, where Chromium's sandbox refuses to start
                "--disable-gpu",
                f"--user-data-dir={profile}",
                "--virtual-time-budget=5000",
                "--dump-dom",
                page.as_uri(),
            ],
            capture_output=True, text=True, check=False, timeout=120,
        )  # fmt: skip

        assert 0 == result.returncode, result.stderr
        return result.stdout

    def test_rule_page_shows_the_rule(self, site, tmp_path):
        """The rendered rule page shows the rule's code, name, parameter and value, and its scripts ran."""
        info = RULES[RULE]
        parameter = next(spec for spec in PARAMETERS.values() if spec.code is RULE)
        value = parameter.render(parameter.defaults[Edition.CURRENT])
        page = site / "reference" / "rules" / info.family / "index.html"

        dom = parse(self.dump_dom(page, tmp_path / "profile"))
        text = " ".join(" ".join(dom.text).split())

        assert RULE.lower() in dom.ids
        assert f"{RULE} {info.name}" in text
        assert parameter.name in text
        assert value in text
        # the theme's script wraps each table to scroll it: the page ran its JavaScript
        assert "md-typeset__table" in dom.classes

    def test_rule_page_links_its_specification(self, site, tmp_path):
        """The rendered rule page links to the rule's row in the specification, which exists."""
        page = site / "reference" / "rules" / RULES[RULE].family / "index.html"
        dom = parse(self.dump_dom(page, tmp_path / "profile"))

        links = [
            href for href in dom.links if href.endswith(f"#{RULE.lower()}") and "spec/" in href
        ]
        assert links
        target = urlsplit(urljoin(page.as_uri(), links[0]))
        spec_page = Path(url2pathname(target.path))
        spec_page = spec_page / "index.html" if spec_page.is_dir() else spec_page
        assert target.fragment in parse(spec_page.read_text(encoding="utf-8")).ids
