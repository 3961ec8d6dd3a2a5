import contextlib
import json
import os
import pty
import shutil
import subprocess
from pathlib import Path
from typing import ClassVar

import pytest

from .cli_run import command, run

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "templates"
BASH = shutil.which("bash") or "bash"


class TestCheck:
    def test_examples_folder(self):
        """The README's command lists findings in the bad templates and exits 1."""
        result = run("check", "examples/templates/")

        assert 1 == result.returncode, result.stderr
        lines = result.stdout.splitlines()
        assert any(
            line.startswith("examples/templates/follow_up_bad.txt:8:") and " SP103 " in line
            for line in lines
        )
        assert not any("review_request.txt" in line or "delay_notice.txt" in line for line in lines)
        assert lines[-1].startswith("Found ")

    def test_location_points_at_evidence(self, tmp_path):
        """line:col points at the evidence in the file, after front matter."""
        path = tmp_path / "t.txt"
        path.write_text(
            "---\nkind: reply\n---\nHello,\nsee   shop dot com today\n", encoding="utf-8"
        )

        result = run("check", str(path))

        assert 1 == result.returncode
        assert f"{path}:5:7: SP101 " in result.stdout

    def test_clean_exits_zero(self, tmp_path):
        """A clean template exits 0."""
        path = tmp_path / "ok.txt"
        path.write_text("---\nkind: reply\n---\nYour parcel arrives on Friday.\n", encoding="utf-8")

        result = run("check", str(path))

        assert 0 == result.returncode, result.stdout
        assert "All 1 file(s) passed." in result.stdout

    def test_stdin(self):
        """'-' reads standard input."""
        result = run("check", "-", "--kind", "reply", stdin="mail me at jane@example.com")

        assert 1 == result.returncode
        assert result.stdout.startswith("<stdin>:1:12: SP103 ")

    def test_warnings_only_exit_zero(self):
        """Warnings alone do not fail the check."""
        result = run(
            "check",
            "-",
            "--kind",
            "reply",
            stdin="See https://www.amazon.com/dp/B07XJ8C8F5 for the lid.",
        )

        assert 0 == result.returncode
        assert " SP102 " in result.stdout

    def test_json_output(self):
        """--format json prints findings with their start and end, in schema version 1."""
        result = run("check", "-", "--format", "json", stdin="Visit shop dot com")
        data = json.loads(result.stdout)
        finding = data["files"][0]["findings"][0]

        assert 1 == data["version"]
        assert "SP101" == finding["code"]
        assert (1, 7, 1, 19) == (
            finding["line"],
            finding["column"],
            finding["end_line"],
            finding["end_column"],
        )
        assert finding["url"] is None  # no published site, so no link rather than a broken one

    def test_seed_edition(self):
        """--edition seed applies the seed's rules."""
        text = "If you loved it, please leave a five-star review."

        assert 1 == run("check", "-", "--kind", "review_request", stdin=text).returncode
        assert (
            0
            == run(
                "check", "-", "--kind", "review_request", "--edition", "seed", stdin=text
            ).returncode
        )

    def test_policy_file(self, tmp_path):
        """--policy loads a TOML policy."""
        policy = tmp_path / "p.toml"
        policy.write_text('[rules]\ndisable = ["SP101"]\n', encoding="utf-8")

        result = run("check", "-", "--policy", str(policy), stdin="Visit shop dot com")

        assert 0 == result.returncode


