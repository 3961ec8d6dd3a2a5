import textwrap

import pytest

from sellerpolicy.exceptions import InvalidValueError
from sellerpolicy.testing import assert_compliant

pytest_plugins = ["pytester"]

# Drafts whose findings are pinned in tests/test_messages.py; here they only drive the plugin.
CLEAN = "Your order shipped today; it should arrive on Thursday."
LINK = "Visit www.mysite.com for tips"  # SP101 error in both editions
FIVE_STARS = "If you are happy with your kettle, please leave us 5 stars."  # SP107: current only
AMAZON_LINK = "Details: https://www.amazon.com/dp/B000123ABC"  # SP102 warning


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch):
    """Short summaries are cut to the terminal's width; make it wide enough to read them."""
    monkeypatch.setenv("COLUMNS", "200")


def write_test(pytester: pytest.Pytester, body: str) -> None:
    pytester.makepyfile(
        test_drafts="import pytest\n"
        "from sellerpolicy.testing import assert_compliant\n\n" + textwrap.dedent(body)
    )


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    return pytester.runpytest("-p", "no:cacheprovider", "--strict-markers", *args)


def failure_lines(result: pytest.RunResult) -> list[str]:
    """The lines pytest prints with ``E`` in front, without that prefix."""
    return [line[8:] for line in result.outlines if line.startswith("E   ")]


class TestAssertCompliantInATestFile:
    def test_clean_draft_passes(self, pytester):
        """A draft without findings passes."""
        write_test(
            pytester,
            f"""
            def test_draft(policy):
                report = assert_compliant({CLEAN!r}, kind="reply", policy=policy)
                assert report.ok
            """,
        )

        result = run(pytester)

        result.assert_outcomes(passed=1)

    def test_failure_marks_the_span_and_explains_the_rule(self, pytester):
        """The failure shows the draft with carets under the evidence, then code, severity, message, explanation and source."""
        write_test(
            pytester,
            f"""
            def test_draft(policy):
                assert_compliant({LINK!r}, policy=policy)
            """,
        )

        result = run(pytester)

        result.assert_outcomes(failed=1)
        assert [
            "AssertionError: flagged SP101 external-link (current policy)",
            "",
            "1 | Visit www.mysite.com for tips",
            "  |       ^^^^^^^^^^^^^^ [1] SP101",
            "",
            "[1] SP101 error external-link (line 1, col 7): links to a site outside Amazon: www.mysite.com",
            "    rule: A link or web address to a non-Amazon site, in any form.",
            """    why: Amazon forbids links to other sites in buyer-seller messages; they are suppressed, and deliberately disguised links (the seed's "add spaces to the URL" trick) are a policy violation.""",
            "    source: Amazon Seller Central, Communication guidelines (Buyer-Seller Messaging); seed: Prohibited Messages",
        ] == failure_lines(result)
        result.stdout.fnmatch_lines(
            [
                "test_drafts.py:6: AssertionError",
                "FAILED test_drafts.py::test_draft - AssertionError: flagged SP101 external-link*",
            ]
        )

    def test_allow_lets_a_code_through(self, pytester):
        """A code in allow= does not fail the test; others still do."""
        write_test(
            pytester,
            f"""
            def test_allowed(policy):
                assert_compliant({LINK!r}, allow=["SP101"], policy=policy)

            def test_other_code_still_fails(policy):
                assert_compliant({LINK!r}, allow=["SP104"], policy=policy)
            """,
        )

        result = run(pytester)

        result.assert_outcomes(passed=1, failed=1)
        result.stdout.fnmatch_lines(
            ["FAILED test_drafts.py::test_other_code_still_fails - *SP101*"]
        )

    def test_fail_on_error_lets_warnings_through(self, pytester):
        """fail_on="error" passes a draft with only a warning; the default fails it."""
        write_test(
            pytester,
            f"""
            def test_errors_only(policy):
                assert_compliant({AMAZON_LINK!r}, fail_on="error", policy=policy)

            def test_default(policy):
                assert_compliant({AMAZON_LINK!r}, policy=policy)
            """,
        )

        result = run(pytester)

        result.assert_outcomes(passed=1, failed=1)
        result.stdout.fnmatch_lines(["*SP102 warning amazon-link*"])


