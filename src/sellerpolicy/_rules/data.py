"""Loading the rule data: vocabularies, phrase clauses and rule documentation."""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs
import regex

from sellerpolicy._codes import Code, Family
from sellerpolicy._text.phrases import Lexicon

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "Clause",
    "RuleData",
    "RuleDoc",
    "RulePattern",
    "family_docs",
    "filler_words",
    "lexicon",
    "phrase_vocabularies",
    "phrases_for",
    "rule_data",
    "rule_pattern",
    "vocabularies",
    "vocabulary_names",
]

_NOT = ".not"


@attrs.frozen
class Clause:
    """Vocabularies that together decide a phrase rule.

    Attributes:
        all: Every one of these vocabularies must have a hit in the scope.
        none: None of these may have a hit in the scope.
        scope: ``sentence``, or ``pair`` for a sentence and the one after it.
        past_but: A negation (vocabulary ``negation`` in ``none``) said before a 'but' that
            every vocabulary of ``all`` follows does not stop the clause ("We can't share links
            here, but if you google our brand name you'll find our shop").
        structural: The clause reads a structure no word list of the model gate weighs (a gift
            made for each review): the gate leaves its findings, as it leaves the structural
            readings of `phrases.structurally_read`.
    """

    all: tuple[str, ...]
    none: tuple[str, ...] = ()
    scope: str = "sentence"
    past_but: bool = False
    structural: bool = False


@attrs.frozen
class RulePattern:
    """A regular expression of a phrase rule, for what no phrase of a vocabulary can say.

    Attributes:
        name: What it reads, one word (``mock_title``): how the code and the tests name it.
        compiled: The pattern, compiled with `regex.V1`, searched in the normalised text.
        hints: Pieces of text of which every match holds one: a message that holds none of
            them is not searched (a few substring tests cost much less than a pass of the
            pattern). The tests check them against the pattern.
    """

    name: str
    compiled: regex.Pattern[str]
    hints: frozenset[str]


@attrs.frozen(kw_only=True)
class RuleData:
    """What the data file says about one rule: message, clauses and documentation."""

    code: Code
    message: str
    what: str
    why: str
    bad: str
    good: str
    known_problems: str = ""
    clauses: tuple[Clause, ...] = ()
    patterns: tuple[RulePattern, ...] = ()
    examples: Mapping[str, Any] = attrs.field(factory=lambda: MappingProxyType({}))


@attrs.frozen(kw_only=True)
class RuleDoc:
    """A rule's documentation and typed examples, for a family other than messages.

    Attributes:
        code: The rule.
        message: The finding's message template (``{placeholders}`` filled by the rule).
        what: What the rule does.
        why: Why it matters.
        bad: A short description of an input the rule flags.
        good: A short description of an input it does not flag.
        known_problems: Where the rule is known to be wrong.
        bad_example: The flagged input, in the family's example shape.
        good_example: The input that is not flagged.
    """

    code: Code
    message: str
    what: str
    why: str
    bad: str
    good: str
    known_problems: str = ""
    bad_example: Mapping[str, Any]
    good_example: Mapping[str, Any]


_DOC_KEYS = frozenset(
    {"message", "what", "why", "bad", "good", "known_problems", "bad_example", "good_example"}
)


@functools.cache
def family_docs(file_name: str) -> Mapping[Code, RuleDoc]:
    """The documentation of every rule in one family's data file (``feedback.toml``, …)."""
    out = {}
    for code_text, raw in _read(file_name).items():
        unknown = set(raw) - _DOC_KEYS
        if unknown:  # pragma: no cover - guarded by tests over the shipped data
            raise ValueError(f"{file_name}: {code_text}: unknown keys {sorted(unknown)}")
        out[Code(code_text)] = RuleDoc(
            code=Code(code_text),
            message=raw["message"],
            what=raw["what"],
            why=raw["why"],
            bad=raw["bad"],
            good=raw["good"],
            known_problems=raw.get("known_problems", ""),
            bad_example=MappingProxyType(raw["bad_example"]),
            good_example=MappingProxyType(raw["good_example"]),
        )
    return MappingProxyType(out)


def _read(name: str) -> dict[str, Any]:
    text = resources.files("sellerpolicy").joinpath("data", name).read_text(encoding="utf-8")
    return tomllib.loads(text)


@functools.cache
def vocabularies() -> Mapping[str, tuple[str, ...]]:
    """The built-in vocabularies by name."""
    data = _read("vocabularies.toml")["vocabularies"]
    return MappingProxyType({name: tuple(phrases) for name, phrases in data.items()})


@functools.cache
def filler_words() -> frozenset[str]:
    """Words that carry no purpose of their own (SP117), from ``[words] filler``."""
    return frozenset(_read("vocabularies.toml")["words"]["filler"])


@functools.cache
def spaced_insults() -> frozenset[str]:
    """The swear words and insults read spelled letter by letter (SP111), ``[words]``."""
    return frozenset(w.lower() for w in _read("vocabularies.toml")["words"]["spaced_insults"])


@functools.cache
def profane_roots() -> tuple[str, ...]:
    """The swear words read in masked form, longest first.

    They are the ``[profanity] roots`` of the feedback data: a buyer's 'sh*t' (SP303) and a
    seller's 'c*nnard' (SP111).
    """
    roots = _read("feedback_vocabularies.toml")["profanity"]["roots"]
    return tuple(sorted({r.lower() for r in roots}, key=len, reverse=True))


_PHRASE_FILES: Mapping[Family, str] = MappingProxyType(
    {Family.MESSAGES: "vocabularies.toml", Family.FEEDBACK: "feedback_vocabularies.toml"}
)
"""The rule sets whose vocabularies a policy's phrases extend, and the data file of each."""


