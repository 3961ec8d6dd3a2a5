"""Every rule set's documentation and examples, family by family (the registry drives this)."""

import pytest

from sellerpolicy import RULES, Family
from sellerpolicy._registry import RULE_SETS, rule_set

CASES = [(rs, code) for rs in RULE_SETS for code in rs.codes]
IDS = [f"{rs.family}-{code}" for rs, code in CASES]


class TestRegistry:
    def test_families_unique(self):
        """Each family has at most one rule set."""
        families = [rs.family for rs in RULE_SETS]

        assert len(families) == len(set(families))

    def test_codes_partition(self):
        """A rule set holds exactly the table's codes of its family."""
        for rs in RULE_SETS:
            assert rs.codes == tuple(c for c, i in RULES.items() if i.family is rs.family)
            assert rs.codes

    def test_lookup(self):
        """rule_set finds a family by name."""
        assert Family.MESSAGES is rule_set("messages").family


class TestRuleExamples:
    @pytest.mark.parametrize(("rule_set", "code"), CASES, ids=IDS)
    def test_documentation_complete(self, rule_set, code):
        """Every rule has what / why / example / use-instead documentation and a message."""
        doc = rule_set.docs()[code]

        assert doc.what and doc.why and doc.bad and doc.good and doc.message

    @pytest.mark.parametrize(("rule_set", "code"), CASES, ids=IDS)
    def test_bad_example_flagged(self, rule_set, code):
        """Each rule's documented bad example is flagged by that rule."""
        assert rule_set.flags(code, "bad")

    @pytest.mark.parametrize(("rule_set", "code"), CASES, ids=IDS)
    def test_good_example_not_flagged(self, rule_set, code):
        """Each rule's documented good example is not flagged by it."""
        assert not rule_set.flags(code, "good")
