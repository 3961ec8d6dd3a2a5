"""`sellerpolicy check --jsonl`: the batch path of the installed command."""

import json

from .cli_run import run

LINES = [
    '{"body": "Thanks for your order!", "kind": "reply"}',
    '{"body": "Leave us 5 stars and get a $10 gift card", "kind": "review_request"}',
    "not json at all",
    '{"body": 42}',
    '{"body": "See www.kettleco.com", "kind": "reply"}',
]


class TestJsonl:
    def test_one_result_per_line_in_order(self, tmp_path):
        """Every input line has exactly one result line, in order, broken lines included."""
        source = tmp_path / "in.jsonl"
        source.write_text("\n".join(LINES) + "\n", encoding="utf-8")
        out = tmp_path / "out.jsonl"

        result = run("check", "--jsonl", str(source), "-o", str(out), "--jobs", "1")

        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert [1, 2, 3, 4, 5] == [row["line"] for row in rows]
        assert [True, False] == [rows[0]["ok"], rows[1]["ok"]]
        assert "error" in rows[2] and "error" in rows[3]
        assert "body" in rows[3]["error"]["field"]
        assert 1 == result.returncode

    def test_stdin_to_stdout(self):
        """- reads records from standard input and results go to standard output."""
        result = run("check", "--jsonl", "-", "--jobs", "1", stdin=LINES[0] + "\n")

        rows = [json.loads(line) for line in result.stdout.splitlines()]
        assert [True] == [row["ok"] for row in rows]
        assert 0 == result.returncode

    def test_resume_needs_output(self, tmp_path):
        """--resume without -o is a usage error."""
        source = tmp_path / "in.jsonl"
        source.write_text(LINES[0] + "\n", encoding="utf-8")

        result = run("check", "--jsonl", str(source), "--resume")

        assert 2 == result.returncode
        assert "-o OUT" in result.stderr

    def test_resume_continues(self, tmp_path):
        """A rerun with --resume after a torn output adds only the missing results."""
        source = tmp_path / "in.jsonl"
        source.write_text("\n".join(LINES) + "\n", encoding="utf-8")
        out = tmp_path / "out.jsonl"
        run("check", "--jsonl", str(source), "-o", str(out), "--jobs", "1")
        full = out.read_text(encoding="utf-8").splitlines()
        out.write_text("\n".join(full[:2]) + "\n" + full[2][:10], encoding="utf-8")

        run("check", "--jsonl", str(source), "-o", str(out), "--jobs", "1", "--resume")

        assert full == out.read_text(encoding="utf-8").splitlines()

    def test_paths_and_jsonl_refused(self, tmp_path):
        """Template paths and --jsonl together are a usage error."""
        result = run("check", "--jsonl", "-", str(tmp_path))

        assert 2 == result.returncode