class TestUsageErrors:
    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (("check", "no/such/file.txt"), "no such file"),
            (("check", "-", "--kind", "nope"), "invalid choice"),
            (("check", "-", "--disable", "SP999"), "unknown rule code"),
            (("frobnicate",), "invalid choice"),
        ],
    )
    def test_exit_two(self, args, message):
        """Bad usage exits 2 with a message on stderr."""
        result = run(*args, stdin="x")

        assert 2 == result.returncode
        assert message in result.stderr

    def test_not_utf8(self, tmp_path):
        """An unreadable file exits 2, naming it."""
        path = tmp_path / "bad.txt"
        path.write_bytes(b"\xff\xfe\x00bad")

        result = run("check", str(path))

        assert 2 == result.returncode
        assert "not UTF-8" in result.stderr

    def test_bad_front_matter(self, tmp_path):
        """Unknown front-matter keys are a usage error."""
        path = tmp_path / "t.txt"
        path.write_text("---\ncolour: red\n---\nhi\n", encoding="utf-8")

        result = run("check", str(path))

        assert 2 == result.returncode
        assert "colour" in result.stderr

    def test_bad_kind_in_front_matter(self, tmp_path):
        """An unknown kind in front matter is a usage error naming the file."""
        path = tmp_path / "t.txt"
        path.write_text("---\nkind: nope\n---\nhi\n", encoding="utf-8")

        result = run("check", str(path))

        assert 2 == result.returncode
        assert str(path) in result.stderr

    def test_empty_folder(self, tmp_path):
        """A folder without templates is a usage error."""
        assert 2 == run("check", str(tmp_path)).returncode

    def test_template_the_policy_refuses(self, tmp_path):
        """A template the policy refuses (over max_input_chars) exits 2 naming it, not 1."""
        policy = tmp_path / "p.toml"
        policy.write_text("[parameters]\nmax_input_chars = 20\n", encoding="utf-8")
        folder = tmp_path / "templates"
        folder.mkdir()
        (folder / "a_short.txt").write_text("Hi.\n", encoding="utf-8")
        long = folder / "b_long.txt"
        long.write_text(
            "---\nkind: reply\n---\nYour parcel arrives on Friday, thank you.\n", encoding="utf-8"
        )

        result = run("check", str(folder), "--policy", str(policy))

        assert 2 == result.returncode, (result.stdout, result.stderr)
        assert f"{long}: message body has 42 characters, over the limit of 20" in result.stderr


class TestRules:
    def test_lists_rules(self):
        """'rules' lists every code with its severity in the chosen edition."""
        current = run("rules").stdout
        seed = run("rules", "--edition", "seed").stdout

        assert "SP104  phone-number" in current
        assert any(line.startswith("SP104") and " off " in line for line in seed.splitlines())

    def test_lists_parameters_per_edition(self):
        """'rules' lists every parameter with its value in the chosen edition."""
        current = run("rules", "--family", "obligations").stdout.splitlines()
        seed = run("rules", "--family", "obligations", "--edition", "seed").stdout.splitlines()

        assert "SP502  return_response                48h" in current
        assert "SP502  return_response                24h" in seed
        assert not any(line.startswith("SP101") for line in current)

    def test_policy_file_override_shown(self, tmp_path):
        """A parameter a policy file overrides is listed with its new value."""
        policy = tmp_path / "p.toml"
        policy.write_text('[parameters]\nreply_to_buyer = "12h"\n', encoding="utf-8")

        out = run("rules", "--policy", str(policy)).stdout

        assert "SP501  reply_to_buyer                 12h (overridden)" in out.splitlines()

    def test_bad_parameter_unit_is_usage_error(self, tmp_path):
        """A policy file with a duration lacking its unit exits 2 naming the key."""
        policy = tmp_path / "p.toml"
        policy.write_text("[parameters]\nreply_to_buyer = 24\n", encoding="utf-8")

        result = run("rules", "--policy", str(policy))

        assert 2 == result.returncode
        assert "reply_to_buyer" in result.stderr


class TestReadme:
    def test_sample_output_is_real(self):
        """Every output line the README shows is printed by the README's command."""
        readme = (ROOT / "README.md").read_text(encoding="utf-8")
        shown = [
            line
            for line in readme.splitlines()
            if line.startswith(("examples/templates/", "Found "))
        ]
        result = run("check", "examples/templates/")

        assert shown
        assert set(shown) <= set(result.stdout.splitlines()), result.stdout


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