@functools.cache
def phrase_vocabularies() -> Mapping[str, Family]:
    """Every vocabulary a policy's phrases may extend, and the rule set that reads it.

    The one place that decides where an extra phrase goes: ``incentive`` is the message
    checker's, ``profanity`` and ``price_complaint`` the feedback grounds'. The ``.not``
    exception lists are not extended. A name is never in two rule sets.
    """
    owners: dict[str, Family] = {}
    for family, file_name in _PHRASE_FILES.items():
        for name in _read(file_name)["vocabularies"]:
            if name.endswith(_NOT):
                continue
            if name in owners:  # pragma: no cover - guarded by tests over the shipped data
                msg = f"vocabulary {name!r} is in both {owners[name]} and {family} data"
                raise ValueError(msg)
            owners[name] = family
    return MappingProxyType(owners)


def vocabulary_names() -> frozenset[str]:
    """Names of the vocabularies a policy may extend, in every rule set."""
    return frozenset(phrase_vocabularies())


def phrases_for(
    phrases: Mapping[str, tuple[str, ...]], family: Family
) -> Mapping[str, tuple[str, ...]]:
    """The extra phrases of a policy that extend ``family``'s vocabularies."""
    owners = phrase_vocabularies()
    return MappingProxyType({n: p for n, p in phrases.items() if owners.get(n) is family})


@functools.lru_cache(maxsize=32)  # one per distinct set of policy phrases; bounded
def _lexicon(extra: tuple[tuple[str, tuple[str, ...]], ...]) -> Lexicon:
    merged = dict(vocabularies())
    for name, phrases in extra:
        merged[name] = merged.get(name, ()) + phrases
    return Lexicon.build(merged, shorthand(), particles())


@functools.cache
def shorthand() -> Mapping[str, str]:
    """Chat shorthand the message checker reads as the word it stands for ("u": "you")."""
    return MappingProxyType(dict(_read("vocabularies.toml")["shorthand"]["words"]))


@functools.cache
def particles() -> frozenset[str]:
    """Words a phrase of the message checker may have inside it in a text ("uns doch die")."""
    return frozenset(_read("vocabularies.toml")["particles"]["words"])


def lexicon(extra: Mapping[str, tuple[str, ...]]) -> Lexicon:
    """The message checker's lexicon: the built-in vocabularies plus a policy's extra phrases.

    Only the phrases of message vocabularies count (see `phrase_vocabularies`). Compiled once
    per distinct set of extra phrases.
    """
    if not extra:  # most policies add no phrases: skip sorting and hashing the extras
        return _lexicon(())
    return _lexicon(tuple(sorted(phrases_for(extra, Family.MESSAGES).items())))


_RULE_KEYS = frozenset(
    {"message", "what", "why", "bad", "good", "known_problems", "clauses", "patterns"}
)


_PATTERN_KEYS = frozenset({"name", "pattern", "hints"})


def _patterns(code: Code, raw: list[dict[str, Any]]) -> tuple[RulePattern, ...]:
    """The ``[[SPxxx.patterns]]`` of one rule, each checked whole.

    Raises:
        ValueError: A pattern without a name, a pattern or hints, with another key, or with
            a name another pattern of the rule has.
    """
    out: list[RulePattern] = []
    for spec in raw:
        where = f"{code} pattern {spec.get('name', len(out))!r}"
        if set(spec) != _PATTERN_KEYS:
            missing, extra = sorted(_PATTERN_KEYS - set(spec)), sorted(set(spec) - _PATTERN_KEYS)
            raise ValueError(f"{where}: missing {missing}, unknown {extra}")
        hints = spec["hints"]
        if not hints or not all(isinstance(h, str) and h for h in hints):
            raise ValueError(f"{where}: hints must be non-empty strings, at least one")
        if any(spec["name"] == p.name for p in out):
            raise ValueError(f"{where}: a second pattern of that name")
        out.append(
            RulePattern(spec["name"], regex.compile(spec["pattern"], regex.V1), frozenset(hints))
        )
    return tuple(out)


def rule_pattern(code: Code, name: str) -> RulePattern:
    """The pattern ``name`` of rule ``code`` (`KeyError` if the data has none)."""
    for pattern in rule_data()[code].patterns:
        if pattern.name == name:
            return pattern
    raise KeyError(f"{code} has no pattern {name!r}")


@functools.cache
def rule_data() -> Mapping[Code, RuleData]:
    """Every rule's data from ``rules.toml``, checked against the vocabularies."""
    names = set(vocabularies())
    out = {}
    for code_text, raw in _read("rules.toml").items():
        code = Code(code_text)
        clauses = []
        for spec in raw.get("clauses", ()):
            clause = Clause(
                all=tuple(spec["all"]),
                none=tuple(spec.get("none", ())),
                scope=spec.get("scope", "sentence"),
                past_but=spec.get("past_but", False),
                structural=spec.get("structural", False),
            )
            unknown = (set(clause.all) | set(clause.none)) - names
            if unknown:  # pragma: no cover - guarded by tests over the shipped data
                raise ValueError(f"{code}: unknown vocabularies {sorted(unknown)}")
            clauses.append(clause)
        examples = {k: v for k, v in raw.items() if k not in _RULE_KEYS}
        out[code] = RuleData(
            code=code,
            message=raw["message"],
            what=raw["what"],
            why=raw["why"],
            bad=raw["bad"],
            good=raw["good"],
            known_problems=raw.get("known_problems", ""),
            clauses=tuple(clauses),
            patterns=_patterns(code, raw.get("patterns", ())),
            examples=MappingProxyType(examples),
        )
    return MappingProxyType(out)
