"""Seller feedback (SP301-SP310): removal and strike-through grounds, deadlines and statistics."""

from __future__ import annotations

import bisect
import datetime as dt
import decimal
import enum
import functools
import itertools
import tomllib
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping  # noqa: TC003 - attrs.resolve_types reads them
from importlib import resources
from typing import TYPE_CHECKING, Any, Final, Literal, NamedTuple

import attrs
import regex

from sellerpolicy import _checks
from sellerpolicy._codes import RULES, Code, Edition, Family, Severity
from sellerpolicy._decisions import EventRef, Finding, NotJudged, Report, Span
from sellerpolicy._marketplaces import Marketplace
from sellerpolicy._model import Feedback, FeedbackClass, FulfillmentChannel, Order, Shipment
from sellerpolicy._policy import Policy, resolve_policy
from sellerpolicy._rules.data import family_docs, phrases_for
from sellerpolicy._text.detectors import contact_view, find_emails, find_phones, not_a_phone
from sellerpolicy._text.normalize import NormalizedText, normalize
from sellerpolicy._text.phrases import Hit, Lexicon, tokens
from sellerpolicy._text.profanity import MASKED_TOKEN, unmasks
from sellerpolicy._text.spans import SpanSet
from sellerpolicy.exceptions import InputTooLargeError, InvalidTypeError, InvalidValueError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from sellerpolicy._time import Duration

__all__ = [
    "FEEDBACK_CODES",
    "Comment",
    "FeedbackReport",
    "FeedbackStats",
    "ScoreWindow",
    "Topic",
    "TrendBucket",
    "buy_shipping_on_time",
    "check_feedback",
    "example",
    "feedback_stats",
    "flags",
    "fulfilled_by_amazon",
    "personal_information",
    "pricing",
    "product_review",
    "profanity",
    "rating_text_mismatch",
]

FEEDBACK_CODES: Final = (
    Code.SP301,
    Code.SP302,
    Code.SP303,
    Code.SP304,
    Code.SP305,
    Code.SP306,
    Code.SP310,
)
"""The feedback family's codes, in code order."""

_REMOVAL: Final = frozenset({Code.SP302, Code.SP303, Code.SP304, Code.SP305})
_STRIKE: Final = frozenset({Code.SP301, Code.SP306})
_US: Final = "ATVPDKIKX0DER"
_NEUTRAL: Final = 3
"""A 3-star rating; below it feedback is negative, above it positive (the specification, §6)."""
_DOCS: Final = "feedback.toml"


# --- data ------------------------------------------------------------------------------------


@functools.cache
def _data() -> Mapping[str, Any]:
    text = resources.files("sellerpolicy").joinpath("data", "feedback_vocabularies.toml")
    return tomllib.loads(text.read_text(encoding="utf-8"))


_SPECIAL_LETTERS: Final = str.maketrans(
    {
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "\N{LATIN SMALL LETTER DOTLESS I}": "i",
    }
)


@functools.lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    """A letter without its accents, in ASCII where it has an ASCII base ('é' -> 'e')."""
    special = char.translate(_SPECIAL_LETTERS)
    if special != char:
        return special
    decomposed = unicodedata.normalize("NFD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c)) or char


def _fold(text: str) -> str:
    """``text`` with accents removed, as the comment is read ('llegó' -> 'llego')."""
    if text.isascii():
        return text
    return "".join(_fold_char(c) if not c.isascii() else c for c in text)


def _fold_phrase(phrase: str) -> str:
    return _APOSTROPHE_SPACE.sub(" ", _fold(phrase.lower()))


_APOSTROPHE_SPACE = regex.compile(r"'", regex.V1)
_SCANNED_SEPARATELY: Final = frozenset(
    {"name_cue", "name_intro", "name_title", "phone_cue", "own_email_cue"}
)


def _folded(phrases: Mapping[str, Iterable[str]]) -> dict[str, tuple[str, ...]]:
    return {name: tuple(_fold_phrase(p) for p in listed) for name, listed in phrases.items()}


_MIN_INFLECTED = 3


def _plurals(word: str) -> set[str]:
    """Plural forms a buyer may write a word in (English, French, Spanish and Italian rules).

    'costura' -> 'costuras', 'motor' -> 'motores', 'lampadina' -> 'lampadine', 'cinturino' ->
    'cinturini'. German plurals change the stem too often to be guessed; they are listed.
    """
    forms = {f"{word}s"}
    if word[-1] not in "aeiouy" or word.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(f"{word}es")
    if word.endswith(("o", "e")):
        forms.add(f"{word[:-1]}i")
    if word.endswith("a"):
        forms.add(f"{word[:-1]}e")
    return forms


def _with_plurals(
    vocabs: Mapping[str, tuple[str, ...]], inflected: Iterable[str]
) -> Mapping[str, tuple[str, ...]]:
    """``vocabs`` whose single words in ``inflected`` vocabularies also match their plurals.

    A plural that is a word of another vocabulary or a filler word is left out: it means
    something else there ('sale' in French is dirty, 'sales' is not).
    """
    wanted = frozenset(inflected)
    elsewhere: set[str] = set(_data()["words"]["filler"])
    for name, phrases in vocabs.items():
        if name not in wanted:
            elsewhere.update(w for p in phrases for w in p.split())
    out = dict(vocabs)
    for name in wanted:
        phrases = vocabs[name]
        have = set(phrases)
        extra = {
            form
            for p in phrases
            if p.isalpha() and len(p) >= _MIN_INFLECTED
            for form in _plurals(p)
            if form not in have and form not in elsewhere
        }
        out[name] = phrases + tuple(sorted(extra))
    return out


_UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]", regex.V1)
"""Japanese script, written without spaces between words."""


@attrs.frozen(eq=False)
class _Reading:
    """The feedback vocabularies of one policy (built-in plus its extra phrases), compiled.

    Attributes:
        lexicon: The topic vocabularies.
        cue_lexicon: The cues read around a name or a number (``name_cue``, ``phone_cue``, ...).
        known_words: Every word of every phrase, and the filler words: never corrected as typos.
        stems: The stems (``deliver*``) whose words are never corrected either.
        substrings: Per vocabulary, a pattern of its phrases found anywhere in the comment, not
            word by word (Japanese: no spaces between words).
    """

    lexicon: Lexicon
    cue_lexicon: Lexicon
    known_words: frozenset[str]
    stems: tuple[str, ...]
    substrings: tuple[tuple[str, regex.Pattern[str]], ...]


@functools.lru_cache(maxsize=32)  # one per distinct set of policy phrases; bounded
def _reading(extra: tuple[tuple[str, tuple[str, ...]], ...]) -> _Reading:
    merged = _folded(_data()["vocabularies"])
    added = _folded(dict(extra))
    for name, phrases in added.items():
        # a phrase in Japanese script has no spaces to match word by word: it is a substring
        merged[name] += tuple(p for p in phrases if not _UNSPACED.search(p))
    vocabs = _with_plurals(merged, _data()["inflection"]["vocabularies"])
    words: set[str] = set(_data()["words"]["filler"])
    stems: set[str] = set()
    for phrases in vocabs.values():
        for phrase in phrases:
            for w in phrase.split():
                if w.endswith("*"):
                    stems.add(w[:-1])
                elif w != "#":
                    words.add(w)
    return _Reading(
        lexicon=Lexicon.build({n: v for n, v in vocabs.items() if n not in _SCANNED_SEPARATELY}),
        cue_lexicon=Lexicon.build({n: vocabs[n] for n in _SCANNED_SEPARATELY}),
        known_words=frozenset(words),
        stems=tuple(sorted(stems)),
        substrings=_substring_patterns(added),
    )


def _substring_patterns(
    added: Mapping[str, tuple[str, ...]],
) -> tuple[tuple[str, regex.Pattern[str]], ...]:
    """One pattern per vocabulary of ``[substrings]``: its folded phrases, as literals.

    ``added`` are a policy's extra phrases, folded like the built-in ones: those in Japanese
    script join the substrings of their vocabulary (``with_phrases(positive=["神対応"])``).
    """
    lists = dict(_folded(_data()["substrings"]))
    for name, phrases in added.items():
        unspaced = tuple(p for p in phrases if _UNSPACED.search(p))
        if unspaced:
            lists[name] = lists.get(name, ()) + unspaced
    out = []
    for name, phrases in sorted(lists.items()):
        literals = sorted(set(phrases), key=len, reverse=True)  # the longest phrase first
        out.append((name, regex.compile("|".join(regex.escape(p) for p in literals), regex.V1)))
    return tuple(out)


def _substring_hits(text: str, reading: _Reading) -> list[Hit]:
    """Hits of the ``[substrings]`` phrases in ``text`` (only where it has Japanese script)."""
    if not _UNSPACED.search(text):
        return []
    return [
        Hit(name, m.start(), m.end(), -1)
        for name, pattern in reading.substrings
        for m in pattern.finditer(text)
    ]


def _policy_reading(policy: Policy | None) -> _Reading:
    """The reading of ``policy``'s feedback vocabularies (the built-in ones without a policy)."""
    if policy is None:
        return _reading(())
    extra = phrases_for(policy.phrases, Family.FEEDBACK)
    return _reading(tuple(sorted(extra.items())))


# --- reading the comment: accents, apostrophes, typos ------------------------------------------

_NON_ASCII = regex.compile(r"[^\x00-\x7f]", regex.V1)
# 'l'article', 'dell'ordine', 'qu'il': an elided article or pronoun is a word of its own
_ELISION = regex.compile(
    r"(?<=\b(?:[cdjlmnst]|qu|dell|all|nell|sull|dall|un|quell|tutt|senz))'(?=[a-z])", regex.V1
)
# 'didn't', 'someone else's': the apostrophe goes, as buyers who skip it write the word
_CONTRACTION = regex.compile(r"(?<=[a-z])'(?=[a-z])", regex.V1)
_WORD = regex.compile(r"[a-z]+", regex.V1)
_MIN_TYPO, _MAX_TYPO = 6, 24  # longer 'words' are no misspelling; their candidates cost n^2


@functools.cache
def _typos() -> Mapping[str, str]:
    words: Mapping[str, str] = _data()["typos"]["words"]
    return {k.lower(): v.lower() for k, v in words.items()}


def _typo(word: str, reading: _Reading) -> str | None:
    """The known word that ``word`` misspells, or ``None``.

    Listed misspellings ('definately'), and in words of six letters or more a letter doubled or
    undoubled ('arived', 'shippping') or two neighbours swapped ('recieved'). Other slips are
    left alone: dropping or changing any letter turns too many real words into others
    ('smells' into 'sells', 'where' into a profanity).
    """
    listed = _typos().get(word)
    if listed is not None:
        return listed
    known = reading.known_words
    if not _MIN_TYPO <= len(word) <= _MAX_TYPO or word in known or word.startswith(reading.stems):
        return None
    candidates: set[str] = set()
    for i in range(1, len(word)):
        if word[i] == word[i - 1]:
            candidates.add(word[:i] + word[i + 1 :])  # 'shippping' -> 'shipping'
        candidates.add(word[:i] + word[i - 1] + word[i:])  # 'arived' -> 'arrived'
    for i in range(len(word) - 1):
        candidates.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])  # 'recieved'
    candidates.discard(word)
    found = sorted(c for c in candidates if c in known)
    return found[0] if len(found) == 1 else None


_TENS: Final = {
    **dict.fromkeys(("twenty", "zwanzig", "vingt", "veinte", "venti"), 20),
    **dict.fromkeys(("thirty", "dreissig", "trente", "treinta", "trenta"), 30),
    **dict.fromkeys(("forty", "fourty", "vierzig", "quarante", "cuarenta", "quaranta"), 40),
    **dict.fromkeys(("fifty", "funfzig", "cinquante", "cincuenta", "cinquanta"), 50),
    **dict.fromkeys(("sixty", "sechzig", "soixante", "sesenta", "sessanta"), 60),
    **dict.fromkeys(("seventy", "siebzig", "setenta", "settanta"), 70),
    **dict.fromkeys(("eighty", "achtzig", "ochenta", "ottanta"), 80),
    **dict.fromkeys(("ninety", "neunzig", "noventa", "novanta"), 90),
    **dict.fromkeys(("hundred", "hundert", "cent", "cien", "cento"), 100),
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "zwolf": 12, "quinze": 15, "quince": 15,
    "quindici": 15,
}  # fmt: skip
"""Number words above ten ('#' in a phrase already reads 'one' to 'ten' as a number)."""
_UNITS: Final = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9,
}  # fmt: skip
_AMOUNT_IN_WORDS = regex.compile(
    r"""(?x)
    \b(?P<tens>\L<tens>)(?:[\s-](?P<unit>\L<units>))?    # 'forty', 'twenty-five', 'vingt'
    (?=\s?(?:dollars?|bucks|euros?|eur|pounds|quid)\b)     # ... an amount of money
    """,
    regex.V1,
    tens=_TENS,
    units=_UNITS,
)


def _amount_digits(m: regex.Match[str]) -> str:
    return str(_TENS[m["tens"]] + (_UNITS[m["unit"]] if m["unit"] else 0))


# 'Scheißlieferung', 'Kackladen': German glues a swear word before the noun it swears at; read
# apart, the noun keeps its topic ('lieferung' is the delivery) and the swear word stays profane
_SWEAR_COMPOUND = regex.compile(r"\b(?:scheiss|scheis|kack|drecks)(?=[a-z]{4,})", regex.V1)


def _reading_view(norm: NormalizedText, reading: _Reading) -> NormalizedText:
    """The normalised comment as the vocabularies read it, still mapped to the original.

    An amount written in words is read in digits ('forty dollars' as '40 dollars'), as the
    price patterns and the '#' of the phrases read amounts; a German swear word glued before a
    noun is read apart from it ('Scheißlieferung' as 'scheiss lieferung').
    """
    view = norm
    if _NON_ASCII.search(view.text):
        view = view.sub(_NON_ASCII, lambda m: _fold_char(m[0]), "accents")
    view = view.sub(_SWEAR_COMPOUND, lambda m: m[0] + " ", "compound")
    if "'" in view.text:
        view = view.sub(_ELISION, " ", "elision")
        view = view.sub(_CONTRACTION, "", "contraction")
    view = view.sub(_WORD, lambda m: _typo(m[0], reading) or m[0], "typo")
    return view.sub(_AMOUNT_IN_WORDS, _amount_digits, "amount")


# --- topics ---------------------------------------------------------------------------------