class TestInputs:
    def test_broken_pipe_is_quiet(self, tmp_path):
        """`check … | head -1` prints no traceback; the status is the check's own."""
        write(tmp_path / "many.txt", "See shop dot com today.\n" * 3000)
        script = " ".join(command()) + " check many.txt {opts} | head -1; exit ${{PIPESTATUS[0]}}"

        found = subprocess.run(
            [BASH, "-c", script.format(opts="")],
            cwd=tmp_path, capture_output=True, text=True, check=False, timeout=120,
        )  # fmt: skip
        zero = subprocess.run(
            [BASH, "-c", script.format(opts="--exit-zero")],
            cwd=tmp_path, capture_output=True, text=True, check=False, timeout=120,
        )  # fmt: skip

        assert (1, "") == (found.returncode, found.stderr)
        assert (0, "") == (zero.returncode, zero.stderr)
        assert found.stdout.startswith("many.txt:1:5: SP101 ")

    def test_stdin_named_twice(self):
        """`check - -` is refused instead of reading standard input twice."""
        result = run("check", "-", "-", stdin="hi")

        assert 2 == result.returncode
        assert "more than once" in result.stderr

    def test_same_file_twice_checked_once(self, tmp_path):
        """A file named twice (or found again in a folder) is checked once."""
        write(tmp_path / "a.txt", "See shop dot com\n")

        result = run("check", "a.txt", "a.txt", ".", "--format", "concise", cwd=tmp_path)

        assert 1 == result.stdout.count("SP101")

    def test_fifo_refused_without_waiting(self, tmp_path):
        """A FIFO is refused at once rather than waited on forever."""
        fifo = tmp_path / "pipe.txt"
        os.mkfifo(fifo)

        result = run("check", str(fifo), timeout=60)

        assert 2 == result.returncode
        assert "not a regular file (a FIFO)" in result.stderr

    def test_fifo_in_a_folder_refused(self, tmp_path):
        """A FIFO with a template's name inside a folder is refused, not skipped."""
        os.mkfifo(tmp_path / "pipe.txt")

        result = run("check", str(tmp_path), timeout=60)

        assert 2 == result.returncode
        assert "pipe.txt: not a regular file" in result.stderr

    def test_device_refused(self):
        """/dev/zero is refused instead of read until memory runs out."""
        result = run("check", "/dev/zero", timeout=60)

        assert 2 == result.returncode
        assert "not a regular file" in result.stderr

    def test_endless_stdin_read_up_to_the_limit(self):
        """Standard input is read up to the size limit, then refused."""
        with Path("/dev/zero").open("rb") as zero:
            result = subprocess.run(
                [*command(), "check", "-"],
                stdin=zero, capture_output=True, text=True, check=False, timeout=120,
            )  # fmt: skip

        assert 2 == result.returncode
        assert "<stdin>: larger than 8,000,000 bytes" in result.stderr

    def test_file_over_the_limit_refused_before_reading(self, tmp_path):
        """A file larger than 4 bytes per max_input_chars is refused by its size."""
        policy = write(tmp_path / "p.toml", "[parameters]\nmax_input_chars = 10\n")
        big = write(tmp_path / "big.txt", "x" * 41)

        result = run("check", str(big), "--policy", str(policy))

        assert 2 == result.returncode
        assert "big.txt: larger than 40 bytes" in result.stderr

    def test_unreadable_subfolder_is_an_error(self, tmp_path):
        """A subfolder that cannot be read exits 2 naming it instead of being skipped."""
        write(tmp_path / "ok.txt", "Your parcel arrives on Friday.\n")
        locked = tmp_path / "locked"
        write(locked / "hidden.txt", "See shop dot com\n")
        locked.chmod(0)
        prefix = []
        if os.geteuid() == 0:
            # root reads every folder; without the two capabilities that allow it, it cannot
            setpriv = shutil.which("setpriv")
            if setpriv is None:
                pytest.skip("running as root without setpriv to drop read capabilities")
            prefix = [setpriv, "--bounding-set=-dac_override,-dac_read_search"]
        try:
            result = subprocess.run(
                [*prefix, *command(), "check", str(tmp_path)],
                capture_output=True, text=True, check=False, timeout=120,
            )  # fmt: skip
        finally:
            locked.chmod(0o755)

        assert 2 == result.returncode, result.stdout + result.stderr
        assert f"{locked}: cannot read folder: Permission denied" in result.stderr


