import tomllib
from collections import Counter
from importlib import resources

import pytest

from sellerpolicy import RULES, Code, Edition, Family, Policy, RuleStatus, Severity
from sellerpolicy._rules.data import phrase_vocabularies, phrases_for, vocabulary_names
from sellerpolicy.exceptions import InvalidPolicyError


class TestEditions:
    def test_current_is_default(self):
        """Policy() is the current edition."""
        assert Policy() == Policy.current()
        assert Edition.CURRENT is Policy.current().edition

    @pytest.mark.parametrize(
        ("code", "current", "seed"),
        [
            ("SP101", "error", "error"),
            ("SP104", "error", None),
            ("SP107", "error", None),
            ("SP109", "error", "warning"),
            ("SP113", "error", "warning"),
            ("SP116", "error", "warning"),
            ("SP122", "error", "warning"),
            ("SP201", "error", None),
        ],
    )
    def test_severity_per_edition(self, code, current, seed):
        """Severities come from the rule table, per edition (POLICY.md §3)."""
        assert current == Policy.current().severity(code)
        assert seed == Policy.seed().severity(code)

    def test_unknown_edition(self):
        """An unknown edition is a clear error."""
        with pytest.raises(InvalidPolicyError, match="unknown edition 'future'"):
            Policy.for_edition("future")


class TestDerivation:
    def test_disable_returns_new_policy(self):
        """Disabling returns a new value and leaves the original alone."""
        base = Policy.current()
        off = base.disable("SP101")

        assert not off.is_enabled("SP101")
        assert base.is_enabled("SP101")

    def test_enable_rule_edition_lacks(self):
        """Enabling a rule the seed lacks uses its current severity."""
        assert Severity.ERROR is Policy.seed().enable("SP107").severity("SP107")

    def test_enable_after_disable(self):
        """Enable undoes disable."""
        assert Policy.current().disable("SP101").enable("SP101").is_enabled("SP101")

    def test_with_severity(self):
        """Severity overrides apply."""
        assert Severity.INFO is Policy.current().with_severity("SP113", "info").severity("SP113")

    def test_unknown_code(self):
        """Unknown rule codes are refused with a hint."""
        with pytest.raises(InvalidPolicyError, match="unknown rule code 'SP999'"):
            Policy.current().disable("SP999")

    def test_unknown_severity(self):
        """Unknown severities are refused."""
        with pytest.raises(InvalidPolicyError, match="unknown severity 'fatal'"):
            Policy.current().with_severity("SP101", "fatal")

    def test_with_parameters(self):
        """Parameters can be overridden; hosts are normalised."""
        policy = Policy.current().with_parameters(
            link_allowlist=["Proofs.Example.com."], max_attachments=3
        )

        assert frozenset({"proofs.example.com"}) == policy.parameters.link_allowlist
        assert 3 == policy.parameters.max_attachments

    def test_unknown_parameter(self):
        """Unknown parameters are refused, listing the known ones."""
        with pytest.raises(
            InvalidPolicyError, match=r"unknown parameter.*max_attachment\b.*known parameters"
        ):
            Policy.current().with_parameters(max_attachment=3)

    @pytest.mark.parametrize("bad", [0, -1, "5", True])
    def test_bad_parameter_value(self, bad):
        """Parameter values are validated."""
        with pytest.raises(InvalidPolicyError, match="max_attachments"):
            Policy.current().with_parameters(max_attachments=bad)

    def test_phrases(self):
        """Vocabularies can be extended; unknown vocabularies are refused."""
        policy = Policy.current().with_phrases(incentive=["bonus points"])

        assert ("bonus points",) == policy.phrases["incentive"]
        with pytest.raises(InvalidPolicyError, match="unknown vocabulary 'incentives'") as info:
            Policy.current().with_phrases(incentives=["x"])
        assert "phrases.incentives" == info.value.field

    @pytest.mark.parametrize(
        ("name", "family"),
        [("incentive", Family.MESSAGES), ("profanity", Family.FEEDBACK)],
        ids=["message-vocabulary", "feedback-vocabulary"],
    )
    def test_one_place_routes_phrases(self, name, family):
        """Each vocabulary name belongs to one rule set, which alone gets its phrases."""
        policy = Policy.current().with_phrases(**{name: ["zorkhead"]})

        assert family is phrase_vocabularies()[name]
        assert {name: ("zorkhead",)} == dict(phrases_for(policy.phrases, family))
        for other in set(Family) - {family}:
            assert {} == dict(phrases_for(policy.phrases, other))

    def test_vocabulary_names_are_unique_across_rule_sets(self):
        """No vocabulary name is in both the message and the feedback data."""
        data = resources.files("sellerpolicy").joinpath("data")
        names = [
            set(tomllib.loads(data.joinpath(f).read_text(encoding="utf-8"))["vocabularies"])
            for f in ("vocabularies.toml", "feedback_vocabularies.toml")
        ]

        assert set() == names[0] & names[1]
        assert vocabulary_names() == {n for n in names[0] | names[1] if not n.endswith(".not")}

    @pytest.mark.parametrize("file", ["vocabularies.toml", "feedback_vocabularies.toml"])
    def test_no_list_names_an_entry_twice(self, file):
        """Every list of the shipped data (vocabularies, names, typos) names each entry once.

        A repeat matches nothing more; it only hides, when one copy is edited or removed, that
        the other still acts.
        """
        data = tomllib.loads(
            resources.files("sellerpolicy").joinpath("data", file).read_text(encoding="utf-8")
        )
        counted = {
            f"{section}.{name}": Counter(map(repr, entries))
            for section, table in data.items()
            if isinstance(table, dict)
            for name, entries in table.items()
            if isinstance(entries, list)
        }
        repeated = {
            name: sorted(entry for entry, n in counts.items() if n > 1)
            for name, counts in counted.items()
            if max(counts.values(), default=0) > 1
        }

        assert {} == repeated

    @pytest.mark.parametrize(
        ("phrases", "field"),
        [
            ({"profanitee": ["x"]}, "phrases.profanitee"),
            ({"profanity": "x"}, "phrases.profanity"),
            ({"price_complaint": ["(a+)+$"]}, "phrases.price_complaint"),
        ],
        ids=["unknown-name", "not-a-list", "bad-phrase"],
    )
    def test_phrase_errors_name_the_field(self, phrases, field):
        """A bad extra phrase is an InvalidPolicyError whose field names the vocabulary."""
        with pytest.raises(InvalidPolicyError, match=field) as info:
            Policy.current().with_phrases(**phrases)

        assert field == info.value.field

    def test_rules_listing(self):
        """The enabled rules are listed from the table."""
        assert Code.SP104 not in {r.code for r in Policy.seed().rules}
        assert Code.SP104 in {r.code for r in Policy.current().rules}