class Topic(enum.StrEnum):
    """What a clause of a comment is about."""

    LATE = "late delivery"
    MISSING = "missing delivery"
    HANDLING = "the courier's handling"
    SHIPPING = "the delivery"
    SERVICE = "the seller's service"
    CONDUCT = "the seller's conduct"
    AMAZON_SERVICE = "Amazon's customer service"
    SELLER = "the seller"
    CONDITION = "the item's condition"
    PRICE = "the price"
    PRODUCT = "the product"


_DELIVERY: Final = frozenset({Topic.LATE, Topic.MISSING, Topic.HANDLING, Topic.SHIPPING})
_NOT: Final = ".not"
_CLAUSE_BREAK = regex.compile(
    r"""(?x)
    [!?;:\n()]+                       # sentence and clause punctuation
  | (?<!\.)\.+(?=\s|$|[\p{Han}\p{Hiragana}\p{Katakana}])  # a full stop ('。' reads '.'), not '4.99'
  | 、                                # a Japanese comma (NFKC has made a full-width one ",")
  | ,(?!\d)                           # a comma, not the one of '1,000'
  | \s[-/]\s                          # ' - ' and ' / ' between two thoughts
  | \b(?:but|tho|though|although|however|yet|aber|jedoch|sondern|mais|cependant|pero|ma
        |sin\ embargo|pero|tuttavia)\b  # contrast starts a new clause
  | (?<!\babove\s)\b(?:and|und|et|y)\b  # so does 'and' ('late and the toy is cheap'),
                                    # not in 'above and beyond'
    """,
    regex.V1,
)
_PRAISE_SIGNS = regex.compile(
    r"""(?x)
    (?<![\w+])a{1,3}\s?\+{1,}(?![\w+])         # A+, A+++, AAA+++
  | \b(?:10\s?/\s?10|5\s?/\s?5)\b              # 10/10, 5/5
  | (?<![\w:;=])[:;=]-?[)D\]](?![\w)])        # :) ;-) :D =]
  | <3
  | \u2605{3,}                                # ★★★★★ (filled stars: ☆ is an empty one)
  | [\U0001F44C\U0001F44D\U0001F44F\U0001F600-\U0001F60D\U0001F618\U0001F642\U0001F970]
  | [\U0001F929\U0001F64F\U0001F4AF\U0001F31F\U0001F495\U0001F496\u2764\u2665\u2b50\u2705]
  | [\U0001F64C\U0001F389\U0001F973\U0001F917\U0001F60E\U0001F63B\u263a\U0001F3C6\u2728]
                                              # raised hands, party, hug, cool, trophy, sparkles
  | [\U0001F493\U0001F497\U0001F49D\U0001F49E\U0001F499-\U0001F49C\U0001F9E1]  # hearts
    """,
    regex.V1,
)
_COMPLAINT_SIGNS = regex.compile(
    r"""(?x)
    (?<![\w:;=])>?[:;=]-?[(/\[](?![\w(])      # :( :-( :/
  | [\U0001F44E\U0001F620\U0001F621\U0001F624\U0001F92C\U0001F61E\U0001F622\U0001F62D]
  | [\U0001F4A9\U0001F641\U0001F612\U0001F92E\U0001F926\u2639]
  | [\U0001F644\U0001F610\U0001F611\U0001F614\U0001F615\U0001F61F\U0001F623\U0001F629]
  | [\U0001F62B\U0001F616\U0001F494]                # eye roll, blank, weary faces, broken heart
  | \b[01]\s?/\s?(?:5|10)\b                        # 0/5, 1/10
    """,
    regex.V1,
)


@attrs.frozen
class _Clause:
    start: int
    end: int
    hits: tuple[Hit, ...]
    content: int
    """How many words of the clause are not filler."""
    topics: frozenset[Topic]


def _drop_exceptions(hits: list[Hit]) -> list[Hit]:
    """Hits of ``X`` that a hit of ``X.not`` overlaps do not count ('not late').

    A hit that strictly contains its exception stays: 'not worth the money' is a price
    complaint although 'worth the money' is praise.
    """
    blockers: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for h in hits:
        if h.vocab.endswith(_NOT):
            blockers[h.vocab.removesuffix(_NOT)].append((h.start, h.end))
    for spans in blockers.values():
        spans.sort()
    starts = {vocab: [s for s, _ in spans] for vocab, spans in blockers.items()}
    longest = {vocab: max(e - s for s, e in spans) for vocab, spans in blockers.items()}

    def blocked(h: Hit) -> bool:
        spans = blockers.get(h.vocab)
        if not spans:
            return False
        # only exceptions starting near the hit can overlap it: a phrase is a few words long
        first = bisect.bisect_left(starts[h.vocab], h.start - longest[h.vocab])
        last = bisect.bisect_left(starts[h.vocab], h.end)
        return any(
            h.start < end
            and not (h.start <= start and end <= h.end and end - start < h.end - h.start)
            for start, end in spans[first:last]
        )

    return [h for h in hits if not h.vocab.endswith(_NOT) and not blocked(h)]


def _clause_bounds(text: str) -> list[tuple[int, int]]:
    bounds = []
    start = 0
    for m in _CLAUSE_BREAK.finditer(text):
        if m.start() > start:
            bounds.append((start, m.start()))
        start = max(start, m.end())
    if start < len(text):
        bounds.append((start, len(text)))
    return [(s, e) for s, e in bounds if text[s:e].strip()]


# An amount of money: '$49.99', '€ 30', '30 euros', '9,90 €' (the sign after it ends no word,
# so no word boundary is asked of it)
_AMOUNT = r"""
    (?:[$€£]\s?\d+(?:[.,]\d{1,2})?
      |\b\d+(?:[.,]\d{1,2})?\s?(?:[$€£]|(?:euros?|eur|dollars?|bucks|pounds|quid)\b))
"""

_MONEY_FOR = regex.compile(
    rf"""(?x)
    {_AMOUNT}                                          # $49.99, € 30, 30 euros, 9,95€
    (?:\s+(?!(?:refund|refunded|back|credit|off|discount|voucher|coupon|gift|compensation
        |rebate|remboursement|rembourse|reembolso|rimborso|erstattung|gutschrift)\b)
        [a-z]+){{0,2}}?                                # '$12.99 shipping for', not '$10 back'
      # ... or up to four words of what the money was ('12 euro di spese di spedizione per')
      (?:\s+(?:de|di|du|del|of|for|shipping|postage|delivery|spese|spedizione|envio|frais|port
        |versand\w*|porto|gastos|costs?|fees?|charges?)){{0,4}}
    [?!]*                                              # 'sixty dollars?!? for THIS??'
    \s+(?:for|pour|por|per|fur)\s+                     # ... for ...
    (?:a|an|this|that|these|such|something|some|un|une|ce|cette|ces|cet|una|uno|un|este|esta
      |esto|estos|eso|questo|questa|questi|einen|eine|ein|diese|dieses|diesen|das|ca|so
      |dei|delle|degli|des|unos|unas)\b               # 'per dei calzini', 'pour des chaussettes'
                                                      # ... this?
    """,
    regex.V1,
)


_MONEY = regex.compile(
    r"""(?x)
    [$€£]\s?\d+(?:[.,]\d{1,2})?(?![\d/])                  # $49.99, €30
  | \b\d+(?:[.,]\d{1,2})?\s?(?:[$€£]|(?:euros?|eur|dollars?|bucks|pounds|quid)\b)  # 9,90 €
    """,
    regex.V1,
)


_MONEY_MORE = regex.compile(
    rf"""(?x)
    {_AMOUNT}                                          # $30, €12.50, 30 dollars
    \s+(?:more|mehr|de\ plus|mas|di\ piu|in\ piu)\b      # ... more: what others paid
    """,
    regex.V1,
)


_FOR_MONEY_EXPECTED = regex.compile(
    rf"""(?x)
    \b(?:for|fur|pour|por|per)\s+                        # for ...
    {_AMOUNT}                                          # ... $60, 60 bucks
    \s*,?\s*(?:i\s+|ich\s+|je\s+|j\s|)?                 # I ...
    (?:expected|expect|would\ expect|d\ expect|erwarte|erwartet|attendais|attend
      |esperaba|espero|aspettavo|aspetto)\b               # ... expected better: too dear
    """,
    regex.V1,
)


def _start(hit: Hit) -> int:
    return hit.start


_LABEL_WORDS: Final = 2
"""A clause this short names a subject whose verdict follows ('Price: ridiculous')."""