class TestEdition:
    def test_default_is_current(self, pytester):
        """Without a marker, option or ini value the fixture is the current edition."""
        write_test(
            pytester,
            """
            def test_edition(policy):
                assert policy.edition == "current"
            """,
        )

        result = run(pytester)

        result.assert_outcomes(passed=1)
        result.stdout.fnmatch_lines(["sellerpolicy: *, policy edition current"])

    def test_marker_picks_the_edition(self, pytester):
        """@pytest.mark.sellerpolicy(edition="seed") makes a draft the seed allows pass."""
        write_test(
            pytester,
            f"""
            @pytest.mark.sellerpolicy(edition="seed")
            def test_seed(policy):
                assert policy.edition == "seed"
                assert_compliant({FIVE_STARS!r}, policy=policy)

            def test_current(policy):
                assert_compliant({FIVE_STARS!r}, policy=policy)
            """,
        )

        result = run(pytester)

        result.assert_outcomes(passed=1, failed=1)
        result.stdout.fnmatch_lines(["FAILED test_drafts.py::test_current - *SP107*"])

    def test_module_marker(self, pytester):
        """A module's pytestmark picks the edition for every test in it."""
        write_test(
            pytester,
            """
            pytestmark = pytest.mark.sellerpolicy(edition="seed")

            def test_edition(policy):
                assert policy.edition == "seed"
            """,
        )

        result = run(pytester)

        result.assert_outcomes(passed=1)

    def test_option_picks_the_edition_and_the_marker_wins(self, pytester):
        """--sellerpolicy-edition sets the run's edition; a test's marker overrides it."""
        write_test(
            pytester,
            """
            def test_option(policy):
                assert policy.edition == "seed"

            @pytest.mark.sellerpolicy(edition="current")
            def test_marker(policy):
                assert policy.edition == "current"
            """,
        )

        result = run(pytester, "--sellerpolicy-edition=seed")

        result.assert_outcomes(passed=2)
        result.stdout.fnmatch_lines(["sellerpolicy: *, policy edition seed"])

    def test_ini_value(self, pytester):
        """The sellerpolicy_edition ini value sets the edition; the option beats it."""
        pytester.makeini("[pytest]\nsellerpolicy_edition = seed\n")
        write_test(
            pytester,
            """
            def test_edition(policy, pytestconfig):
                expected = pytestconfig.getoption("sellerpolicy_edition") or "seed"
                assert policy.edition == expected
            """,
        )

        assert run(pytester).ret == pytest.ExitCode.OK
        assert run(pytester, "--sellerpolicy-edition=current").ret == pytest.ExitCode.OK

    def test_unknown_option_value_is_a_usage_error(self, pytester):
        """An unknown edition on the command line stops the run and names the choices."""
        write_test(pytester, "def test_x(policy):\n    pass\n")

        result = run(pytester, "--sellerpolicy-edition=2015")

        assert pytest.ExitCode.USAGE_ERROR == result.ret
        result.stderr.fnmatch_lines(
            ["*--sellerpolicy-edition: unknown edition '2015'; use one of current, seed"]
        )

    def test_unknown_marker_edition_fails_the_test(self, pytester):
        """A marker with an unknown edition or argument fails its test with a clear message."""
        write_test(
            pytester,
            """
            @pytest.mark.sellerpolicy(edition="2015")
            def test_bad_edition(policy):
                pass

            @pytest.mark.sellerpolicy(editon="seed")
            def test_typo(policy):
                pass
            """,
        )

        result = run(pytester)

        result.assert_outcomes(errors=2)
        result.stdout.fnmatch_lines(
            [
                "*@pytest.mark.sellerpolicy: unknown edition '2015'; use one of current, seed",
                "*@pytest.mark.sellerpolicy takes only edition=...; got editon",
            ],
            consecutive=False,
        )

    def test_marker_is_registered(self, pytester):
        """--markers lists the sellerpolicy marker (so --strict-markers accepts it)."""
        result = run(pytester, "--markers")

        result.stdout.fnmatch_lines(["@pytest.mark.sellerpolicy(edition='current'|'seed'): *"])


class TestAssertCompliant:
    def test_returns_the_report(self):
        """A passing draft returns its report for further checks."""
        report = assert_compliant(AMAZON_LINK, allow=["SP102"])

        assert ["SP102"] == [f.code for f in report.findings]

    def test_message_failure_lists_later_lines_and_what_passed(self):
        """The failure marks each offending line and says how many findings were let through."""
        draft = f"Hi Sam,\n\n{FIVE_STARS}\n{AMAZON_LINK}"

        with pytest.raises(AssertionError) as info:
            assert_compliant(draft, fail_on="error")

        text = str(info.value)
        assert text.startswith("flagged SP107 positive-feedback-request (current policy)\n")
        assert "3 | If you are happy with your kettle, please leave us 5 stars." in text
        assert "4 | Details: https://www.amazon.com/dp/B000123ABC" in text
        assert text.endswith("not failing: 1 finding(s) allowed or below error")

    def test_unknown_allowed_code(self):
        """A typo in allow= is an error naming the argument, not a silent pass."""
        with pytest.raises(InvalidValueError, match="allow='SP1O1' is not a rule code") as info:
            assert_compliant(CLEAN, allow=["SP1O1"])

        assert "allow" == info.value.field

    def test_allow_may_be_one_code(self):
        """allow="SP101" is read as one code, not as letters."""
        report = assert_compliant(LINK, allow="SP101")

        assert {"SP101"} == report.codes

    def test_unknown_fail_on(self):
        """An unknown fail_on names the severities."""
        with pytest.raises(InvalidValueError, match="fail_on='fatal' is not a severity") as info:
            assert_compliant(CLEAN, fail_on="fatal")

        assert "fail_on" == info.value.field