class TestFrontMatter:
    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("---\nkind: reply\nhi\n", "front matter starts with '---' but never ends"),
            ("---\nkind: reply\nsubject: [Important] x\n---\nhi\n", ":3: front matter is not"),
            ("---\nsubject: 12\n---\nhi\n", "subject must be text, got 12"),
            ("---\n- a\n- b\n---\nhi\n", "front matter must be 'key: value' lines"),
            ("---\ncolour: red\n---\nhi\n", "unknown front-matter key(s) colour"),
        ],
        ids=["unclosed", "invalid-yaml", "not-text", "not-mapping", "unknown-key"],
    )
    def test_errors_name_file_and_line(self, tmp_path, text, message):
        """Bad front matter exits 2 with the file, and the line where YAML says."""
        path = write(tmp_path / "t.txt", text)

        result = run("check", str(path))

        assert 2 == result.returncode
        assert str(path) in result.stderr
        assert message in result.stderr

    def test_empty_front_matter(self, tmp_path):
        """Two '---' lines are empty front matter; the body follows them."""
        path = write(tmp_path / "t.txt", "---\n---\nSee shop dot com\n")

        result = run("check", str(path), "--format", "concise")

        assert f"{path}:3:5: SP101 " in result.stdout


class TestColour:
    def test_colour_only_on_a_terminal(self, tmp_path):
        """Text output is coloured on a terminal, plain in a pipe, unless told otherwise."""
        write(tmp_path / "a.txt", "See shop dot com\n")
        env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
        main, secondary = pty.openpty()
        try:
            on_tty = subprocess.run(
                [*command(), "check", "a.txt"],
                cwd=tmp_path, stdout=secondary, stderr=subprocess.PIPE, env=env,
                check=False, timeout=120,
            )  # fmt: skip
            os.close(secondary)
            shown = b""
            with contextlib.suppress(OSError):  # the terminal closes once all is read
                while chunk := os.read(main, 65536):
                    shown += chunk
        finally:
            os.close(main)
        piped = subprocess.run(
            [*command(), "check", "a.txt"],
            cwd=tmp_path, capture_output=True, env=env, check=False, timeout=120,
        )  # fmt: skip
        forced = subprocess.run(
            [*command(), "check", "a.txt", "--color", "always"],
            cwd=tmp_path, capture_output=True, env=env, check=False, timeout=120,
        )  # fmt: skip

        assert 1 == on_tty.returncode
        assert b"\x1b[" in shown
        assert b"\x1b[" not in piped.stdout
        assert b"\x1b[" in forced.stdout