def _price_verdicts(text: str, hits: list[Hit]) -> list[Hit]:
    """A price named with a verdict in one clause is a price complaint ('postage was insane').

    So is an amount paid for a thing ('$49.99 for a plastic toy?!', '$12.99 shipping for an
    envelope'), an amount more than someone else paid ('paid 30 dollars more') and what an
    amount should have bought ('for 60 bucks I expected better').
    """
    found = [
        Hit("price_complaint", m.start(), m.end(), -1)
        for pattern in (_MONEY_FOR, _MONEY_MORE, _FOR_MONEY_EXPECTED)
        for m in pattern.finditer(text)
    ]
    amounts = list(_MONEY.finditer(text))
    if len(amounts) > 1:  # '$39.99 for this?? walmart has it for 19': two prices compared
        found.append(Hit("price_complaint", amounts[0].start(), amounts[-1].end(), -1))
    vocabs = {h.vocab for h in hits}
    if not ("price_word" in vocabs or amounts) or not vocabs & {"price_bad", "store"}:
        return found
    bounds = _clause_bounds(text)
    parts = sorted((h for h in hits if h.vocab in _PRICE_PARTS), key=_start)
    parts += [Hit("amount", m.start(), m.end(), -1) for m in amounts]
    parts.sort(key=_start)
    starts = [h.start for h in parts]
    for i, (start, clause_end) in enumerate(bounds):
        end = clause_end
        if i + 1 < len(bounds) and (
            len(tokens(text[start:end])) <= _LABEL_WORDS
            # the verdict said last, on its own ('frais de port de 9,90€ pour un livre de poche,
            # abusé', 'il prezzo è salito da 19 a 29 euro, vergognoso')
            # (an amount named: 'pay return postage, ridiculous' is the seller's policy)
            or (
                i + 2 == len(bounds)
                and len(tokens(text[slice(*bounds[i + 1])])) <= _LABEL_WORDS
                and any(start <= m.start() < clause_end for m in amounts)
            )
        ):
            end = bounds[i + 1][1]  # 'Price: ridiculous' - a price named as a label
        inside = parts[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
        found += _price_pair(inside)
    return found


def _price_pair(inside: list[Hit]) -> list[Hit]:
    """The price complaint one clause makes, if any.

    A price word and a verdict ('postage was insane'), or a price word or an amount and another
    shop ('10 euros en grande surface') unless this price is the lower ('costa meno che al
    negozio'); an amount with a verdict alone is not enough ('$30, bad quality').
    """
    of = {vocab: [h for h in inside if h.vocab == vocab] for vocab in _PRICE_PARTS | {"amount"}}
    prices = of["price_word"] or of["amount"]
    if of["price_word"] and of["price_bad"]:
        pair = (of["price_word"][0], of["price_bad"][0])
    elif prices and of["store"] and not of["price_good"]:
        pair = (prices[0], of["store"][0])
    else:
        return []
    first, last = min(h.start for h in pair), max(h.end for h in pair)
    return [Hit("price_complaint", first, last, min(h.token for h in pair))]


_PRICE_PARTS: Final = frozenset({"price_word", "price_bad", "store", "price_good"})


def _clause_topics(
    vocabs: frozenset[str], *, packaging_anywhere: bool, parcel_harmed: bool = False
) -> frozenset[Topic]:
    topics: set[Topic] = set()
    direct = {
        "late": Topic.LATE,
        "missing": Topic.MISSING,
        "handling": Topic.HANDLING,
        "shipping": Topic.SHIPPING,
        "packaging": Topic.SHIPPING,
        "service": Topic.SERVICE,
        "conduct": Topic.CONDUCT,
        "amazon_service": Topic.AMAZON_SERVICE,
        "seller": Topic.SELLER,
        "condition": Topic.CONDITION,
        "price_complaint": Topic.PRICE,
        "price_word": Topic.PRICE,
        "price_praise": Topic.PRICE,
        "product": Topic.PRODUCT,
    }
    topics.update(topic for vocab, topic in direct.items() if vocab in vocabs)
    _courier_topics(vocabs, topics)
    arrival = bool(vocabs & {"shipping", "late", "missing"})
    parcel = "item" not in vocabs and ("packaging" in vocabs or packaging_anywhere)
    if "damage" in vocabs:
        # a crushed or torn parcel is the courier's doing; an item torn after some use is the
        # product wearing out ('the seam tore after two wears'); else a damaged item is its
        # condition on arrival
        if parcel:
            topics.add(Topic.HANDLING)
        elif "usage" in vocabs and not arrival:
            topics.add(Topic.PRODUCT)
        else:
            topics.add(Topic.CONDITION)
    if "breakage" in vocabs:
        # broken: the parcel by the courier, the item on arrival, else the product in use
        if parcel and "product" not in vocabs:
            topics.add(Topic.HANDLING)
        else:
            topics.add(Topic.CONDITION if arrival else Topic.PRODUCT)
    # 'box dented but the lamp inside was fine': the item named beside a damaged parcel only to
    # say it came through unharmed says nothing of the product ('nice packaging, the lamp was
    # fine' judges the lamp)
    unharmed = parcel_harmed and "unharmed" in vocabs and not vocabs & _HARMED
    if "item" in vocabs and not topics & _DELIVERY and "service" not in vocabs and not unharmed:
        # 'the blender is loud'; 'the blender came late' is delivery, and 'returned the item,
        # no refund yet' the service (the item only what it was about)
        topics.add(Topic.PRODUCT)
    return frozenset(topics)


def _courier_topics(vocabs: frozenset[str], topics: set[Topic]) -> None:
    """What the courier named in a clause makes of its service and manner (in ``topics``)."""
    if (
        "service" in vocabs
        and "courier" in vocabs
        and not vocabs & {"seller", "amazon_service", "remedy"}
    ):
        # 'the driver ignored the delivery note': the courier's service is the delivery (a
        # refund held up beside the courier's scan is still the refund's service)
        topics.discard(Topic.SERVICE)
        topics.add(Topic.SHIPPING)
    if "manner" in vocabs:
        # 'the driver was rude' is the delivery; 'rude replies' is the seller's service
        courier = "courier" in vocabs and "seller" not in vocabs
        topics.add(Topic.SHIPPING if courier else Topic.SERVICE)
        if courier and "negative" in vocabs:
            # and, like a parcel thrown, neither late nor missing ('late AND the courier was
            # rude on the phone' is more than a late delivery: no SP306)
            topics.add(Topic.HANDLING)
    if "courier" in vocabs:
        topics.add(Topic.SHIPPING)


# Whose words make a comment's service or manner someone's other than the carrier's
_SELLER_SIDE: Final = frozenset({"seller", "amazon_service", "remedy", "conduct", "item_question"})
# The carriers by name, as pattern alternatives (for `_CARRIER` and `_CARRIER_NAME`)
_CARRIERS = (
    *("usps", "fedex", "dhl", "dpd", "gls", "hermes", "evri", "yodel", "parcelforce"),
    *(r"royal\s+mail", "correos", "seur", "mrw", "nacex", r"la\s+poste", "colissimo"),
    *("chronopost", "brt", "sda", r"poste\s+italiane", "postnl", "bpost", "ontrac", "purolator"),
    r"canada\s+post",
)
# A carrier by its name in a clause ('ups' left out: the German 'Ups' is 'oops')
_CARRIER_NAME = regex.compile(rf"\b(?:{'|'.join(_CARRIERS)})\b", regex.V1)


# What an item said to be unharmed must not also be: damaged, broken, praised or faulted as a
# product ('the lamp was fine but flickers' is the product)
_HARMED: Final = frozenset({"damage", "breakage", "product", "negative", "condition", "usage"})
# What harms a parcel on its way: dented, torn, left in the rain
_PARCEL_HARM: Final = frozenset({"damage", "breakage", "handling"})


_STOPPED = regex.compile(
    r"""(?x)
    \b(?:stopped|stops|quit|quits)\s+(?P<verb>[a-z]{3,}ing)\b   # 'stopped heating', 'quit charging'
  | \b(?:dejo|deja|dejan|dejaron)\s+de\s+(?P<verb>[a-z]{3,}(?:ar|er|ir))\b
                                                      # 'dejó de calentar', 'deja de cargar'
  | \b(?:arrete|arretent|cesse|cessent)\s+de\s+(?P<verb>[a-z]{3,}(?:er|ir|re))\b
                                                      # 'a arrêté de chauffer', 'cesse de charger'
  | \b(?:smesso|smette|smettono|smise)\s+di\s+(?P<verb>[a-z]{3,}(?:are|ere|ire))\b
                                                      # 'ha smesso di caricare', 'smette di andare'
  | \baufgehort\s+zu\s+(?P<verb>[a-z]{3,}en)\b                 # 'hat aufgehört zu laden'
    """,
    regex.V1,
)
_NEVER_BETTER = regex.compile(
    r"""(?x)
    \bnever\s+(?:been|looked|felt|tasted|smelled|smelt|sounded|worked|slept|run|ran)\s+
    (?:so\s+)?(?P<praise>better|[a-z]{3,}er)\b       # 'my skin has never been softer'
    """,
    regex.V1,
)


_GOOD_UNTIL = regex.compile(
    r"""(?x)
    \b(?:good|great|fine|well|perfect|perfectly|nice
      |(?:loved|liked|enjoyed)\s+(?:it|them))\s+     # 'my son loved it for the one day it worked'
    (?:until|till|til                                  # 'worked fine until it died'
      |for\s+(?:a|an|one|two|three|a\ few|a\ couple\ of|a\ couple|about|the\ first|the\ one
         |the\ two|the\ few|\d+)
       \s+(?:[a-z]+\s+)?(?:days?|weeks?|months?|hours?|uses?|washes|wears|while)\b)
    """,
    regex.V1,
)


_ORDERED_GOT = regex.compile(
    r"""(?x)
    \b(?:ordered|bought|paid\ for)\s+(?:a|an|the|one|two|\d+)\s+   # 'ordered a charger,
    (?:[a-z]+\s+){0,2}?[a-z]+\s*,?\s*(?:and\s+|but\s+)?             # ... got a box of rocks':
    (?:got|received|they\ sent|sent\ me|came\ with)\s+(?:a|an|some|one)\b  # another thing sent
    """,
    regex.V1,
)


_ORDERED_ARRIVED = regex.compile(
    r"""(?x)
    \b(?:ordered|ordinato|ordinata|ordinati|pedi|commande|commandee|bestellt)\s+  # ordered ...
    (?P<wanted>\L<variants>)\s*,?\s*(?:and\s+|e\s+|y\s+|et\s+|und\s+)?      # ... red, and
    (?:got|received|arrived|came|arrivato|arrivata|arrivati|ricevuto|ricevuta|llego|recibi
      |recu|recue|arrive|arrivee|bekommen|erhalten|kam|geliefert)\s+
    (?P<sent>\L<variants>)\b                     # ... green: another colour or size was sent
    """,
    regex.V1,
    variants=(
        *("red", "blue", "green", "black", "white", "grey", "gray", "pink", "yellow", "brown"),
        *("purple", "orange", "rosso", "rossa", "blu", "verde", "nero", "nera", "bianco"),
        *("bianca", "grigio", "rosa", "giallo", "marrone", "rojo", "roja", "azul", "negro"),
        *("negra", "blanco", "blanca", "gris", "amarillo", "rouge", "bleu", "vert", "noir"),
        *("noire", "blanc", "blanche", "jaune", "rot", "blau", "grun", "schwarz", "weiss"),
        *("gelb", "xs", "s", "m", "l", "xl", "xxl", "small", "medium", "large"),
    ),
)


def _praise_turned(text: str) -> list[Hit]:
    """Praise that is no praise, and a 'never' that is no complaint.

    'My skin has never been softer' praises; 'worked fine for a week', 'was good until it
    stopped', 'loved it for the one day it worked' tell a failure, not a buyer's confusion of
    the rating scale; so does 'ordered a charger, got a box of rocks' or 'ordinato rosso e
    arrivato verde' (another thing was sent).
    """
    found = []
    for m in _NEVER_BETTER.finditer(text):
        found.append(Hit("negative.not", m.start(), m.end(), -1))
        found.append(Hit("positive", m.start("praise"), m.end("praise"), -1))
    found += [Hit("positive.not", m.start(), m.end(), -1) for m in _GOOD_UNTIL.finditer(text)]
    found += [Hit("condition", m.start(), m.end(), -1) for m in _ORDERED_GOT.finditer(text)]
    found += [
        Hit("condition", m.start(), m.end(), -1)
        for m in _ORDERED_ARRIVED.finditer(text)
        if m["wanted"] != m["sent"]
    ]
    return found


_FAILURE: Final = frozenset({"product", "breakage", "negative"})
_FAILED_REACH = 30  # characters from a failure to the time it took, in one clause
# 'but' in the five languages, as a pattern alternative (for the failure read just below and
# the price praise that takes a complaint back)
_BUT = "but|aber|mais|pero|ma|though|yet"
# no clause break and no 'but' between ('broke but the replacement came in 3 days' praises it)
_NO_BREAK = regex.compile(rf"(?:(?!\b(?:{_BUT})\b)[^,.;:!?\n])*", regex.V1)


def _failed_within(text: str, hits: list[Hit]) -> list[Hit]:
    """A time said right after a failure is how soon it failed, no praise of a fast delivery.

    'stopped working in 3 days', 'se dégonfle en 2 jours': the 'in 3 days' that praises a
    delivery elsewhere ('arrived in 3 days') is set aside (`positive.not`), so a low rating
    over it is no mismatch (SP310).
    """
    durations = sorted((h.start, h.end) for h in hits if h.vocab == "duration")
    if not durations:
        return []
    starts = [s for s, _ in durations]
    failures = sorted(h.end for h in hits if h.vocab in _FAILURE)
    found = []
    for h in hits:
        if h.vocab != "positive":
            continue
        # a duration inside the praise: the first that starts in it (bisection: linear overall)
        k = bisect.bisect_left(starts, h.start)
        if k == len(durations) or durations[k][0] >= h.end or durations[k][1] > h.end:
            continue
        i = bisect.bisect_right(failures, h.start)
        if (
            i
            and h.start - failures[i - 1] <= _FAILED_REACH
            and _NO_BREAK.fullmatch(text, failures[i - 1], h.start) is not None
        ):
            found.append(Hit("positive.not", h.start, h.end, -1))
    return found


_FEW_WORDS = regex.compile(r"(?:\W+[a-z]+){1,3}", regex.V1)
_NOT_THE_PRODUCT: Final = frozenset(
    {"service", "seller", "shipping", "missing", "late", "courier", "handling", "manner"}
)
"""Vocabularies whose verbs stop for another reason: 'stopped responding' is the seller."""


_THE_PRODUCT: Final = frozenset({"product", "item"})


def _stopped(text: str, reading: _Reading) -> list[Hit]:
    """'stopped heating', 'dejó de funcionar': something the product did and does no more.

    Unless the words before it name the delivery or the seller as what stopped ('the tracking
    stopped updating', 'the seller stopped caring'), or the verb or the few words after it
    belong to them ('stopped replying', 'stopped updating the tracking', 'dejó de contestar')
    and no part of the product stopped: 'the buttons stopped responding' is the product, and
    its verb no service.
    """
    found = []
    bounds = _clause_bounds(text)
    starts = [s for s, _ in bounds]
    for m in _STOPPED.finditer(text):
        # what stopped: the clause up to the verb ('the buttons', 'they', 'the seller')
        clause = bounds[max(0, bisect.bisect_right(starts, m.start()) - 1)][0]
        subject = {h.vocab for h in reading.lexicon.scan(text[clause : m.start()])}
        # the verb and what it stopped doing to: 'stopped updating the tracking'
        after = _FEW_WORDS.match(text, m.end())
        told = m["verb"] + (after[0] if after else "")
        vocabs = {h.vocab for h in reading.lexicon.scan(told)}
        if subject & _NOT_THE_PRODUCT:
            continue
        if vocabs & _NOT_THE_PRODUCT and not subject & _THE_PRODUCT:
            continue
        found.append(Hit("product", m.start(), m.end(), -1))
        found += [Hit(f"{v}{_NOT}", m.start("verb"), m.end("verb"), -1) for v in vocabs]
    return found


def _within_verdicts(hits: Iterable[Hit], vocab: str) -> bool:
    """Whether every hit of ``vocab`` lies inside a verdict ('useless', 'returned')."""
    hits = list(hits)
    verdicts = [(h.start, h.end) for h in hits if h.vocab == "verdict"]
    return all(
        any(s <= h.start and h.end <= e for s, e in verdicts) for h in hits if h.vocab == vocab
    )


def _wear_as_damage(hits: Iterable[Hit]) -> frozenset[str]:
    """The vocabularies of a clause's hits, where wear of the item counts as damage.

    'Scratched', 'faded', 'like new' are the item's condition on arrival, but the product's
    after some use ('scratched the first time I used it'): when every condition hit of the
    clause is such a word, it is read like damage (the parcel's, the product's in use, else
    the condition).
    """
    hits = tuple(hits)
    vocabs = {h.vocab for h in hits}
    if "condition" not in vocabs or "wear" not in vocabs:
        return frozenset(vocabs)
    wear = [(h.start, h.end) for h in hits if h.vocab == "wear"]
    conditions = [h for h in hits if h.vocab == "condition"]
    if all(any(s <= h.start and h.end <= e for s, e in wear) for h in conditions):
        vocabs = (vocabs - {"condition"}) | {"damage"}
    return frozenset(vocabs)


_ITALIAN_AND = regex.compile(r"(?<=\s)e(?=\s)", regex.V1)


_TOO_LONG: Final = frozenset(
    {"too", "long", "way", "far", "much", "so", "just", "a", "bit", "to", "wait", "arrive", "come"}
)
"""The words of a clause that, said on its own after the wait, is the wait's ('two weeks, way
too long'); any other word names what is too long ('too long for my wrist')."""


class Comment:
    """A buyer's comment read once: normalised, scanned for phrases and cut into clauses.

    Attributes:
        original: The comment as the buyer wrote it.
        reading: The vocabularies it is read with (the policy's extra phrases included).
        norm: The normalised comment (for the contact-detail detectors).
        view: The comment as the vocabularies read it (accents folded, typos fixed).
        hits: The phrase hits in ``view``.
        clauses: The clauses with their topics.
    """

    def __init__(self, text: str, *, policy: Policy | None = None) -> None:
        """Normalise and scan ``text`` with the vocabularies of ``policy`` (built-in if None)."""
        self.original = text
        self.reading = _policy_reading(policy)
        self.norm = normalize(text)
        self.view = _reading_view(self.norm, self.reading)
        hits = self.reading.lexicon.scan(self.view.text)
        text = self.view.text
        hits += [Hit("positive", m.start(), m.end(), -1) for m in _PRAISE_SIGNS.finditer(text)]
        hits += [Hit("negative", m.start(), m.end(), -1) for m in _COMPLAINT_SIGNS.finditer(text)]
        hits += _stopped(text, self.reading)
        hits += _substring_hits(text, self.reading)
        hits += _praise_turned(text)
        hits += _failed_within(text, hits)
        hits = self._outside_emails(_drop_exceptions(hits))
        hits += _price_verdicts(self.view.text, hits)
        self.hits: tuple[Hit, ...] = tuple(sorted(hits, key=_start))
        self.vocabs = frozenset(h.vocab for h in self.hits)
        self.clauses = self._cut()
        self.topics: frozenset[Topic] = frozenset().union(*(c.topics for c in self.clauses))

    @functools.cached_property
    def shouted(self) -> bool:
        """Whether the comment is all in capitals (its capitals then mark nothing).

        Worked out when first asked (a possessive name before a word in capitals), not for
        every comment.
        """
        return self.original.upper() == self.original

    def _outside_emails(self, hits: list[Hit]) -> list[Hit]:
        """The hits that are not words of an email address ('parcel' in 'no-reply@parcel.com')."""
        if "@" not in self.norm.text:
            return hits
        emails = SpanSet((e.start, e.end) for e in find_emails(self.norm))
        return [h for h in hits if not emails.overlaps(*self.span(h.start, h.end))]

    def _bounds(self) -> list[tuple[int, int]]:
        """The clauses' bounds in ``view``, cut at the Italian 'e' too.

        'in ritardo e le cuffie ronzano' is two clauses, as 'late and the earbuds buzz' is;
        folded, 'è' (is) reads 'e' as well, so only a plain 'e' of the comment cuts.
        """
        text = self.view.text
        bounds = _clause_bounds(text)
        cuts = [
            (m.start(), m.end())
            for m in _ITALIAN_AND.finditer(text)
            if self.original[slice(*self.span(m.start(), m.end()))] in {"e", "E"}
        ]
        if not cuts:
            return bounds
        out = []
        for start, end in bounds:
            rest = start
            for cut_start, cut_end in cuts:
                if rest < cut_start and cut_end < end:
                    out.append((rest, cut_start))
                    rest = cut_end
            out.append((rest, end))
        return [(s, e) for s, e in out if text[s:e].strip()]

    def _cut(self) -> tuple[_Clause, ...]:
        filler = frozenset(_data()["words"]["filler"])
        packaging_anywhere = "packaging" in self.vocabs
        parcel_harmed = packaging_anywhere and not self.vocabs.isdisjoint(_PARCEL_HARM)
        starts = [h.start for h in self.hits]
        clauses: list[_Clause] = []
        # a mail from a carrier or from a no-reply address is a notice, no service of anyone's
        # ('email from tracking@dhl-news.com, never came'); Amazon's may be its customer service
        generic = (
            [
                (e.start, e.end)
                for e in find_emails(self.norm)
                if _generic_email(self.original[e.start : e.end], e.host, service_desks=False)
            ]
            if "@" in self.norm.text
            else []
        )
        # a comment about a carrier and no one else: its service or manner is the carrier's
        carrier_only = self.vocabs.isdisjoint(_SELLER_SIDE)
        courier_before = False
        for start, end in self._bounds():
            inside = self.hits[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
            words = [w for w, _, _ in tokens(self.view.text[start:end])]
            content = sum(w not in filler and not w.isdigit() for w in words)
            vocabs = _wear_as_damage(inside)
            names_carrier = "courier" in vocabs or bool(
                _CARRIER_NAME.search(self.view.text, start, end)
            )
            if (
                carrier_only
                and vocabs & {"service", "manner"}
                and (
                    names_carrier or (courier_before and ("service" not in vocabs or content <= 1))
                )
            ):
                # 'Hermes hotline … was no help either', '… in die Mülltonne gelegt.
                # unverschämt.', 'courier threw the parcel over my gate and was rude when I
                # asked him …': the carrier's service and manner are the delivery; not a
                # service named after it ('DPD lost the parcel. Customer service was rude.')
                vocabs |= {"courier"}
            courier_before = courier_before or names_carrier
            if clauses and content <= 1 and "verdict" in vocabs:
                # 'chat support kept transferring me, useless': the verdict of what came before;
                # '... way too long. returned': the buyer's own return, no service of the seller's
                vocabs -= {"product"}
                if _within_verdicts(inside, "service"):
                    vocabs -= {"service"}
            if (
                "verdict" in vocabs
                and vocabs & {"service", "amazon_service"}
                and "item" not in vocabs
                and _within_verdicts(inside, "product")
            ):
                # 'Servizio clienti Amazon inutile': the verdict judges the service it names
                vocabs -= {"product"}
            first, last = self.span(start, end)
            if any(first <= s and e <= last for s, e in generic):
                vocabs -= {"service"}
            if (
                clauses
                and Topic.LATE in clauses[-1].topics
                and not any(h.vocab == "item" for h in clauses[-1].hits)
                and vocabs == {"product"}
                and set(words) <= _TOO_LONG
                and not any(c.isalpha() for c in self.view.text[end:])
            ):
                # 'took two weeks to turn up, way too long': the wait, said last; not the item's
                # length, as in 'Much too long, had to take it up' or after the item named ('Dress
                # arrived 3 days late, far too long')
                vocabs = frozenset({"late"})
            if "item_question" in vocabs and vocabs & {"service", "seller"}:
                # 'the seller answered my question about sizing': a service, about the item
                vocabs -= {"product", "item"}
            topics = _clause_topics(
                vocabs, packaging_anywhere=packaging_anywhere, parcel_harmed=parcel_harmed
            )
            clauses.append(_Clause(start, end, inside, content, topics))
        return tuple(clauses)

    def of(self, vocab: str) -> tuple[Hit, ...]:
        """The hits of one vocabulary."""
        return tuple(h for h in self.hits if h.vocab == vocab)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of ``view.text[start:end]``."""
        return self.view.span(start, end)

    def whole(self) -> tuple[int, int]:
        """The original span of the comment without surrounding blanks."""
        text = self.original
        start = len(text) - len(text.lstrip())
        return start, max(start, len(text.rstrip()))

    def words_of(self, vocabs: Iterable[str], limit: int = 4) -> str:
        """Up to ``limit`` distinct evidence phrases of ``vocabs``, quoted from the original."""
        wanted = set(vocabs)
        seen: list[str] = []
        for h in self.hits:
            if h.vocab in wanted:
                start, end = self.span(h.start, h.end)
                phrase = self.original[start:end]
                if phrase.lower() not in (s.lower() for s in seen):
                    seen.append(phrase)
        return ", ".join(f"'{p}'" for p in seen[:limit])


# --- rule results ----------------------------------------------------------------------------


class _Found(NamedTuple):
    """A ground found in the comment, before it becomes a `Finding`."""

    start: int
    end: int
    detail: str
    disguises: tuple[str, ...] = ()


@attrs.frozen
class _Context:
    """What a rule may read besides the comment."""

    rating: int
    rating_class: FeedbackClass
    order: Order | None
    policy: Policy


class _Unjudged(NamedTuple):
    reason: str


_RuleResult = list[_Found] | _Unjudged


def _topic_names(topics: Iterable[Topic]) -> str:
    return ", ".join(t.value for t in sorted(topics, key=list(Topic).index))


_TOPIC_VOCABS: Final = {
    Topic.LATE: ("late", "duration", "expectation"),
    Topic.MISSING: ("missing",),
    Topic.HANDLING: ("handling", "damage", "breakage"),
    Topic.SHIPPING: ("shipping", "packaging", "courier"),
    Topic.SERVICE: ("service", "manner"),
    Topic.CONDUCT: ("conduct",),
    Topic.AMAZON_SERVICE: ("amazon_service",),
    Topic.SELLER: ("seller",),
    Topic.CONDITION: ("condition", "damage", "breakage"),
    Topic.PRICE: ("price_complaint", "price_word", "price_praise"),
    Topic.PRODUCT: ("product", "item", "breakage"),
}
"""The vocabularies whose words a finding quotes as evidence of each topic."""


def _whole_comment(comment: Comment, topics: Iterable[Topic], about: str) -> list[_Found]:
    vocabs = [v for t in topics for v in _TOPIC_VOCABS[t]]
    evidence = comment.words_of(vocabs)
    start, end = comment.whole()
    return [_Found(start, end, f"{about} ({evidence})" if evidence else about)]


_LONG_WAIT = regex.compile(
    r"""(?x)
    week|wk|month|fortnight|forever|ages|woche|monat|ewig|semaine|mois|semana|\bmes\b|settiman
  | mese|週間|ヶ月|か月|カ月                  # weeks and months, in any language
    """,
    regex.V1,
)


def _late(comment: Comment, rating: int, *, arrival: bool = True) -> bool:
    """Whether the comment says the delivery was late, outright or by what it waited for.

    With ``arrival`` a low rating makes an arrival told with a day or a duration late ('took 9
    days to get here'); without it only a wait of weeks, or a day or a duration set against
    what was expected is ('hat fast drei Wochen gedauert', 'paid for 2 day shipping, got it in
    6 days'), since praise beside the arrival may be about it ('arrived on wednesday, great
    seller').
    """
    if comment.of("late"):
        return True
    if rating > _NEUTRAL or comment.of("on_time"):
        return False
    vocabs = comment.vocabs
    # 'took 9 days to get here'; 'needed it by friday, got it the next thursday'
    # 'ordered for xmas, came in january': a later day or month than the one it was needed for
    arrived = Topic.SHIPPING in comment.topics and vocabs & {
        "duration",
        "expectation",
        "weekday",
        "month",
    }
    promised = "expectation" in vocabs and vocabs & {"duration", "weekday", "month"}
    waited = any(
        _LONG_WAIT.search(comment.view.text[h.start : h.end]) for h in comment.of("duration")
    )
    return bool((arrival and arrived) or promised or waited)


_OTHER_THAN_DELIVERY: Final = frozenset(
    {
        Topic.PRODUCT,
        Topic.CONDITION,
        Topic.SERVICE,
        Topic.CONDUCT,
        Topic.AMAZON_SERVICE,
        Topic.SELLER,
        Topic.PRICE,
    }
)


# the seller's words reported ('the seller told me', 'il venditore ha detto')
_SAID = regex.compile(
    r"\b(?:told|tells|tell|said|says|saying|claim\w*|insist\w*|dit|dijo|dicho|detto|gesagt|sagt\w*"
    r"|meinte|meint)\b",
    regex.V1,
)


def fulfilled_by_amazon(comment: Comment, context: _Context) -> _RuleResult:
    """SP301: an FBA order's feedback wholly about Amazon's part is struck through.

    Current edition: the whole comment is about the delivery (late, lost, parcel damaged, the
    courier); any part about the item's condition, a service the seller gave or Amazon's
    customer service refuses it. Seed edition (``fba_strike_scope = delivery_or_service``):
    about fulfilment or customer service (the seller's or Amazon's). In neither is the seller's
    own conduct a service given to the buyer: pressing for a changed review or changing the
    listing after the sale (`Topic.CONDUCT`) refuses it. A seller named only to be cleared
    ('Amazon lost my parcel, seller not to blame') is not named at all (`_clearing_the_seller`).
    """
    scope = context.policy.parameters.choice("fba_strike_scope")
    topics = _clearing_the_seller(comment)
    # 'excellent seller fast shipping': the seller praised as such is judged, not the delivery
    praised = Topic.SELLER in topics and any(_seller_praised(comment, c) for c in comment.clauses)
    if (
        Topic.SELLER in topics
        and not praised
        and all(
            (
                (c.topics & _DELIVERY and not c.topics & {Topic.SERVICE, Topic.CONDUCT})
                or (c.topics == {Topic.SELLER} and _condemns(c) and topics & _DELIVERY)
            )
            and not _SAID.search(comment.view.text, c.start, c.end)
            for c in comment.clauses
            if Topic.SELLER in c.topics
        )
    ):
        # 'seller took forever, it didn't arrive till the 14th': on an FBA order the seller
        # named as the one who delivered is Amazon's fulfilment all the same, and so is the
        # seller only condemned beside the delivery's trouble ('Retard de livraison, vendeur
        # nul'); 'the seller told me delivery isn't their problem' is what the seller said, a
        # service
        topics -= {Topic.SELLER}
    if scope == "delivery":
        allowed, needed = _DELIVERY, _DELIVERY
    else:
        allowed = _DELIVERY | {Topic.SERVICE, Topic.AMAZON_SERVICE, Topic.SELLER}
        needed = _DELIVERY | {Topic.SERVICE, Topic.AMAZON_SERVICE}
    # 'el vendedor muy atento': a clause about the seller alone judges the seller, not the
    # fulfilment or a service ('seller never replied' is a service, 'seller shipped late' is
    # the delivery)
    # unless another clause names the service the seller is praised or blamed for ('seller was
    # great and sent a replacement right away')
    seller_alone = (
        Topic.SELLER in topics
        and Topic.SERVICE not in topics
        and (praised or any(c.topics == {Topic.SELLER} for c in comment.clauses))
    )
    fits = bool(topics & needed) and topics <= allowed and not seller_alone
    about = f"the whole comment is about {_topic_names(topics & needed)}"
    if context.order is None:
        what = about if fits else "the comment is not wholly about the fulfilment"
        return _Unjudged(f"no order given, so the fulfilment channel is unknown ({what})")
    if context.order.fulfillment_channel is not FulfillmentChannel.AFN or not fits:
        return []
    return _whole_comment(comment, topics, about)


# at most one word between a word of praise and the seller ('excellent seller', 'seller was
# great', 'venditore davvero ottimo')
_NEXT_TO = regex.compile(r"\W*(?:\w+\W+)?", regex.V1)


def _seller_praised(comment: Comment, clause: _Clause) -> bool:
    """Whether a clause praises the seller as such ('excellent seller fast shipping').

    The seller is judged, not the delivery: such a comment is not wholly about the fulfilment.
    """
    text = comment.view.text
    sellers = [h for h in clause.hits if h.vocab == "seller"]
    praise = [h for h in clause.hits if h.vocab == "positive"]
    return any(
        _NEXT_TO.fullmatch(text, first.end, second.start) is not None
        for s in sellers
        for p in praise
        for first, second in ((p, s), (s, p))
        if first.end <= second.start
    )


def _condemns(clause: _Clause) -> bool:
    """Whether a clause only finds fault ('vendeur nul', 'terrible seller'), praising nothing."""
    return not _praises(clause) and any(h.vocab == "negative" for h in clause.hits)


def product_review(comment: Comment, context: _Context) -> _RuleResult:
    """SP302: a comment wholly about the product is a product review, and is removed."""
    del context
    topics = comment.topics
    if Topic.PRODUCT not in topics or topics & (_DELIVERY | _OTHER_THAN_DELIVERY - {Topic.PRODUCT}):
        return []
    return _whole_comment(comment, [Topic.PRODUCT], "the whole comment is about the product")


# --- SP303 profanity --------------------------------------------------------------------------

_SPACED_LETTERS = regex.compile(r"(?<![\p{L}.])\p{L}(?:[ .*_-]\p{L}){2,}(?![\p{L}])", regex.V1)
_MAX_SUFFIX = 5
# the words of one letter a spelled-out run may start with ('a', 'i', Spanish 'y', 'o', Italian 'e')
_ONE_LETTER_WORDS = frozenset("aiyoeà")
# Ordinary words that start with a root, spelled out letter by letter ('the p r i c k l y
# cactus'; not 'f u c k l i n g', whose ending no word of the language has)
_NOT_SWEARS: Final = frozenset(
    {
        "prickly",
        "prickle",
        "prickles",
        "prickled",
        "prickling",
        "cockle",
        "cockles",
        "shitake",
        "shitakes",
        "cocktail",
        "cocktails",
        "assembly",
        "assemble",
        "assembled",
    }
)
_COMPOUND_ROOTS: Final = ("fuck", "shit")
"""The roots buyers build compounds with ('clusterfuck', 'dogshit', masked: 'dogsh1t')."""
_COMPOUND = regex.compile("|".join(_COMPOUND_ROOTS), regex.V1)
_NOT_COMPOUND: Final = frozenset({"shitake", "shitakes", "shiitake"})


@functools.cache
def _profane_roots() -> tuple[str, ...]:
    roots: list[str] = _data()["profanity"]["roots"]
    return tuple(sorted({r.lower() for r in roots}, key=len, reverse=True))


def _masked_compound(token: str) -> bool:
    """Whether ``token`` is a word and a masked compound root ('dogsh1t', 'bullsh*t')."""
    lowered = token.lower()
    for i in range(1, len(lowered)):
        if not lowered[:i].isalpha():
            return False
        rest = lowered[i:]
        if any(unmasks(rest, root) for root in _COMPOUND_ROOTS):
            return True
    return False


def _masked_profanity(comment: Comment) -> list[tuple[int, int]]:
    """Normalised spans of masked or spaced-out profanity."""
    text = comment.norm.text
    found: list[tuple[int, int]] = []
    roots = _profane_roots()
    for m in MASKED_TOKEN.finditer(text):
        token = m[0].rstrip("!")
        plain = token.isalpha()
        if plain and token.isascii():
            # the vocabulary reads plain words; compounds are read here ('clusterfuck', 'dipshit')
            if _COMPOUND.search(token) and token not in _NOT_COMPOUND:
                found.append((m.start(), m.start() + len(token)))
            continue
        for root in roots:
            if (plain and root == token) or (not plain and unmasks(token, root)):
                found.append((m.start(), m.start() + len(token)))
                break
        else:
            if not plain and _masked_compound(token):
                found.append((m.start(), m.start() + len(token)))
    for m in _SPACED_LETTERS.finditer(text):
        joined = "".join(c for c in m[0] if c.isalpha())
        if _spelled_swear(joined, roots):
            found.append(m.span())
        elif joined[0] in _ONE_LETTER_WORDS and _spelled_swear(joined[1:], roots, suffix=2):
            # a one-letter word before it joins the run ('a c u n t', 'y m i e r d a'), its
            # ending short ('a c o c k t a i l' is no swear word)
            found.append((m.start() + 2, m.end()))
    return found


def _spelled_swear(joined: str, roots: Iterable[str], *, suffix: int = _MAX_SUFFIX) -> bool:
    """Whether letters spelled out one by one make a swear word and no ordinary word."""
    return joined not in _NOT_SWEARS and any(
        r == joined[: len(r)] and len(joined) - len(r) <= suffix for r in roots
    )


def profanity(comment: Comment, context: _Context) -> _RuleResult:
    """SP303: obscene or profane words, masked forms too ('sh*t'), never mild ones ('crap')."""
    del context
    emails = SpanSet((e.start, e.end) for e in find_emails(comment.norm))
    spans = [comment.span(h.start, h.end) for h in comment.of("profanity")]
    spans += [comment.norm.span(s, e) for s, e in _masked_profanity(comment)]
    out: list[_Found] = []
    for start, end in sorted(set(spans)):
        if emails.overlaps(start, end) or any(s <= start and end <= e for s, e, *_ in out):
            continue
        out.append(_Found(start, end, f"'{comment.original[start:end]}'"))
    return out


# --- SP304 personal information ---------------------------------------------------------------

_NAME_WORD = regex.compile(
    r"(?<![\p{L}\p{N}@._'\u2019-])\p{L}[\p{L}\p{M}]*(?:['\u2019-]\p{L}[\p{L}\p{M}]*)*", regex.V1
)
_BETWEEN_NAMES = regex.compile(r"[ \t]+", regex.V1)
_CUE_TAIL = 40
_MIN_SURNAME = 2


class _Word(NamedTuple):
    text: str
    start: int
    end: int


def _style(word: str) -> str:
    """``caps`` (RACHEL), ``title`` (Rachel, McDonald) or ``lower``."""
    letters = [c for c in word if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return "caps"
    if letters and letters[0].isupper():
        return "title"
    return "lower"


@functools.cache
def _first_names() -> frozenset[str]:
    return frozenset(_fold(n.lower()) for n in _data()["names"]["first"])


@functools.cache
def _not_surnames() -> frozenset[str]:
    names: list[str] = _data()["names"]["not_surname"]
    return frozenset(_fold(n.lower()) for n in names) | frozenset(_data()["words"]["filler"])


@functools.cache
def _surnames() -> frozenset[str]:
    names: list[str] = _data()["names"]["surname"]
    return frozenset(_fold(n.lower()) for n in names)


@functools.cache
def _titles() -> frozenset[str]:
    """The titles before a name ('Frau', 'Mr'), folded: a title is no first name ('Don' is)."""
    return frozenset(_fold_phrase(t) for t in _data()["vocabularies"]["name_title"]) - {"don"}


@functools.cache
def _particles() -> frozenset[str]:
    return frozenset(_data()["name_particles"]["words"])


@functools.lru_cache(maxsize=2048)
def _is_plain_word(word: str) -> bool:
    """Whether ``word`` is a word of the vocabularies (so not a surname): 'Great', 'Lieferung'."""
    folded = _fold(word.lower())
    # the built-in vocabularies: whether a word can be a surname does not depend on the policy
    return folded in _not_surnames() or bool(_reading(()).lexicon.scan(folded))


_NAME_CUES: Final = frozenset({"name_cue", "name_intro", "name_title"})
_QUOTES = regex.compile(r"['\u2019]", regex.V1)


def _words_before(comment: Comment, start: int) -> str:
    """The folded, lower-cased words of the original text just before ``start``, for cues."""
    return _fold(comment.original[max(0, start - _CUE_TAIL) : start].lower())


def _cues(comment: Comment, start: int) -> frozenset[str]:
    """The kinds of name cue ('seller is', 'Frau', 'my name is') ending right before ``start``."""
    tail = _words_before(comment, start)
    tail = _QUOTES.sub(" ", tail)
    stripped = tail.rstrip(" .:,")
    if len(stripped) == len(tail):
        return frozenset()  # the name must follow the cue after a space
    return frozenset(
        h.vocab
        for h in comment.reading.cue_lexicon.scan(stripped)
        if h.end == len(stripped) and h.vocab in _NAME_CUES
    )


def _is_first_name(word: str, first_names: frozenset[str]) -> bool:
    """Whether ``word`` is a first name, or first names joined by hyphens ('Jean-Pierre')."""
    folded = _fold(word)
    return folded in first_names or (
        "-" in folded and all(part in first_names for part in folded.split("-"))
    )


def _full_names(comment: Comment) -> Iterator[tuple[int, int]]:
    text = comment.original
    words = [_Word(m[0], m.start(), m.end()) for m in _NAME_WORD.finditer(text)]
    first_names = _first_names()
    i = 0
    while i + 1 < len(words):
        first, last = words[i], words[i + 1]
        if first.text[0].islower() and not _is_first_name(first.text, first_names):
            i += 1  # most words: neither capitalised nor a first name
            continue
        if not _BETWEEN_NAMES.fullmatch(text[first.end : last.start]):
            i += 1
            continue
        j = i + 1
        particle = _fold(last.text.lower())
        if particle in _particles() and i + 2 < len(words) and _style(words[i + 2].text) != "lower":
            j = i + 2  # 'Lucía de la Cruz' reads 'de' then the surname
            last = words[j]
        if _fold(first.text.lower()) in _titles():
            i += 1  # 'Frau Meier' is no full name; 'Frau Sabine Müller' is read from 'Sabine'
            continue
        styles = {_style(first.text), _style(last.text)}
        known = _is_first_name(first.text.lower(), first_names)
        if _is_full_name(comment, first, last, styles, known=known):
            if not _names_a_product(comment, words, i, j) and not _public_figure(
                comment, text[first.start : last.end], first.start
            ):
                yield first.start, last.end
            i += 2
            continue
        i += 1


@functools.cache
def _japanese_name() -> regex.Pattern[str]:
    """A common Japanese surname, a given name of one to three letters, then an honorific."""
    surnames: list[str] = _data()["names"]["japanese_surname"]
    return regex.compile(
        rf"""(?x)
        (?:{_alternation(surnames)})                          # 佐藤, 鈴木
        [\p{{Han}}\p{{Hiragana}}\p{{Katakana}}]{{1,3}}?        # 健一
        (?=さん|様|氏)                 # an honorific: '佐藤さん' alone is no full name
        """,
        regex.V1,
    )


def _japanese_names(comment: Comment) -> Iterator[tuple[int, int]]:
    if _UNSPACED.search(comment.original):
        for m in _japanese_name().finditer(comment.original):
            yield m.start(), m.end()


@functools.cache
def _public_figures() -> frozenset[str]:
    names: list[str] = _data()["names"]["public_figure"]
    return frozenset(_fold(n.lower()) for n in names)


def _public_figure(comment: Comment, name: str, start: int) -> bool:
    """Whether ``name`` is a public figure's, named as one ('Jeff Bezos should be ashamed').

    Anyone's name is a person's after a cue ('the seller, Tom Brady, never replied').
    """
    folded = " ".join(_fold(name.lower()).split())
    return folded in _public_figures() and not _cues(comment, start)


def _names_a_product(comment: Comment, words: list[_Word], first: int, last: int) -> bool:
    """Whether the name ``words[first..last]`` names a product: a brand, author or designer.

    'the Stephen King box set', 'Paul Mitchell shampoo', 'Jimmy Choo knockoffs': a determiner
    right before the name, or one and 'new' ('le dernier Joël Dicker'), or a title in capitals
    after it ("Stephen King's IT"), or a product noun right after it; a year or a volume number
    and one describing word may stand between ('George Orwell 1984 hardcover', "Stephen King's
    new novel"). After a cue the name is a person's whatever follows ('seller Daniel Okafor').
    """
    text = comment.original
    if _cues(comment, words[first].start):
        return False
    if (
        _after_product_noun(comment, words, first)
        or _a_new_work(comment, words, first)
        or _before_a_title(comment, words, last)
    ):
        return True
    filler = frozenset(_data()["words"]["filler"])
    for step in (1, 2):
        at = last + step
        if at >= len(words) or not _BETWEEN_PRODUCT.fullmatch(
            text[words[at - 1].end : words[at].start]
        ):
            return False
        word = _fold(words[at].text.lower())
        if word in _brand_words("brand_after") or any(
            h.vocab == "item" for h in _reading(()).lexicon.scan(word)
        ):
            return True
        if _style(words[at].text) != "lower" or word in filler:
            return False  # 'told Marcus Bell my shoes were wrong': the name is a person's
    return False


def _a_new_work(comment: Comment, words: list[_Word], first: int) -> bool:
    """Whether the name ``words[first]...`` follows a determiner and 'new' or 'latest'.

    'the new Lee Child', 'le dernier Joël Dicker', 'l'ultimo Camilleri': a work named by its
    author or maker. 'the last driver, Tom Hale' names a person (a noun stands between).
    """
    if first < 1:
        return False
    text = comment.original
    before = words[first - 1]
    if not _BETWEEN_NAMES.fullmatch(text[before.end : words[first].start]):
        return False
    elided = _QUOTES.split(before.text.lower(), maxsplit=1)  # "l'ultimo"
    if len(elided) == _ELIDED:
        determiner, adjective = elided
    elif first > 1 and _BETWEEN_NAMES.fullmatch(text[words[first - 2].end : before.start]):
        determiner, adjective = words[first - 2].text.lower(), before.text.lower()
    else:
        return False
    return _fold(adjective) in _folded_words("work_before") and _fold(determiner) in _folded_words(
        "determiner_before_work"
    )


_ELIDED: Final = 2  # an elided determiner and its word: "l'ultimo"
_POSSESSIVE = regex.compile(r"['\u2019]s$", regex.V1 | regex.IGNORECASE)


def _before_a_title(comment: Comment, words: list[_Word], last: int) -> bool:
    """Whether the name ending at ``words[last]`` is an author's before a title in capitals.

    "Stephen King's IT", "Ken Follett's Pillars": a possessive name, then a capitalised word
    that is neither a word of the vocabularies nor a first name ("Tom Reyes's van" is a
    person's), or a word in capitals standing alone. A comment all in capitals says nothing by
    its capitals.
    """
    name = words[last]
    if last + 1 >= len(words) or not _POSSESSIVE.search(name.text):
        return False
    title = words[last + 1]
    if not _BETWEEN_NAMES.fullmatch(comment.original[name.end : title.start]):
        return False
    style = _style(title.text)
    if style == "lower":
        return False
    if style == "caps":
        # a title in capitals stands alone or goes on in capitals ("Stephen King's IT, pages
        # missing"); a shouted word runs into the sentence ("Sarah Jones's RUDE reply")
        after = words[last + 2] if last + 2 < len(words) else None
        return not comment.shouted and (
            after is None
            or not _BETWEEN_NAMES.fullmatch(comment.original[title.end : after.start])
            or _style(after.text) == "caps"
        )
    return not (_is_plain_word(title.text) or _is_first_name(title.text.lower(), _first_names()))


@functools.cache
def _folded_words(key: str) -> frozenset[str]:
    words: list[str] = _data()["names"][key]
    return frozenset(_fold(w) for w in words)


def _is_item(word: str) -> bool:
    return any(h.vocab == "item" for h in _reading(()).lexicon.scan(_fold(word.lower())))


def _after_product_noun(comment: Comment, words: list[_Word], first: int) -> bool:
    """Whether the name ``words[first]...`` follows a determiner or names an item's maker.

    'the Stephen King box set'; a product noun right before the name ('il profumo Giorgio
    Armani', 'perfume Carolina Herrera'), or before 'by', 'de', 'di', 'von' and the name
    ('le livre de Victor Hugo', 'the set by J.K. Rowling').
    """
    text = comment.original
    chain: list[_Word] = []
    at = first
    while at > 0 and len(chain) < _MAKER_WORDS:
        before = words[at - 1]
        if not _BETWEEN_NAMES.fullmatch(text[before.end : words[at].start]):
            break
        chain.append(before)
        at -= 1
    if not chain:
        return False
    word = chain[0].text.lower()
    if word in _brand_words("brand_before") or _is_item(word):
        return True
    maker = _fold(word) in _brand_words("maker_before")
    return maker and len(chain) > 1 and _is_item(chain[1].text)


_MAKER_WORDS: Final = 2
"""A product noun and the word naming its maker ('livre de') may stand before a name."""
_BETWEEN_PRODUCT = regex.compile(r"[ \t]+(?:\d{1,4}[ \t]+)?", regex.V1)


@functools.cache
def _brand_words(key: str) -> frozenset[str]:
    words: list[str] = _data()["names"][key]
    return frozenset(words)


def _is_full_name(
    comment: Comment, first: _Word, last: _Word, styles: set[str], *, known: bool
) -> bool:
    """Whether two words are a person's full name.

    'Jessica Moore', 'RACHEL BENNETT'; after a cue any capitalised pair ('seller is Daniel
    Okafor'); in lower case only after an introduction ('my name is john miller').
    """
    # a word said twice is a brand or a band ('Joseph Joseph dish rack'), no person
    if len(styles) != 1 or len(last.text) < _MIN_SURNAME or first.text.lower() == last.text.lower():
        return False
    if _is_plain_word(last.text) and not (known and _fold(last.text.lower()) in _surnames()):
        return False  # 'Tom Reyes', 'Marcus Bell': a known first name before a word-like surname
    if not known and ("title" not in styles or _is_plain_word(first.text)):
        return False
    if styles != {"lower"} and known:
        return True  # the cheap case first: the cues are read only when needed
    cues = _cues(comment, first.start)
    if styles == {"lower"}:
        return known and "name_intro" in cues
    return bool(cues)


def _alternation(words: Iterable[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


_STREET_PARTICLES: Final = "de|del|della|delle|dei|degli|des|du|di|da|la|le|los|las|el|l'"


@functools.cache
def _address_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    """Street addresses, compiled once from the street words of the data file."""
    spec = _data()["address"]
    english = regex.compile(
        rf"""(?xi)
        (?<![\w/.,$€£-])\d{{1,6}}[a-z]?                  # the house number
        \s+(?P<name>(?:[\p{{L}}'.-]+\s+){{1,3}}?)        # one to three words of name
        (?P<suffix>{_alternation(spec["english_suffix"])})\b\.?  # Street, St, Rd, Ave
        """,
        regex.V1,
    )
    prefixed = regex.compile(
        rf"""(?xi)
        (?:(?<![\w.,$€£-])(?P<before>\d{{1,4}})(?:\s?(?:bis|ter))?,?\s+)?  # '12 rue ...'
        \b(?P<prefix>{_alternation(spec["prefix"])})\.?\s+        # rue, calle, via
        (?P<particles>(?:(?:{_STREET_PARTICLES})\s*)*)              # 'des', 'de la'
        (?P<name>[\p{{L}}'\u2019-]+(?:\s+[\p{{L}}'\u2019-]+){{0,2}}?)       # the street's name
        (?:(?:,\s*|\s+)(?:n[º°o]\.?\s*)?(?P<after>\d{{1,4}})\b)?   # 'calle Mayor 5', not 'Barn77'
        """,
        regex.V1,
    )
    german = regex.compile(
        rf"""(?xi)
        \b(?:\p{{L}}{{3,}}(?:{_alternation(spec["german_suffix"])})   # Hauptstraße, Gartenweg
          |\p{{Lu}}\p{{L}}+\s+(?:{_alternation(spec["german_suffix"])}))  # Berliner Straße
        \.?\s+\d{{1,4}}[a-z]?\b                                   # the house number
        """,
        regex.V1,
    )
    return english, prefixed, german


_PO_BOX = regex.compile(r"(?i)\bp\.?\s?o\.?\s?box\s+\d{1,6}\b", regex.V1)


def _street_name_ok(name: str, *, capitals: bool) -> bool:
    """Whether ``name`` can be a street's name: no word of the vocabularies, no number."""
    words = name.split()
    if not words or (capitals and any(_style(w) == "lower" for w in words)):
        return False
    return not any(_is_plain_word(w) or w.isdigit() for w in words)


def _addresses(comment: Comment) -> Iterator[tuple[int, int]]:
    text = comment.original
    spec = _data()["address"]
    risky = {s.lower() for s in spec["english_suffix_risky"]}
    english, prefixed, german = _address_patterns()
    for m in english.finditer(text):
        if _street_name_ok(m["name"], capitals=m["suffix"].lower() in risky):
            yield m.start(), m.end()
    for m in prefixed.finditer(text):
        if m["before"] is None and m["after"] is None:
            continue
        # 'via UPS 2 days': an Italian 'via' needs a capitalised name
        if _street_name_ok(m["name"], capitals=m["prefix"].lower() == "via"):
            yield m.start(), m.end()
    for m in german.finditer(text):
        yield m.start(), m.end()
    for m in _PO_BOX.finditer(text):
        yield m.start(), m.end()


_LOOSE_PHONE = regex.compile(
    r"""(?x)
    (?<![\w+/.,$€£-])
    (?:\d{3}[ .-]\d{3}[ .-]\d{3}          # 612 345 678 (Spain, Italy)
      |\d{2}(?:[ .-]\d{2}){4}             # 06 12 34 56 78 (France)
      |\d{3,5}[ .-]?\d{6,8}               # 0171 2345678 (Germany)
    )(?![\w/-]|[.,]\d)
    """,
    regex.V1,
)
_PHONE_CONTEXT = 30


def _loose_phones(comment: Comment, taken: SpanSet) -> Iterator[tuple[int, int]]:
    """Numbers that the message detector leaves to a phone word it does not know ('llamé')."""
    text = comment.view.text
    for m in _LOOSE_PHONE.finditer(text):
        start, end = comment.span(*m.span())
        if taken.overlaps(start, end):
            continue
        context = text[max(0, m.start() - _PHONE_CONTEXT) : m.start()]
        if any(h.vocab == "phone_cue" for h in comment.reading.cue_lexicon.scan(context)):
            yield start, end


_EMAIL_SEPARATORS = regex.compile(r"[-_.+]", regex.V1)


def _generic_email(address: str, host: str, *, service_desks: bool = True) -> bool:
    """Whether an address is nobody's in particular: a no-reply one, Amazon's or a carrier's.

    Separators are ignored and the local part may go on ('no_reply-tracking@'), and a domain
    name may join a carrier's name to another word ('hermes-europe.de', 'dhl-news.com').
    Without ``service_desks``, Amazon's and PayPal's addresses do not count: a mail to or from
    them may be their customer service.
    """
    spec = _data()["email"]
    local = address.partition("@")[0].strip().lower()
    # the local part read up to each separator and to its end: 'no', 'no_reply', 'no_reply-de'
    heads = {
        _EMAIL_SEPARATORS.sub("", local[: m.start()]) for m in _EMAIL_SEPARATORS.finditer(local)
    } | {_EMAIL_SEPARATORS.sub("", local)}
    words = {w for label in host.lower().split(".")[:-1] for w in label.split("-")}
    domains = set(spec["generic_domains"])
    if not service_desks:
        domains -= set(spec["service_desks"])
    return bool(heads & set(spec["generic_local"]) or words & domains)


def personal_information(comment: Comment, context: _Context) -> _RuleResult:
    """SP304: an email address, a phone number, a full name or a street address.

    In the current edition (``personal_email_scope = seller_specific``) a no-reply address or
    one of Amazon's is no one's personal information, and the buyer's own address ('email me
    at ...') is not the seller's.
    """
    view = contact_view(comment.norm)
    any_email = context.policy.parameters.choice("personal_email_scope") == "any"
    found = [
        _Found(e.start, e.end, "an email address", e.disguises)
        for e in find_emails(comment.norm, view)
        if any_email
        or not (
            _generic_email(comment.original[e.start : e.end], e.host)
            or _buyers_own(comment, e.start)
        )
    ]
    found += [
        _Found(p.start, p.end, "a phone number", p.disguises)
        for p in find_phones(comment.norm)
        if not _company_line(comment, p.start, p.end) and not not_a_phone(p, introduced=False)
    ]
    taken = SpanSet((f.start, f.end) for f in found)
    found += [
        _Found(s, e, "a phone number")
        for s, e in _loose_phones(comment, taken)
        if not _company_line(comment, s, e)
    ]
    taken = SpanSet((f.start, f.end) for f in found)
    for start, end in itertools.chain(_full_names(comment), _japanese_names(comment)):
        if not taken.overlaps(start, end):
            found.append(_Found(start, end, "a full name"))
    for start, end in _addresses(comment):
        if not taken.overlaps(start, end):
            found.append(_Found(start, end, "a street address"))
    return [
        f._replace(detail=f"{f.detail}: '{comment.original[f.start : f.end]}'")
        for f in sorted(found)
    ]


# A carrier's or Amazon's public line named just before a number is no one's personal
# information ('DHL hotline 0228 4333 112', 'UPS said call 1-800-742-5877'); the seller's own
# customer line is the seller's ('their customer line (800) 555-0134').
_COMPANY_LINE = regex.compile(
    r"""(?x)
    \b(?:ups|usps|fedex|dhl|dpd|gls|hermes|evri|royal\s+mail|amazon|correos|seur|la\s+poste
      |colissimo|chronopost|brt|poste\s+italiane)\b
      (?:-|[^.!?,;\n\d\-\u2013\u2014]{0,20})\b(?:line|number|phone|call|calls|said|says|hotline|helpline|tel)\b
      # right before the number, so 'bought on Amazon, call me on 0176 ...' is the buyer's own
      (?:\s+(?:is|was|on|at|under|unter|au|al))?[\s:=-]*$
    """,
    regex.V1,
)


# A carrier named earlier in the number's sentence ('called fedex on 1-800-…', 'il numero brt 011
# …', 'livreur chronopost très impoli, appelé le 09 69 …'): the number is the carrier's line
# unless the words around it give it as the buyer's own ('mi número es', 'call me on',
# 'chiamatemi al', 'rappelez au … c'est mon portable'). Amazon is not one of them here: 'ordered
# via Amazon, the seller's whatsapp 07700 …' names the seller's number.
_CARRIER = regex.compile(rf"\b(?:ups|{'|'.join(_CARRIERS)})\b", regex.V1)
# the buyer's own words before the number, a pronoun or a verb with 'me' joined ('llámenme',
# 'chiamatemi', 'llamame', 'chiamami'; not 'llamé', 'I called'; 'flame' read so too, the safe
# side)
_OWN_BEFORE = regex.compile(
    r"(?:\b(?:me|my|mine|mich|mir|mein\w*|moi|mon|ma|mes|mi|mio|mia)\b"
    r"|\w(?:temi|enme)\b|\w{3}(?:ame|ami)\b)[^.!?\n]{0,25}$",
    regex.V1,
)
# ... or after it ('c'est mon portable', 'das ist meine Nummer', 'is my mobile')
_OWN_AFTER = regex.compile(
    r"^[^.!?\n]{0,25}\b(?:my|mon|ma|mein\w*|mi|mio|mia)\s+(?:\w+\s+)?(?:number|phone|mobile|cell"
    r"|portable|numero|nummer|handy|telefon\w*|movil|cellulare)\b",
    regex.V1,
)
_SENTENCE_BREAK = regex.compile(r"[.!?\n]\s", regex.V1)
_CARRIER_REACH = 80  # characters before a number its carrier may be named


def _company_line(comment: Comment, start: int, end: int) -> bool:
    """Whether the words around ``start:end`` give the number as a carrier's or Amazon's line."""
    before = _words_before(comment, start)
    if _COMPANY_LINE.search(before) is not None:
        return True
    text = comment.original
    sentence = _SENTENCE_BREAK.split(_fold(text[max(0, start - _CARRIER_REACH) : start].lower()))
    return (
        _CARRIER.search(sentence[-1]) is not None
        and _OWN_BEFORE.search(before) is None
        and _OWN_AFTER.search(_fold(text[end : end + _CUE_TAIL].lower())) is None
    )


def _buyers_own(comment: Comment, start: int) -> bool:
    """Whether the words before ``start`` give what follows as the buyer's own ('email me at')."""
    cues = comment.reading.cue_lexicon.scan(_words_before(comment, start))
    return any(h.vocab == "own_email_cue" for h in cues)


# --- SP305, SP306, SP310 -------------------------------------------------------------------------


# between a price complaint and the praise that takes it back: 'but' and at most a few words
# ('pricey but honestly worth it', 'teuer, aber jeden Cent wert'); no negator
_TAKEN_BACK = regex.compile(
    rf"\W*(?:{_BUT})\b"
    r"(?:\W+(?!(?:not|nicht|pas|no|non|never|nie|jamais|nunca|mai)\b)\w+){0,3}\W*",
    regex.V1,
)


def pricing(comment: Comment, context: _Context) -> _RuleResult:
    """SP305 (seed): the comment complains about the price."""
    del context
    hits = comment.of("price_complaint")
    if not hits:
        return []
    # 'pricey but worth every penny': the price praised right after it, after a 'but', takes
    # the complaint back ('Is this worth the money? No!' does not)
    last_end = max(h.end for h in hits)
    text = comment.view.text
    if any(
        p.start >= last_end and _TAKEN_BACK.fullmatch(text, last_end, p.start)
        for p in comment.of("price_praise")
    ):
        return []
    start, end = comment.span(hits[0].start, hits[-1].end)
    return [
        _Found(start, end, f"a complaint about the price ({comment.words_of(['price_complaint'])})")
    ]


def _buy_shipping_status(order: Order) -> bool | str:
    """Whether the order was delivered on time with a Buy Shipping label, or why it is unknown."""
    if order.fulfillment_channel is not FulfillmentChannel.MFN:
        return False
    labels: list[Shipment] = [s for s in order.shipments if s.buy_shipping]
    if not labels:
        return False
    if order.latest_delivery is None:
        return "the order has no latest delivery date to compare the delivery with"
    delivered = [s.delivered_at or order.delivered_at for s in labels]
    if any(d is None for d in delivered):
        return "the Buy Shipping shipment has no delivery time"
    return all(d is not None and d <= order.latest_delivery for d in delivered)


def _clearing_the_seller(comment: Comment) -> frozenset[Topic]:
    """The comment's topics without the seller when every clause naming them clears them.

    'Amazon lost my parcel, seller not to blame', 'the seller shipped it right away but UPS lost
    it': the ground's own premise, not a remark on the seller. A service word said only in
    clearing them ('blame') goes with them.
    """
    topics = comment.topics
    naming = [c for c in comment.clauses if Topic.SELLER in c.topics]
    if not naming or not all(any(h.vocab == "seller_cleared" for h in c.hits) for c in naming):
        return topics
    others = [c for c in comment.clauses if Topic.SELLER not in c.topics]
    if not any(Topic.SERVICE in c.topics for c in others):
        topics -= {Topic.SERVICE}
    return topics - {Topic.SELLER}


def buy_shipping_on_time(comment: Comment, context: _Context) -> _RuleResult:
    """SP306: late or missing delivery, on an MFN order Buy Shipping delivered on time.

    The courier's handling refuses it ('thrown over the fence' is neither late nor missing),
    unless the parcel is missing and the handling is where it went ('dropped at the wrong
    address, never got it', 'asked all my neighbours'): a damaged parcel arrived. The seller
    named refuses it too, unless only to clear them ('the seller shipped it right away but
    UPS lost it', 'not the seller's fault'): that is the ground's own premise.
    """
    topics = _clearing_the_seller(comment)
    late = _late(comment, context.rating)
    misdelivered = Topic.MISSING in topics and not comment.vocabs & {"damage", "breakage"}
    refused = _OTHER_THAN_DELIVERY if misdelivered else _OTHER_THAN_DELIVERY | {Topic.HANDLING}
    fits = (late or Topic.MISSING in topics) and not topics & refused
    about = "the whole comment is about " + ("a late delivery" if late else "a missing delivery")
    if context.order is None:
        what = about if fits else "the comment is not wholly about a late or missing delivery"
        return _Unjudged(
            f"no order given, so Buy Shipping and the delivery time are unknown ({what})"
        )
    status = _buy_shipping_status(context.order)
    if not fits or status is False:
        return []
    if isinstance(status, str):
        return _Unjudged(f"{status} ({about})")
    wanted = [Topic.LATE] if late else [Topic.MISSING]
    return _whole_comment(comment, wanted, about)


def rating_text_mismatch(comment: Comment, context: _Context) -> _RuleResult:
    """SP310: positive words under a 1-2 star rating (the buyer may have confused the scale).

    The words are wholly positive, or praise opens the comment and outweighs the complaint
    beside it (see `_praise_outweighs`).
    """
    if context.rating_class is not FeedbackClass.NEGATIVE:
        return []
    positive = comment.of("positive")
    if not positive:
        return []
    words = comment.words_of(["positive"])
    detail = f"positive words ({words}) with {context.rating} star(s)"
    if not _wholly_positive(comment, context.rating):
        if not _praise_outweighs(comment):
            return []
        detail += ", outweighing the complaint beside them"
    start, end = comment.span(positive[0].start, positive[-1].end)
    return [_Found(start, end, detail)]


def _wholly_positive(comment: Comment, rating: int) -> bool:
    """Whether the comment praises and complains of nothing (its negative words cancelled)."""
    clauses = comment.clauses
    doubted = _doubts_dispelled(comment)
    ends = [c.end for c in clauses]  # once: a long comment has many negative words
    excused = {id(h) for h in comment.of("negative") if _contrast_after(comment, h, doubted, ends)}
    negative = any(id(h) not in excused for h in comment.of("negative"))
    if negative or comment.vocabs & {"late", "missing", "price_complaint"}:
        return False
    if _late(comment, rating, arrival=False):
        return False  # 'paid for 2 day shipping, got it in 6 days': later than paid for
    if Topic.HANDLING in comment.topics:
        return False
    # a clause without praise tells a complaint ('fantastico, ordinato rosso e arrivato verde'
    # is sarcasm, 'thanks, got it today' is not) when it is about what was sent ('great seller,
    # wrong size sent'), or says much and names a topic, or says much after praise that is
    # only a word opening the comment ('great job, nobody has told me anything for two
    # weeks'); else it tells a story ('bought it for my husband last week')
    opener = len(clauses) > 1 and clauses[0].content <= _OPENER_WORDS and _praises(clauses[0])
    return not any(
        _complains(c, after_opener=opener) for i, c in enumerate(clauses) if i not in doubted
    )


def _praise_outweighs(comment: Comment) -> bool:
    """Whether praise opens the comment and each complaint after it is small beside it.

    A complaint is small when it is hedged ('the case is a bit flimsy', 'juste un peu
    bruyant'), about the price alone ('nice seller but too pricey'), or a defect the praised
    seller put right ('Danke für die schnelle Erstattung, Produkt leider defekt gewesen'); and
    there are no more complaints than clauses of praise. A clause of praise may regret
    ('leider') but not accuse, so sarcasm ('great. another broken charger. just great'), a
    complaint that leads ('paid 3x what it costs on ebay, fast delivery tho') and a failure
    of the seller's beside praise ('nice item but seller never responded') are not small.
    Two independent writers label these confused ratings (POLICY.md §6: positive words with
    1-2 stars); tests/test_feedback_corpus.py records the measurement.
    """
    clauses = comment.clauses
    if len(clauses) < _TWO or not _praises(clauses[0]):
        return False
    praise = [c for c in clauses if _praises(c)]
    if any(_accuses(c) for c in praise):
        return False
    remedy = any(h.vocab == "remedy" for c in praise for h in c.hits)
    complaints = 0
    for clause in clauses:
        if _praises(clause):
            continue
        vocabs = {h.vocab for h in clause.hits}
        told = vocabs & {"negative", "price_complaint", "hedge"}
        if not told and not _complains(clause, after_opener=False):
            continue  # a story told beside the praise ('bought it for my son')
        complaints += 1
        price = "price_complaint" in vocabs and clause.topics <= {Topic.PRICE, Topic.PRODUCT}
        put_right = remedy and clause.topics <= _PUT_RIGHT
        hedged = (
            "hedge" in vocabs
            and not _accuses(clause, mild=frozenset({"hedged_negative"}))
            and not clause.topics & {Topic.MISSING, Topic.CONDUCT, Topic.PRICE}
        )
        if not (price or put_right or hedged):
            return False
    return 0 < complaints <= len(praise)


_TWO: Final = 2
_PUT_RIGHT: Final = frozenset({Topic.PRODUCT, Topic.CONDITION, Topic.SHIPPING, Topic.HANDLING})
"""What a refund or a replacement answers: the item, and how it came ('llegó roto')."""


def _accuses(clause: _Clause, mild: frozenset[str] = frozenset()) -> bool:
    """Whether a negative word of the clause does more than regret (or is not in ``mild``)."""
    soft = [(h.start, h.end) for h in clause.hits if h.vocab == "regret" or h.vocab in mild]
    return any(h.vocab == "negative" and (h.start, h.end) not in soft for h in clause.hits)


_CONTRASTS: Final = frozenset(
    {"but", "however", "though", "tho", "although", "yet", "aber", "mais", "pero", "ma"}
)


def _doubts_dispelled(comment: Comment) -> frozenset[int]:
    """The clauses telling a doubt that a later clause of praise dispels.

    'I was nervous ordering from a third party seller but they were fantastic', 'ok so i was
    skeptical but WOW': the doubt is no complaint, and neither is the 'but' after it.
    """
    clauses = comment.clauses
    doubts = [
        i
        for i, clause in enumerate(clauses)
        if any(h.vocab == "doubt" for h in clause.hits) and not _praises(clause)
    ]
    if not doubts:
        return frozenset()
    # the last clause of praise, found once (not once per doubt: linear in a long comment)
    last_praise = next((i for i in reversed(range(len(clauses))) if _praises(clauses[i])), -1)
    return frozenset(i for i in doubts if i < last_praise)


def _contrast_after(comment: Comment, hit: Hit, doubted: frozenset[int], ends: list[int]) -> bool:
    """Whether ``hit`` is a 'but' right after a clause in ``doubted`` (``ends``: the clauses')."""
    if comment.view.text[hit.start : hit.end] not in _CONTRASTS:
        return False
    before = bisect.bisect_right(ends, hit.start) - 1
    return before in doubted and not comment.view.text[ends[before] : hit.start].strip()


_NEUTRAL_WORDS: Final = 3
"""A clause of praise may carry this many words that are neither praise nor filler."""
_OPENER_WORDS: Final = 2
"""A clause this short opening a comment is an interjection ('great job', 'thanks a lot')."""


def _praises(clause: _Clause) -> bool:
    return any(h.vocab in {"positive", "on_time"} for h in clause.hits)


def _complains(clause: _Clause, *, after_opener: bool) -> bool:
    """Whether a clause without praise complains (see `rating_text_mismatch`)."""
    if _praises(clause):
        return False
    if Topic.CONDITION in clause.topics:
        return True
    return clause.content > _NEUTRAL_WORDS and (after_opener or bool(clause.topics))


_RULES: Final[Mapping[Code, Callable[[Comment, _Context], _RuleResult]]] = {
    Code.SP301: fulfilled_by_amazon,
    Code.SP302: product_review,
    Code.SP303: profanity,
    Code.SP304: personal_information,
    Code.SP305: pricing,
    Code.SP306: buy_shipping_on_time,
    Code.SP310: rating_text_mismatch,
}


# --- the decision -------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class FeedbackReport(Report):
    """What can be done about one seller feedback: its grounds, the deadline, the next steps.

    Attributes:
        order_id: The order the feedback is for.
        rating: The stars, 1 to 5.
        rating_class: Positive (4-5), neutral (3) or negative (1-2).
        left_at: When the buyer left the feedback.
        removable: A removal ground applies (SP302-SP305).
        strikable: A strike-through ground applies (SP301, SP306).
        request_deadline: The last moment to ask Amazon (``left_at`` + the policy's
            ``removal_request_window``, in the marketplace's time); ``None`` for positive
            feedback.
        window_closed: Whether ``now`` is past ``request_deadline``; ``None`` without ``now``
            or without a deadline.
        path: Where to ask: ``feedback_manager`` (current) or ``seller_support`` (seed).
        marketplace_id: The marketplace whose calendar the deadline is counted in.
        next_steps: What to do, in order.
        assumptions: What the decision assumed for lack of an input.
        notes: Facts worth a look, such as feedback left after the buyers' feedback window.
    """

    order_id: str
    rating: int
    rating_class: FeedbackClass
    left_at: dt.datetime
    removable: bool
    strikable: bool
    request_deadline: dt.datetime | None
    window_closed: bool | None = None
    path: str
    marketplace_id: str
    next_steps: tuple[str, ...] = ()
    assumptions: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    def _headline(self) -> str:
        stars = f"{self.rating} star{'s' if self.rating != 1 else ''}"
        grounds = sorted(
            f"{f.code} {f.name}" for f in self.findings if f.code in _REMOVAL | _STRIKE
        )
        if self.removable or self.strikable:
            what = " and ".join(
                w for w, on in (("removable", self.removable), ("strikable", self.strikable)) if on
            )
            answer = f"{what} ({', '.join(dict.fromkeys(grounds))})"
        else:
            answer = "no removal or strike-through ground"
        return f"{self.rating_class} feedback ({stars}): {answer} ({self.edition} policy)"

    def _details(self) -> list[str]:
        lines = []
        if self.request_deadline is not None:
            state = " (closed)" if self.window_closed else ""
            lines.append(f"  request by {self.request_deadline.isoformat()} via {self.path}{state}")
        lines += [f"  next: {step}" for step in self.next_steps]
        lines += [f"  assumed: {a}" for a in self.assumptions]
        lines += [f"  note: {n}" for n in self.notes]
        return lines + super()._details()


def _check_inputs(
    feedback: object, order: object, now: object, policy: object
) -> tuple[Feedback, Order | None, dt.datetime | None, Policy]:
    if not isinstance(feedback, Feedback):
        msg = f"feedback must be a Feedback, got {feedback!r}"
        raise InvalidTypeError(msg, field="feedback", value=feedback)
    policy = resolve_policy(policy)
    if order is not None:
        if not isinstance(order, Order):
            raise InvalidTypeError(
                f"order must be an Order, got {order!r}", field="order", value=order
            )
        if order.order_id != feedback.order_id:
            msg = (
                f"order.order_id {order.order_id!r} is not the feedback's order "
                f"{feedback.order_id!r}"
            )
            raise InvalidValueError(msg, field="order.order_id", value=order.order_id)
        if feedback.left_at < order.purchased_at:
            msg = (
                f"feedback.left_at ({feedback.left_at.isoformat()}) is before the order was "
                f"placed ({order.purchased_at.isoformat()})"
            )
            raise InvalidValueError(msg, field="feedback.left_at", value=feedback.left_at)
        Marketplace.get(order.marketplace_id)
    if now is not None:
        now = _checks.aware_datetime(now, "now")
        if now < feedback.left_at:
            left = feedback.left_at.isoformat()
            msg = f"now ({now.isoformat()}) is before the feedback was left ({left})"
            raise InvalidValueError(msg, field="now", value=now)
    limit = policy.parameters.max_input_chars
    if len(feedback.comment) > limit:
        msg = (
            f"feedback comment has {len(feedback.comment):,} characters, over the limit of "
            f"{limit:,}; raise the policy's max_input_chars parameter"
        )
        raise InputTooLargeError(msg, field="feedback.comment", value=len(feedback.comment))
    return feedback, order, now, policy


def _finding(code: Code, found: _Found, comment: Comment, severity: Severity) -> Finding:
    doc = family_docs(_DOCS)[code]
    return Finding(
        code=code,
        name=RULES[code].name,
        severity=severity,
        message=doc.message.format(detail=found.detail),
        span=Span(found.start, found.end),
        excerpt=comment.original[found.start : found.end],
        source=RULES[code].source,
        disguises=found.disguises,
        field="comment",
    )


def check_feedback(
    feedback: Feedback,
    *,
    order: Order | None = None,
    now: dt.datetime | None = None,
    policy: Policy | None = None,
) -> FeedbackReport:
    """Judge whether a seller feedback can be removed or struck through, how and by when.

    Args:
        feedback: The feedback, with its rating, comment and the time it was left.
        order: The order it is for. SP301 needs its fulfilment channel and SP306 its Buy
            Shipping label and delivery times; without it those rules are not judged.
        now: The moment of the decision, timezone-aware; with it the report says whether the
            removal window has closed.
        policy: The policy to apply; defaults to `Policy.current()`.

    Returns:
        A `FeedbackReport` whose findings carry spans into ``feedback.comment``.

    Raises:
        InvalidTypeError: An argument has the wrong type.
        InvalidValueError: The order is another order, the feedback predates the order,
            ``now`` is naive or before the feedback.
        InputTooLargeError: The comment is longer than the policy's ``max_input_chars``.
    """
    feedback, order, now, policy = _check_inputs(feedback, order, now, policy)
    comment = Comment(feedback.comment, policy=policy)
    context = _Context(
        rating=feedback.rating, rating_class=feedback.rating_class, order=order, policy=policy
    )
    findings: list[Finding] = []
    not_judged: list[NotJudged] = []
    for code, rule in _RULES.items():
        severity = policy.severity(code)
        if severity is None:
            continue
        result = rule(comment, context)
        if isinstance(result, _Unjudged):
            not_judged.append(NotJudged(code, result.reason))
            continue
        findings += [_finding(code, f, comment, severity) for f in result]
    codes = {f.code for f in findings}
    removable, strikable = bool(codes & _REMOVAL), bool(codes & _STRIKE)
    marketplace_id = order.marketplace_id if order is not None else _US
    assumptions = (
        ()
        if order is not None
        else ("no order given: the deadline is counted in the US marketplace's time zone",)
    )
    deadline = None
    if feedback.rating_class is not FeedbackClass.POSITIVE:
        window = policy.parameters.duration("removal_request_window")
        deadline = window.after(feedback.left_at, Marketplace.get(marketplace_id))
    closed = None if now is None or deadline is None else now > deadline
    path = policy.parameters.choice("removal_path")
    deadline_severity = policy.severity(Code.SP512)
    if deadline is not None and (removable or strikable) and deadline_severity is not None:
        findings.append(
            _deadline_finding(
                feedback, deadline, path=path, closed=closed, severity=deadline_severity
            )
        )
    notes = () if order is None else _late_feedback(feedback, order, policy)
    steps = _next_steps(
        feedback, codes=codes, deadline=deadline, closed=closed, path=path, policy=policy
    )
    return FeedbackReport(
        findings=tuple(findings),
        edition=policy.edition,
        as_of=now,
        not_judged=tuple(not_judged),
        order_id=feedback.order_id,
        rating=feedback.rating,
        rating_class=feedback.rating_class,
        left_at=feedback.left_at,
        removable=removable,
        strikable=strikable,
        request_deadline=deadline,
        window_closed=closed,
        path=path,
        marketplace_id=marketplace_id,
        next_steps=steps,
        assumptions=assumptions,
        notes=notes,
    )


def _late_feedback(feedback: Feedback, order: Order, policy: Policy) -> tuple[str, ...]:
    """A note when the feedback came after the window buyers have to leave one (§6)."""
    window = policy.parameters.duration("feedback_window")
    last = window.after(order.purchased_at, Marketplace.get(order.marketplace_id))
    if feedback.left_at <= last:
        return ()
    note = (
        f"the feedback was left after {last.isoformat()}, the end of the {window} buyers have "
        "to leave feedback after the order: check that it is for this order"
    )
    return (note,)


_PATHS: Final = {
    "feedback_manager": "through Feedback Manager",
    "seller_support": "in a Seller Support ticket",
}


def _deadline_finding(
    feedback: Feedback, deadline: dt.datetime, *, path: str, closed: bool | None, severity: Severity
) -> Finding:
    code = Code.SP512
    when = "closed at" if closed else "is open until"
    return Finding(
        code=code,
        name=RULES[code].name,
        severity=severity,
        message=(
            f"the window to ask Amazon {_PATHS.get(path, path)} to remove or strike this feedback "
            f"{when} {deadline.isoformat()}"
        ),
        source=RULES[code].source,
        field="left_at",
        event=EventRef(type="feedback", at=feedback.left_at, summary="feedback left"),
    )


def _next_steps(
    feedback: Feedback,
    *,
    codes: set[Code],
    deadline: dt.datetime | None,
    closed: bool | None,
    path: str,
    policy: Policy,
) -> tuple[str, ...]:
    params = policy.parameters
    how = _PATHS.get(path, path)
    grounds = sorted(codes & (_REMOVAL | _STRIKE))
    steps: list[str] = []
    if feedback.rating_class is FeedbackClass.POSITIVE:
        steps.append("Positive feedback: nothing to remove.")
        if grounds:
            listed = ", ".join(f"{c} {RULES[c].name}" for c in grounds)
            steps.append(
                f"A ground applies ({listed}); ask Amazon {how} only if you want it gone, "
                "e.g. to protect personal information."
            )
        return tuple(steps)
    if grounds and deadline is not None:
        listed = ", ".join(f"{c} {RULES[c].name}" for c in grounds)
        action = "remove" if codes & _REMOVAL else "strike through"
        if closed:
            steps.append(
                f"The window to ask Amazon to {action} it ({listed}) closed at "
                f"{deadline.isoformat()}; Amazon no longer acts on a request."
            )
        else:
            steps.append(
                f"Ask Amazon {how} to {action} it before {deadline.isoformat()}, citing {listed}."
            )
        steps.append("Do not contact the buyer about the feedback while the request is open.")
        return tuple(steps)
    steps.append("No removal or strike-through ground applies: Amazon will not remove it.")
    if Code.SP310 in codes:
        steps.append(
            "The words are positive but the rating is low: the buyer may have misread the star "
            "scale. Contact them politely and say so, without asking for a better rating in "
            "return for anything."
        )
    steps.append("Resolve the buyer's problem first: answer, replace or refund.")
    requests = params.integer("follow_up_requests")
    if requests <= 1:
        steps.append(
            "Then you may send one neutral request to reconsider the feedback; do not repeat it."
        )
    else:
        buyer_window = params.duration("buyer_removal_window")
        steps.append(
            f"Then you may ask politely whether the buyer would remove it, up to {requests} "
            f"times in all (buyers can remove their feedback within {buyer_window} of leaving "
            "it)."
        )
    steps.append("Never offer a refund, a gift or anything of value in exchange.")
    steps.append("Never ask the buyer to change or remove a product review (only seller feedback).")
    return tuple(steps)


# --- statistics ---------------------------------------------------------------------------------

_SHARE: Final = decimal.Decimal("0.0001")


def _share(positive: int, total: int) -> decimal.Decimal | None:
    if total == 0:
        return None
    return (decimal.Decimal(positive) / decimal.Decimal(total)).quantize(
        _SHARE, rounding=decimal.ROUND_HALF_UP
    )


@attrs.frozen(kw_only=True)
class ScoreWindow:
    """The feedback counted over one window ending at ``end``.

    Attributes:
        label: ``30d``, ``90d``, ``365d`` or ``lifetime``.
        start: The window's first instant (inclusive); ``None`` for lifetime.
        end: The window's last instant (inclusive): the ``now`` of the statistics.
        ratings: How many feedbacks were left in the window.
        positive: Of those, 4-5 stars.
        neutral: 3 stars.
        negative: 1-2 stars.
        positive_share: ``positive / ratings`` to four places (half up); ``None`` when empty.
    """

    label: str
    start: dt.datetime | None
    end: dt.datetime
    ratings: int
    positive: int
    neutral: int
    negative: int
    positive_share: decimal.Decimal | None

    def __str__(self) -> str:
        """``365d: 97.50% positive of 40 (39/1/0)``."""
        share = "n/a" if self.positive_share is None else f"{self.positive_share * 100:.2f}%"
        counts = f"{self.positive}/{self.neutral}/{self.negative}"
        return f"{self.label}: {share} positive of {self.ratings} ({counts})"


@attrs.frozen(kw_only=True)
class TrendBucket:
    """The positive share over one bucket of the trend.

    Attributes:
        start: The bucket's first instant (exclusive).
        end: Its last instant (inclusive).
        ratings: Feedbacks left in it.
        positive: Of those, positive.
        positive_share: ``positive / ratings``; ``None`` when empty.
    """

    start: dt.datetime
    end: dt.datetime
    ratings: int
    positive: int
    positive_share: decimal.Decimal | None


@attrs.frozen(kw_only=True)
class FeedbackStats:
    """A seller's feedback figures at one moment.

    Attributes:
        as_of: The moment (``now``); feedback left after it is ignored.
        edition: The policy edition whose parameters were used.
        marketplace_id: The marketplace whose calendar the windows are counted in.
        windows: One `ScoreWindow` per ``score_windows`` parameter, then lifetime.
        shopper: The window shoppers see.
        shopper_reason: Why shoppers see that one.
        trend: The positive share per ``trend_bucket`` over the shopper window, oldest first.
        declining: The newest ``trend_decline_buckets`` buckets each fell below the one before.
        ignored: Feedback left after ``as_of``, not counted.
    """

    as_of: dt.datetime
    edition: Edition
    marketplace_id: str
    windows: tuple[ScoreWindow, ...]
    shopper: ScoreWindow
    shopper_reason: str
    trend: tuple[TrendBucket, ...]
    declining: bool
    ignored: int = 0

    def __str__(self) -> str:
        """A readable summary."""
        lines = [f"feedback as of {self.as_of.isoformat()} ({self.edition} policy)"]
        lines += [f"  {w}" for w in self.windows]
        lines.append(f"  shoppers see {self.shopper.label}: {self.shopper_reason}")
        shares = " ".join(
            "-" if b.positive_share is None else f"{b.positive_share * 100:.0f}" for b in self.trend
        )
        lines.append(f"  trend (oldest first, % positive): {shares}")
        if self.declining:
            lines.append("  declining: the positive share fell bucket after bucket")
        if self.ignored:
            lines.append(f"  ignored {self.ignored} feedback(s) left after as_of")
        return "\n".join(lines)


def _window(
    label: str, start: dt.datetime | None, end: dt.datetime, items: list[Feedback]
) -> ScoreWindow:
    inside = [f for f in items if start is None or f.left_at >= start]
    classes = [f.rating_class for f in inside]
    positive = classes.count(FeedbackClass.POSITIVE)
    return ScoreWindow(
        label=label,
        start=start,
        end=end,
        ratings=len(inside),
        positive=positive,
        neutral=classes.count(FeedbackClass.NEUTRAL),
        negative=classes.count(FeedbackClass.NEGATIVE),
        positive_share=_share(positive, len(inside)),
    )


def _trend(
    items: list[Feedback], now: dt.datetime, span: Duration, bucket: Duration, market: Marketplace
) -> tuple[TrendBucket, ...]:
    earliest = span.before(now, market)
    buckets = []
    end = now
    while True:
        start = bucket.before(end, market)
        if start < earliest:
            break
        inside = [f for f in items if start < f.left_at <= end]
        positive = sum(f.rating_class is FeedbackClass.POSITIVE for f in inside)
        buckets.append(
            TrendBucket(
                start=start,
                end=end,
                ratings=len(inside),
                positive=positive,
                positive_share=_share(positive, len(inside)),
            )
        )
        if start <= earliest:
            break
        end = start
    return tuple(reversed(buckets))


def _declining(trend: tuple[TrendBucket, ...], count: int) -> bool:
    shares = [b.positive_share for b in trend[-(count + 1) :]]
    if len(shares) < count + 1 or any(s is None for s in shares):
        return False
    return all(b is not None and a is not None and b < a for a, b in itertools.pairwise(shares))


def feedback_stats(
    feedbacks: Iterable[Feedback],
    *,
    now: dt.datetime,
    policy: Policy | None = None,
    marketplace_id: str = _US,
) -> FeedbackStats:
    """The positive share over each window, the figure shoppers see, and the trend.

    Windows end at ``now`` (inclusive) and start the policy's ``score_windows`` earlier
    (inclusive), counted in the marketplace's time; lifetime counts everything up to ``now``.
    Shoppers see the ``shopper_window`` figure when it holds more than ``shopper_min_ratings``
    ratings, else the lifetime one. The trend cuts the shopper window into whole
    ``trend_bucket`` buckets, newest first.

    Args:
        feedbacks: The seller's feedback, in any order.
        now: The moment of the figures, timezone-aware; later feedback is ignored.
        policy: The policy whose parameters to use; defaults to `Policy.current()`.
        marketplace_id: The marketplace whose calendar counts the days (US by default).

    Returns:
        The `FeedbackStats`.

    Raises:
        InvalidTypeError: ``feedbacks`` is not a sequence of `Feedback`, or ``now`` is no
            datetime.
        InvalidValueError: ``now`` is naive, or the marketplace is unknown.
    """
    items = list(_checks.sequence_of(feedbacks, Feedback, "feedbacks"))
    now = _checks.aware_datetime(now, "now")
    policy = resolve_policy(policy)
    market = Marketplace.get(marketplace_id)
    params = policy.parameters
    counted = [f for f in items if f.left_at <= now]
    windows = [
        _window(str(d), d.before(now, market), now, counted)
        for d in params.durations("score_windows")
    ]
    lifetime = _window("lifetime", None, now, counted)
    shopper_span = params.duration("shopper_window")
    twelve = _window(str(shopper_span), shopper_span.before(now, market), now, counted)
    minimum = params.integer("shopper_min_ratings")
    if twelve.ratings > minimum:
        shopper = twelve
        reason = f"{twelve.ratings} ratings in {shopper_span}, more than {minimum}"
    else:
        shopper = lifetime
        reason = f"only {twelve.ratings} ratings in {shopper_span}, not more than {minimum}"
    trend = _trend(counted, now, shopper_span, params.duration("trend_bucket"), market)
    return FeedbackStats(
        as_of=now,
        edition=policy.edition,
        marketplace_id=marketplace_id,
        windows=(*windows, lifetime),
        shopper=shopper,
        shopper_reason=reason,
        trend=trend,
        declining=_declining(trend, params.integer("trend_decline_buckets")),
        ignored=len(items) - len(counted),
    )


# --- documented examples ------------------------------------------------------------------------

_EXAMPLE_PURCHASE: Final = dt.datetime(2026, 1, 5, 18, 0, tzinfo=dt.UTC)


def example(code: Code, which: Literal["bad", "good"]) -> tuple[Feedback, Order, Policy]:
    """The documented ``bad`` or ``good`` example of ``code`` as a feedback, its order and a policy.

    The example's ``edition`` (default: current, or seed for a seed-only rule) picks the policy.
    """
    doc = family_docs(_DOCS)[code]
    data = doc.bad_example if which == "bad" else doc.good_example
    edition = Edition(data.get("edition", _first_edition(code)))
    purchase = _EXAMPLE_PURCHASE
    latest = purchase + dt.timedelta(days=7)
    channel = FulfillmentChannel(data.get("channel", "MFN"))
    shipments: tuple[Shipment, ...] = ()
    if channel is FulfillmentChannel.MFN:
        on_time = bool(data.get("buy_shipping_on_time", False))
        delivered = latest - dt.timedelta(days=1) if on_time else latest + dt.timedelta(days=3)
        shipments = (
            Shipment(
                carrier="UPS",
                shipped_at=purchase + dt.timedelta(days=1),
                delivered_at=delivered,
                buy_shipping=bool(data.get("buy_shipping", on_time)),
            ),
        )
    order = Order(
        order_id="113-0000000-0000001",
        marketplace_id=_US,
        purchased_at=purchase,
        fulfillment_channel=channel,
        latest_delivery=latest,
        shipments=shipments,
    )
    feedback = Feedback(
        order_id=order.order_id,
        rating=int(data["rating"]),
        left_at=purchase + dt.timedelta(days=14),
        comment=str(data["comment"]),
    )
    policy = Policy.current() if edition is Edition.CURRENT else Policy.seed()
    return feedback, order, policy


def _first_edition(code: Code) -> Edition:
    return Edition.CURRENT if RULES[code].severity_in(Edition.CURRENT) else Edition.SEED


def flags(code: Code, which: Literal["bad", "good"]) -> bool:
    """Whether ``code`` flags its documented ``bad`` (or ``good``) example."""
    feedback, order, policy = example(code, which)
    return code in check_feedback(feedback, order=order, policy=policy).codes


for _cls in (FeedbackReport, ScoreWindow, TrendBucket, FeedbackStats):
    attrs.resolve_types(_cls)
