"""Template placeholders: find them, mask them, and name the rule a placeholder may break."""

from __future__ import annotations

import attrs
import regex

from sellerpolicy import _checks
from sellerpolicy._codes import Code

__all__ = ["Placeholder", "find_placeholders", "mask_placeholders"]

# Every pattern is bounded, so a stray '{{' in a long text costs one short look, not a scan to
# the end; nothing spans a line break except comments and statements.
_PLACEHOLDER = regex.compile(
    r"""(?x)
      (?P<comment>\{\#[\s\S]{0,2000}?\#\})                       # {# a Jinja comment #}
    | (?P<statement>\{%[^%\n]{0,500}?%\})                        # {% if x %}, {% endif %}
    | (?P<handlebars>\{\{\{(?P<h>[^{}\n]{1,200})\}\}\})          # {{{ raw }}} (Handlebars)
    | (?P<mustache>\{\{(?P<m>[^{}\n]{1,200})\}\})                # {{ buyer_name }}
    | (?P<shell>\$\{(?P<s>[^{}\n]{1,200})\})                     # ${buyer_name}
    | (?P<format>\{(?P<f>[A-Za-z_][\w.]{0,100}(?:\[[\w.]{1,50}\])?
                         (?:![rsa])?(?::[^{}\n]{0,50})?)\})      # {buyer_name}, {0:>10}
    | (?P<positional>\{(?P<p>\d{1,3})\})                         # {0}
    | (?P<percent>%\((?P<pc>[^()\n]{1,100})\)
                  [-\#0\ +]{0,4}\d{0,3}(?:\.\d{1,3})?[diouxXeEfFgGcrsa])  # %(buyer_name)s
    | (?P<double_percent>%%(?P<dp>[A-Za-z_][\w.]{0,100})%%)       # %%support_phone%%
    | (?P<wiki>\[\[(?P<w>[^\[\]\n]{1,100})\]\])                  # [[name]]
    """,
    regex.V1,
)
_SYNTAXES = (
    "comment",
    "statement",
    "handlebars",
    "mustache",
    "shell",
    "format",
    "positional",
    "percent",
    "double_percent",
    "wiki",
)
_INNER = {
    "handlebars": "h",
    "mustache": "m",
    "shell": "s",
    "format": "f",
    "positional": "p",
    "percent": "pc",
    "double_percent": "dp",
    "wiki": "w",
}
# the variable an expression reads: 'shop.website' in '{{ shop.website | default("") }}'
_VARIABLE = regex.compile(r"[A-Za-z_][\w.]*|\d+", regex.V1)
_WORD = regex.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+", regex.V1)

# Words in a placeholder's name that say what it expands into, and the rule that content breaks.
# Checked in this order, so 'amazon_url' is an Amazon link rather than any link.
_RISKS: tuple[tuple[Code, frozenset[str]], ...] = (
    (Code.SP102, frozenset({"amazon", "asin"})),
    (
        Code.SP101,
        frozenset(
            {
                "url",
                "uri",
                "link",
                "href",
                "website",
                "site",
                "web",
                "domain",
                "homepage",
                "www",
                "http",
                "https",
            }
        ),
    ),
    (Code.SP103, frozenset({"email", "mail", "mailto"})),
    (
        Code.SP104,
        frozenset(
            {"phone", "telephone", "tel", "mobile", "cell", "fax", "whatsapp", "hotline", "sms"}
        ),
    ),
)
# The letter a placeholder is masked with: a run of it reads as one word, so 'www.{{shop}}.com'
# is still a web address, and no vocabulary of the rules contains a run of it.
_MASK = "x"


@attrs.frozen(kw_only=True)
class Placeholder:
    """A placeholder of a template syntax, located in the template's text.

    Attributes:
        start: Offset of the first character.
        end: Offset just past the last character.
        syntax: ``mustache`` (``{{ x }}``), ``handlebars`` (``{{{ x }}}``), ``statement``
            (``{% if %}``), ``comment`` (``{# #}``), ``format`` (``{x}``), ``positional``
            (``{0}``), ``shell`` (``${x}``), ``percent`` (``%(x)s``), ``double_percent``
            (``%%x%%``) or ``wiki`` (``[[x]]``).
        name: The variable it reads (``shop.website``); empty for statements and comments.
        risk: The rule the content it expands into may break (``SP101`` for
            ``{{product_url}}``), or ``None``.
    """

    start: int
    end: int
    syntax: str
    name: str
    risk: Code | None

    @property
    def renders_text(self) -> bool:
        """Whether the placeholder is replaced by text (statements and comments are not)."""
        return self.syntax not in {"statement", "comment"}


def _risk(name: str) -> Code | None:
    words = {w.lower() for w in _WORD.findall(name)}
    for code, vocabulary in _RISKS:
        if words & vocabulary:
            return code
    return None


def find_placeholders(text: str) -> tuple[Placeholder, ...]:
    """Every placeholder in ``text``, in order.

    The syntaxes are Jinja, Liquid, Mustache and Handlebars (``{{ x }}``, ``{{{ x }}}``,
    ``{% if x %}``, ``{# comment #}``), Python's ``str.format`` (``{x}``, ``{0}``) and ``%``
    (``%(x)s``), JavaScript and shell (``${x}``), ``%%x%%`` and ``[[x]]``.

    Args:
        text: A template's text.

    Returns:
        The placeholders, each with the rule its content may break (see `Placeholder.risk`).

    Raises:
        InvalidTypeError: ``text`` is not a string.
    """
    _checks.text(text, "text")
    found = []
    for m in _PLACEHOLDER.finditer(text):
        syntax = next(s for s in _SYNTAXES if m[s] is not None)
        inner = _INNER.get(syntax)
        variable = _VARIABLE.search(m[inner]) if inner else None
        name = variable[0] if variable else ""
        found.append(
            Placeholder(
                start=m.start(), end=m.end(), syntax=syntax, name=name, risk=_risk(name) or None
            )
        )
    return tuple(found)


def mask_placeholders(text: str) -> str:
    """``text`` with every placeholder replaced by neutral text of the same length.

    A placeholder that renders text becomes a run of letters, so it is never itself a
    violation and never hides one around it (``www.{{shop}}.com`` stays a web address); a
    statement or comment, which renders nothing, becomes spaces. Offsets into the masked text
    are offsets into ``text``, so findings on it point at the template.

    Args:
        text: A template's text.

    Returns:
        The masked text, as long as ``text``.

    Raises:
        InvalidTypeError: ``text`` is not a string.
    """
    parts = []
    last = 0
    for p in find_placeholders(text):
        parts.append(text[last : p.start])
        if p.renders_text:
            parts.append(_MASK * (p.end - p.start))
        else:
            # keep line breaks, so lines and columns after a multi-line comment stay put
            parts.append(regex.sub(r"[^\n]", " ", text[p.start : p.end]))
        last = p.end
    parts.append(text[last:])
    return "".join(parts)
