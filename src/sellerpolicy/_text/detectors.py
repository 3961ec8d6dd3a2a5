"""Detectors for web addresses, email addresses and phone numbers, disguised or not."""

from __future__ import annotations

import functools
import itertools
import operator
import re  # noqa: TID251 - two hot, simple patterns run 2.5x faster in the stdlib engine
from typing import TYPE_CHECKING, Final, NamedTuple, TypeVar

import ahocorasick_rs
import regex
from publicsuffixlist import PublicSuffixList

from sellerpolicy._text._columns import FIRST, SECOND, THIRD, sliced
from sellerpolicy._text.normalize import LOOKALIKE_CLASS, fold_lookalikes
from sellerpolicy._text.spans import SpanSet

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from sellerpolicy._text.normalize import NormalizedText

__all__ = ["Evidence", "contact_view", "find_emails", "find_links", "find_phones", "not_a_phone"]


class Evidence(NamedTuple):
    """Something a detector found, located in the *original* text.

    An immutable named tuple rather than an attrs class: a text dense with addresses has one
    per address, and a tuple is made several times faster.

    Attributes:
        start: Original offset of the first character.
        end: Original offset just past the last character.
        value: The evidence as seen after normalisation (``shop.com``, ``+44 20 7946 0958``).
        host: For links and emails, the host name.
        disguises: How the evidence was disguised (empty when written plainly).
        context: A few normalised words before the evidence (phone exceptions read them).
        explicit: For links: written with a scheme, ``www.`` or a path, not as a bare domain.
    """

    start: int
    end: int
    value: str
    host: str = ""
    disguises: tuple[str, ...] = ()
    context: str = ""
    explicit: bool = False


# --- de-obfuscation: one view of the text in which spelled-out punctuation is plain ------------

_HXXP = regex.compile(r"(?<![a-z])h(?:xx|\*\*|tt)p(s?)(?=\s*(?::|\[:\])\s*//)", regex.V1)
_BRACKET_DOT = regex.compile(
    r"""(?x)
    (?<!\s)\s*              # 'shop [dot] com', 'shop(.)com', 'shop {punkt} de'; starting only
                            # at the first space of a run keeps this linear
    [\[\(\{<]\s*(?:dot|punkt|point|punto|\.)\s*[\]\)\}>]
    \s*
    """,
    regex.V1,
)
_WORD_DOT = regex.compile(
    r"""(?x)
    (?<=[a-z0-9])               # a label ends here ...
    \s+(?:dot|punkt)\s+         # ... 'dot' spelled out between spaces ...
    (?=[a-z]{2,}\b)             # ... and a label that might be a suffix follows, but not a
                                # word of prose going on after a word of prose ('a polka dot
                                # in navy', 'ohne Punkt am Ende'; 'meinshop punkt at für' and
                                # 'proton dot me' are addresses)
    (?!(?<=(?<![a-z0-9])(?:[a-z]{1,5}|little|yellow|orange|purple|golden|silver|single|another
      |without)\s{1,3}(?:dot|punkt)\s{1,3})
      (?:am|as|at|be|by|do|in|is|it|me|my|no|so|to|us|la|es|et|il|se|si|ne|ma|ci|al|ad|im|je
      |er|nu)\s{1,3}[\p{L}"'\u201c\u2018\u00ab])
  |
    (?<=[a-z0-9])\s+(?:point|punto)\s+  # French / Spanish / Italian, only before a common suffix
    (?<!\b(?:collection|parcel|pickup|relais|relay|drop|off|up|access|service|meeting|retrait
      |starting|charging|mounting|contact|entry|check|selling|price|focal|pressure|power)
      \s+(?:point|punto)\s+)           # not an English 'X point' ('the drop-off point it names')
    (?=(?:com|net|org|fr|es|it|be|ch|eu|info|io)\b
      |de\b(?<=point\s+de)                 # 'maboutique point de suite'; after 'punto', 'de' must
      |de\b(?![ \t]+(?!(?:para|por|y|o|con|si|per|e|et|pour|ou|and|or|for|to|with
        |slash|barra|barre|sbarra|schrägstrich)\b)\p{L}))
      # end its phrase ('modo punto de acceso' is prose), or a word that cannot follow 'punto
      # de' in prose, or a spelled slash, follow it ('Visita mitienda punto de para más
      # modelos', 'radsport-keller punto de barra misure')
  |
    (?<=[a-z0-9]{4})                     # '... point ca' (Quebec), '... punto uk': after a
    (?<!\b(?:collection|parcel|pickup|relais|relay|drop|access|service|meeting|retrait))
    \s+(?:point|punto)\s+                 # label of four or more that makes no 'X point'
    (?=(?:ca|uk)\b(?![ \t]+\p{L}))        # ('parcel point UK'), ending its phrase ('au
                                         # point ca va' is French)
  |
    (?<=[a-z0-9])\s+d0t\s+(?=[a-z]{2,}\b)  # 'shop d0t com'
  |
    (?<=[a-z0-9])[-_]d[o0]t[-_]           # 'shop-dot-com', 'shop_dot_co_uk', before a suffix
    (?=(?:com|net|org|co|uk|de|fr|es|it|eu|info|shop|store)\b)
    """,
    regex.V1,
)
# 'jane-at-shop-dot-com': an '@' spelled between hyphens, once its dot is written back
# ('jane-at-shop.com'), before a host and its suffix
_HYPHEN_AT = regex.compile(
    r"(?<=[a-z0-9])[-_]at[-_](?=[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.[a-z]{2,}\b)", regex.V1
)
_SPACED_DOT = regex.compile(
    r"""(?x)
    (?<=[a-z0-9])           # a label ends here
    (?:
        [ \t]+\.[ \t]*(?:\r?\n[ \t]*)?  # 'shop . com', 'shop .com', 'www.shop\n.com'
      | \r?\n[ \t]*\.[ \t]*              # (a Windows line end is '\r\n')
      | \.[ \t]*\r?\n[ \t]*            # 'www.shop.\ncom': an address broken across a line,
        (?=[a-z0-9-]{1,63}\.[a-z0-9]     # only if the next line goes on with a dotted host
          |(?:com|net|org|info|biz|co|uk)\b)  # or a suffix, never "de", a word
      # ... but after 'www.' and one label any two-letter suffix ('www.laesquinadelte.\nes',
      # fresh_kc): nobody ends a sentence with 'www.' and a word (bounded lookbehind: linear)
      | (?<=\bwww\.[a-z0-9-]{1,63})\.[ \t]*\r?\n[ \t]*(?=[a-z]{2}\b)
      # 'shop. com', only before an unmistakable suffix, and not a net weight or price after a
      # code ('Batch: WS-2431. Net weight: 220 g')
      | \.[ \t]+(?=(?:com|net|org|info|biz)\b
        (?![ \t]+(?:weight|wt|contents?|volume|price|amount|total|worth)\b))
    )
    (?=[a-z0-9])
    """,
    regex.V1,
)
# 'w w w . s h o p . c o m': single characters spaced out; the two lookbehinds stop a match from
# starting inside a run, which keeps this linear on long runs
_LETTER_SPACED = regex.compile(
    r"(?<!(?<![a-z0-9.])[a-z0-9.] )(?<![a-z0-9.])[a-z0-9](?: [a-z0-9.]){5,}(?![a-z0-9])",
    regex.V1,
)
# 'amazon . com / dp / B0C1X9RT4M', 'shop dot com slash sizes': a path spaced out after a suffix
_SPACED_PATH = regex.compile(
    r"(?<=[a-z0-9]\s?\.\s?[a-z]{2,24})(?:\s*(?:/|\bslash\b)\s*[a-z0-9_-]{1,64}){1,16}", regex.V1
)
_SLASH_WORD = regex.compile(r"\s*\bslash\b\s*", regex.V1)


def _join_path(match: regex.Match[str]) -> str:
    return _SLASH_WORD.sub("/", match[0]).replace(" ", "")


# Look-alike letters next to an address's dot or '@' (Cyrillic 'shop' in 'shop [.] com'), folded
# run by run. A run is matched possessively by a bare character class, so finding every run reads
# each character once; whether a dot or '@' is next to it (with the spaces and brackets of one
# that is not joined yet) is then read in a window of `_NEAR` characters on either side. A single
# pattern with the two tests as lookarounds of `[...]+` was quadratic: on a run of n look-alikes
# with no dot it started at each letter, ran to the end of the run and backed off letter by
# letter, n*n/2 steps.
_LOOKALIKE_RUN = regex.compile(rf"[{LOOKALIKE_CLASS}]++", regex.V1)
_ADDRESS_AFTER = regex.compile(r"\s{0,3}[\[\(]?\s{0,3}(?:[.@]|dot\b|at\b)", regex.V1)
_ADDRESS_BEFORE = regex.compile(  # matched backwards from the start of the run
    r"(?:[.@]|\bdot|\bat)\s{0,3}[\]\)]?\s{0,3}", regex.V1 | regex.REVERSE
)
_NEAR = 16  # longer than either match (at most 10 characters) and the letter `\b` reads past it


def _fold_by_address(match: regex.Match[str]) -> str:
    """The run of look-alikes folded to Latin if a dot or '@' is next to it, else unchanged."""
    text, start, end = match.string, match.start(), match.end()
    if _ADDRESS_AFTER.match(text, end, end + _NEAR) or _ADDRESS_BEFORE.match(
        text, max(0, start - _NEAR), start
    ):
        return fold_lookalikes(match[0])
    return match[0]


_MAYBE_LOOKALIKE = regex.compile(r"[\u0370-\u052f]", regex.V1)
# a quick test for three single characters in a row, spaced out, before the full pattern runs
_LETTER_SPACED_HINT = regex.compile(
    r"(?:^|[^a-z0-9.])[a-z0-9] [a-z0-9.] [a-z0-9.] [a-z0-9.] ", regex.V1
)
# true wherever the hint matches (its second and third characters and the spaces around them),
# and found several times faster by the stdlib engine: most texts need not run the hint at all
_SPACED_PAIR = re.compile(r" [a-z0-9.] [a-z0-9.] ")
_AT_WORDS = r"(?:at|arobase|arroba|chiocciola|klammeraffe)"
_SLASH_WORDS = r"(?:slash|schrägstrich|barre|barra|sbarra)"  # a spelled-out '/': a web address
_DOT_WORDS = r"(?:dot|punkt|point|punto)"
# The mail providers a spoken address may name: 'jane_doe at gmail', 'laura.mendez en gmail'
_MAIL_PROVIDERS = r"gmail|googlemail|hotmail|yahoo|outlook|icloud|gmx|protonmail|aol"
# A social handle after a word of following or mentioning ('follow @nordhaus.living') or the
# network's name ('notre Instagram @voltaro.maison') is a handle (SP105 reads it), not a local
# part spaced off an address; the word must stand on its own ('hello.to @nordhaus.de' is an
# address)
_HANDLE_BEFORE = (
    r"(?:follow|tag|find|dm|mention|folgt|folgen|suivez|síguenos|siguenos|seguici"
    r"|instagram|insta|tiktok|twitter|facebook|threads|pinterest|youtube|snapchat)"
)
_BRACKET_AT = regex.compile(
    rf"(?<!\s)\s*[\[\(\{{<]\s*(?:{_AT_WORDS}|@|ät)\s*[\]\)\}}>]\s*"
    rf"|(?<=[a-z0-9])(?<!(?<![\w.]){_HANDLE_BEFORE})\s+@\s*(?=[a-z0-9])"
    r"|(?<=[a-z0-9])\s*@\s+(?=[a-z0-9])",
    regex.V1,
)
# 'jane at mail dot com': only when a spelled-out dot follows too, so 'arrives at 5 pm' stays prose
# Words that stand before 'at' in prose, never an address's local part: 'find us at shop dot
# com', 'order direct at shop dot com' name a web address, not 'us@shop.com'
_PROSE_BEFORE_AT = (
    r"(?:us|me|direct|directly|online|here|there|available|it|them|sold|listed|stocked|visit"
    r"|find|look|order|buy|now|today|only|also|cheaper|more"
    # a shop or site at an address ('on our own store at greenleaftools dot com/parts')
    r"|store|site|website|webshop|webstore"
    # what a page shows ('a video of this at shop dot com slash fix'), never a local part
    r"|this|that|video|videos|clip|tutorial|demo|page|photos|pictures"
    r"|designs|products|models|styles|colours|colors|ideas|recipes|offers|deals)"
)
# 'but at this point it', 'and at that point de ...': after 'at', a determiner and a spelled
# 'point' are prose ('at this point'), never a domain; with 'dot' they may be one ('info at one
# dot com')
_PROSE_AFTER_AT = (
    r"(?:this|that|these|those|the|a|an|some|any|each|every|one|our|your|my|his|her|their|its"
    r"|least|last|first|once|all|which|what|no)\s+(?:[a-z0-9-]+\s+)?(?:point|punkt|punto)"
)
# A mail provider after 'at' makes any word before it a local part: 'write to store at gmail dot
# com' is store@gmail.com (a shop is not at gmail.com). The providers of `_MAIL_PROVIDERS`, and
# national ones that only this reading names
_MAIL_HOSTS = (
    rf"(?:{_MAIL_PROVIDERS}"
    r"|libero|virgilio|tiscali|wanadoo|laposte|t-online|freenet|yandex)"
)
_MAIL_HOST_AFTER_AT = rf"\s+{_AT_WORDS}\s+{_MAIL_HOSTS}\b"
_WORD_AT = regex.compile(
    rf"""(?x)
    (?<=[a-z0-9._-])(?:(?<!(?<![\w.]){_PROSE_BEFORE_AT})|(?={_MAIL_HOST_AFTER_AT}))
    \s+{_AT_WORDS}\s+(?!{_PROSE_AFTER_AT}\s)
    (?=[a-z0-9-]+
        (?:\s+{_DOT_WORDS}\s+                      # 'mail dot com'
          |\s*[\[\(\{{<]\s*{_DOT_WORDS}\s*[\]\)\}}>]\s*  # 'mail [dot] com', 'mail (dot) com'
        )[a-z]{{2,}}\b(?!/|\s+{_SLASH_WORDS}\b))    # 'at shop(dot)com/guide' is a link, and
                                                  # 'at help dot net slash pairing' too
    """,
    regex.V1,
)


