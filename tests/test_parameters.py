import decimal

import pytest

import sellerpolicy
from sellerpolicy import Edition, Family, Policy
from sellerpolicy._parameters import parameter_specs
from sellerpolicy._time import Duration
from sellerpolicy.exceptions import InvalidPolicyError


class TestSpecs:
    def test_every_parameter_documented(self):
        """Every parameter names its rule, its family and what it means, in both editions."""
        for spec in parameter_specs().values():
            assert spec.doc and spec.code in sellerpolicy.RULES
            assert set(spec.defaults) == set(Edition)

    @pytest.mark.parametrize(
        ("name", "current", "seed"),
        [
            ("reply_to_buyer", "24h", "24h"),
            ("return_response", "48h", "24h"),
            ("refund_after_return", "2bd", "2bd"),
            ("claim_contact_reply", "72h", "24h"),
            ("chargeback_response", "7d", "7d"),
            ("claim_appeal_window", "30d", "30d"),
            ("safe_t_window", "60d", "60d"),
            ("removal_request_window", "90d", "60d"),
            ("records_retention", "6mo", "6mo"),
            ("proactive_window", "30d", "30d"),
            ("solicitation_opens", "5d", "2d"),
            ("solicitation_closes", "30d", "30d"),
            ("feedback_window", "90d", "90d"),
        ],
        ids=lambda v: v if isinstance(v, str) and not v[0].isdigit() else None,
    )
    def test_policy_numbers(self, name, current, seed):
        """The built-in editions carry POLICY.md's windows."""
        assert Duration.parse(current) == Policy.current().parameters.duration(name)
        assert Duration.parse(seed) == Policy.seed().parameters.duration(name)

    def test_family_view(self):
        """A family's parameters can be listed on their own."""
        obligations = Policy.current().parameters.family(Family.OBLIGATIONS)

        assert "reply_to_buyer" in obligations
        assert "text_limit" not in obligations


class TestOverrides:
    def test_keyword_override_moves_value(self):
        """with_parameters replaces one value, with its unit, and keeps the others."""
        policy = Policy.current().with_parameters(reply_to_buyer="48h")

        assert Duration.parse("48h") == policy.parameters.reply_to_buyer
        assert Duration.parse("48h") == policy.parameters["reply_to_buyer"]
        assert Duration.parse("7d") == policy.parameters.chargeback_response

    def test_family_table_in_toml(self, tmp_path):
        """A policy file may group overrides by family."""
        path = tmp_path / "p.toml"
        path.write_text('[parameters.obligations]\nreply_to_buyer = "12h"\n', encoding="utf-8")

        policy = Policy.from_toml(path)

        assert Duration.parse("12h") == policy.parameters.reply_to_buyer

    def test_seed_override_keeps_edition(self):
        """An override of a seed policy keeps the seed's other values."""
        policy = Policy.seed().with_parameters(reply_to_buyer="12h")

        assert Duration.parse("60d") == policy.parameters.removal_request_window

    @pytest.mark.parametrize(
        ("toml", "field", "message"),
        [
            ('[parameters]\nreply_to_buyer = "24"\n', "reply_to_buyer", "unit"),
            ("[parameters]\nreply_to_buyer = 24\n", "reply_to_buyer", "unit"),
            ('[parameters]\nreply_to_buyer = "3w"\n', "reply_to_buyer", "unit"),
            ('[parameters]\nreply_within = "24h"\n', "reply_within", "unknown parameter"),
            (
                '[parameters.messages]\nreply_to_buyer = "24h"\n',
                "messages.reply_to_buyer",
                "belongs",
            ),
            ("[parameters]\nmax_attachments = 0\n", "max_attachments", ">= 1"),
            ('[parameters]\nsolicitation_anchor = "shipped"\n', "solicitation_anchor", "one of"),
        ],
        ids=[
            "no-unit",
            "bare-int",
            "unknown-unit",
            "unknown-name",
            "wrong-family",
            "zero",
            "choice",
        ],
    )
    def test_bad_values_named(self, tmp_path, toml, field, message):
        """A wrong unit, an unknown key or a wrong family is an error naming the key."""
        path = tmp_path / "p.toml"
        path.write_text(toml, encoding="utf-8")

        with pytest.raises(InvalidPolicyError, match=message) as info:
            Policy.from_toml(path)

        assert field in str(info.value)
        assert info.value.field is not None

    def test_percent_parameter_parses(self):
        """Percentages are written with a % sign and read as fractions."""
        spec = next(s for s in parameter_specs().values() if s.kind == "int")
        with pytest.raises(InvalidPolicyError):
            spec.parse("20%")
        from sellerpolicy._parameters import _parse_percent

        assert decimal.Decimal("0.2") == _parse_percent(spec, "20%")
        with pytest.raises(InvalidPolicyError, match="percentage"):
            _parse_percent(spec, "0.2")

    def test_seed_has_no_allowlist_exception(self):
        """The link allow-list exception is the current edition's only (POLICY.md SP101)."""
        seed = Policy.seed().with_parameters(link_allowlist=["proofs.example.com"])
        text = "Approve your proof at https://proofs.example.com/p/1"

        current = Policy.current().with_parameters(link_allowlist=["proofs.example.com"])
        assert (
            "SP101"
            not in sellerpolicy.check_message(
                text, kind="confirm_customization", policy=current
            ).codes
        )
        assert (
            "SP101"
            in sellerpolicy.check_message(text, kind="confirm_customization", policy=seed).codes
        )
