"""The analysis of one message: everything the message rules read, computed at most once."""

from __future__ import annotations

import operator
from collections import defaultdict
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar, overload

import attrs
import regex

from sellerpolicy._model import Message, MessageFormat, MessageSender, Order
from sellerpolicy._rules.data import lexicon
from sellerpolicy._text.detectors import (
    Evidence,
    contact_view,
    find_emails,
    find_links,
    find_phones,
)
from sellerpolicy._text.html import HtmlFacts, analyze_html
from sellerpolicy._text.normalize import NormalizedText, normalize, normalize_html
from sellerpolicy._text.phrases import Hit, Lexicon, Sentence, sentences
from sellerpolicy._text.spans import SpanSet

if TYPE_CHECKING:
    from collections.abc import Callable

    from sellerpolicy._codes import Severity
    from sellerpolicy._policy import Policy

__all__ = ["Analysis", "Found"]


@attrs.frozen
class Found:
    """A rule's raw result, before the engine turns it into a `Finding`."""

    start: int | None = None
    end: int | None = None
    evidence: str = ""
    disguises: tuple[str, ...] = ()
    severity: Severity | None = None
    field: str = "body"
    note: str = ""
    values: tuple[tuple[str, str], ...] = ()
    count: int = 1
    """How many identical occurrences this stands for (a rule may group them itself)."""


_NOT = ".not"
_VOCAB = operator.attrgetter("vocab")


_IS_EXCEPTION = operator.methodcaller("endswith", _NOT)


def _drop_exceptions(hits: list[Hit]) -> list[Hit]:
    """Drop hits of ``X`` that overlap a hit of ``X.not`` ('review your case')."""
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for h in hits:
        if h.vocab.endswith(_NOT):
            spans[h.vocab.removesuffix(_NOT)].append((h.start, h.end))
    if not spans:
        return hits
    blockers = {vocab: SpanSet(found) for vocab, found in spans.items()}
    kept = []
    for h in hits:
        if h.vocab.endswith(_NOT):
            continue
        blocker = blockers.get(h.vocab)
        if blocker is not None and blocker.overlaps(h.start, h.end):
            continue
        kept.append(h)
    return kept


# A template's own logic: '{% if is_gift %}', '{%- else -%}', '{{#if gift}}', '{{/if}}' (bounded:
# linear). The buyer never reads it.
_TEMPLATE_LOGIC = regex.compile(r"\{%[^%}\n]{0,200}%\}|\{\{[#/^~][^}\n]{0,200}\}\}", regex.V1)


def _outside_template_logic(text: str, hits: list[Hit]) -> list[Hit]:
    """The hits outside a template's control tags ('if' in '{% if is_gift %}' is no condition).

    What the tags branch on is read by the rule that looks for it (SP114's pattern reads the
    text itself).
    """
    tags = SpanSet(m.span() for m in _TEMPLATE_LOGIC.finditer(text))
    if not tags:
        return hits
    return [h for h in hits if not tags.overlaps(h.start, h.end)]


_T = TypeVar("_T")


class _once(Generic[_T]):  # noqa: N801 - a decorator, named like `functools.cached_property`
    """A property of an analysis computed on its first read and kept in the instance.

    Like `functools.cached_property`, whose first read takes a lock in Python 3.11: the rules
    read these once or twice a message each, and after the first read the value is an instance
    attribute, read without a call.
    """

    def __init__(self, make: Callable[[Any], _T]) -> None:
        """Wrap ``make``, the method that computes the value."""
        self.make = make
        self.name = make.__name__
        self.__doc__ = make.__doc__

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> Self: ...

    @overload
    def __get__(self, instance: object, owner: type | None = None) -> _T: ...

    def __get__(self, instance: object | None, owner: type | None = None) -> _T | Self:
        """The value, computed and stored in ``instance`` on the first read."""
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.make(instance)
        return value


