"""A per-rule linear model that confirms the phrase rules' findings (the precision gate)."""

from __future__ import annotations

import functools
import itertools
import json
import math
from importlib import resources
from typing import TYPE_CHECKING, NamedTuple

import attrs
import regex

from sellerpolicy._codes import Code, Severity
from sellerpolicy._rules.data import profane_roots, spaced_insults
from sellerpolicy._rules.messages.phrases import negated, structurally_read
from sellerpolicy._text._columns import FIRST
from sellerpolicy._text.profanity import leet_words, masked_words, spaced_words

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sellerpolicy._decisions import Finding
    from sellerpolicy._rules.messages.analysis import Analysis

__all__ = ["GATED", "Reading", "RuleModel", "features", "gate", "rule_models"]

GATED = frozenset(Code(f"SP{n}") for n in (*range(105, 119), 123, 124))
"""The semantic rules whose phrase findings the model confirms (SP119-SP122 read attachments,
the subject and the history, not wording)."""

_WEIGHTS = "message_model.json"
_VOCABULARY_FEATURE = "v:".__add__
_NEGATED_FEATURE = "n:".__add__
_STRONGEST = 2  # features named in a finding's explanation


def features(a: Analysis) -> frozenset[str]:
    """The features the model reads in a message.

    Word unigrams (``w:``) and bigrams (``b:``) of the normalised text (a number is ``#``), the
    phrase vocabularies it uses (``v:``) and those a negator cancels (``n:``), and the kind
    (``k:``).
    """
    return Reading.from_analysis(a).named()


class Reading(NamedTuple):
    """The `features` of a message as the gate scores them: words and pairs left unnamed."""

    unigrams: frozenset[str]
    bigrams: frozenset[tuple[str, str]]
    others: frozenset[str]
    """The named features of the vocabularies, the negated vocabularies and the kind."""

    @classmethod
    def from_analysis(cls, a: Analysis) -> Reading:
        """Read the words, pairs of words, vocabularies and kind of an analysed message."""
        words = list(a.words)  # a copy: the analysis keeps its own
        # a number is '#': its words are found in C, and they are few
        for i in list(itertools.compress(itertools.count(), map(str.isdigit, words))):
            words[i] = "#"
        others = set(map(_VOCABULARY_FEATURE, a.vocabs))
        others.update(map(_NEGATED_FEATURE, map(FIRST, negated(a))))
        others.add(f"k:{a.kind.value}")
        return cls(frozenset(words), frozenset(itertools.pairwise(words)), frozenset(others))

    def named(self) -> frozenset[str]:
        """Every feature by its name, as `features` gives them."""
        out = {f"w:{w}" for w in self.unigrams}
        out.update(f"b:{x} {y}" for x, y in self.bigrams)
        out.update(self.others)
        return frozenset(out)


def _logistic(score: float) -> float:
    return 1.0 / (1.0 + math.exp(-score)) if score > -500 else 0.0  # noqa: PLR2004 - exp overflow


def _label(feature: str) -> str:
    """A feature as a reader sees it: ``'gift card'``, ``vocabulary incentive``."""
    kind, _, value = feature.partition(":")
    if kind in {"w", "b"}:
        return f"'{value}'"
    if kind == "n":
        return f"negated {value}"
    if kind == "k":
        return f"kind {value}"
    return f"vocabulary {value}"


@attrs.frozen
class RuleModel:
    """One rule's logistic regression: a bias, feature weights and the gate's threshold.

    ``unconfirmed`` is what the ``per_rule`` gate does with the rule's findings below the
    threshold, learned in training: ``info`` where, out of fold, they were right at least half
    the time, ``drop`` where they were mostly wrong.
    """

    bias: float
    threshold: float
    weights: dict[str, float] = attrs.field(eq=False)
    unconfirmed: str = attrs.field(default="info", validator=attrs.validators.in_(("info", "drop")))
    _unigrams: dict[str, float] = attrs.field(init=False, eq=False, repr=False)
    _bigrams: dict[tuple[str, str], float] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        """File the word and pair weights by the words themselves, for `score`."""
        unigrams, bigrams = {}, {}
        for name, weight in self.weights.items():
            kind, _, value = name.partition(":")
            if kind == "w":
                unigrams[value] = weight
            elif kind == "b":
                first, _, second = value.partition(" ")
                bigrams[first, second] = weight
        object.__setattr__(self, "_unigrams", unigrams)
        object.__setattr__(self, "_bigrams", bigrams)

    def probability(self, feats: Iterable[str]) -> float:
        """The model's probability that a message with ``feats`` breaks the rule."""
        weights = self.weights
        return _logistic(self.bias + sum(weights.get(f, 0.0) for f in feats))

    def score(self, reading: Reading) -> float:
        """`probability` of the features ``reading`` holds, without naming each word and pair.

        What the gate uses: naming every word and pair of a long message costs more than
        scoring it. The same weights are summed in another order, which is no less right: the
        sum over a set of strings follows their hashes, which change from one process to the
        next.

        Args:
            reading: The message as `Reading.from_analysis` reads it.

        Returns:
            The model's probability that the message breaks the rule.
        """
        zero = itertools.repeat(0.0)
        return _logistic(
            self.bias
            + sum(map(self._unigrams.get, reading.unigrams, zero))
            + sum(map(self._bigrams.get, reading.bigrams, zero))
            + sum(map(self.weights.get, reading.others, zero))
        )

    def strongest(self, feats: Iterable[str], n: int = _STRONGEST) -> list[str]:
        """The ``n`` features of ``feats`` that weigh most for the rule, strongest first."""
        weights = self.weights
        found = sorted((-weights[f], f) for f in feats if weights.get(f, 0.0) > 0)
        return [f for _, f in found[:n]]

    def explain(self, feats: Iterable[str], probability: float) -> str:
        """'model: 0.93; strongest features: 'gift card' + vocabulary incentive'."""
        strongest = " + ".join(map(_label, self.strongest(feats))) or "none"
        return f"model: {probability:.2f}; strongest features: {strongest}"