class TestBaselineCommands:
    def test_adopt_then_fail_only_on_new(self, tmp_path):
        """--update-baseline accepts today's findings; afterwards only new ones fail."""
        template = write(tmp_path / "t" / "a.txt", "See shop dot com\n")
        write(tmp_path / "t" / "b.txt", "Mail jane@example.com\n")

        adopted = run("check", "t", "--baseline", "bl.json", "--update-baseline", cwd=tmp_path)
        clean = run("check", "t", "--baseline", "bl.json", cwd=tmp_path)
        template.write_text("Hello,\nsee shop dot com or call (555) 123-4567\n", encoding="utf-8")
        new = run("check", "t", "--baseline", "bl.json", "--format", "concise", cwd=tmp_path)

        assert (0, "Wrote 2 finding(s) to the baseline bl.json.\n") == (
            adopted.returncode,
            adopted.stdout,
        )
        assert 0 == clean.returncode, clean.stdout
        assert 1 == new.returncode
        assert ["t/a.txt:2:26: SP104"] == [
            line.split(" contains")[0] for line in new.stdout.splitlines() if " SP" in line
        ]

    def test_update_keeps_files_not_checked(self, tmp_path):
        """Updating from a few files (as pre-commit passes them) keeps the others' entries."""
        write(tmp_path / "a.txt", "See shop dot com\n")
        write(tmp_path / "b.txt", "Mail jane@example.com\n")
        run("check", "a.txt", "b.txt", "--baseline", "bl.json", "--update-baseline", cwd=tmp_path)
        write(tmp_path / "a.txt", "Your parcel arrives on Friday.\n")

        run("check", "a.txt", "--baseline", "bl.json", "--update-baseline", cwd=tmp_path)
        data = json.loads((tmp_path / "bl.json").read_text("utf-8"))

        assert [("b.txt", "SP103")] == [(e["path"], e["code"]) for e in data["findings"]]

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (("--update-baseline",), "--update-baseline needs --baseline FILE"),
            (("--baseline", "missing.json"), "missing.json: cannot read baseline"),
        ],
        ids=["no-file-named", "missing-file"],
    )
    def test_usage_errors(self, tmp_path, args, message):
        """A baseline that cannot be written or read is a usage error."""
        write(tmp_path / "a.txt", "hi\n")

        result = run("check", "a.txt", *args, cwd=tmp_path)

        assert 2 == result.returncode
        assert message in result.stderr


class TestConfigErrors:
    @pytest.mark.parametrize(
        ("name", "text", "message"),
        [
            ("sellerpolicy.toml", "colour = 'red'\n", "unknown key(s) colour"),
            ("sellerpolicy.toml", "select = ['SP9Z']\n", "unknown rule code or name 'SP9Z'"),
            ("sellerpolicy.toml", "edition = 'future'\n", "unknown edition 'future'"),
            ("sellerpolicy.toml", "[per-file-kinds]\n'*.txt' = 'memo'\n", "unknown kind 'memo'"),
            ("sellerpolicy.toml", "[parameters]\nreply_to_buyer = 24\n", "reply_to_buyer"),
            ("sellerpolicy.toml", "select = [\n", "not valid TOML"),
            ("pyproject.toml", "[tool.sellerpolicy]\nignore = 'SP101'\n", "list of strings"),
        ],
        ids=["key", "selector", "edition", "kind", "parameter", "toml", "pyproject"],
    )
    def test_exit_two_naming_the_file(self, tmp_path, name, text, message):
        """A wrong configuration exits 2 with its file and the problem."""
        config = write(tmp_path / name, text)
        write(tmp_path / "a.txt", "hi\n")

        result = run("check", "a.txt", cwd=tmp_path)

        assert 2 == result.returncode
        assert str(config) in result.stderr
        assert message in result.stderr

    def test_pyproject_without_table_is_skipped(self, tmp_path):
        """A pyproject.toml without [tool.sellerpolicy] does not stop the search upward."""
        write(tmp_path / "sellerpolicy.toml", "ignore = ['external-link']\n")
        write(tmp_path / "sub" / "pyproject.toml", "[project]\nname = 'x'\n")
        write(tmp_path / "sub" / "a.txt", "See shop dot com\n")

        result = run("check", "sub/a.txt", cwd=tmp_path)

        assert 0 == result.returncode, result.stdout

    def test_explicit_config(self, tmp_path):
        """--config names the configuration for every file."""
        write(tmp_path / "elsewhere.toml", "ignore = ['SP101']\n")
        write(tmp_path / "a.txt", "See shop dot com\n")

        result = run("check", "a.txt", "--config", "elsewhere.toml", cwd=tmp_path)

        assert 0 == result.returncode, result.stdout