class Analysis:
    """The normalised text of one message and everything derived from it, computed lazily."""

    def __init__(
        self,
        message: Message,
        history: tuple[Message, ...],
        policy: Policy,
        *,
        order: Order | None = None,
    ) -> None:
        """Normalise the body and scan it for phrases once; the rest is read on demand.

        ``order``, when the caller gave one, is the order the message is about (SP102 reads
        its products).
        """
        self.message = message
        self.history = history
        self.policy = policy
        self.order = order
        self.kind = message.kind
        # An HTML body is read as the buyer reads it, mapped back to the HTML: entities decoded
        # and markup out of the words ('sh<span></span>op&#46;com' reads 'shop.com').
        html_body = self._html_body = message.format is MessageFormat.HTML
        self.norm: NormalizedText = (normalize_html if html_body else normalize)(message.body)
        self.lex: Lexicon = lexicon(policy.phrases)
        scan = self._scan = self.lex.read(self.norm.text)
        self.words = scan.words
        """The words of the normalised text (`sellerpolicy._text.phrases.words`)."""
        self.vocabs = scan.vocabs
        """The vocabularies of `hits`."""
        # most messages have no exception hit: one look at their few vocabularies says so
        if any(map(_IS_EXCEPTION, self.vocabs)):
            kept = self.__dict__["hits"] = _drop_exceptions(scan.hits)
            self.vocabs = frozenset(map(_VOCAB, kept))
        if "{%" in self.norm.text or "{{#" in self.norm.text:
            kept = self.__dict__["hits"] = _outside_template_logic(self.norm.text, self.hits)
            self.vocabs = frozenset(map(_VOCAB, kept))
        self.cache: dict[str, object] = {}
        """What `memo` computed, by key."""
        self._in_sentences: dict[str, list[int]] | None = None

    @_once
    def hits(self) -> list[Hit]:
        """The phrases found in the normalised text, in order, but those an exception drops.

        Made on first read: many messages need only `vocabs`.
        """
        return self._scan.hits

    @_once
    def sentences(self) -> list[Sentence]:
        """The sentences of the text with their hits (many messages need none)."""
        return sentences(self.norm.text, self.hits)

    def in_sentences(self, vocab: str) -> list[int]:
        """The indices of the sentences with a hit of ``vocab``, in order."""
        index = self._in_sentences
        if index is None:
            index = defaultdict(list)
            for i, sentence in enumerate(self.sentences):
                for v in sentence.vocabs():
                    index[v].append(i)
            self._in_sentences = index
        return index.get(vocab, [])

    def memo(self, key: str, make: Callable[[], object]) -> object:
        """``make()``, computed once per analysis and key."""
        cache = self.cache
        if key in cache:
            return cache[key]
        value = cache[key] = make()
        return value

    def once(self, key: str, make: Callable[[Analysis], _T]) -> _T:
        """``make(self)``, computed once per analysis and key: `memo` without a closure to make."""
        cache = self.cache
        if key in cache:
            return cache[key]  # type: ignore[return-value]
        value = cache[key] = make(self)
        return value

    @_once
    def view(self) -> NormalizedText:
        """The text with spelled-out punctuation made plain, for links and emails."""
        return contact_view(self.norm)

    @_once
    def links(self) -> list[Evidence]:
        """Web addresses in the body."""
        return find_links(self.norm, self.view)

    @_once
    def emails(self) -> list[Evidence]:
        """Email addresses in the body."""
        return find_emails(self.norm, self.view)

    @_once
    def phones(self) -> list[Evidence]:
        """Phone numbers in the body."""
        return find_phones(self.norm)

    @_once
    def html(self) -> HtmlFacts | None:
        """Facts about the HTML body, or ``None`` for plain text."""
        return analyze_html(self.message.body) if self._html_body else None

    def scan(self, text: str) -> tuple[NormalizedText, list[Hit]]:
        """Normalise and scan another text (a file name, a history message)."""
        norm = normalize(text)
        return norm, _drop_exceptions(self.lex.scan(norm.text))

    def history_analyses(self) -> list[Analysis]:
        """Analyses of the earlier seller messages for the order."""

        def make() -> list[Analysis]:
            return [
                Analysis(m, (), self.policy)
                for m in self.history
                if m.sender is MessageSender.SELLER
            ]

        return self.memo("history", make)  # type: ignore[return-value]

    def found(self, start: int, end: int, **kwargs: object) -> Found:
        """A `Found` for normalised ``text[start:end]``, mapped to the original."""
        ostart, oend = self.norm.span(start, end)
        return Found(
            ostart,
            oend,
            self.message.body[ostart:oend],
            disguises=self.norm.disguises(start, end),
            **kwargs,  # type: ignore[arg-type]
        )