# a label and another dot after 'www .': 'www .KETTLECO .com', not 'www .NET servers'
_LABEL_THEN_DOT = regex.compile(r"[A-Za-z0-9-]{1,63}[ \t]*\.", regex.V1)


def _www_host(original: str, start: int, end: int) -> bool:
    """Whether the dot at ``start:end`` follows 'www' and a label and another dot follow it."""
    return original[max(0, start - 3) : start].lower() == "www" and bool(
        _LABEL_THEN_DOT.match(original, end, end + 80)
    )


# Dots that separate the parts of a signature line ('Shop · shop.it · since 1978'), which the
# look-alike fold reads as '.'
_SEPARATOR_DOTS = frozenset("\u00b7\u2022\u2219\u22c5\u30fb")
_HOST_BEFORE = regex.compile(r"[A-Za-z0-9-]{1,63}\.[A-Za-z]{2,24}[ \t]*$", regex.V1)
# ... or beside an email address of its own ('Marta · ventas@hogarolmo.es'), its '@' perhaps a
# character reference
_LOCAL_PART_AFTER = regex.compile(
    r"[ \t]*[A-Za-z0-9._+-]{1,64}(?:@|&(?:\#0{0,4}64|\#x0{0,4}40|commat);)", regex.V1
)


def _same_case(text: NormalizedText, view: NormalizedText, match: regex.Match[str]) -> str:
    r"""Join a spaced-out dot only where the original reads as one address, not two sentences.

    'needs .NET' and 'arrived.\nAs' switch from lower to upper case across the dot: prose.
    'shop . com' and 'SHOP . COM' keep their case: an address, and so is 'www .KETTLECO .com'
    (nobody ends a sentence with 'www').
    """
    start, end = view.span(match.start(), match.end())
    original = text.original
    before = original[start - 1 : start] if start else ""
    after = original[end : end + 1]
    if before.islower() and after.isupper() and not _www_host(original, start, end):
        return match[0]
    if _SEPARATOR_DOTS.intersection(original[start:end]) and (
        _LABEL_THEN_DOT.match(original, end, end + 80)
        or _HOST_BEFORE.search(original, max(0, start - 80), start)
        or _LOCAL_PART_AFTER.match(original, end, end + 80)
    ):
        # 'Cicli Rossi · ciclirossi.it · dal 1978': a separator beside a host of its own
        return match[0]
    return "."


# Words that end a sentence's verb phrase before 'at', not an address's local part:
# 'our chart lives at shop dot com' is a web address, not an email.
_NOT_LOCAL_PART = frozenset(
    [
        "is",
        "are",
        "was",
        "be",
        "lives",
        "live",
        "living",
        "found",
        "find",
        "look",
        "looking",
        "located",
        "based",
        "available",
        "sold",
        "listed",
        "online",
        "here",
        "there",
        "us",
        "me",
        "it",
        "them",
        "shop",
        "store",
        "order",
        "buy",
        "visit",
        "visiting",
        "see",
        "posted",
        "hosted",
        "up",
        "down",
        "out",
    ]
)


def _at_sign(text: str, match: regex.Match[str]) -> str:
    before = text[max(0, match.start() - 40) : match.start()].split()
    if before and before[-1] in _NOT_LOCAL_PART and not _MAIL_HOST.match(text, match.end()):
        return match[0]
    return "@"


_MAIL_HOST = regex.compile(_MAIL_HOSTS + r"\b", regex.V1)


# A dot before a space or a line break ends most sentences of a message ('your order.\nThanks'):
# with no other sign of a spaced-out dot, `_SPACED_DOT` can match only where the next line goes
# on with a dotted host or a suffix, or where a suffix stands spaced from a dot ('shop.  com',
# 'shop.\tcom').
_DOT_BEFORE_SPACE_HINT = re.compile(
    r"\.[ \t]*\r?\n[ \t]*(?:[a-z0-9-]{1,63}\.[a-z0-9]|com|net|org|info|biz|co|uk)"
    r"|\.[ \t]+(?:com|net|org|info|biz)"
)
# ... or a 'www.' address broken over a line before a two-letter suffix, looked for only in a
# text with 'www.'
_WWW_BROKEN_HINT = re.compile(r"www\.[a-z0-9-]{1,63}\.[ \t]*\r?\n[ \t]*[a-z]{2}\b")


def _dot_may_be_spaced(s: str) -> bool:
    """Whether a dot before a space or line break in ``s`` may be an address's (`_SPACED_DOT`)."""
    return bool(_DOT_BEFORE_SPACE_HINT.search(s) or ("www." in s and _WWW_BROKEN_HINT.search(s)))


# Substring tests for the spelled-out dots of `_WORD_DOT` and `_BRACKET_DOT`, in one pass each.
_SPELLED_DOT_HINT = re.compile(" (?:dot|d0t|punkt|point|punto) |[-_]d[o0]t[-_]")
_BRACKETED_DOT_WORD_HINT = re.compile(r"dot[\])}>]|punkt[\])]")
# What `_BRACKET_AT` and `_BRACKET_DOT` need: an opening bracket and what it disguises, or for
# `_BRACKET_AT` an '@' with a space next to it. The stdlib `\s` holds every character the `regex`
# one does; starting with '@' lets the stdlib engine skip to each '@' in C, so a text dense with
# plain emails ('b@c.com') is not read by `_BRACKET_AT` at every position.
_BRACKETED_AT_HINT = re.compile(rf"[\[({{<]\s*(?:{_AT_WORDS}|ät|@)")
_SPACED_AT_HINT = re.compile(r"@(?:(?<=\s@)|\s)")
_BRACKETED_DOT_HINT = re.compile(r"[\[({<]\s*(?:dot|punkt|point|punto|\.)")
# ... and either, in one pass (`_may_rewrite`)
_BRACKETED_HINT = re.compile(rf"[\[({{<]\s*(?:{_AT_WORDS}|ät|@|dot|punkt|point|punto|\.)")


# The text that the hint of each rewrite of `contact_view` below needs, all of it: the literal
# part, found in one pass of an automaton, and the few hints that are patterns. Most messages
# hold none of it and are their own contact view, for the price of a few searches. (The hints of
# one character are tested on their own first, in C: a text dense with one, such as a megabyte
# of '@', then makes no list of matches.)
_BRACKETS = "[({<"
_REWRITE_TEXTS = (
    *("xxp", "**p"),  # a defanged scheme
    *(" dot ", " punkt ", " point ", " punto ", " d0t "),  # spelled-out dots
    *("-dot-", "_dot_", "-d0t-", "_d0t_"),  # a dot spelled between hyphens or underscores
    *("dot]", "dot)", "dot}", "dot>", "punkt]", "punkt)"),  # bracketed dot words
    *(" /", "/ ", " slash "),  # a spaced-out path
    *(" .", "\t.", "\n."),  # spaced-out dots
    *("&#", "&commat;", "&period;", "&sol;"),  # punctuation written as HTML references
)
_REWRITE_FINDER = ahocorasick_rs.AhoCorasick(_REWRITE_TEXTS)


def _may_rewrite(s: str) -> bool:
    """Whether a rewrite of `contact_view` may apply to ``s``: false only when none can.

    Every rewrite runs only when one of these holds of the text (or of the view so far, which
    is the text while no rewrite has applied): a spaced '@' or a bracket before an '@' or a dot
    (spelled out or not), a look-alike letter, single characters spaced out, a dot before a
    space that may be spaced out (a 'www.' address's too), or one of `_REWRITE_TEXTS`. A
    bracket or an '@' alone is common ('(see photo)', 'jane@mail.com'): their own hints are
    looked at before the rewrites run.
    """
    if "@" in s and _SPACED_AT_HINT.search(s):
        return True
    if any(map(s.__contains__, _BRACKETS)) and _BRACKETED_HINT.search(s):
        return True
    if not s.isascii() and _MAYBE_LOOKALIKE.search(s):  # isascii is O(1); a look-alike is not
        return True
    if _SPACED_PAIR.search(s) or _dot_may_be_spaced(s):
        return True
    try:
        return bool(_REWRITE_FINDER.find_matches_as_indexes(s))
    except UnicodeEncodeError:  # a lone surrogate, which the automaton cannot read
        return True


def contact_view(text: NormalizedText) -> NormalizedText:
    """The normalised text with spelled-out and spaced-out ``.``/``@`` written plainly.

    Each replacement keeps its map back to the original and records how it was disguised.
    """
    return _rewritten(text) if _may_rewrite(text.text) else text


# A hyphen spelled out inside a spelled-out address ('support at voltbench hyphen tools dot co
# dot uk'); read only where a spelled-out dot is, so 'a dash of salt' stays prose
_HYPHEN_WORDS = (" hyphen ", " dash ", " bindestrich ", " tiret ", " guion ", " guión ",
                 " trattino ")  # fmt: skip
_WORD_HYPHEN = regex.compile(
    r"(?<=[a-z0-9])\s+(?:hyphen|dash|bindestrich|tiret|gui[oó]n|trattino)\s+(?=[a-z0-9])",
    regex.V1,
)


# A note in brackets on how to write an address out, inside a spelled-out one (bounded: linear)
_SPELLING_NOTE = regex.compile(
    r"""(?x)[ \t]{0,3}\(\s{0,3}(?:
        (?:all\s{1,3})?(?:one\s{1,3}word|lower\s{0,3}case|no\s{1,3}spaces|together)
      | tout\s{1,3}attach[ée]e? | en\s{1,3}un\s{1,3}(?:seul\s{1,3})?mot | todo\s{1,3}junto
      | (?:en\s{1,3})?una\s{1,3}(?:sola\s{1,3})?palabra | tutto\s{1,3}attaccato
      | (?:in\s{1,3})?una\s{1,3}(?:sola\s{1,3})?parola | zusammen(?:geschrieben)?
      | (?:in\s{1,3})?einem\s{1,3}wort | klein(?:geschrieben)?
    )\s{0,3}\)""",
    regex.V1,
)


def _letters_plain(text: NormalizedText) -> NormalizedText:
    """The text with letter-spaced words joined, look-alikes by an address folded, 'hxxp' mended.

    Each rewrite runs only when a cheap substring test says it might match: most messages
    contain none of these disguises, and skipping a regular-expression pass is the saving.
    """
    s = text.text
    view = text
    if _SPACED_PAIR.search(s) and _LETTER_SPACED_HINT.search(s):
        view = view.sub(_LETTER_SPACED, lambda m: m[0].replace(" ", ""), "letter-spaced text")
    if _MAYBE_LOOKALIKE.search(s):
        view = view.sub(_LOOKALIKE_RUN, _fold_by_address, "look-alike letters")
        s = view.text
    if "xxp" in s or "**p" in s:
        view = view.sub(_HXXP, r"http\1", "defanged 'hxxp' scheme")
    return view


# The punctuation of an address written as an HTML character reference in plain text
# ('ventas&#64;hogarolmo.es', 'shop&#46;com', 'shop&period;com'); an HTML body has them decoded
# already (`normalize_html`)
_PUNCT_REFERENCE = regex.compile(
    r"&(?:\#(?:0{0,4}(?:64|46|47|58)|x0{0,4}(?:40|2e|2f|3a))|commat|period|sol|colon);", regex.V1
)
_REFERENCED = {"64": "@", "40": "@", "commat": "@", "46": ".", "2e": ".", "period": "."}
_REFERENCED |= {"47": "/", "2f": "/", "sol": "/", "58": ":", "3a": ":", "colon": ":"}


def _referenced(match: regex.Match[str]) -> str:
    """The character a reference of `_PUNCT_REFERENCE` stands for ('&#x40;', '&#64;' -> '@')."""
    return _REFERENCED[match[0][1:-1].removeprefix("#").removeprefix("x").lstrip("0")]


def _spelled_marks(view: NormalizedText) -> NormalizedText:
    """A text with a spelled-out dot: its spelling notes dropped, its spelled-out hyphens written.

    'hello at ironpeakstrength (all one word) dot com', 'support at voltbench hyphen tools dot
    co dot uk'.
    """
    s = view.text
    if "(" in s and _SPELLING_NOTE.search(s):
        view = view.sub(_SPELLING_NOTE, "", "spelling note")
        s = view.text
    if any(w in s for w in _HYPHEN_WORDS):
        view = view.sub(_WORD_HYPHEN, "-", "spelled-out hyphen")
    return view