class TestRuleCommands:
    def test_rules_json(self):
        """`rules --format json` lists every rule with its severity and url, and parameters."""
        data = json.loads(run("rules", "--format", "json", "--edition", "seed").stdout)
        rules = {r["code"]: r for r in data["rules"]}

        assert (1, "seed") == (data["version"], data["edition"])
        assert rules["SP104"]["severity"] is None
        assert "error" == rules["SP104"]["editions"]["current"]
        assert rules["SP101"]["url"] is None
        assert any(p["name"] == "reply_to_buyer" for p in data["parameters"])

    @pytest.mark.parametrize("name", ["SP101", "sp101", "external-link"])
    def test_rule_page(self, name):
        """`rule` prints a rule's page: what, why, examples, source, last checked."""
        result = run("rule", name)
        lines = result.stdout.splitlines()

        assert 0 == result.returncode
        assert "SP101 external-link" == lines[0]
        for heading in ("What it does", "Why is this bad?", "Example", "Use instead"):
            assert heading in lines
        assert "Last checked:  2026-11-26" in lines
        assert any(line.startswith("Source:") for line in lines)

    def test_rule_page_json(self):
        """`rule --format json` has the page's sections as keys."""
        data = json.loads(run("rule", "SP104", "--format", "json").stdout)

        assert {"what", "why", "example", "use_instead", "source", "checked"} <= set(data)

    def test_suppression_diagnostic_page(self):
        """The command's own codes have a page too."""
        assert run("rule", "unused-suppression").stdout.startswith("SP001 unused-suppression")

    def test_unknown_rule(self):
        """An unknown rule is a usage error."""
        result = run("rule", "SP999")

        assert 2 == result.returncode
        assert "no rule code or name" in result.stderr

    def test_diff_editions(self):
        """`rules --diff seed current` lists rules added, removed and changed in severity."""
        lines = run("rules", "--diff", "seed", "current").stdout.splitlines()

        assert any(line.startswith("  + SP104  phone-number") for line in lines)
        assert any(line.startswith("  ~ SP109") and "warning -> error" in line for line in lines)

    def test_diff_with_a_policy_file(self, tmp_path):
        """`rules --diff` compares a policy file too: parameters and switched-off rules."""
        policy = write(
            tmp_path / "p.toml",
            '[rules]\ndisable = ["SP121"]\n[parameters]\nreply_to_buyer = "12h"\n',
        )

        data = json.loads(run("rules", "--diff", "current", str(policy), "--format", "json").stdout)

        assert ["SP121"] == [r["code"] for r in data["removed"]]
        assert {"name": "reply_to_buyer", "code": "SP501", "old": "24h", "new": "12h"} in data[
            "parameters_changed"
        ]