@functools.cache
def rule_models() -> dict[Code, RuleModel]:
    """The trained models shipped in ``sellerpolicy/data`` (see benchmarks/train_model.py)."""
    raw = json.loads(resources.files("sellerpolicy.data").joinpath(_WEIGHTS).read_text("utf-8"))
    return {
        Code(code): RuleModel(
            bias=r["bias"],
            threshold=r["threshold"],
            weights=r["weights"],
            unconfirmed=r.get("unconfirmed", "info"),
        )
        for code, r in raw["rules"].items()
    }


def _masked_swearing(f: Finding) -> bool:
    """Whether an abuse finding's evidence is a swear word with letters masked ('c*nnard').

    The mask is the evidence: a model that has not seen the word in a language need not
    confirm it.
    """
    return (
        f.code is Code.SP111
        and f.excerpt is not None
        and (
            bool(masked_words(f.excerpt.lower(), profane_roots(), strict=True))
            or bool(leet_words(f.excerpt.lower(), profane_roots()))
            # or spelled letter by letter ('m e r d e')
            or bool(spaced_words(f.excerpt.lower(), spaced_insults()))
            # 'the a**': a root of three letters, which the strict reading leaves to the pattern
            or _MASKED_ASS.fullmatch(f.excerpt.lower()) is not None
        )
    )


_MASKED_ASS = regex.compile(r"(?:the|my|your|ur)\s+a\*{2,3}", regex.V1)


def confirmed(a: Analysis, code: Code) -> bool:
    """Whether `gate` would keep a finding of ``code`` in ``a`` at its own severity.

    The rule's model gives the message a probability at or above its threshold, or no model
    or gate reads it. SP109 and SP110 read an SP-API kind's body through SP124's verdict (a
    shipping notice sent as an unexpected problem) and stand only where SP124's model confirms
    it.
    """
    model = rule_models().get(code)
    if model is None or a.policy.parameters.choice("model_gate") == "off":
        return True
    return model.score(Reading.from_analysis(a)) >= model.threshold


def gate(findings: tuple[Finding, ...], a: Analysis, mode: str) -> tuple[Finding, ...]:
    """The findings with the phrase findings the model does not confirm dropped or made info.

    A finding of a `GATED` rule at error or warning severity stands as the phrase rule wrote it
    (its evidence is the explanation) when the rule's model gives the message a probability at
    or above its threshold, or when its evidence is a masked swear word or a reading of the
    message's structure (`structurally_read`). Otherwise it is dropped (``mode`` "drop") or
    kept at info severity (``mode`` "info") with the model's probability and strongest
    features in its message; with ``mode`` "per_rule" each rule's model says which
    (`RuleModel.unconfirmed`).
    """
    if mode == "off" or not any(
        f.code in GATED and f.severity is not Severity.INFO for f in findings
    ):
        return findings
    models = rule_models()
    reading = Reading.from_analysis(a)
    feats: frozenset[str] | None = None  # named once, for the first finding explained
    out = []
    for f in findings:
        model = models.get(f.code)
        if (
            model is None
            or f.severity is Severity.INFO
            or _masked_swearing(f)
            or (f.span is not None and structurally_read(a, f.code, f.span.start, f.span.end))
        ):
            out.append(f)
            continue
        p = model.score(reading)
        if p >= model.threshold:
            out.append(f)
        elif (model.unconfirmed if mode == "per_rule" else mode) == "info":
            if feats is None:
                feats = reading.named()
            note = f"not confirmed, {model.explain(feats, p)}, below {model.threshold:.2f}"
            out.append(attrs.evolve(f, severity=Severity.INFO, message=f"{f.message} ({note})"))
    return tuple(out)