class TestToml:
    def test_load(self, tmp_path):
        """A policy file sets edition, rules, severities, parameters and phrases."""
        path = tmp_path / "policy.toml"
        path.write_text(
            'edition = "seed"\n'
            '[rules]\nenable = ["SP104"]\ndisable = ["SP101"]\n'
            '[rules.severity]\nSP113 = "error"\n'
            '[parameters]\nlink_allowlist = ["proofs.example.com"]\n'
            '[phrases]\nincentive = ["bonus points"]\n',
            encoding="utf-8",
        )
        policy = Policy.from_toml(path)

        assert Edition.SEED is policy.edition
        assert policy.is_enabled("SP104")
        assert not policy.is_enabled("SP101")
        assert Severity.ERROR is policy.severity("SP113")
        assert frozenset({"proofs.example.com"}) == policy.parameters.link_allowlist
        assert ("bonus points",) == policy.phrases["incentive"]

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("colour = 1\n", "unknown key"),
            ('[rules]\ndisable = ["SP999"]\n', "SP999"),
            ("[rules]\nturn_off = []\n", "rules.turn_off"),
            ("[parameters]\nmax_attachment = 3\n", "max_attachment"),
            ('[rules]\ndisable = "SP101"\n', "rules.disable must be a list"),
            ("edition = \n", "not valid TOML"),
            ('[phrases]\nincentive = "x"\n', "phrases.incentive"),
        ],
    )
    def test_errors_name_the_key(self, tmp_path, text, message):
        """Bad policy files give an error naming the file and key."""
        path = tmp_path / "policy.toml"
        path.write_text(text, encoding="utf-8")

        with pytest.raises(InvalidPolicyError, match=message) as info:
            Policy.from_toml(path)
        assert str(path) in str(info.value)

    def test_missing_file(self, tmp_path):
        """A missing file is an InvalidPolicyError, not an OSError."""
        with pytest.raises(InvalidPolicyError, match="cannot read"):
            Policy.from_toml(tmp_path / "nope.toml")


class TestRuleTable:
    def test_every_code_has_a_row(self):
        """Every code has a table row with a kebab-case name and at least one edition."""
        for code in Code:
            info = RULES[code]
            assert info.code is code
            assert info.name == info.name.lower() and " " not in info.name
            # POLICY.md names SP611 'no-return-obligation': it describes a fact, not a prohibition
            assert code is Code.SP611 or not info.name.startswith(("no-", "disallow-"))
            assert info.severity
            # a code only the seed edition has is a ground current policy dropped (SP305)
            expected = (
                RuleStatus.DEPRECATED if set(info.severity) == {Edition.SEED} else RuleStatus.ACTIVE
            )
            assert expected is info.status
            assert info.source

    def test_names_unique(self):
        """Rule names are unique."""
        names = [info.name for info in RULES.values()]

        assert len(names) == len(set(names))