class TestDocsUrl:
    """Rule links point where SELLERPOLICY_DOCS_URL says the built site is served."""

    SITE: ClassVar[dict[str, str]] = {
        "SELLERPOLICY_DOCS_URL": "https://docs.example.com/sellerpolicy"
    }

    def test_json_links_each_finding_to_its_rule_page(self):
        """A finding's url is the rule's anchor on the served rule reference."""
        result = run("check", "-", "--format", "json", stdin="Visit shop dot com", env=self.SITE)
        finding = json.loads(result.stdout)["files"][0]["findings"][0]

        assert "https://docs.example.com/sellerpolicy/reference/rules/#sp101" == finding["url"]

    def test_sarif_carries_help_uri_only_when_known(self):
        """SARIF rules get helpUri and the driver informationUri from the variable, else neither."""
        args = ("check", "-", "--format", "sarif")
        served = json.loads(run(*args, stdin="Visit shop dot com", env=self.SITE).stdout)
        bare = json.loads(run(*args, stdin="Visit shop dot com").stdout)
        served_driver = served["runs"][0]["tool"]["driver"]
        bare_driver = bare["runs"][0]["tool"]["driver"]

        assert "https://docs.example.com/sellerpolicy/" == served_driver["informationUri"]
        assert served_driver["rules"][0]["helpUri"].endswith("/reference/rules/#sp101")
        assert "informationUri" not in bare_driver
        assert "helpUri" not in bare_driver["rules"][0]
        assert "sellerpolicy rule SP101" in bare_driver["rules"][0]["help"]["text"]

    def test_rule_page_shows_docs_line_only_when_known(self):
        """`sellerpolicy rule SP104` prints a Docs line with the link, and none without one."""
        served = run("rule", "SP104", env=self.SITE).stdout
        bare = run("rule", "SP104").stdout

        assert (
            "Docs:          https://docs.example.com/sellerpolicy/reference/rules/#sp104" in served
        )
        assert "Docs:" not in bare

    def test_a_value_that_is_no_url_is_a_usage_error(self):
        """A variable that is not an http(s) URL exits 2 and names the variable."""
        result = run(
            "check",
            "-",
            "--format",
            "json",
            stdin="Visit shop dot com",
            env={"SELLERPOLICY_DOCS_URL": "docs.example.com"},
        )

        assert 2 == result.returncode
        assert "SELLERPOLICY_DOCS_URL" in result.stderr


class TestGitignore:
    """Walking a folder skips what Git ignores, as Ruff does; named files are still checked."""

    BAD = "See shop dot com\n"

    def tree(self, root: Path) -> Path:
        (root / ".git" / "info").mkdir(parents=True)
        (root / ".git" / "info" / "exclude").write_text("local/\n", encoding="utf-8")
        (root / ".gitignore").write_text("drafts/\n*.tmp.txt\n!keep.tmp.txt\n", encoding="utf-8")
        for name in (
            "live.txt",
            "drafts/old.txt",
            "scratch.tmp.txt",
            "keep.tmp.txt",
            "local/mine.txt",
            "nested/a.txt",
            "nested/b.txt",
        ):
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(self.BAD, encoding="utf-8")
        (root / "nested" / ".gitignore").write_text("b.txt\n", encoding="utf-8")
        return root

    def files(self, result: subprocess.CompletedProcess[str]) -> list[str]:
        return sorted(
            {line.split(":")[0] for line in result.stdout.splitlines() if " SP101 " in line}
        )

    def test_ignored_paths_are_not_walked(self, tmp_path):
        """Ignored folders, globs, nested ignore files and .git/info/exclude are honoured."""
        result = run("check", ".", "--format", "concise", cwd=self.tree(tmp_path))

        assert ["keep.tmp.txt", "live.txt", "nested/a.txt"] == self.files(result)

    def test_no_respect_gitignore_walks_everything(self, tmp_path):
        """--no-respect-gitignore checks the ignored templates too."""
        result = run(
            "check", ".", "--format", "concise", "--no-respect-gitignore", cwd=self.tree(tmp_path)
        )

        assert 7 == len(self.files(result))

    def test_named_file_is_checked_unless_forced(self, tmp_path):
        """A file named on the command line is checked; --force-exclude applies .gitignore too."""
        root = self.tree(tmp_path)
        named = run("check", "drafts/old.txt", "--format", "concise", cwd=root)
        forced = run("check", "drafts/old.txt", "--force-exclude", cwd=root)

        assert ["drafts/old.txt"] == self.files(named)
        assert 2 == forced.returncode
        assert "no template files found" in forced.stderr

    def test_outside_a_work_tree_gitignore_means_nothing(self, tmp_path):
        """Without a .git folder, .gitignore files are ordinary files, as they are to Git."""
        (tmp_path / ".gitignore").write_text("*.txt\n", encoding="utf-8")
        (tmp_path / "a.txt").write_text(self.BAD, encoding="utf-8")

        assert ["a.txt"] == self.files(run("check", ".", "--format", "concise", cwd=tmp_path))