def _rewritten(text: NormalizedText) -> NormalizedText:
    """`contact_view` of a text that `_may_rewrite`."""
    view = _letters_plain(text)
    if "&" in view.text and _PUNCT_REFERENCE.search(view.text):
        view = view.sub(_PUNCT_REFERENCE, _referenced, "HTML character references")
    s = view.text
    spelled_dot = _SPELLED_DOT_HINT.search(s) is not None
    bracket_dot = _BRACKETED_DOT_WORD_HINT.search(s) is not None
    if spelled_dot:
        view = _spelled_marks(view)
        s = view.text
    if (spelled_dot or bracket_dot) and any(
        w in s for w in (" at ", "arobase", "arroba", "chiocciola", "klammeraffe")
    ):
        plain = view
        view = plain.sub(_WORD_AT, lambda m: _at_sign(plain.text, m), "spelled-out '@'")
    brackets = any(c in s for c in _BRACKETS)
    # most brackets in a message hold words, not an '@' or a dot: the hints say where they can
    t = view.text
    if (brackets or "@" in s) and (
        ("@" in t and _SPACED_AT_HINT.search(t)) or (brackets and _BRACKETED_AT_HINT.search(t))
    ):
        view = view.sub(_BRACKET_AT, "@", "spelled-out '@'")
    if brackets and _BRACKETED_DOT_HINT.search(view.text):
        view = view.sub(_BRACKET_DOT, ".", "spelled-out dots")
    if spelled_dot:
        view = view.sub(_WORD_DOT, ".", "spelled-out dots")
        if "-at-" in view.text or "_at_" in view.text:
            view = view.sub(_HYPHEN_AT, "@", "spelled-out '@'")
    if " /" in s or "/ " in s or " slash " in s:
        view = view.sub(_SPACED_PATH, _join_path, "spaced-out slashes")
    t = view.text
    if " ." in t or "\t." in t or "\n." in t or _dot_may_be_spaced(t):
        spaced = view
        view = spaced.sub(_SPACED_DOT, lambda m: _same_case(text, spaced, m), "spaced-out dots")
    return view


# --- links -----------------------------------------------------------------------------------

_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_LINK = re.compile(  # stdlib re: 2.5x faster here (benchmarks/speed.py)
    rf"""(?x)
    (?<![\w@./-])                                   # not inside another token or an email
    (?:
        (?P<scheme>(?:https?|ftp)://)               # an explicit scheme ...
        (?:[^\s/?\#@<>"']{{1,256}}@)?                 # ... maybe 'user@': amazon.com@evil.com ...
        (?P<shost>(?:{_LABEL}\.)*{_LABEL})          # ... and the real host
      |
        (?P<www>www\d?\.)                           # 'www.' ...
        (?P<whost>(?:{_LABEL}\.)+{_LABEL})          # ... and a dotted host
      |
        (?P<host>(?:{_LABEL}\.){{1,5}}[a-z][a-z0-9-]{{1,24}})  # a bare domain
    )
    (?P<port>:\d{{1,5}})?
    (?P<path>[/?\#][^\s<>"'`]{{0,2000}})?           # path, query or fragment
    (?![\w-])                                       # the host or path ends here
    """,
    re.VERBOSE,
)
_TRAILING = ".,;:!?)]}'\""

# File names whose extension is also a top-level domain: 'manual.zip' is a file, not a site.
_FILE_EXTENSIONS = frozenset(
    {"zip", "mov", "md", "py", "sh", "rs", "pl", "ps", "ai", "cc", "mp", "so", "app", "doc", "ink"}
)
# Common words that, followed by a stray dot and a country code, make 'it.it' or 'me.to'.
_STOP_LABELS = frozenset(
    [
        "a",
        "about",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "but",
        "by",
        "can",
        "do",
        "does",
        "done",
        "for",
        "from",
        "get",
        "got",
        "had",
        "has",
        "have",
        "he",
        "her",
        "here",
        "him",
        "his",
        "how",
        "i",
        "if",
        "in",
        "is",
        "it",
        "its",
        "just",
        "me",
        "more",
        "my",
        "no",
        "not",
        "now",
        "of",
        "ok",
        "okay",
        "on",
        "one",
        "or",
        "our",
        "out",
        "see",
        "she",
        "so",
        "some",
        "that",
        "the",
        "them",
        "then",
        "there",
        "they",
        "this",
        "to",
        "too",
        "up",
        "us",
        "was",
        "we",
        "well",
        "were",
        "what",
        "when",
        "which",
        "who",
        "will",
        "with",
        "you",
        "your",
        "yes",
        "thanks",
        "thank",
        "please",
        "hi",
        "hello",
        "regards",
        "again",
        "day",
        "days",
        "order",
        "item",
        "items",
        "soon",
        "today",
        "tomorrow",
        "time",
        "week",
    ]
)
# Generic top-level domains common enough to trust in a bare domain ('mybrand.shop').
_TRUSTED_GENERIC = frozenset(
    """com net org info biz shop store online site app xyz club top tech
    co io me tv cc eu asia pro name mobi boutique deals sale fashion design""".split()  # noqa: SIM905 - reads best as words
)


@functools.cache
def _psl() -> PublicSuffixList:
    # Built once: the package ships its own snapshot of the list and never downloads.
    return PublicSuffixList(only_icann=True, accept_unknown=False)


@functools.lru_cache(maxsize=4096)
def _suffix(host: str) -> str | None:
    suffix: str | None = _psl().publicsuffix(host)
    return suffix


@functools.lru_cache(maxsize=4096)  # the same domain written again is judged once
def _bare_domain_plausible(host: str, suffix: str, original: str) -> bool:  # noqa: PLR0911
    # one early exit per kind of look-alike reads better than one long boolean expression
    labels = host.split(".")
    if len(labels) <= len(suffix.split(".")):
        return False  # the whole host is a public suffix ('co.uk')
    name = labels[-len(suffix.split(".")) - 1]
    if not any(c.isalpha() for c in name):
        return False  # '1.5kg', 'v2.0' never get here, but '10.de' should not either
    tld = suffix.rsplit(".", 1)[-1]
    if tld in _FILE_EXTENSIONS and len(labels) == 2:  # noqa: PLR2004 - name.ext
        return False
    if len(tld) != 2 and tld not in _TRUSTED_GENERIC:  # noqa: PLR2004 - country codes
        return False
    if name in _STOP_LABELS and len(labels) == 2:  # noqa: PLR2004 - 'it.it', 'me.to'
        return False
    if original.isupper() and len(name) <= 3:  # noqa: PLR2004 - 'ASP.NET', 'VB.NET': acronyms
        return False
    if len(name) <= 3 and any(c.isdigit() for c in name):  # noqa: PLR2004 - model codes
        return False  # 'X5.Pro', 'S10.plus': a model's name, not a site
    if original.isupper() and len(tld) == 2 and _MODEL_CODE.fullmatch(name):  # noqa: PLR2004
        return False  # 'K-380.FR': a keyboard's model and its layout, in capitals (fresh_jt)
    if _titled_model(original, tld):
        return False
    # 'order.Best regards': a lowercase word, a dot and a capital is a missing space, but not
    # before a suffix that is no word of prose ('myshop.Com', 'MyShop.Co.Uk')
    # and so is 'the £8.33 VAT.It should appear': an acronym of three letters at most, a dot and
    # a word in title case ('LAMPEN.It' and 'MYSHOP.De' are shops written in capitals)
    dot = original.rfind(".")
    after = original[dot + 1 :]
    acronym = original[:dot].isupper() and dot <= _ACRONYM and after.istitle()
    return not (
        dot > 0
        and (original[dot - 1].islower() or acronym)
        and after[:1].isupper()
        and after.lower() not in _TITLE_CASE_SUFFIXES
    )


_ACRONYM = 3  # letters of an acronym before a sentence run on after its dot ('VAT.It')
# a model code: a few letters, a hyphen and a number ('k-380', 'hu-300'; bounded: linear)
_MODEL_CODE = regex.compile(r"[a-z]{1,3}-\d{1,5}[a-z]?", regex.V1)
_TITLED_DOTS = frozenset({"Dot", "Punkt", "Point", "Punto"})


def _titled_model(original: str, tld: str) -> bool:
    """Whether a spelled-out dot and a generic suffix, both in title case, name a model.

    'a new Dot Pro case', 'the Echo Dot Pro': a product line's name, where an address spelled
    out to slip past a filter is written 'shop dot pro' or 'CaseCraft Dot Com' (a suffix that
    title case leaves an address, `_TITLE_CASE_SUFFIXES`) or ends in a country's code.
    """
    words = original.split()
    return (
        len(words) >= 3  # noqa: PLR2004 - a name, the dot, the suffix
        and words[-2] in _TITLED_DOTS
        and words[-1].istitle()
        and len(tld) > 2  # noqa: PLR2004 - a country's code is an address whatever its case
        and tld not in _TITLE_CASE_SUFFIXES
    )


# Suffixes written in title case after a lower-case name are an address ('myshop.Com'), where
# 'arrived.It' and 'gracias.De' are sentences run together.
_TITLE_CASE_SUFFIXES = frozenset(
    {"com", "net", "org", "uk", "shop", "store", "online", "info", "biz"}
)


# The dot of 'x.y', or '://'. Starting with the dot (its neighbours read by lookarounds) lets
# the stdlib engine skip to the next '.' or ':' in C: three times faster than `[a-z0-9]\.[a-z]`,
# which it tries at every letter.
_LINK_HINT = re.compile(r"\.(?<=[a-z0-9]\.)(?=[a-z])|://")
# Its first alternative alone, whose one literal first character lets the engine skip to each
# '.' faster still: the hints are counted as its matches and the text's '://' (`find_links`).
_DOT_HINT = re.compile(r"\.(?<=[a-z0-9]\.)(?=[a-z])")
_SPACE = re.compile(r"[ \t\n\r]")
_LAST_SPACE = regex.compile(r"[ \t\n\r]", regex.V1 | regex.REVERSE)


# Runs closer than this are read in one stretch. Reading the characters between two runs costs
# the pattern about as much as a stretch of its own costs Python when they are some 40 apart.
_NEAR_RUNS = 40


