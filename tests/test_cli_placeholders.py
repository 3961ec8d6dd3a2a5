"""Template placeholders: found, masked to the same length, never hiding a violation."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sellerpolicy

# not exported yet: the integrator adds find_placeholders, mask_placeholders and Placeholder
from sellerpolicy._templates import find_placeholders, mask_placeholders

NAMES = st.from_regex(r"[a-z][a-z_]{0,15}", fullmatch=True).filter(
    lambda n: not {"url", "link", "site", "web", "www", "mail", "phone", "tel"} & set(n.split("_"))
)
SYNTAXES = ["{{ %s }}", "{{%s}}", "{%s}", "${%s}", "%%(%s)s", "[[%s]]", "%%%%%s%%%%"]


class TestFind:
    @pytest.mark.parametrize(
        ("text", "syntax", "name", "risk"),
        [
            ("{{ buyer_name }}", "mustache", "buyer_name", None),
            ("{{{ body }}}", "handlebars", "body", None),
            ("{% if gift %}", "statement", "", None),
            ("{# note #}", "comment", "", None),
            ("{buyer_name}", "format", "buyer_name", None),
            ("{0}", "positional", "0", None),
            ("${buyer_name}", "shell", "buyer_name", None),
            ("%(buyer_name)s", "percent", "buyer_name", None),
            ("%%support_phone%%", "double_percent", "support_phone", "SP104"),
            ("[[name]]", "wiki", "name", None),
            ("{{product_url}}", "mustache", "product_url", "SP101"),
            ("{seller_email}", "format", "seller_email", "SP103"),
            ("{{ shop.websiteUrl | default('') }}", "mustache", "shop.websiteUrl", "SP101"),
            ("{{ amazon_review_link }}", "mustache", "amazon_review_link", "SP102"),
            ("{{ buyer_name | urlencode }}", "mustache", "buyer_name", None),
        ],
        ids=lambda v: v if isinstance(v, str) else None,
    )
    def test_syntaxes(self, text, syntax, name, risk):
        """Each syntax is found with its variable and the rule its content may break."""
        (found,) = find_placeholders(f"Hi {text}!")

        assert (syntax, name, risk, 3, 3 + len(text)) == (
            found.syntax,
            found.name,
            found.risk,
            found.start,
            found.end,
        )

    @pytest.mark.parametrize(
        "text", ["{}", "{ x }", "a { b } c", "50% off", "[[", "$x", "{{", "%s"], ids=str
    )
    def test_prose_is_no_placeholder(self, text):
        """Braces, percent signs and brackets in prose are left alone."""
        assert () == find_placeholders(text)


class TestMask:
    @given(st.text())
    def test_same_length(self, text):
        """Masking never moves an offset."""
        assert len(text) == len(mask_placeholders(text))

    @given(st.text(alphabet=st.characters(exclude_characters="{}[]%$#")))
    def test_text_without_placeholders_unchanged(self, text):
        """Text without placeholder syntax is returned as it is."""
        assert text == mask_placeholders(text)

    @given(NAMES, st.sampled_from(SYNTAXES))
    def test_placeholder_is_never_a_violation(self, name, syntax):
        """A placeholder of a neutral name, masked, gives no finding."""
        text = f"Hello {syntax % name}, your parcel arrives on Friday."

        assert (
            frozenset() == sellerpolicy.check_message(mask_placeholders(text), kind="reply").codes
        )

    @given(NAMES, st.sampled_from(SYNTAXES))
    def test_placeholder_never_hides_a_link(self, name, syntax):
        """www.<placeholder>.com is still a web address once masked."""
        text = f"Visit www.{syntax % name}.com for the manual."

        assert "SP101" in sellerpolicy.check_message(mask_placeholders(text), kind="reply").codes

    def test_statements_and_comments_become_spaces(self):
        """What renders nothing is masked to spaces, keeping its line breaks."""
        assert "  \n" + " " * 7 + "Hi" == mask_placeholders("{#\n#}{%x%}Hi")

    def test_type_checked(self):
        """A text that is not a str is an InvalidTypeError naming the argument."""
        with pytest.raises(sellerpolicy.exceptions.InvalidTypeError, match="text must be str"):
            mask_placeholders(b"{{x}}")
