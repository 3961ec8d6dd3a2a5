import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "templates"


def command() -> list[str]:
    """The console script pip installed beside this interpreter, else ``python -m``."""
    script = Path(sys.executable).with_name("sellerpolicy")
    return [str(script)] if script.exists() else [sys.executable, "-m", "sellerpolicy"]


def run(
    *args: str, stdin: str | None = None, cwd: Path | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    # The console script is what users run; fall back to `python -m` when it is not installed.
    return subprocess.run(
        [*command(), *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd or ROOT,
        check=False,
        timeout=timeout,
        env={**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"},
    )


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
        assert finding["url"].endswith("/reference/rules/#sp101")

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