def _chunks(s: str, hints: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """Stretches of ``s`` that hold every run between spaces with a match of ``hints``.

    A match of `_LINK` or `_EMAIL` holds no whitespace and a hint ('x.y', '://', '@'), so it
    lies in a run with a hint, and the pattern finds the same matches in a stretch that starts
    and ends at such a run's edges as in the whole text (its lookbehind reads before the
    stretch, and at the stretch's end, as at a space, its lookahead succeeds). Most of a
    message is prose without a hint: the pattern, tried at every position, then reads a few
    short stretches only. Runs less than `_NEAR_RUNS` characters apart make one stretch, so
    that text dense with addresses is read in a few passes, not one per address. Each run is
    found from the hint inside it, searching no further back than the end of the run before:
    this stays linear. Where hints stand less than `_NEAR_RUNS` characters apart on average (a
    text dense with addresses), the stretches would cover nearly all of it anyway: the whole
    text is then one stretch, read without a step per hint.
    """
    if len(hints.findall(s)) * _NEAR_RUNS >= len(s):
        if s:
            yield 0, len(s)
        return
    done = 0
    stretch: tuple[int, int] | None = None
    for hint in hints.finditer(s):
        at = hint.start()
        if at < done:
            continue  # a further hint in the run already found
        after = _SPACE.search(s, hint.end())
        if stretch is not None and at - done <= _NEAR_RUNS:
            done = after.start() if after else len(s)
            stretch = (stretch[0], done)
            continue
        if stretch is not None:
            yield stretch
        before = _LAST_SPACE.search(s, done, at)
        start = before.end() if before else done
        done = after.start() if after else len(s)
        stretch = (start, done)
    if stretch is not None:
        yield stretch


class _LinkShape(NamedTuple):
    """What a match of `_LINK` is, from its text alone."""

    drop: int  # how many trailing characters to drop
    value: str  # the match without them: the evidence
    host: str  # the host as matched
    bare_host: str  # the host for the evidence
    explicit: bool  # written with a scheme, 'www.' or a path
    suffix: str | None  # to check a bare domain's plausibility against (`None`: no check)


def _link_shape(matched: re.Match[str]) -> _LinkShape | None:
    """What a match of `_LINK` is, from its text alone; ``None`` if it is no address."""
    start, end = matched.span()
    trimmed = end
    s = matched.string
    while trimmed > start and s[trimmed - 1] in _TRAILING:
        trimmed -= 1
    scheme, www, path, shost, whost, bare = matched.group(
        "scheme", "www", "path", "shost", "whost", "host"
    )
    host = shost or whost or bare
    explicit = bool(scheme or www or path)
    if www:
        host = f"www.{host}"  # keep 'www.' in the host so subdomain matching still works
    suffix = None
    if not scheme:
        suffix = _suffix(host)
        if suffix is None:
            return None
    return _LinkShape(
        end - trimmed,
        s[start:trimmed],
        host,
        host.removeprefix("www.").removeprefix("www2."),
        explicit,
        None if explicit else suffix,
    )


# Getters of fields: mapped over a list, they run in C.
_VALUE = operator.attrgetter("value")
_BARE_HOST = operator.attrgetter("bare_host")
_EXPLICIT = operator.attrgetter("explicit")
_NEW_EVIDENCE = functools.partial(tuple.__new__, Evidence)
"""An `Evidence` of a tuple of its fields, made in C: mapped over a text dense with addresses."""


_REMEMBERED_RUN = 256  # longer runs between spaces are read without being remembered


def _run_links(run: str) -> tuple[tuple[int, int, _LinkShape], ...]:
    """The links of a run between spaces, read alone: the same wherever the run stands.

    A match of `_LINK` holds no whitespace, and its lookarounds read one character on either
    side, where a space and the edge of the text read alike. The same runs turn up again and
    again ('www.amazon.com', 'manual.pdf', 'e.g.'): a short one is read once and remembered.

    Returns:
        The start, the end (less the trailing characters dropped) and the shape of each link.
    """
    return _remembered_run_links(run) if len(run) <= _REMEMBERED_RUN else _read_run_links(run)


def _read_run_links(run: str) -> tuple[tuple[int, int, _LinkShape], ...]:
    links = []
    shapes: dict[str, _LinkShape | None] = {}  # a run may repeat an address
    for m in _LINK.finditer(run):
        if m[0] not in shapes:
            shapes[m[0]] = _link_shape(m)
        shape = shapes[m[0]]
        if shape is not None:
            links.append((m.start(), m.end() - shape.drop, shape))
    return tuple(links)


_remembered_run_links = functools.lru_cache(maxsize=4096)(_read_run_links)


def _links_by_piece(s: str) -> tuple[list[int], list[int], list[_LinkShape]]:
    """The matches of `_LINK` in ``s``, read once per distinct run between spaces.

    A text dense with addresses repeats them, so each distinct run is matched once (`_run_links`)
    and its matches are put at every place it stands, column by column in C: a megabyte of one
    address costs one match and a few passes of `map`.

    Returns:
        The starts, the ends (less the trailing characters dropped) and the shapes of the links.
    """
    pieces = s.split(" ")  # in C; a run may hold other whitespace, and is then matched whole
    starts_of = itertools.accumulate(
        map(operator.add, map(len, pieces), itertools.repeat(1)), initial=0
    )
    found_in: dict[str, tuple[tuple[int, int, _LinkShape], ...]] = {}
    for piece in dict.fromkeys(pieces):
        if "." not in piece and "://" not in piece:  # every match holds one (`_LINK_HINT`)
            continue
        links = _run_links(piece)
        if links:
            found_in[piece] = links
    if not found_in:
        return [], [], []
    kept = list(map(found_in.__contains__, pieces))
    held = itertools.compress(pieces, kept)
    piece_starts = itertools.compress(starts_of, kept)
    if all(len(links) == 1 for links in found_in.values()):  # one link a run, as a rule
        only = {piece: links[0] for piece, links in found_in.items()}
        entries = list(map(only.__getitem__, held))
        bases = list(piece_starts)
    else:
        lists = list(map(found_in.__getitem__, held))
        entries = list(itertools.chain.from_iterable(lists))
        bases = list(
            itertools.chain.from_iterable(map(itertools.repeat, piece_starts, map(len, lists)))
        )
    return (
        list(map(operator.add, map(FIRST, entries), bases)),
        list(map(operator.add, map(SECOND, entries), bases)),
        list(map(THIRD, entries)),
    )


def _links_by_run(
    s: str, hints: Iterable[re.Match[str]] | None = None
) -> tuple[list[int], list[int], list[_LinkShape]]:
    """`_links_by_piece` of a text with few hints: only the runs that hold one are read.

    Each run is found from the hint inside it, searching back no further than the end of the
    run before: this stays linear. ``hints`` are the matches of `_LINK_HINT` in ``s`` if the
    caller has them already.
    """
    starts: list[int] = []
    ends: list[int] = []
    found: list[_LinkShape] = []
    done = 0  # the end of the last run read (a space), or the start of the text
    for hint in _LINK_HINT.finditer(s) if hints is None else hints:
        at = hint.start()
        if at < done:
            continue  # a further hint in the run already read
        space = s.rfind(" ", done, at)
        start = space + 1 if space >= 0 else done
        end = s.find(" ", hint.end())
        done = end if end >= 0 else len(s)
        for link_start, link_end, shape in _run_links(s[start:done]):
            starts.append(start + link_start)
            ends.append(start + link_end)
            found.append(shape)
    return starts, ends, found


def find_links(text: NormalizedText, view: NormalizedText | None = None) -> list[Evidence]:
    """Web addresses in the text: URLs, ``www.`` forms and bare domains with a real suffix."""
    view = view if view is not None else contact_view(text)
    s = view.text
    # Where addresses are dense, runs repeat: each distinct one is matched once. Elsewhere the
    # pattern reads only the runs that hold one of the few hints.
    dots = list(_DOT_HINT.finditer(s))
    schemes = s.count("://")  # '://' holds no dot: they never overlap
    hints = len(dots) + schemes
    if not hints:
        return []  # every match holds a hint: most messages have none
    dense = hints * _NEAR_RUNS >= len(s)
    if dense:
        starts, ends, found = _links_by_piece(s)
    else:  # without a '://', the dots are every hint, found already
        starts, ends, found = _links_by_run(s, None if schemes else dots)
    if not found:
        return []
    # The work per occurrence is done column by column, mostly in C: each distinct address,
    # with the original text it was read from, is judged once.
    ostarts, oends = view.spans(starts, ends)
    originals = list(sliced(text.original, ostarts, oends))
    if any(shape.suffix is not None for shape in dict.fromkeys(found)):
        # a bare domain (not explicit) is all host: the match starts with it
        keys = list(zip(found, originals, strict=True))
        verdicts = {
            (shape, original): shape.suffix is None
            or _bare_domain_plausible(shape.host, shape.suffix, original)
            for shape, original in dict.fromkeys(keys)
        }
        plausible = list(map(verdicts.__getitem__, keys))
        if not all(plausible):
            found = list(itertools.compress(found, plausible))
            starts = list(itertools.compress(starts, plausible))
            ends = list(itertools.compress(ends, plausible))
            ostarts = list(itertools.compress(ostarts, plausible))
            oends = list(itertools.compress(oends, plausible))
            originals = list(itertools.compress(originals, plausible))
    return list(
        map(
            _NEW_EVIDENCE,
            zip(
                ostarts,
                oends,
                map(_VALUE, found),
                map(_BARE_HOST, found),
                view.disguises_each(starts, ends, originals),
                itertools.repeat(""),
                map(_EXPLICIT, found),
            ),
        )
    )


# --- emails ----------------------------------------------------------------------------------

_EMAIL_PATTERN = rf"""(?x)
    (?<![\w.%+/-])                # not inside a word, nor right after '://' (a URL's user part)
    (?P<local>[a-z0-9](?:[a-z0-9._%+-]{{0,63}}[a-z0-9_%+-])?)
    @
    (?P<host>(?:{_LABEL}\.){{1,5}}[a-z][a-z0-9-]{{1,24}})
    (?![\w-])
    """
_EMAIL = regex.compile(_EMAIL_PATTERN, regex.V1)
# The same pattern in the stdlib engine, several times faster, for ASCII text only: there `\w` is
# `[a-zA-Z0-9_]` in both engines, and the matches are the same. Elsewhere the engines' `\w`
# differ (the `regex` one also holds combining marks).
_EMAIL_ASCII = re.compile(_EMAIL_PATTERN)


_AT = re.compile("@")

# Addresses read out loud: 'hello at sunleaf organics com', 'my gmail is harbourlane.fiona'.
_SPOKEN_EMAIL = regex.compile(
    r"""(?x)
    (?<![\w.])
    (?!"""
    + _PROSE_BEFORE_AT  # not 'find us at ...'
    + r"""\s)
    [a-z0-9][a-z0-9._%+-]{0,63}
    \s+(?:at|arobase|arroba|chiocciola)\s+
    (?!"""
    + _PROSE_AFTER_AT
    + r"""\s)
    (?:
        # 'jane_doe at gmail', 'mail: jane at gmail.com': a mail provider, after a local part
        # that only an address has (a digit, '.', '_') or a local part a word of mail labels;
        # 'check your email at gmail', 'your email address at outlook' name no local part
        (?<=(?:[0-9._][a-z0-9._%+-]{0,63}
              |(?:e-?mail|mail|address|adresse|correo|indirizzo)\b
               (?:\s+(?:me|us))?(?:\s*[:=]|\s+(?:is|ist|es|est|è|at|to|an|à|a))?\s+
               (?!(?:address|adresse|account|inbox|you|your|us|me)\b)[a-z0-9][a-z0-9._%+-]{0,63})
             \s+(?:at|arobase|arroba|chiocciola)\s+)
        (?:"""
    + _MAIL_PROVIDERS
    + r""")
        (?:\.(?:com|net|de|fr|it|es|co\.uk))?\b
        (?!\s*(?:\.|dot\b|punkt\b|point\b|punto\b))   # the spelled-out form is read below
      |
        # 'assistenza chiocciola ricambiferraresi.it': a word that can only mean '@' before a
        # domain written with its dot
        (?<=(?:arobase|arroba|chiocciola)\s+)
        [a-z0-9-]{2,63}\.(?:com|net|org|info|io|eu|de|fr|es|it|nl|ch|be|at|co\.uk)\b
      |
        [a-z0-9-]{2,63}(?:\s+[a-z0-9-]{2,63})?       # the domain, perhaps split in two words
        \s+(?:
            (?:dot|punkt|point|punto)\s+  # 'dot it', 'point io'
            (?:com|net|org|info|io|eu|de|fr|es|it|nl|ch|be|co\s+uk)
          | (?:com|net|org|co\s+uk)                      # a bare 'com': never an English word
        )\b
        (?!\s+"""
    + _SLASH_WORDS
    + r"""\b)                                  # 'help dot net slash pairing' is a web address
    )
  |
    # not 'outlook', 'yahoo', 'aol', which are words too ('the outlook is bright'): with those,
    # only `_PROVIDER_SAID`'s address-shaped local part is read
    \b(?:my|our|the)\s+(?:gmail|googlemail|hotmail|icloud|gmx|protonmail|web\.de)
    (?:\s+(?:address|account|handle))?(?:\s+is\s+|\s*[:,]\s+)[a-z0-9][a-z0-9._-]{2,63}[a-z0-9]
    """,
    regex.V1,
)
# 'mi trovi su gmail come mario.rossi82', 'on Gmail as j.smith', 'gmail: k_weber': a local part
# that only an address has (names joined by dots or underscores, the last of three letters at
# least and no file's extension: 'Gmail as invoice.pdf', 'libero: c.a 200 GB' are none; nor
# letters then digits alone, 'Outlook: Office365') said after the provider, in any language.
# Read apart from `_SPOKEN_EMAIL`, only where a provider is named: one more branch there costs
# every text with an 'at' (bounded: linear)
_PROVIDERS = (*_MAIL_PROVIDERS.split("|"), "libero")  # the providers `_PROVIDER_SAID` names
_PROVIDER_SAID = regex.compile(
    r"""(?x)
    \b(?:"""
    + "|".join(_PROVIDERS)
    + r""")
    (?:\s+(?:address|account|adresse|indirizzo|konto|cuenta))?
    (?:\s+(?:is|ist|es|est|è|c'est|as|als|come|como|comme|unter|sous)\s+|\s*[:=]\s*)
    (?:[a-z][a-z0-9]{0,29}[._]){1,3}
    (?!(?:pdf|ics|csv|vcf|txt|docx?|xlsx?|pptx?|png|jpe?g|gif|zip|eml|msg|pst|html?)\b)
    [a-z]{3,30}[0-9]{0,8}\b(?![.@_-]?\w)
    """,
    regex.V1,
)
_SPOKEN_HINTS = (" at ", "arobase", "arroba", "chiocciola", "web.de", *_PROVIDERS)


# Words one of which every match of `_SPOKEN_EMAIL` holds: a suffix or spelled-out dot after
# the domain of a spoken address, a mail provider, or a word that can only mean "@".
_SPOKEN_ENDS = ("com", "net", "org", "uk", "dot", "punkt", "point", "punto",
                "arobase", "arroba", "chiocciola", "web.de", *_PROVIDERS)  # fmt: skip


# Whether any of several words occurs, in one pass in Rust rather than a substring test each.
_SPOKEN_HINT_FINDER = ahocorasick_rs.AhoCorasick(_SPOKEN_HINTS)
_SPOKEN_END_FINDER = ahocorasick_rs.AhoCorasick(_SPOKEN_ENDS)
_PROVIDER_FINDER = ahocorasick_rs.AhoCorasick(_PROVIDERS)


def _occurs(finder: ahocorasick_rs.AhoCorasick, words: tuple[str, ...], s: str) -> bool:
    """Whether one of ``words`` occurs in ``s``, read by ``finder``, their automaton."""
    try:
        return bool(finder.find_matches_as_indexes(s))
    except UnicodeEncodeError:  # a lone surrogate, which the automaton cannot read
        return any(w in s for w in words)


# An address said in pieces with commas between them ('claire point moreau, arobase, orange,
# point f r'): the commas around a spelled-out '@' or dot, and a two-letter suffix spelled
# letter by letter, are read away (bounded runs: linear)
_SPOKEN_COMMA = regex.compile(
    r"[ \t]{0,3},[ \t]{1,3}(?=(?:at|arobase|arroba|chiocciola|dot|punkt|point|punto)\b)"
    r"|(?<=\b(?:arobase|arroba|chiocciola)),(?=[ \t])",
    regex.V1,
)
_SPOKEN_SUFFIX_LETTERS = regex.compile(
    r"(?<=\b(?:dot|punkt|point|punto)[ \t])([a-z])[ \t]([a-z])\b", regex.V1
)


# 'laura.mendez en gmail punto com': the Spanish 'en' for '@', read only between a local part
# that only an address has (a dot or an underscore in it) and a mail provider (bounded: linear)
_SPOKEN_EN_EMAIL = regex.compile(
    r"""(?x)(?<![\w.])[a-z0-9][a-z0-9%+-]{0,40}[._][a-z0-9._%+-]{0,40}
    \s+en\s+(?:"""
    + _MAIL_PROVIDERS
    + r""")
    (?:\s+(?:punto|dot)\s+(?:com|es|net)|\.(?:com|es|net))\b""",
    regex.V1,
)


def _spoken_emails(view: NormalizedText) -> list[Evidence]:
    s = view.text
    if not _occurs(_SPOKEN_HINT_FINDER, _SPOKEN_HINTS, s):
        return []
    if not _occurs(_SPOKEN_END_FINDER, _SPOKEN_ENDS, s):
        return []
    if "," in s:
        view = view.sub(_SPOKEN_COMMA, " ", "spoken-out address")
        view = view.sub(_SPOKEN_SUFFIX_LETTERS, r"\1\2", "spoken-out address")
        s = view.text
    out = []
    matches = list(_SPOKEN_EMAIL.finditer(s))
    if "en " in s:  # 'en' after a space or a line break
        matches += _SPOKEN_EN_EMAIL.finditer(s)
    if _occurs(_PROVIDER_FINDER, _PROVIDERS, s):
        read = SpanSet(m.span() for m in matches)
        matches += (m for m in _PROVIDER_SAID.finditer(s) if not read.overlaps(*m.span()))
    for m in sorted(matches, key=lambda m: m.start()):
        ostart, oend = view.span(*m.span())
        disguises = tuple(sorted({*view.disguises(*m.span()), "spoken-out address"}))
        out.append(Evidence(ostart, oend, m[0], disguises=disguises))
    return out


def find_emails(text: NormalizedText, view: NormalizedText | None = None) -> list[Evidence]:
    """Email addresses, including ``jane [at] mail [dot] com`` and spoken-out forms."""
    view = view if view is not None else contact_view(text)
    # spoken forms are read before 'dot' becomes '.', so 'look at shop.com' stays prose
    found: list[Evidence] = _spoken_emails(text)
    if "@" not in view.text:
        return found
    spoken = SpanSet((e.start, e.end) for e in found)
    s = view.text
    pattern = _EMAIL_ASCII if s.isascii() else _EMAIL
    matches = [
        m
        for span in _chunks(s, _AT)
        for m in pattern.finditer(s, *span)
        if _suffix(m["host"]) is not None
    ]
    if not matches:
        return found
    # mapped back to the original column by column: a text dense with addresses has many
    starts, ends = [m.start() for m in matches], [m.end() for m in matches]
    ostarts, oends = view.spans(starts, ends)
    originals = list(sliced(view.original, ostarts, oends))
    disguises = view.disguises_each(starts, ends, originals)
    for m, ostart, oend, disguised in zip(matches, ostarts, oends, disguises, strict=True):
        if spoken and spoken.overlaps(ostart, oend):
            continue  # already found in its spoken-out form
        found.append(Evidence(ostart, oend, m[0], m["host"], disguised))
    return found


# --- phone numbers ---------------------------------------------------------------------------

# Separators between a number's groups. A dot followed by a space is a full stop, never a
# separator: '+44 20 7946 0958. 113-4567890-1234567' is a number, then a sentence.
_SEP = r"(?:[\s\-/]|\.(?!\s))"  # space, hyphen, slash or a dot within the number
_SEP_NO_SLASH = r"(?:[\s\-]|\.(?!\s))"
# one line only; a dot with a space on each side too, which no full stop has ('6 5 4 . 3 2 1')
_SEP_SPACE = r"(?:[ \-]|\.(?!\s)|[ \t]\.(?=[ \t]))"
_PHONE = regex.compile(
    rf"""(?x)
    (?<![\w+/.,$€£¥#:-])                  # not inside another number, id, price or time
    (?P<number>
        # a prefix, then digits said one by one with a space, a dash or a spaced dot between
        # them: '+34 6 1 2 - 3 4 5 - 6 7 8' (read before the grouped form, which would stop at
        # the first dash and leave too few digits)
        (?:\+|00)[1-9]\d{{0,2}}[ \t]{{1,2}}\d(?:[ \t]{{1,2}}\d|[ \t][.\-][ \t]\d){{6,14}}(?![\d.,])
      |
        (?:\+|00)[1-9]\d{{0,2}}{_SEP}{{0,2}}      # +44, 0044: international prefix (no code
                                            # starts with 0: '00012345678905' is a GTIN)
        (?:\(0?\d{{1,4}}\){_SEP}{{0,2}})?         # (0)20, (212)
        (?:(?<=\+\d{{1,3}})\d{{1,11}}|\d{{1,8}})     # unspaced after '+' only: '+493069817702'
        (?:(?:{_SEP}{{1,2}}|\s/\s)\d{{1,8}}){{0,5}}  # '+49 (0)40 / 3099-1180' too
      |
        (?:1{_SEP_NO_SLASH}{{1,2}})?              # US/CA: optional 1 and a separator
        \(\d{{3}}\){_SEP_NO_SLASH}{{0,2}}\d{{3}}{_SEP_NO_SLASH}{{1,2}}\d{{4}}  # (555) 123-4567
      |
        (?:1{_SEP_NO_SLASH}{{1,2}})?\d{{3}}{_SEP_NO_SLASH}{{1,2}}\d{{3}}{_SEP_NO_SLASH}{{1,2}}\d{{4}}
                                            # 555-123-4567
      |
        1{_SEP_NO_SLASH}?8(?:00|88|77|66|55|44|33){_SEP_NO_SLASH}?
        (?:[a-z0-9]{{3}}{_SEP_NO_SLASH}?[a-z0-9]{{4}}   # 1-800-flowers
          |[a-z0-9]{{2}}{_SEP_NO_SLASH}[a-z0-9]{{5}}    # 1-877-go-lumen
          |[a-z0-9]{{4}}{_SEP_NO_SLASH}[a-z0-9]{{3}})   # 1-888-shop-now
      |
        (?:0\d{{1,4}}(?:\s?/\s?|{_SEP}{{1,2}})|0\s\d{{1,4}}\s?/\s?)
        \d{{1,8}}(?:(?:{_SEP}{{1,2}}|\s-\s)\d{{2,8}}){{0,4}}   # '07 61 - 29 83 10 40' too
        (?:\s?-\s?\d{{1,4}})?                  # an extension: 089 / 123456-0, 0 89 / 2 31 - 40
        (?:\s\d(?![\d.,]))?                   # trunk prefix: 020 7946 0958, 01 23 45 67 89,
                                            # 0171 / 23 45 67 8, 0 89 / 12 34 56-0
      |
        (?P<loose>                          # shapes ids share too: only with a phone word nearby
            0\s\d{{2,3}}\s\d{{2,3}}\s?/\s?\d{{1,8}}(?:(?:{_SEP}{{1,2}}|\s-\s)\d{{2,8}}){{0,4}}
                                            # 'Tel.: 0 71 31 / 89 45 - 20' (a scale '0 10 20 / 30')
          |
            \d{{3}}{_SEP_NO_SLASH}\d{{4}}      # 555-0198: a local number
          | \d(?:{_SEP_SPACE}{{1,3}}\d){{6,14}}  # 5 5 5 2 0 1 8, 6 1 2 - 4 4 8: spaced digits
          | \d{{2,4}}(?:{_SEP_SPACE}\d{{2,4}}){{2,4}}  # 912 345 678: grouped digits
          | \d{{7,12}}                        # a run of digits
        )
    )
    (?![\w/-]|[.,]\d)                       # not followed by more of an id or a decimal
    """,
    regex.V1,
)
_PHONE_WORDS = regex.compile(
    r"""(?x)\b(?:
        call|calls|calling|phone|telephone|tel|ring|dial|mobile|cell|hotline|whatsapp|sms|text\s+(?:us|me)
        |reach\s+(?:us|me)|(?:my|our|the|a)\s+(?:phone\s+)?(?:number|no)|fax|telefon|telefonnummer|handy|anrufen|t[eé]l[eé]phone|appel(?:ez|er)?|portable
        |atiende(?:n)?\s+en\s+el|tel[eé]fono|(?<!\b(?:la|las|una|unas|sus?)\s)ll[aá]m(?!ativ)\w*|m[oó]vil|telefono|cellulare|chiam\w+|rufen|ruf|appelez
        |numero\s+verde|num[eé]ro\s+vert    # a toll-free line ('il numero verde ... è 800 123 456')
        # the buyer asked to message the number itself, just before it ('mándame un mensaje al
        # 612 48 93 07', 'escríbeme al 612 ...'): a mobile written without its trunk '0'; not
        # 'SEUR le mandará un mensaje al ...', the buyer's own number
        |(?:(?:m[aá]nd|env[ií])a(?:me|nos)\s+un\s+(?:mensaje|mensajito)|escr[ií]b[ea](?:me|nos))\s+al(?=\s{0,3}$)
        |bizum|satispay|twint|paylib|mb\s?way   # payment apps that send money to a phone number
        # 'llámenos', 'llama al ...', but not the noun ('la llama del quemador') nor 'llamativo'
    )\b""",
    regex.V1,
)
_DATE_LIKE = regex.compile(
    r"(?x)^(?:\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}[.:]\d{2}(?:[.:]\d{2})?)$", regex.V1
)
_NOT_PHONE_WORDS = regex.compile(
    r"(?x)\b(?:tracking|order|invoice|serial|model|reference|r[ée]f|account|iban|vat|sku|asin"
    r"|item|part|batch|lot|ean|upc|barcode|waybill|parcel|package|shipment|ticket|case|rma|code"
    # an article number ('Art.-Nr. 04.1301.0011', 'Artikel-Nr.', fresh_in)
    r"|art\.?-?\s?nr|artikel-?nr"
    # a carrier's parcel number in other languages ('segnacollo 0841 2334 4556 7')
    r"|segnacollo|sendungsnummer|paketnummer|suivi|seguimiento|tracciamento|spedizione|envío"
    # a shipment number ("seguimiento de SEUR (expedición 0312 4567 8901)", fresh_hh)
    r"|expedici[oó]n|exp[ée]dition"
    # a freight waybill, its carrier perhaps named after it ('lettera di vettura BRT 0412 ...')
    r"|lettera\s+di\s+vettura|lettre\s+de\s+voiture|frachtbrief\w*|carta\s+de\s+porte"
    r"|consignment\s+note"
    # a serial number in other languages ('Seriennummer 4A21 0937 5518', 'numéro de série'); not
    # 'série' alone, a product line ('Pour la nouvelle série, écrivez au 06 ...')
    r"|seriennummer|seriennr|num[ée]ro\s+de\s+s[ée]rie|n[uú]mero\s+de\s+serie|numero\s+di\s+serie"
    r"|matricola)\b\W*"
    r"(?:\w+\W+){0,2}$"
    # ... or a tracking number said to be the same as before, in its own sentence ('El número
    # de seguimiento sigue siendo el mismo, 0476 2819 5530', fresh_fo): a word for 'the same'
    r"|\b(?:tracking|seguimiento|tracciamento|segnacollo|sendungsnummer|paketnummer|suivi"
    r"|number|nummer|n[uú]mero|num[ée]ro|code|ref|reference)\b"
    r"(?:[^\w.!?\n]{1,3}(?:number|is|was|remains|stays|still|the|sigue|siendo|es|el|la|bleibt"
    r"|ist|weiterhin|die|reste|est|toujours|le|resta|rimane|è|sempre|lo|exactly|exactement"
    r"|exactamente|esattamente|genau)){0,4}"
    r"[^\w.!?\n]{1,3}(?:same|unchanged|mismo|misma|igual|dieselbe|gleiche|unverändert|même"
    r"|inchangé|stesso|invariato|hasn't\s+changed|has\s+not\s+changed|n'a\s+pas\s+changé"
    r"|no\s+ha\s+cambiado|non\s+è\s+cambiato|hat\s+sich\s+nicht\s+geändert)[^\w.!?\n]{1,3}$",
    regex.V1,
)
# A part or reference number written in spaced groups ("OEM 038 121 132 D", "Bosch F 026 407
# 022"): a part word just before it, or a lone letter after a word on the same line, the way a
# catalogue writes a part code. Only when no phone word is near: "call me on T 020 ..." stays.
_PART_BEFORE = regex.compile(
    r"""(?x)(?:
        \b(?:oem|part|parts|ref|reference|r[ée]f[ée]rence|referencia|riferimento|codice
          |teilenummer|artikelnummer|ersatzteilnummer|pieza|recambio|ricambio|pi[eè]ce)\b
        \W{0,8}(?:\w{1,30}\W{1,8}){0,2}        # 'part no. 038 ...', 'OEM 038 ...'
      # 'bosch f 026 ...': a word, then a lone consonant (a lone vowel is a word of its own:
      # 'contactez-nous à 06 ...', 'escríbanos a ...', 'chiamaci e ...')
      | [^\W\d_]{2,30}[ \t]{1,8}(?![aeiouyàèéìòùáíóú])[^\W\d_][ \t]{1,8}
    )$""",  # every run is bounded: searched from every start, the pattern stays linear
    regex.V1,
)
_ORDER_ID = regex.compile(r"^\d{3}-\d{7}-\d{7}$", regex.V1)
_DIGIT = re.compile(r"\d")
_MIN_DIGITS, _MAX_DIGITS = 7, 15


_DIGIT_WORDS = {
    "zero": "0", "oh": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
    "six": "6", "seven": "7", "eight": "8", "nine": "9",
    # German, said one by one on the phone ('null vier null - drei null neun neun')
    "null": "0", "eins": "1", "zwei": "2", "zwo": "2", "drei": "3", "vier": "4", "fünf": "5",
    "sechs": "6", "sieben": "7", "acht": "8", "neun": "9",
    # Italian, Spanish and French ('tre-tre-nove, uno-due-tre'); not the articles that are also
    # 'one' ('un', 'une', 'una'): only digits said one after another make a number
    "uno": "1", "due": "2", "tre": "3", "quattro": "4", "cinque": "5", "sei": "6", "sette": "7",
    "otto": "8", "nove": "9",
    "cero": "0", "dos": "2", "tres": "3", "cuatro": "4", "cinco": "5", "seis": "6", "siete": "7",
    "ocho": "8", "nueve": "9",
    "zéro": "0", "deux": "2", "trois": "3", "quatre": "4", "cinq": "5", "sept": "7", "huit": "8",
    "neuf": "9",
}  # fmt: skip
_DIGIT_WORD_FINDER = ahocorasick_rs.AhoCorasick(list(_DIGIT_WORDS))
_DIGIT_WORD = regex.compile(r"\b(?:\L<words>)\b", regex.V1, words=list(_DIGIT_WORDS))
_DIGIT_HYPHEN = regex.compile(
    r"(?<=\b(?:\L<words>))-(?=(?:\L<words>)\b)", regex.V1, words=list(_DIGIT_WORDS)
)
_WHATSAPP = regex.compile(r"\bwa\.me/\+?(\d{7,15})\b", regex.V1)
# a call or text link's number ('tel:', 'sms:', 'callto:', 'facetime:'): digits with the
# separators a dialled number may hold, its '+' perhaps percent-encoded ('tel:%2B49…'; bounded:
# linear). 'Tel: 2024-05-12' is a label and a date: a link's scheme has no space after it.
_TEL_SCHEMES = ("tel:", "sms:", "callto:", "facetime:", "facetime-audio:")
_TEL = regex.compile(
    rf"\b(?P<scheme>{'|'.join(s[:-1] for s in _TEL_SCHEMES)}):(?://)?"
    r"(?P<number>(?:\+|%2b)?\d[\d().\- ]{4,22}\d)",
    regex.V1,
)
_MIN_SPOKEN = 7


# French numbers are said in pairs ('zéro six, quarante-deux, dix-huit, soixante-dix,
# trente-trois', or 'zéro six / douze / ...'): a run that opens with 'zéro' and a digit, then
# three or four numbers from 0 to 99, is read as the pairs of digits it says. Each alternative is
# a bounded word: linear.
_FR_UNITS = {"zéro": 0, "zero": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4}
_FR_UNITS |= {"cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9}
_FR_TEENS = {"dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15}
_FR_TEENS |= {"seize": 16}
_FR_TENS = {"vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50}
_FR_TENS |= {"soixante": 60}
_FR_UNIT = r"(?:un|deux|trois|quatre|cinq|six|sept|huit|neuf)"
_FR_TEEN = r"(?:dix[-\s](?:sept|huit|neuf)|dix|onze|douze|treize|quatorze|quinze|seize)"
_FR_NUMBER = rf"""(?:
    quatre[-\s]vingts?(?:[-\s](?:{_FR_TEEN}|{_FR_UNIT}))?
  | soixante(?:[-\s]et[-\s]onze|[-\s]{_FR_TEEN})
  | (?:vingt|trente|quarante|cinquante|soixante)(?:[-\s]et[-\s]un|[-\s]{_FR_UNIT})?
  | {_FR_TEEN} | {_FR_UNIT} | z[ée]ro)"""
_FR_PAIRS = regex.compile(
    rf"""(?x)\bz[ée]ro[\s,-]{{1,3}}{_FR_UNIT}\b(?:[\s,;./-]{{1,3}}{_FR_NUMBER}\b){{3,4}}""",
    regex.V1,
)
_FR_WORD = regex.compile(r"[a-zéè]+", regex.V1)


_FR_ONE = regex.compile(rf"(?x)\b{_FR_NUMBER}\b", regex.V1)


def _french_value(number: str) -> int:
    """The value of one French number from 0 to 99 ('quatre-vingt-dix-neuf' -> 99)."""
    words = [w for w in _FR_WORD.findall(number) if w != "et"]
    if len(words) > 1 and words[0] == "quatre" and words[1].startswith("vingt"):
        words = ["quatre-vingt", *words[2:]]
    tables = (_FR_TENS, _FR_TEENS, _FR_UNITS)
    return sum(
        80 if w == "quatre-vingt" else next((t[w] for t in tables if w in t), 0) for w in words
    )


def _french_pairs_value(match: regex.Match[str]) -> str:
    """The digits a run of French numbers says in pairs ('zéro six, quarante-deux' -> '06 42')."""
    run = match[0]
    first = _FR_ONE.search(run, run.index("o") + 1)  # the digit after 'zéro'
    if first is None:  # the run's pattern puts one there
        return run
    values = [_french_value(first[0])]
    values += (_french_value(m[0]) for m in _FR_ONE.finditer(run, first.end()))
    if max(values) < _FR_PAIR_LOW and all(a < b for a, b in itertools.pairwise(values)):
        # a count, no number: 'tailles zéro, un / deux / trois / quatre' (a pair below ten
        # is said with its 'zéro': 'zéro six, zéro deux')
        return run
    return " ".join([f"0{values[0]}", *(f"{v:02d}" for v in values[1:])])


_FR_PAIR_LOW = 10  # a pair below this is said with its 'zéro' first


def _french_pairs(text: NormalizedText) -> NormalizedText:
    """`_FR_PAIRS` runs written as the digits they say."""
    s = text.text
    if "zéro" not in s and "zero" not in s:
        return text
    return text.sub(_FR_PAIRS, _french_pairs_value, "spelled-out digits")


# A number said in groups, words and digits mixed ('oh-seven-seven double nine, 402 118',
# 'null-eins-sieben-sechs, dann 48 39', 'seis-cero-nueve, 12, treinta y cuatro, 56 78', 'zéro
# quatre, 78, soixante-deux, 15'): each group is a digit, a number from 10 to 99 in words, a
# doubled digit or a group of digits; a run of at least three, two of them in words, that says
# 7 to 15 digits is read as those digits.
def _tens_words() -> dict[str, int]:
    """The numbers from 10 to 99 in words, in English, German, Spanish and Italian."""
    words: dict[str, int] = {}
    en_units = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    en_teens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                "seventeen", "eighteen", "nineteen"]  # fmt: skip
    en_tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    de_units = ["ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"]
    de_teens = ["zehn", "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn",
                "siebzehn", "achtzehn", "neunzehn"]  # fmt: skip
    de_tens = ["zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig",
               "neunzig"]  # fmt: skip
    es_units = ["uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"]
    es_teens = ["diez", "once", "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete",
                "dieciocho", "diecinueve"]  # fmt: skip
    es_tens = ["veinte", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta",
               "noventa"]  # fmt: skip
    es_twenties = ["veintiuno", "veintidós", "veintitrés", "veinticuatro", "veinticinco",
                   "veintiséis", "veintisiete", "veintiocho", "veintinueve"]  # fmt: skip
    it_units = ["uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove"]
    it_teens = ["dieci", "undici", "dodici", "tredici", "quattordici", "quindici", "sedici",
                "diciassette", "diciotto", "diciannove"]  # fmt: skip
    it_tens = ["venti", "trenta", "quaranta", "cinquanta", "sessanta", "settanta", "ottanta",
               "novanta"]  # fmt: skip
    for teens in (en_teens, de_teens, es_teens, it_teens):
        words.update((w, 10 + i) for i, w in enumerate(teens))
    for i, ten in enumerate(en_tens):
        words[ten] = 20 + 10 * i
        words.update((f"{ten}-{u}", 21 + 10 * i + j) for j, u in enumerate(en_units))
        words.update((f"{ten} {u}", 21 + 10 * i + j) for j, u in enumerate(en_units))
    for i, ten in enumerate(de_tens):
        words[ten] = 20 + 10 * i
        words.update((f"{u}und{ten}", 21 + 10 * i + j) for j, u in enumerate(de_units))
    for i, ten in enumerate(es_tens):
        words[ten] = 20 + 10 * i
        if i:
            words.update((f"{ten} y {u}", 21 + 10 * i + j) for j, u in enumerate(es_units))
    words.update((w, 21 + j) for j, w in enumerate(es_twenties))
    for i, ten in enumerate(it_tens):
        words[ten] = 20 + 10 * i
        for j, u in enumerate(it_units):  # 'ventuno', 'trentotto': the vowel before uno/otto goes
            words[(ten[:-1] if u[0] in "uo" else ten) + u] = 21 + 10 * i + j
        words[ten + "tré"] = 23 + 10 * i
    # the same without accents, as buyers and sellers type them
    folded = {k.translate(_UNACCENT): v for k, v in words.items()}
    return folded | words  # fmt: skip


_UNACCENT = str.maketrans("éèàòùíóúß", "eeaouious")
_TENS_WORDS = _tens_words()
_DOUBLES = ("double", "doppio", "doble", "doppel", "doppelte")
_SPOKEN_GROUP_WORDS = sorted({*_TENS_WORDS, *_DIGIT_WORDS}, key=len, reverse=True)
# the words as a named list, which the pattern reads as a set, longest first (an alternation of
# a thousand words is tried one by one at every position)
_SPOKEN_TOKEN = rf"""(?:
    (?:(?:{"|".join(_DOUBLES)})[\s-]+)?\L<spoken>
  | {_FR_NUMBER}
  | \d{{1,4}}
)"""
_SPOKEN_GAP = (
    r"(?:[\s,;:()/\u2013\u2014-]{1,4}(?:(?:then|and|dann|und|puis|et|luego|y|poi|e|ensuite|danach"
    r"|zum\s+schluss|infine|finally)[\s,;:]{1,3}){0,2})"
)
_SPOKEN_RUN = regex.compile(
    rf"(?x)(?<![\w]){_SPOKEN_TOKEN}(?:{_SPOKEN_GAP}{_SPOKEN_TOKEN}){{2,16}}(?![\w])",
    regex.V1,
    spoken=_SPOKEN_GROUP_WORDS,
)
_SPOKEN_ONE = regex.compile(
    rf"(?x)(?<![\w]){_SPOKEN_TOKEN}(?![\w])", regex.V1, spoken=_SPOKEN_GROUP_WORDS
)
# each word after a space or a hyphen ('oh-seven-seven'): found at the start of a word only, not
# inside every word that holds one ('often', 'street', 'someone')
_SPOKEN_WORD_FINDER = ahocorasick_rs.AhoCorasick(
    [sep + w for w in sorted({*_TENS_WORDS, *_DIGIT_WORDS}) for sep in " -"]
)
_SPOKEN_WORDS_NEEDED = 2
_DOUBLED = regex.compile(rf"^(?:{'|'.join(_DOUBLES)})[\s-]+", regex.V1)  # 'double nine'


def _spoken_value(token: str) -> str | None:
    """The digits one group of a spoken run says, or ``None`` for a group of digits.

    A group in words is a word of the named list as written (a digit or a number from 10 to
    99), perhaps doubled, or a French number.
    """
    if token.isdigit():
        return None
    doubled = _DOUBLED.match(token)
    word = token[doubled.end() :] if doubled else token
    if word in _DIGIT_WORDS:
        return _DIGIT_WORDS[word] * (2 if doubled else 1)
    if word in _TENS_WORDS:
        return f"{_TENS_WORDS[word]:02d}"
    return f"{_french_value(word):02d}"


_SAME_GROUP = regex.compile(r"\s+|-", regex.V1)  # between two digits of one group


def _spoken_run_value(match: regex.Match[str]) -> str:
    """A run of `_SPOKEN_RUN` as its digits, in groups; the run itself when it says no number."""
    run = match[0]
    groups: list[str] = []
    single = ""
    said = 0
    mixed = False  # digits said one by one only are `_spelled_digits`' to read
    end = 0
    counted: list[int] = []  # the values said, in order
    for token in _SPOKEN_ONE.finditer(run):
        value = _spoken_value(token[0])
        if value is None:
            value = token[0]
            mixed = True
        else:
            said += 1
            mixed = mixed or len(value) > 1
        counted.append(int(value))
        if single and (len(value) > 1 or not _SAME_GROUP.fullmatch(run, end, token.start())):
            # digits said one by one end their group before a group said whole, or where a
            # comma, a dash or a word stands between them ('null sieben sechs eins, vier vier
            # drei'), as the speaker grouped them ('oh-seven-seven' is one group)
            groups.append(single)
            single = ""
        end = token.end()
        if len(value) == 1:
            single += value
        else:
            groups.append(value)
    if single:
        groups.append(single)
    # a digit said alone between groups ('..., nine double-oh, ...') opens the group after it
    groups = _lone_digits_joined(groups)
    digits = sum(map(len, groups))
    if not mixed or said < _SPOKEN_WORDS_NEEDED or not _MIN_DIGITS <= digits <= _MAX_DIGITS:
        return run
    if len(counted) > _COUNTED and all(a < b for a, b in itertools.pairwise(counted)):
        return run  # a count, no number: 'packs of one, two, three, twelve and twenty-four'
    return " ".join(groups)


_COUNTED = 2  # values rising all the way through a run longer than this are a count


def _lone_digits_joined(groups: list[str]) -> list[str]:
    """``groups`` with a group of one digit joined to the group after it (if any).

    Digits said one at a time with commas between them ('seis, uno, cuatro, veintidós, ...')
    are a group of their own, as the speaker grouped them: '614 22 ...', not '61422 ...'.
    """
    out: list[str] = []
    carry = ""
    for group in groups:
        if len(group) == 1:
            carry += group
            continue
        if len(carry) > 1:
            out.append(carry)
            carry = ""
        out.append(carry + group)
        carry = ""
    if carry:
        out.append(carry)
    return out


_SPOKEN_NEAR = 40  # characters between two number words of one run, at most ('..., dann 48 39 und')
_SPOKEN_PAD = 24  # characters read around them, for the groups of digits at a run's ends


def _spoken_windows(s: str) -> list[tuple[int, int]]:
    """Where `_SPOKEN_RUN` may match in ``s``: around two or more number words close together.

    The automaton finds the words inside other words too ('often', 'street', 'someone'): only
    one with no letter or digit on either side counts. The pattern, with a thousand words in it,
    then reads only these few windows instead of the whole text.
    """
    try:
        found = _SPOKEN_WORD_FINDER.find_matches_as_indexes(" " + s)
    except UnicodeEncodeError:  # a lone surrogate, which the automaton cannot read
        return [(0, len(s))]
    # offsets in `s` (the automaton read it after a space); the word must end there too
    words = [
        (start, end - 1) for _, start, end in found if end > len(s) or not s[end - 1].isalnum()
    ]
    windows: list[tuple[int, int]] = []
    group: list[tuple[int, int]] = []
    for word in [*words, (len(s) + 2 * _SPOKEN_NEAR, 0)]:  # a sentinel closes the last group
        if group and word[0] - group[-1][1] > _SPOKEN_NEAR:
            if len(group) >= _SPOKEN_WORDS_NEEDED:
                start, end = max(0, group[0][0] - _SPOKEN_PAD), group[-1][1] + _SPOKEN_PAD
                if windows and start <= windows[-1][1]:
                    start = windows.pop()[0]
                windows.append((start, min(len(s), end)))
            group = []
        group.append(word)
    return windows


def _spoken_runs(text: NormalizedText) -> NormalizedText:
    """Numbers said in groups of words and digits (`_SPOKEN_RUN`) written as their digits."""
    windows = _spoken_windows(text.text)
    if not windows:
        return text
    return text.sub(_SPOKEN_RUN, _spoken_run_value, "spelled-out digits", windows=windows)


def _spelled_digits(text: NormalizedText) -> NormalizedText:
    """'five five five, two zero one' written as digits (only when there are enough of them)."""
    # each match is an occurrence of its word, so fewer occurrences in all (counted in one pass
    # of an automaton) than the matches needed spare the pattern's pass
    try:
        said = len(_DIGIT_WORD_FINDER.find_matches_as_indexes(text.text, overlapping=True))
    except UnicodeEncodeError:  # a lone surrogate, which the automaton cannot read
        said = sum(map(text.text.count, _DIGIT_WORDS))
    if said < _MIN_SPOKEN:
        return text
    if len(_DIGIT_WORD.findall(text.text)) < _MIN_SPOKEN:
        return text
    # 'oh-one-six-one': digits spelled with hyphens between them are said one by one too
    spelled = text.sub(_DIGIT_HYPHEN, " ", "spelled-out digits")
    spelled = spelled.sub(_DIGIT_WORD, lambda m: _DIGIT_WORDS[m[0]], "spelled-out digits")
    # 'five five five, two zero one' -> '555 201': digits said one by one belong together, in
    # the groups the commas between them make
    spelled = spelled.sub(_SPACED_SINGLE_DIGITS, _joined_digits, "spelled-out digits")
    return spelled.sub(_DIGIT_COMMA, " ", "spelled-out digits")


# a comma or a dash between digits said one by one ('five five five, two zero one', 'null vier
# null - drei null neun neun', with an en dash)
_DIGIT_COMMA = regex.compile(r"(?<=\d)(?:,\s*|\s[\u2013\u2014-]\s)(?=\d)", regex.V1)


# a run of two or more digits, each on its own between single spaces (not the tail of a run):
# 'zwei drei' between commas is a pair of the number ('null eins sechs null, zwei drei, ...')
_SPACED_SINGLE_DIGITS = regex.compile(r"(?<!\d)(?<!\d )\d(?: \d(?!\d)){1,}", regex.V1)
_SAID_GROUP = 3  # digits a group of a long spelled run is written in ('026 618 4490')


def _joined_digits(match: regex.Match[str]) -> str:
    """Digits said one by one, written together: in groups of three when there are seven or more.

    'zero due sei sei uno otto quattro quattro nove zero' said without a pause is a phone
    number, not an id: written '026 618 4490' it has a phone number's groups (a run of ten
    digits alone is read as an order or tracking number).
    """
    digits = match[0].replace(" ", "")
    if len(digits) < _MIN_DIGITS:
        return digits
    groups = [digits[i : i + _SAID_GROUP] for i in range(0, len(digits), _SAID_GROUP)]
    if len(groups[-1]) == 1:  # no group of one: '026 618 449 0' is '026 618 4490'
        groups[-2:] = [groups[-2] + groups[-1]]
    return " ".join(groups)


# 'O161 496 OOOO', '(O161) 496 OOOO': a letter O written for the zero in groups of digits. A
# group is two or more of digits and o's, in brackets or not; the run needs a group that mixes
# them (or a run of o's beside digits) and enough real digits that only a phone number's o's
# are read as zeros, not a word's.
# a digit beside an 'o', looked for in one pass of an automaton (a pattern's pass costs several
# times more, on every text)
# An 'l' stands for a one the same way ('O6.l2.34.56.78').
_O_BESIDE_DIGIT = ahocorasick_rs.AhoCorasick(
    [f"{d}{c}" for d in "0123456789" for c in "ol"]
    + [f"{c}{d}" for d in "0123456789" for c in "ol"]
)
_LETTER_O_RUN = regex.compile(
    r"(?<![\w.])(?:\+\s?)?\(?[0-9ol]{2,}\)?(?:[ .\-]{1,2}\(?[0-9ol]{2,}\)?){0,6}(?![\w])",
    regex.V1,
)
_LETTERS_AS_DIGITS = str.maketrans("ol", "01")
_LETTER_O_DIGITS = 3  # real digits a run needs before its o's are read as zeros ('O2O 7OOO 1OOO')


def _zeros(match: regex.Match[str]) -> str:
    run = match[0]
    if sum(c.isdigit() for c in run) < _LETTER_O_DIGITS or ("o" not in run and "l" not in run):
        return run
    return run.translate(_LETTERS_AS_DIGITS)


def _lettered_digits(text: NormalizedText) -> NormalizedText:
    """'O161 496 OOOO' with the o's (and l's) read as the zeros (and ones) they stand for."""
    try:
        beside = bool(_O_BESIDE_DIGIT.find_matches_as_indexes(text.text))
    except UnicodeEncodeError:  # a lone surrogate, which the automaton cannot read
        beside = True
    if not beside:
        return text
    return text.sub(_LETTER_O_RUN, _zeros, "letters for digits")


def find_phones(text: NormalizedText) -> list[Evidence]:
    """Phone numbers in national or international formats, also spelled out in words.

    Order ids, tracking numbers, prices, dates, times, ASINs and model numbers are not phone
    numbers: they are excluded by shape (digit count, grouping, what surrounds them).
    """
    found = [
        Evidence(*text.span(*m.span()), m[0], disguises=("a WhatsApp link",))
        for m in (_WHATSAPP.finditer(text.text) if "wa.me/" in text.text else ())
    ]
    # every scheme has a colon, which two texts in three lack: one test in C, then the four
    if ":" in text.text and any(scheme in text.text for scheme in _TEL_SCHEMES):
        # a number behind a link's 'tel:' (<a href="tel:+4930…">Kurz durchklingeln</a>), 'sms:',
        # 'callto:' or 'facetime:': the link is a call or a text whatever its visible words say
        # (fresh_jt); the text is lower-case, a percent-encoded '+' too ('%2b')
        found.extend(
            Evidence(
                *text.span(*m.span("number")),
                m["number"],
                disguises=(f"{'an' if m['scheme'] == 'sms' else 'a'} {m['scheme']}: link",),
            )
            for m in _TEL.finditer(text.text)
            if _phone_shaped(_unescaped_plus(m["number"]))
        )
    view = _lettered_digits(_spelled_digits(_spoken_runs(_french_pairs(text))))
    skip = SpanSet((e.start, e.end) for e in found) if found else _NO_SPANS
    found.extend(_phones_in(view, skip=skip))
    return found


_NO_SPANS = SpanSet(())  # most texts have no WhatsApp link for the numbers to skip


def _unescaped_plus(number: str) -> str:
    """A link's number with its percent-encoded '+' ('%2B49…') written as the '+' it is."""
    return "+" + number[3:] if number.startswith("%2b") else number


_ASCII_DIGITS = b"0123456789"
_FEWEST_DIGITS = 4  # '1-800-flowers' has the fewest digits a phone number can have
# Only a toll-free number with letters ('1-800-flowers') has fewer digits than `_MIN_DIGITS`:
# its '8' and the two digits after it (see `_PHONE`) are in any text that has one.
_TOLL_FREE = ("800", "888", "877", "866", "855", "844", "833")


def _too_few_digits(s: str) -> bool:
    r"""Whether ``s`` has too few digits for any phone number (tested in C; Latin-1 text only).

    A number needs seven digits, or four with letters (1-800-FLOWERS); Latin-1 has no digits
    (``\d``) but the ASCII ones, so counting those is exact there. They are counted as the
    bytes that deleting them takes away: one pass, not one per digit.
    """
    try:
        raw = s.encode("latin-1")
    except UnicodeEncodeError:
        return False  # other scripts have digits of their own: let the pattern look
    digits = len(raw) - len(raw.translate(None, _ASCII_DIGITS))
    if digits < _FEWEST_DIGITS:
        return True
    # a price and a date ('$12.99 ... by the 14th') are too few for any but a toll-free number
    return digits < _MIN_DIGITS and not any(map(s.__contains__, _TOLL_FREE))


_JUDGED_LIMIT: Final = 1024
"""Distinct numbers, and surroundings of numbers, `_phones_in` remembers its verdict on."""


_K = TypeVar("_K")


def _remember(verdicts: dict[_K, bool], key: _K, verdict: bool) -> bool:  # noqa: FBT001 - a value
    """``verdict``, kept in ``verdicts`` under ``key`` (at most `_JUDGED_LIMIT` of them)."""
    if len(verdicts) >= _JUDGED_LIMIT:
        verdicts.clear()
    verdicts[key] = verdict
    return verdict


def _judged(verdicts: dict[_K, bool], key: _K, judge: Callable[..., bool], *args: str) -> bool:
    """``judge(*args)``, judged once per ``key`` while ``verdicts`` remembers it (`_remember`)."""
    verdict = verdicts.get(key)
    return _remember(verdicts, key, judge(*args)) if verdict is None else verdict


def _phone_shaped(value: str) -> bool:
    """Whether a `_PHONE` match has a phone number's digits, not a date's or an id's shape."""
    digits = sum(c.isdigit() for c in value)
    letters = sum(c.isalpha() for c in value)
    return (
        _MIN_DIGITS - letters <= digits <= _MAX_DIGITS
        and not _ORDER_ID.match(value)
        and not _DATE_LIKE.match(value)
    )


# A number said after it to be a phone: 'referencia 6 1 2 - 4 4 8 - 3 0 9, que es el móvil de
# nuestro almacén', '..., which is our mobile', '..., c'est le portable de l'atelier'
_PHONE_SAID_AFTER = regex.compile(
    r"""(?x)^[\s,;(-]{0,3}(?:que\s+es|which\s+is|that\s+is|that's|das\s+ist|c'est|che\s+[èe]
    |it's|es|is|ist|[èe])\s+
    # ... or a bracket after it ('07700 900123 (my mobile)')
    |^\s{0,2}\(\s{0,2}""",
    regex.V1,
)
_NEXT_WORD = regex.compile(r"[\w']+\s+", regex.V1)
_WORDS_BEFORE_SAID = 2  # 'which is our mobile', 'que es el móvil', 'c'est le portable'


def _named_a_phone(context: str, after: str) -> bool:
    """Whether a phone word stands before a number, right after it, or says after it what it is.

    Said after it, up to two words may come first: ', which is our mobile', ', que es el móvil
    de nuestro almacén', ', c'est le portable de l'atelier', ' (my mobile)'.
    """
    if _PHONE_WORDS.search(context) or _PHONE_WORDS.match(after.lstrip(" .,;:-")):
        return True
    said = _PHONE_SAID_AFTER.match(after)
    if said is None:
        return False
    at = said.end()
    for _ in range(_WORDS_BEFORE_SAID + 1):
        if _PHONE_WORDS.match(after, at):
            return True
        word = _NEXT_WORD.match(after, at)
        if word is None:
            return False
        at = word.end()
    return False


# Where a sentence ends in the (lower-cased) text: a stop and a word after it ('Thanks for your
# call earlier. Your case number is ...'), or a new line. An abbreviation ends none ('Tel. Nr.
# 0123 ...', 'Mob. Kundenservice: ...'), nor a stop before a digit ('Ref. 12 ...'). Bounded, so a
# run of stops or spaces is read in linear time.
_SENTENCE_END = regex.compile(
    r"""(?x)(?<!\b(?:tel|nr|no|ref|fax|mob|ph|n|t|m|str|art|ca|co|inc|ltd|st|dr|mr|mrs|ms|vs|etc
    |approx|e\.g|i\.e|z\.b|bzw|ggf))[.!?]{1,3}[\"')\]]{0,3}\s{1,4}(?=\p{L})|\n""",
    regex.V1,
)


def _sentence_tail(context: str) -> str:
    """The part of the text before a number that lies in the number's own sentence."""
    start = 0
    for m in _SENTENCE_END.finditer(context):
        start = m.end()
    return context[start:]


def _named_an_id(context: str, after: str) -> bool:
    """Whether the words before a number name it an id and nothing calls it a phone number.

    A tracking, order or part number ('segnacollo 0841 2334 4556 7') may have a phone's shape.
    Where an id word introduces the number outright ('Your case number is 0123 456 789'), a
    phone word counts in the number's own sentence only: 'Thanks for your call earlier.' before
    it calls nothing. A looser one ('Our order line is ...', 'Account team: ...') is a phone line
    after 'give us a ring.'
    """
    if not _NOT_PHONE_WORDS.search(context):
        return False
    said = _sentence_tail(context) if _ID_BEFORE.search(context) else context
    return not _named_a_phone(said, after)


def _called_a_phone(context: str, after: str) -> bool:
    """Whether the text around a loose match of `_PHONE` calls it a phone number."""
    return _named_a_phone(context, after) and not _NOT_PHONE_WORDS.search(context)


def _part_number(context: str, after: str) -> bool:
    """Whether the text around a number makes it a part number, and nothing a phone number.

    A part word before it ('OEM 038 121 132 D'), or a product's name and model number before it
    in the same brackets ('(Garmin Forerunner 255, 010-02641-00)', fresh_in): a catalogue's way
    of writing the item's number.
    """
    return bool(
        _PART_BEFORE.search(context)
        or (_NAMED_IN_BRACKETS.search(context) and _BRACKET_CLOSES.match(after))
    ) and not _named_a_phone(context, after)


# a name with its model number ('Forerunner 255', 'WM-8'): a place ('Leeds branch, 0161 ...') has
# none
_NAMED_IN_BRACKETS = regex.compile(
    r"\([^\W\d_][^()\n,\d]{0,30}\d[^()\n,]{0,20},[ \t]{0,2}$", regex.V1
)
_BRACKET_CLOSES = regex.compile(r"[ \t]{0,2}\)", regex.V1)


# What the detector takes for a phone number is an id or a time when the text introduces it as
# one ("locker PIN: 0445 566 778", "part number 020 7946 0958") or it reads as a time range
# ("between 0900-1200"); §3 lists ids, model numbers and times as benign look-alikes.
_ID_BEFORE = regex.compile(
    r"""(?x)\b(?:id|pin|code|r[ée]f|reference|serial|part|model|claim|case|ticket|certificate|cert
    |art\.?-?\s?nr|artikel-?nr
    |registration|licen[cs]e|key|voucher|coupon|confirmation|booking|locker|tracking|order
    |invoice|account|sku|asin|item|batch|lot|ean|upc|barcode|waybill|parcel|package|shipment|rma
    |paket|sendung|sendungsnummer|colis|suivi|paquete|envío|seguimiento|pacco|spedizione
    |expedici[oó]n|exp[ée]dition
    |albar[aá]n|lieferschein|bolla|ddt|delivery\s+note
    |tracciamento|numéro\s+de\s+suivi|número\s+de\s+seguimiento|numero\s+di\s+spedizione
    # a freight consignment or a file ('récépissé n° 0042 1187 563', 'Aktenzeichen 0171 ...')
    |consignment|con-?note|docket|r[ée]c[ée]piss[ée]|bordereau|lettre\s+de\s+voiture
    |lettera\s+di\s+vettura|frachtbrief\w*+|dossier|expediente|pratica|aktenzeichen
    |bestellnummer|auftragsnummer|rechnungsnummer|vorgangsnummer|kundennummer
    # an order or an invoice in other languages, with its number sign ('commande n° ...')
    |(?:commande|pedido|ordine|bestellung|auftrag|facture|factura|fattura|rechnung)
    \s*(?:n\s?°|nº|n\.|no\.?|nr\.?|núm\.?|num\.?|\#)
    # a company's or tax number, perhaps with its country: 'numéro d'entreprise BE 0712.345.678'
    |(?:entreprise|siret|siren|tva|vat|ust|idnr|steuernummer|cif|nif|iva|kvk|btw)
    (?:\s+(?:be|fr|de|it|es|at|ch|nl|lu|gb|ie|pl|pt))?)
    (?:\s*(?:number|no|nr|nummer|n\s?°|nº|n|num[eé]ro|número|núm|\#|is|was|:|\.))*\s*\(?\s*$""",
    regex.V1,
)
_TIME_RANGE = regex.compile(
    r"^(?:[01]\d|2[0-3])[0-5]\d\s?[-\u2013]\s?(?:[01]\d|2[0-3])[0-5]\d$", regex.V1
)


# A UPS tracking number written in groups ("1Z 9A4 V71 03 4521 8830"): its digit tail reads
# like a number with a trunk prefix, but the "1Z" head of the same number stands just before it.
_TRACKING_HEAD = regex.compile(r"\b1z(?:\s?[a-z0-9]){2,14}\s$", regex.V1)
# A postal item's number in the UPU S10 form every post office uses for tracked and registered
# items: two letters, eight digits, a check digit and the country's two letters written on to it
# ('xk 0192 3317 4gb', 'rr123456785de' in the lower-cased text). Its digits, written in groups,
# have a phone's shape; the check digit tells it from a phone number that happens to sit between
# letters ('XK 0192 3317 5GB' is read as before). Found from its digits in the stdlib engine
# (about 3 µs a message, where a pattern that starts with the letters costs 10 to 60); the two
# letters before the digits are checked after the match. Bounded: linear.
_POSTAL_ITEM = re.compile(r"(?P<serial>\d(?: ?\d){7}) ?(?P<check>\d)[a-z]{2}(?![\w-])")
_POSTAL_PREFIX = 2  # the item's two letters before its digits
_TWO_LETTERS = re.compile(r"[a-z]{2}")
_S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)
_S10_MODULUS = 11


def _outside(matches: Iterator[regex.Match[str]], spans: SpanSet) -> Iterator[regex.Match[str]]:
    """The ``matches`` whose number overlaps none of ``spans`` (the digits of a postal item)."""
    if not spans:
        return matches
    return (m for m in matches if not spans.overlaps(*m.span("number")))


def _postal_items(text: str) -> SpanSet:
    """The spans of the postal item numbers in ``text`` whose check digit is right (UPU S10)."""
    spans = []
    for m in _POSTAL_ITEM.finditer(text):
        start = m.start() - _POSTAL_PREFIX - (m.start() > 0 and text[m.start() - 1] == " ")
        if start < 0 or not _TWO_LETTERS.fullmatch(text, start, start + _POSTAL_PREFIX):
            continue  # no item's letters before the digits
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_-"):
            continue  # the letters end a longer word ('model 0192 3317 4gb')
        digits = m["serial"].replace(" ", "")
        check = _S10_MODULUS - sum(map(operator.mul, map(int, digits), _S10_WEIGHTS)) % _S10_MODULUS
        if int(m["check"]) == {10: 0, 11: 5}.get(check, check):
            spans.append((start, m.end()))
    return SpanSet(spans)


def not_a_phone(phone: Evidence, *, introduced: bool = True) -> bool:
    """Whether a number `find_phones` found is an id, a tracking number or a time range.

    A time range ('between 0900-1200') and the tail of a UPS number whose '1Z' head stands
    before it ('Tracking 1Z 999 AA1 01234 5678') are told by their shape; with ``introduced``, so
    is what the words just before introduce as an id ('locker PIN: 0445 566 778'). The message
    rules (SP104) read both; a buyer's feedback comment (SP304) reads the shapes only: there the
    id words cost a true finding and caught no false one.
    """
    return bool(
        _TIME_RANGE.match(phone.value)
        or _TRACKING_HEAD.search(phone.context)
        or (_counts(phone.value) and not _CALLING.search(_sentence_tail(phone.context)))
        # an id word right before the number, and no word of calling before it in its sentence
        # ('Téléphone du service dossier : 01 23 ...' is a phone line; 'Thanks for your call
        # earlier. Your case number is 0123 456 789' is a case number)
        or (
            introduced
            and _ID_BEFORE.search(phone.context)
            and not _PHONE_WORDS.search(_sentence_tail(phone.context))
        )
    )


# A word of calling just before the digits: counting up after it they are a number to dial
# ('Please call us on 0 1 2 3 4 5 6 7 8 9', 'Telefon: 0 1 2 ...'), not a countdown. Verbs and
# names of calling only, near the number: a 'ring' in sizes 3 4 5 6 7 8 9, a 'portable' whose
# levels run 1 to 9 or an oven's 'dial' counts, as does 'the number line reads 10 9 8 7 6 5 4 3 2'.
_CALLING = regex.compile(
    r"""(?x)\b(?:call(?:\s+(?:us|me))?|phone\s+(?:us|me)|ring\s+(?:us|me)|text\s+(?:us|me)
    |give\s+us\s+a\s+(?:ring|call)|(?:our|my)\s+(?:phone\s+)?number|whatsapp|sms|tel|t[eé]l|fax
    |hotline|telefon\w*|t[eé]l[eé]phone|tel[eé]fono|appel(?:ez|er)\w*|anrufen|rufen\s+sie
    |ruf\s+(?:uns|mich)|ll[aá]m(?:enos|anos|e|a)\w*|chiam(?:aci|ateci|i|are)\w*)\b
    \W{0,3}(?:\w+\W{1,3}){0,2}$""",
    regex.V1,
)


_MIN_COUNTED = 5


def _counts(value: str) -> bool:
    """Whether a number is single digits counting up or down ('9 8 7 6 5 4 3 2').

    A book's printing line or a countdown, not a phone number written out digit by digit.
    """
    groups = value.split()
    if len(groups) < _MIN_COUNTED or not all(len(g) == 1 and g.isdigit() for g in groups):
        return False
    steps = {int(b) - int(a) for a, b in itertools.pairwise(groups)}
    return steps in ({1}, {-1})


def _placeholder(value: str, around: tuple[str, str]) -> bool:
    """Whether a number is one digit over and over, unbroken, and nothing calls it a phone."""
    return value.isdigit() and len(set(value)) == 1 and not _named_a_phone(*around)


def _phones_in(text: NormalizedText, skip: SpanSet) -> list[Evidence]:
    s = text.text
    if _too_few_digits(s):
        return []
    found = []
    # A text dense with numbers repeats them, and their surroundings: each distinct number, and
    # each distinct surrounding, is judged once.
    shapes: dict[str, bool] = {}
    called: dict[tuple[str, str], bool] = {}
    parts: dict[tuple[str, str], bool] = {}
    named_id: dict[tuple[str, str], bool] = {}
    candidates = []
    part_forms: set[str] = set()
    for m in _outside(_PHONE.finditer(s), _postal_items(s)):
        value = m["number"].strip()
        if not _judged(shapes, value, _phone_shaped, value):
            continue
        start, end = m.span("number")
        context = s[max(0, start - 60) : start]
        around = (context, s[end : end + 30])
        if (m["loose"] and not _judged(called, around, _called_a_phone, *around)) or (
            _placeholder(value, around)
        ):
            # a bare run of digits is an id unless the text calls it a phone number; one digit
            # over and over is a placeholder ('codice destinatario SDI ... 0000000')
            continue
        if not m["loose"] and _judged(named_id, around, _named_an_id, *around):
            # 'segnacollo 0841 2334 4556 7': the text names it a tracking or part number, and
            # a number written the same way further on is one too
            part_forms.add(_DIGIT.sub("9", value))
            continue
        if value[0] not in "+(" and _judged(parts, around, _part_number, *around):
            part_forms.add(_DIGIT.sub("9", value))
            continue  # a part number in spaced groups, and nothing calls it a phone number
        candidates.append((value, start, end, context, around))
    for value, start, end, context, around in candidates:
        if _DIGIT.sub("9", value) in part_forms and not _named_a_phone(*around):
            continue  # written like a part number the text named ('part no. 04465-33471')
        ostart, oend = text.span(start, end)
        if skip.overlaps(ostart, oend):
            continue
        found.append(
            Evidence(
                ostart,
                oend,
                value,
                disguises=text.disguises(start, end),
                context=context,
            )
        )
    return found
