"""Phrase clauses, and the phrase rules that read more than one message or an attachment."""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re  # noqa: TID251 - the clause break runs 3x faster in the stdlib engine on ASCII text
from typing import TYPE_CHECKING, Final, TypeAlias, cast

import ahocorasick_rs
import attrs
import regex

from sellerpolicy._codes import RULES, Code
from sellerpolicy._model import MessageKind, MessageSender
from sellerpolicy._rules.data import (
    Clause,
    RulePattern,
    filler_words,
    profane_roots,
    rule_data,
    rule_pattern,
    spaced_insults,
    vocabularies,
)
from sellerpolicy._rules.messages.analysis import Found
from sellerpolicy._rules.messages.attachments import promotional
from sellerpolicy._rules.messages.scope import is_seller_message
from sellerpolicy._text.phrases import tokens
from sellerpolicy._text.profanity import (
    LEET_DIGITS,
    SYMBOL_MASK,
    leet_words,
    masked_words,
    spaced_words,
)
from sellerpolicy._text.spans import SpanSet

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence

    from sellerpolicy._model import Message
    from sellerpolicy._rules.messages.analysis import Analysis
    from sellerpolicy._text.normalize import NormalizedText
    from sellerpolicy._text.phrases import Hit, Sentence

__all__ = [
    "NEGATABLE",
    "answers_buyer",
    "feedback_removal_pressure",
    "has_match",
    "is_review_request",
    "marketing",
    "needed_vocabs",
    "negated",
    "pattern_hints",
    "phrase_rule",
    "positive_feedback_request",
    "repeat_solicitation",
    "stars_are_design",
    "structurally_read",
]


# Negation scope: the rules whose clauses say what the seller asks, offers or threatens read a
# phrase after a negator in its own clause as refused, not said ("we can't offer anything in
# exchange for feedback", "we would never report you", "nothing to pay on delivery", "we don't
# have a discount code").
NEGATABLE = frozenset(
    {
        Code.SP105,
        Code.SP106,
        Code.SP107,
        Code.SP108,
        Code.SP111,
        Code.SP112,
        Code.SP113,
        Code.SP115,
        Code.SP116,
        Code.SP123,
    }
)
_NEGATOR = "negator"
_POST_NEGATOR = "post_negation"
_POST_SCOPE_WORDS = 4  # "five stars [are really] not required"
# What sets the scene of a clause is not negated with it: the condition of a threat ("if it isn't
# back by Friday ..."), the buyer's unhappiness, the problem, the buyer being addressed.
_NOT_NEGATED = frozenset(
    {
        "threat_condition",
        "conditional",
        "you",
        "unhappy",
        "problem",
        "order_ref",
        "ask",
        "not_on_amazon_but",
    }
)
_SCOPE_WORDS = 8  # a negator reaches this many words ahead, within its clause
# What ends a negator's clause: punctuation, a contrast or condition, a new first-person subject
# ("if you don't remove it we will take legal action": the threat is not negated).
_CLAUSE_BREAK_PATTERN = (
    r"[.,;:!?()\u2014\u2013\n]|\s-\s|\b(?:but|however|if|unless|until|till|otherwise|we|we'll|we'd|we're|"
    r"i|i'll|they|aber|sondern|wenn|falls|sonst|wir|ich|mais|si|sinon|nous|je|pero|sino|ma|se|"
    r"altrimenti|noi|so|please|bitte|donc|quindi|also|deshalb)\b"
)
_CLAUSE_BREAK = regex.compile(_CLAUSE_BREAK_PATTERN, regex.V1)
# The same pattern in the stdlib engine, three times faster, for ASCII text: there `\w` and `\b`
# mean the same in both engines, and so does `\s` in normalised text (the engines differ only in
# U+001C to U+001F, control characters that normalising removes).
_CLAUSE_BREAK_ASCII = re.compile(_CLAUSE_BREAK_PATTERN)


def _clause_break(text: str, start: int, end: int) -> re.Match[str] | regex.Match[str] | None:
    """The first match of `_CLAUSE_BREAK` in ``text[start:end]``, normalised text."""
    pattern = _CLAUSE_BREAK_ASCII if text.isascii() else _CLAUSE_BREAK  # isascii: O(1)
    return pattern.search(text, start, end)


# A negator inside a condition states a hypothesis, not a refusal ("if you don't return it we
# will ...", "se non restituisce ... procederemo per vie legali"); a negator whose clause says
# "yet" states what is still to come ("you haven't reviewed it yet - whenever you do ...").
_CONDITION_BEFORE = regex.compile(
    r"\b(?:if|unless|wenn|falls|sofern|si|se|sauf|salvo)\b(?:\W+\w+){0,2}\W*$", regex.V1
)
# ... and so does the second of two conditions joined by 'or' ("se non ci restituisce la lampada o
# non ritira la richiesta, pubblicheremo ...": both are the threat's condition). Bounded: linear.
_ALTERNATIVE_CONDITION = regex.compile(
    r"\b(?:if|unless|wenn|falls|sofern|si|se)\b[^.;:!?\n]{0,100}\s(?:or|o|oder|ou|u)\s+$",
    regex.V1,
)
# A negated command to be something ("don't be so clueless", "no sea usted caradura", "seien Sie
# nicht so unverschämt", "ne soyez pas malhonnête") says the buyer is it: no refusal.
_BE_AFTER = regex.compile(
    r"\s*(?:be\b(?!\s+\w+ing\b)|sea\b|seas\b|sia\b|essere\b|sois\b|soyez\b)", regex.V1
)
_COMMAND_NEGATORS = frozenset({"don't", "dont", "do not", "never", "no", "non", "ne"})
# ... but 'never' after a subject or an auxiliary states a fact, no command: "you will never be
# contacted by a collection agency", "your account will never be sent to collections"
_STATED_BEFORE = regex.compile(
    r"\b(?:will|would|shall|should|can|could|may|might|must|won't|wouldn't|'ll|'d|i|we|you|they|"
    r"it|he|she|is|are|was|were|has|have|had)\s+$",
    regex.V1,
)
_BE_BEFORE = regex.compile(r"\b(?:seien\s+sie|sei|sois|soyez)\s+$", regex.V1)
_PENDING = regex.compile(r"\b(?:yet|pas encore|todav[ií]a|ancora)\b", regex.V1)
_PENDING_BEFORE = regex.compile(r"\b(?:noch|todav[ií]a|a[uú]n)\s+$", regex.V1)  # "noch nicht"
_PENDING_REACH = 60  # characters after the negator, within its clause


_LIST_ITEM_WORDS = 3  # "keine Gutscheine, Rabatte oder Gratisprodukte": short items
_LIST_AND = regex.compile(r"\b(?:or|and|nor|oder|und|noch|ou|et|ni|o|y|e|né)\b", regex.V1)
_LIST_REACH = 40  # characters after the hit where the list may close


# a comma followed by a copula opens a clause of its own ('..., è una truffa', '..., this is')
_COMMA_THEN_VERB = regex.compile(
    r",\s*(?:(?:this|that|it)\s+)?(?:è|is|it's|est|c'est|ist|das\s+ist|es|esto\s+es|questo\s+è)\s",
    regex.V1,
)


# A German infinitive clause after a comma, up to the hit: the negated verb's own object ('wir
# werden Sie nicht bitten, sie zu ändern', fresh_iq), not a new clause
_INFINITIVE_AFTER_COMMA = regex.compile(
    r",[ \t]{0,3}(?:[\w'-]{1,30}[ \t]{1,3}){0,4}zu[ \t]{0,3}$", regex.V1
)


def _breaks_clause(text: str, start: int, end: int) -> bool:
    """Whether a clause ends between a negator (ending at ``start``) and a hit (at ``end``).

    Commas between short items of a list a conjunction closes do not end it: "we offer no
    vouchers, discounts or free products for reviews" refuses all three.
    """
    stop = _clause_break(text, start, end)
    if stop is None:
        return False
    between = text[start:end]
    if stop.group() != "," or _clause_break(between.replace(",", " "), 0, len(between)):
        return True
    if _INFINITIVE_AFTER_COMMA.search(between):
        return False  # 'wir werden Sie nicht bitten, sie zu ändern': the verb's own infinitive
    if _COMMA_THEN_VERB.search(between):
        return True  # 'non ci prenda per stupidi, è una truffa': a new clause, not a list
    if any(len(item.split()) > _LIST_ITEM_WORDS for item in between.split(",")[1:-1]):
        return True
    tail = _clause_break(text, end, end + _LIST_REACH)
    closing = text[start : tail.start() if tail else end + _LIST_REACH]
    return not _LIST_AND.search(closing)


def _refuses(text: str, neg: Hit) -> bool:
    """Whether the negator ``neg`` denies what follows (not a condition, not a "not yet")."""
    if _CONDITION_BEFORE.search(text, max(0, neg.start - 30), neg.start):
        return False
    if _ALTERNATIVE_CONDITION.search(text, max(0, neg.start - 120), neg.start):
        return False
    said = text[neg.start : neg.end]
    if (
        said in _COMMAND_NEGATORS
        and _BE_AFTER.match(text, neg.end, neg.end + 24)
        and not (said == "never" and _STATED_BEFORE.search(text, max(0, neg.start - 12), neg.start))
    ) or _BE_BEFORE.search(text, max(0, neg.start - 14), neg.start):
        return False
    if _PENDING_BEFORE.search(text, max(0, neg.start - 12), neg.start):
        return False
    stop = _clause_break(text, neg.end, neg.end + _PENDING_REACH)
    return not _PENDING.search(text, neg.end, stop.start() if stop else neg.end + _PENDING_REACH)


def negated(a: Analysis) -> frozenset[tuple[str, int]]:
    """The hits (vocabulary, start) that a negator in their clause cancels.

    A negator before the hit ("we never ask for five stars") or a negated predicate just after
    it ("five stars aren't required"), with no clause break between them. A negator in a
    condition ("if you don't ...") or of what is still to come ("not ... yet") cancels nothing.
    """
    return a.once("negated", _negated)


def _negated(a: Analysis) -> frozenset[tuple[str, int]]:
    if _NEGATOR not in a.vocabs and _POST_NEGATOR not in a.vocabs:
        return frozenset()  # most messages negate nothing
    negators = [h for h in a.hits if h.vocab == _NEGATOR and _refuses(a.norm.text, h)]
    after = [h for h in a.hits if h.vocab == _POST_NEGATOR]
    if not negators and not after:
        return frozenset()
    return frozenset(_cancelled(a.norm.text, a.hits, negators, after))


_NEGATION_VOCABS = frozenset({_NEGATOR, _POST_NEGATOR})


def _cancelled(
    text: str, hits: list[Hit], negators: list[Hit], after: list[Hit]
) -> set[tuple[str, int]]:
    """The hits (vocabulary, start) that ``negators`` before them or ``after`` them cancel.

    Each negator reads only the hits within its reach of words, found by bisection of the
    hits' word indices (hits come in their words' order): a message with many hits and a few
    negators costs a step per hit in reach, not one per hit and negator.
    """
    targets = [h for h in hits if h.vocab not in _NEGATION_VOCABS and h.vocab not in _NOT_NEGATED]
    words = [h.token for h in targets]
    out: set[tuple[str, int]] = set()
    # a phrase that holds a negator of its own is said negated already: the 'ne' before 'pas nés
    # de la dernière pluie' is the same negation, not one that cancels it
    inside = [h.start for h in negators]
    for neg in negators:
        first = bisect.bisect_left(words, neg.token)
        last = bisect.bisect_right(words, neg.token + _SCOPE_WORDS)
        for hit in targets[first:last]:
            key = (hit.vocab, hit.start)
            if (
                key not in out
                and neg.end <= hit.start
                and not _breaks_clause(text, neg.end, hit.start)
                and bisect.bisect_left(inside, hit.start) == bisect.bisect_left(inside, hit.end)
            ):
                out.add(key)
    for neg in after:  # "five stars aren't required"
        first = bisect.bisect_left(words, neg.token - _POST_SCOPE_WORDS)
        last = bisect.bisect_right(words, neg.token)
        for hit in targets[first:last]:
            key = (hit.vocab, hit.start)
            if (
                key not in out
                and neg.start >= hit.end
                and not _clause_break(text, hit.end, neg.start)
            ):
                out.add(key)
    return out


def _affirmed(a: Analysis, sentence: Sentence) -> frozenset[str]:
    """The sentence's vocabularies, counting only hits no negator cancels."""
    gone = negated(a)
    if not gone:
        return sentence.vocabs()
    return frozenset(h.vocab for h in sentence.hits if (h.vocab, h.start) not in gone)


_SCOPE_WIDTH = {"pair": 2, "three": 3}  # sentences a clause's scope spans


def _clause_matches(
    a: Analysis, clause: Clause, *, negatable: bool = False
) -> Iterator[tuple[int, int]]:
    """Normalised spans where ``clause`` holds, one per sentence (or pair of sentences).

    With ``negatable``, a vocabulary of ``all`` counts only where a hit of it is not negated.
    """
    if not all(v in a.vocabs for v in clause.all):
        return  # most clauses fail here: a vocabulary the message never uses
    sents = a.sentences
    width = _SCOPE_WIDTH.get(clause.scope, 1)
    gone = negated(a) if negatable else frozenset()
    for i in _windows(a, clause.all, width):
        scope = sents[i : i + width]
        vocabs = frozenset().union(*(s.vocabs() for s in scope))
        if not all(v in vocabs for v in clause.all) or any(
            v in vocabs and _blocks(a, scope, clause, v) for v in clause.none
        ):
            continue
        if gone:
            said = frozenset().union(*(_affirmed(a, s) for s in scope))
            if not all(v in said for v in clause.all):
                continue
        first = [h for v in clause.all if (h := _first_hit(scope, v, gone)) is not None]
        yield min(h.start for h in first), max(h.end for h in first)


# A strong negation of need stops a clause only from within its part of the sentence: "take the
# review down and I'll refund you, no need to send anything back" trades, and the "no need" is
# about the return. "No obligation", "no strings", "never" deny the request itself, anywhere.
_CLAUSE_BOUND_NONE = frozenset({"negation_strong"})
_NEED = "negation_need"


def _blocks(a: Analysis, scope: list[Sentence], clause: Clause, vocab: str) -> bool:
    """Whether ``vocab``, one of the clause's ``none``, in ``scope`` stops the clause holding.

    Most stop it anywhere in the scope. A negation of need covers only its part of its
    sentence (up to a ',', ';', ':' or dash), and the part after a break when nothing but
    'to' follows it there ('no need, of course, to update'; 'nicht nötig, Ihre Bewertung zu
    ändern'): the clause holds when each word it needs is written outside what is covered.
    """
    if vocab == _NEGATION and clause.past_but:
        return not all(_cut_by_contrast(a, s, clause) for s in scope if vocab in s.vocabs())
    if vocab not in _CLAUSE_BOUND_NONE:
        return True
    covered: list[tuple[int, int]] = []
    for s in scope:
        needs = {(h.start, h.end) for h in s.hits if h.vocab == _NEED}
        for h in s.hits:
            if h.vocab != vocab:
                continue
            if (h.start, h.end) not in needs:
                return True
            covered.append(_negated_part(a, s, h, clause))
    inside = _Covered(covered)
    return not all(
        any(h.vocab == v and not inside(h.start, h.end) for s in scope for h in s.hits)
        for v in clause.all
    )


class _Covered:
    """The parts of a text that negations of need cover: whether a span lies inside one of them.

    The parts are sorted by their start, with the furthest end reached so far beside each: a
    span lies inside one exactly when a part starting at or before it reaches past its end. Each
    question is a binary search, so a sentence of many needs and many hits is read in n log n
    time, not n squared.
    """

    def __init__(self, parts: list[tuple[int, int]]) -> None:
        ordered = sorted(parts)
        self._starts = [lo for lo, _ in ordered]
        self._reach = list(itertools.accumulate((hi for _, hi in ordered), max))

    def __call__(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self._starts, start) - 1
        return i >= 0 and self._reach[i] >= end


def _cut_by_contrast(a: Analysis, s: Sentence, clause: Clause) -> bool:
    """Whether the negations of ``s`` end at a 'but' after them that the clause's words follow.

    "We can't share links here, but if you google our brand name ...": what the seller cannot do
    is said before the 'but'; what the clause reads comes after it, and stands. Only for the
    clauses that say so (`Clause.past_but`): "We can't X, but we'll Y" is the commonest shape of
    a service reply, and in most of them what follows the 'but' is the allowed way (a scam
    warning, "we only sell on Amazon, but copies are on eBay", Amazon's own messages).
    """
    # the first 'but' after the last negation serves every negation; each word of the clause
    # then needs a hit after it (its last hit is the one to look at): one pass over the hits
    last_negation = max(h.end for h in s.hits if h.vocab == _NEGATION)
    cut = _CONTRAST.search(a.norm.text, last_negation, s.end)
    if cut is None:
        return False
    last: dict[str, int] = {}
    for g in s.hits:
        last[g.vocab] = max(last.get(g.vocab, -1), g.start)
    return all(last.get(v, -1) >= cut.end() for v in clause.all)


def _part_breaks(a: Analysis, s: Sentence) -> tuple[list[int], list[int]]:
    """The starts and ends of the part breaks of sentence ``s`` (',', ';', ':', a dash), once."""

    def find() -> tuple[list[int], list[int]]:
        spans = [m.span() for m in _PART_BREAK.finditer(a.norm.text, s.start, s.end)]
        return [b for b, _ in spans], [e for _, e in spans]

    return cast("tuple[list[int], list[int]]", a.memo(f"part breaks {s.start}", find))


def _negated_part(a: Analysis, s: Sentence, h: Hit, clause: Clause) -> tuple[int, int]:
    """The span of sentence ``s`` that the negation of need ``h`` covers (see `_blocks`).

    The breaks are found once per sentence and searched by bisection: a sentence of many
    needs is read in n log n time.
    """
    text = a.norm.text
    starts, ends = _part_breaks(a, s)
    before = bisect.bisect_right(ends, h.start)  # the breaks that end before the need
    lo = ends[before - 1] if before else s.start
    if _JOINED.search(text, max(lo, h.start - _JOIN_REACH), h.start):
        # "... and we'll refund you and no need to send it back": a conjunction before the
        # negation starts its part, as a comma would
        lo = h.start
    first = bisect.bisect_left(starts, h.end)  # the first break after the need
    if first == len(starts):
        return lo, s.end
    hi = starts[first]
    if not _BARE_TAIL.fullmatch(text, h.end, hi):
        return lo, hi
    # 'no need, of course, to update your review': the need's object is in a later part, the
    # first that holds a word the clause needs (the part that ends at the next break after it)
    word = next((g.start for g in s.hits if g.vocab in clause.all and g.start >= ends[first]), None)
    if word is None:
        return lo, s.end
    nxt = bisect.bisect_right(starts, word)
    return lo, starts[nxt] if nxt < len(starts) else s.end


_NEGATION = "negation"
# a contrast after a negation, which ends its reach ('we can't share links here, but ...')
_CONTRAST = regex.compile(r"[,;]?\s(?:but|aber|mais|pero|però|ma)\s", regex.V1)
_PART_BREAK = regex.compile(r"[,;:]|\s[-\u2013\u2014]\s", regex.V1)
# a conjunction right before a negation of need ("and no need to ...", "und nicht nötig")
_JOINED = regex.compile(r"\b(?:and|but|plus|und|aber|et|mais|y|pero|e|ma)\s+$", regex.V1)
_JOIN_REACH = 8
# What may follow a negation of need before a break that leaves its object to a later part
_BARE_TAIL = regex.compile(r"\s*(?:to|de|d['\u2019]|di|zu)?\s*", regex.V1 | regex.IGNORECASE)


def _windows(a: Analysis, needed: tuple[str, ...], width: int) -> list[int]:
    """The first sentences of the scopes of ``width`` sentences with a hit of every ``needed``.

    Read from the index of sentences by vocabulary, not sentence by sentence: a clause needs
    words that most sentences lack.
    """
    if not needed:
        return list(range(len(a.sentences)))
    found: set[int] | None = None
    for vocab in needed:
        at = a.in_sentences(vocab)
        starts = set(at) if width == 1 else {i - d for i in at for d in range(width) if i >= d}
        found = starts if found is None else found & starts
        if not found:
            return []
    return sorted(found or ())


def _first_hit(
    scope: list[Sentence], vocab: str, gone: frozenset[tuple[str, int]] = frozenset()
) -> Hit | None:
    for s in scope:
        for hit in s.hits:
            if hit.vocab == vocab and (vocab, hit.start) not in gone:
                return hit
    return None


def _leads_to_amazon(a: Analysis, start: int, end: int) -> bool:
    """Whether the call at ``start:end`` leads to an Amazon page.

    It does when its sentence (or the next) gives Amazon links and no other ("rate us directly
    here: amazon.com/review/...").
    """
    first, last = _sentence_range(a, start, end)
    scope = a.sentences[first : last + 2]
    if not scope or not a.links:
        return False
    lo, hi = a.norm.span(scope[0].start, scope[-1].end)
    near = [ln for ln in a.links if lo <= ln.start < hi]
    domains = a.policy.parameters.amazon_domains
    return bool(near) and all(
        any(ln.host == d or ln.host.endswith("." + d) for d in domains) for ln in near
    )


# An amount of money: a currency sign or code next to a figure ("$7", "6,90 €", "14.20 EUR").
_MONEY = regex.compile(
    r"(?:[$€£¥]|\b(?:eur|usd|gbp|chf)\b)\s?\d"
    r"|(?<![\d.,])\d+(?:[.,]\d+){0,2}\s?(?:[$€£]|(?:eur|euros?|usd|gbp|dollars?|pounds?|quid|bucks|cents?)\b)"
    r"|(?<!\d)\d+p\b",  # only from the first digit of a run: linear on long runs of digits
    regex.V1,
)


def _refunded_through(a: Analysis, start: int, end: int) -> bool:
    """Whether the payment channel at ``start:end`` is where the seller sends money back.

    "We've refunded the $15 to the PayPal account you paid with" names PayPal without asking
    the buyer to act outside Amazon.
    """
    channel = any(h.vocab == "pay_channel" and h.start < end and start < h.end for h in a.hits)
    if not channel:
        return False
    # the money goes back to the buyer: a refund, or the seller paying ("me pagas por Bizum"
    # names no refund: the buyer pays off Amazon)
    first, last = _sentence_range(a, start, end)
    lo, hi = a.sentences[first].start, a.sentences[last].end
    back = "seller_pays" in _sentence_vocabs(a, start, end) or bool(
        _REFUND.search(a.norm.text, lo, hi)
    )
    return back and not _buyer_pays(a, start, end)


# A cost of sending the item back: the only cost Amazon's returns rules let a buyer bear after
# the sale ('the return postage', 'a restocking fee', 'les frais de retour'). Bounded: linear.
_RETURN_COST_NEAR = regex.compile(
    r"\b(?:return\w*|restock\w*|r[üu]ck\w*|retour\w*|renvoi\w*|devoluci\w*|reso|resi|restitu\w*)\b",
    regex.V1,
)
_RETURN_COST_REACH = 24  # characters either side of a cost searched for its return word


def _return_costs_only(a: Analysis, scope: Sequence[Sentence]) -> bool:
    """Whether every cost the sentences name is a cost of returning the item.

    "As Amazon's policy says" explains a return's postage or restocking fee; it explains no
    price difference, handling fee or surcharge the seller asks for after the sale.
    """
    text = a.norm.text
    costs = [h for s in scope for h in s.hits if h.vocab == "extra_cost"]
    return all(
        _RETURN_COST_NEAR.search(
            text, max(0, h.start - _RETURN_COST_REACH), h.end + _RETURN_COST_REACH
        )
        for h in costs
    )


def _buyer_pays(a: Analysis, start: int, end: int) -> bool:
    """Whether the money at ``start:end`` is the buyer's to pay (SP108).

    Not when the same sentences say the seller pays, refunds or covers it, or Amazon collected
    it, nor when every cost they name sits in a sentence that says so ("Amazon collected the
    duties at checkout. If anybody asks you for a payment, please don't pay"); and a word that
    only says "more" ("one more detail", "the balance in your account", "it cleared customs")
    is a cost only when the sentences name an amount or a cost as well.
    """
    first, last = _sentence_range(a, start, end)
    scope = a.sentences[first : last + 1]
    said = [_affirmed(a, s) for s in scope]
    vocabs = frozenset().union(*said)
    if "seller_pays" in vocabs and "ask" not in vocabs:
        return False
    if "pay_us" in vocabs:
        return True  # 'merci de nous régler cette somme': the verb names who is paid
    if (
        "amazon_sets_cost" in vocabs
        and not vocabs & {"ask", "pressure", "pay_channel"}
        and _return_costs_only(a, scope)
    ):
        return False  # "you pay the return postage, as Amazon's returns policy says"
    weak = {(h.start, h.end) for s in scope for h in s.hits if h.vocab == "extra_weak"}
    every_cost = [h for s in scope for h in s.hits if h.vocab == "extra_cost"]
    costs = [
        h
        for s, v in zip(scope, said, strict=True)
        if not ("seller_pays" in v and "ask" not in v)
        for h in s.hits
        if h.vocab == "extra_cost"
    ]
    if every_cost and not costs:
        return False  # each cost is one the seller or Amazon already took care of
    if all((h.start, h.end) in weak for h in costs):
        # the amount may come first: "it's $6. Just send it over on PayPal"
        around = a.sentences[max(0, first - 1) : last + 1]
        return bool(around) and bool(_MONEY.search(a.norm.text, around[0].start, around[-1].end))
    return True


def _phrase_matches(a: Analysis, code: Code) -> list[tuple[int, int]]:
    cache = a.cache
    if code in cache:
        return cache[code]  # type: ignore[return-value]
    plan = _plan(code)
    if plan.idle(a):
        return []  # most rules in most messages: told apart without a call more
    found = cache[code] = _compute_phrase_matches(a, code, plan)
    return found


# Every hint of every pattern, looked for in a message at once: five patterns' hints tested one
# pattern at a time cost some 4 us a message, most of it the calls.
# SP111 reads a swear word of any language with letters masked by a symbol ('c*nnard', 'j#der');
# a message without one of these characters holds none
_MASK_CHARS = SYMBOL_MASK
_DOTTED_MASK = ".."  # letters hidden by dots ('A...loch'): a hint found by a substring test
# letters written as look-alike digits ('m13rda'): no text, a hint `_hints_in` gives a message
# with such a swear word (a model number, 's1000', is none: its SP111 reading is skipped)
_LEET_HINT = "<leet>"
# letters spaced out ('S c h e i ß', fresh_ke): a hint `_hints_in` gives a text with three single
# letters (not digits) after a space, which a run of four holds, found by the stdlib engine in one
# pass from its literal space (a lookbehind before the first letter costs four times as much)
_SPACED_HINT = "<spaced>"
_SPACED_LETTERS = re.compile(r" [^\W\d_] [^\W\d_] [^\W\d_]\b")
_MASK_HINTS = _MASK_CHARS | {_DOTTED_MASK, _LEET_HINT, _SPACED_HINT}


@functools.cache
def _hint_finder() -> tuple[tuple[str, ...], tuple[str, ...], ahocorasick_rs.AhoCorasick]:
    """The hints of every pattern of the data: its characters, its longer ones and their finder.

    The finder also looks for a letter of a swear word before a digit that looks like a letter
    ('m1' in 'm13rda'), listed after the hints: where one is, `_hints_in` reads the words.
    """
    every = {h for data in rule_data().values() for p in data.patterns for h in p.hints}
    chars = tuple(sorted({h for h in every if len(h) == 1} | _MASK_CHARS))
    texts = tuple(sorted(h for h in every if len(h) > 1))
    letters = sorted({c for root in profane_roots() for c in root if c.isalpha()})
    leet = [letter + digit for letter in letters for digit in LEET_DIGITS]
    return chars, texts, ahocorasick_rs.AhoCorasick([*texts, *leet])


def _hints_in(text: str) -> frozenset[str]:
    """The hints of the rules' patterns (`RulePattern.hints`) that occur in ``text``.

    The characters are tested one by one in C (a text dense with one, a megabyte of '@', then
    makes no list of matches); the longer hints in one pass of an automaton, reporting
    overlapping matches, so that a hint inside another ('f!' in 'fu!'?) is found too.
    """
    chars, texts, finder = _hint_finder()
    found = set(filter(text.__contains__, chars))
    if _DOTTED_MASK in text:  # a substring test in C: a text of dots makes no list of matches
        found.add(_DOTTED_MASK)
    try:
        matches = finder.find_matches_as_indexes(text, overlapping=True)
    except UnicodeEncodeError:  # a lone surrogate, which the automaton cannot read
        found.update(filter(text.__contains__, texts))
        leet = True
    else:
        keys = {m[0] for m in matches}
        hinted = len(texts)
        found.update(texts[k] for k in keys if k < hinted)
        leet = any(k >= hinted for k in keys)  # a letter before a look-alike digit
    if leet and leet_words(text, profane_roots()):
        found.add(_LEET_HINT)
    if _SPACED_LETTERS.search(text):
        found.add(_SPACED_HINT)
    return frozenset(found)


@attrs.frozen
class _Plan:
    """What `_compute_phrase_matches` reads of a rule's data, prepared once per rule."""

    clauses: tuple[tuple[frozenset[str], Clause], ...]
    """Each clause with the vocabularies it needs in the message, as a set (one C test)."""
    heads: frozenset[str]
    """A vocabulary of each clause, the one with the fewest phrases: without any of them in
    the message, no clause holds."""
    patterns: tuple[RulePattern, ...]
    """The rule's patterns, each with the text it needs (one piece at least, see `_hints_in`)."""
    negatable: bool
    hints: frozenset[str]
    """Every hint of the patterns."""
    particles: bool
    """SP115: particle-verb changes are read where a product review is named."""
    split: bool
    """SP114: gating told as two questions is read where its four vocabularies are."""
    masked: bool
    """SP111: swear words with letters masked by a symbol are read where one is written."""
    rewarded: bool
    """SP106: a reward for the buyers who review is read where a `reviewer_group` is named, a
    removal bought where a change and a feedback or review are (`_REWARD_READ`)."""

    def idle(self, a: Analysis) -> bool:
        """Whether the rule can find nothing in ``a``, told from vocabularies and hints alone.

        When this is false, `_compute_phrase_matches` does the work (and may still find nothing).
        """
        vocabs = a.vocabs
        if not self.heads.isdisjoint(vocabs):
            return False
        if (
            (self.particles and "product_review" in vocabs)
            or (self.split and vocabs >= _SPLIT_GATING)
            or (self.masked and not _MASK_HINTS.isdisjoint(pattern_hints(a)))
            or (self.rewarded and not _REWARD_READ.isdisjoint(vocabs))
        ):
            return False
        return not self.patterns or self.hints.isdisjoint(pattern_hints(a))

    def live(self, vocabs: frozenset[str]) -> list[Clause]:
        """The clauses whose vocabularies all occur in the message (``vocabs``)."""
        # most clauses stop here: a vocabulary the message never uses
        if self.heads.isdisjoint(vocabs):
            return []
        return [clause for needs, clause in self.clauses if needs <= vocabs]


# Vocabularies that most messages use: never a clause's head while the clause has another (a
# head with few phrases but common words, such as 'you', would make the rule run on almost
# every message; the phrase count alone is no measure of how often a vocabulary occurs)
_COMMON_VOCABS = frozenset(
    {"you", "ask", "review", "pleasantry", "thanks", "greeting", "negator", "negation",
     "condition_if", "to_us", "order_ref", "topic_order_details", "image_not_product",
     "question", "threat_condition", "conditional", "pressure", "exchange", "seller_side"}
)  # fmt: skip


@functools.cache
def _plan(code: Code) -> _Plan:
    data = rule_data()[code]
    sizes = vocabularies()
    return _Plan(
        tuple((frozenset(clause.all), clause) for clause in data.clauses),
        frozenset(
            min(clause.all, key=lambda v: (v in _COMMON_VOCABS, len(sizes.get(v, ()))))
            for clause in data.clauses
        ),
        data.patterns,
        code in NEGATABLE,
        frozenset().union(*(p.hints for p in data.patterns)),
        code is Code.SP115,
        code is Code.SP114,
        code is Code.SP111,
        code is Code.SP106,
    )


# An invitation to make contact by a means the message also gives ("give us a ring on 555 ...")
# is one piece of evidence: the number, address or link is reported (SP104, SP103, SP101), the
# invitation is not reported again as SP105. A link must be to the channel the invitation names
# ("it's on Instagram: instagram.com/...").
_CONTACT_VOCABS = frozenset({"contact_by_phone", "contact_by_email", "contact_by_link", "own_site"})
_NOT_A_CHANNEL = frozenset({"on", "us", "me", "our", "my"})


_START = operator.attrgetter("start")


def _sentence_starts(a: Analysis) -> list[int]:
    return a.once("sentence starts", _starts_of_sentences)


def _starts_of_sentences(a: Analysis) -> list[int]:
    return list(map(_START, a.sentences))


def _sentence_range(a: Analysis, start: int, end: int) -> tuple[int, int]:
    """The indices of the first and the last sentence that ``start:end`` touches."""
    starts = _sentence_starts(a)
    first = max(0, bisect.bisect_right(starts, start) - 1)
    return first, max(first, bisect.bisect_left(starts, end) - 1)


def _contact_given(a: Analysis, vocab: str, start: int, end: int) -> SpanSet:
    """Where the message gives the means the invitation at ``start:end`` invites to use."""
    if vocab == "contact_by_phone":
        return a.memo("given:phones", lambda: SpanSet((e.start, e.end) for e in a.phones))  # type: ignore[return-value]
    if vocab == "contact_by_email":
        return a.memo("given:emails", lambda: SpanSet((e.start, e.end) for e in a.emails))  # type: ignore[return-value]
    if vocab == "own_site":  # "on our site: www . shop . it": any address outside Amazon
        domains = a.policy.parameters.amazon_domains
        return a.memo(  # type: ignore[return-value]
            "given:sites",
            lambda: SpanSet(
                (e.start, e.end)
                for e in a.links
                if not any(e.host == d or e.host.endswith("." + d) for d in domains)
            ),
        )
    words = frozenset(w for w, _, _ in tokens(a.norm.text[start:end])) - _NOT_A_CHANNEL

    def named() -> SpanSet:
        return SpanSet(
            (e.start, e.end)
            for e in a.links
            if any(label.startswith(w) for w in words for label in e.host.split("."))
        )

    return a.memo("given:links:" + " ".join(sorted(words)), named)  # type: ignore[return-value]


def _given_nearby(a: Analysis, vocab: str, start: int, end: int) -> bool:
    """Whether the means lies in the sentence of ``start:end`` or the one after it."""
    given = _contact_given(a, vocab, start, end)
    if not given:
        return False
    i = max(0, bisect.bisect_right(_sentence_starts(a), start) - 1)
    scope = a.sentences[i : i + 2]
    if not scope:
        return True
    lo, hi = a.norm.span(min(start, scope[0].start), max(end, scope[-1].end))
    return given.overlaps(lo, hi)


_AWAITED = frozenset({"review", "seller_feedback", "product_review", "change_verb"})
_AWAITED_REACH = 40
_CLAUSE_END = regex.compile(r"[.,;:!?\n]", regex.V1)


_INCENTIVES = frozenset({"incentive", "incentive_weak"})
_DONE = frozenset({"resolved", "fix_already"})


def _hits_in(a: Analysis, start: int, end: int) -> list[Hit]:
    """The hits that start in ``start:end``, found by bisection (the hits are in order).

    A rule that reads the hits of every match of a long text one by one would take time that
    grows with the square of its length.
    """
    starts = a.once("hit starts", _hit_starts)
    return a.hits[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]


def _hit_starts(a: Analysis) -> list[int]:
    return [h.start for h in a.hits]


def _only_the_fix(a: Analysis, start: int, end: int) -> bool:
    """Whether every refund or gift at ``start:end`` is one its sentence says was already given.

    "Le remboursement a été effectué ... Dans ce cas, vous pouvez modifier l'évaluation": the
    refund that resolved the problem is no offer; "... a bien été effectué. Et si vous retirez
    l'évaluation, nous vous rembourserons aussi le port" makes a new one.
    """
    starts = _sentence_starts(a)
    found = False
    for h in _hits_in(a, start, end):
        if h.vocab in _INCENTIVES:
            found = True
            i = max(0, bisect.bisect_right(starts, h.start) - 1)
            if not a.sentences[i].vocabs() & _DONE:
                return False
    return found


def _exchange_bound(a: Analysis, start: int, end: int) -> bool:
    """Whether an exchange word at ``start:end`` trades something for the review.

    A plain exchange word ("in return", "as a thank-you") does; a conjunction of time does
    only when what it waits for, in its own clause, is the review or its change ("once your
    review is up", "sobald Ihre Bewertung online ist"), not the parcel ("sobald Sie das Paket
    erhalten haben, freuen wir uns über eine Bewertung").
    """
    if _only_the_fix(a, start, end):
        return False
    inside = _hits_in(a, start, end)
    timing = {(h.start, h.end) for h in inside if h.vocab == "timing"}
    for h in inside:
        if h.vocab != "exchange":
            continue
        if (h.start, h.end) not in timing:
            return True
        # what the conjunction waits for is its subject, a few words on ("once your review is
        # up"), not a review named at the end of an unpunctuated clause ("once your parcel is
        # delivered we'll send you a link to leave a review")
        stop = _CLAUSE_END.search(a.norm.text, h.end, h.end + _AWAITED_REACH)
        limit = stop.start() if stop else h.end + _AWAITED_REACH
        if any(v.vocab in _AWAITED for v in _hits_in(a, h.end, limit)):
            return True
    return False


def _clause_spans(
    a: Analysis, code: Code, clauses: list[Clause], *, negatable: bool
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The matches of ``clauses`` that their filters keep, and those of them the gate leaves."""
    spans: list[tuple[int, int]] = []
    structural: list[tuple[int, int]] = []  # of the clauses marked `Clause.structural`
    for clause in clauses:
        found = _clause_matches(a, clause, negatable=negatable)
        keep = _clause_filter(code, clause)
        kept = list(found if keep is None else (m for m in found if keep(a, *m)))
        spans.extend(kept)
        if clause.structural:
            structural.extend(kept)
    return spans, structural


def _compute_phrase_matches(a: Analysis, code: Code, plan: _Plan) -> list[tuple[int, int]]:
    vocabs = a.vocabs
    clauses = plan.live(vocabs)
    masked = plan.masked and not _MASK_HINTS.isdisjoint(pattern_hints(a))
    particles = plan.particles and "product_review" in vocabs
    split = plan.split and vocabs >= _SPLIT_GATING
    rewarded = plan.rewarded and "reviewer_group" in vocabs
    bought = plan.rewarded and "change_verb" in vocabs and not _FEEDBACK_NAMED.isdisjoint(vocabs)
    if not (clauses or plan.patterns or particles or split or masked or rewarded or bought):
        return []
    spans, structural = _clause_spans(a, code, clauses, negatable=plan.negatable)
    if particles:
        spans.extend(_particle_changes(a))
    if split:
        spans.extend(_split_gating(a))
    if rewarded or bought:
        read = list(_rewarded_reviewers(a)) if rewarded else []
        read += _removal_bought(a) if bought else ()
        structural.extend(read)
        spans.extend(read)
    if structural:
        # their structure is their evidence: the model gate leaves them (`structurally_read`)
        for m in structural:
            read_structurally(a, code, *m)
    if masked:
        spans.extend(_masked_swear_words(a))
    text = a.norm.text
    for pattern in plan.patterns:
        if pattern.hints.isdisjoint(pattern_hints(a)):
            continue
        matched = (m.span() for m in pattern.compiled.finditer(text))
        keep = _PATTERN_FILTERS.get(code)
        spans.extend(matched if keep is None else (m for m in matched if keep(a, *m)))
    return _merge(spans) if spans else spans


def _masked_swear_words(a: Analysis) -> list[tuple[int, int]]:
    """SP111: a swear word of any language with letters masked ('c*nnard', 'j*der').

    Or written with look-alike digits ('m13rda'), or spelled letter by letter ('S c h e i ß').
    Each reading runs where its own hint is (a '$' or a '%' says nothing of digits for letters).
    The patterns read the English ones; quoted words are the buyer's.
    """
    hints = pattern_hints(a)
    found = masked_words(a.norm.text, profane_roots(), strict=True)
    if _LEET_HINT in hints:
        found += leet_words(a.norm.text, profane_roots())
    if _SPACED_HINT in hints:
        found += spaced_words(a.norm.text, spaced_insults())
    return [m for m in found if not _only_quoted(a, *m)]


def pattern_hints(a: Analysis) -> frozenset[str]:
    """`_hints_in` the normalised text, looked for once per message."""
    return a.once("pattern hints", _hints_in_text)


def _hints_in_text(a: Analysis) -> frozenset[str]:
    return _hints_in(a.norm.text)


_Keep: TypeAlias = "Callable[[Analysis, int, int], bool]"


def _not_given_nearby(vocab: str) -> _Keep:
    if vocab == "own_site":
        return lambda a, start, end: (
            _sold_off_amazon(a, start, end) or not _given_nearby(a, vocab, start, end)
        )
    return lambda a, start, end: not _given_nearby(a, vocab, start, end)


_SELLING = frozenset({"buy_verb", "incentive", "cheaper_price", "cheaper_with_us"})


def _sold_off_amazon(a: Analysis, start: int, end: int) -> bool:
    """Whether the own site at ``start:end`` is where the buyer is sent to buy.

    "Il modello non è su Amazon, lo trova sul nostro sito falegnameria punto it" and "ya no lo
    vendemos por Amazon. Lo tienes en nuestra web, taller.es, con envío gratis" sell off Amazon:
    the address given is the evidence of SP101 and the sale SP105's, both stand. "The manual is
    on our site: x.com" only points at the address (SP101 alone).
    """
    vocabs = _sentence_vocabs(a, start, end)
    if vocabs & _SELLING:
        return True
    if "attachment_allowed" in vocabs:
        return False  # "Le istruzioni? Le trova sul nostro sito": a manual, not a sale
    first, last = _sentence_range(a, start, end)
    after = a.sentences[last + 1] if last + 1 < len(a.sentences) else None
    if (
        after is not None
        and after.vocabs() & _SELLING
        and _AMAZON.search(a.norm.text, after.start, after.end) is None
    ):
        # the sale said in the sentence after the address ('... sul nostro sito: x punto de.
        # Lì può ordinare direttamente anche il kit'), not one on Amazon ('Puede comprar el
        # juego completo a través de Amazon', '... desde su cuenta de Amazon')
        return True
    gone = negated(a)
    lo = a.sentences[max(0, first - 1)].start
    hi = a.sentences[last].end
    return (
        any(
            ("on_amazon", h.start) in gone
            for h in a.hits
            if h.vocab == "on_amazon" and lo <= h.start < hi
        )
        or _NOT_SOLD_ON_AMAZON.search(a.norm.text, lo, hi) is not None
    )


# "ya no lo vendemos por Amazon", "we no longer sell it on Amazon", "nicht mehr bei Amazon"
_NOT_SOLD_ON_AMAZON = regex.compile(
    r"\b(?:no|not|n't|nicht|ne|pas|non)\b[^.!?\n]{0,40}\b(?:por|on|bei|auf|sur|su|en)\s+amazon\b"
    # ... or Amazon first: 'su Amazon non c'è', 'en Amazon no lo tenemos'
    r"|\b(?:su|en|sur|bei|auf)\s+amazon\s+(?:purtroppo\s+|leider\s+)?(?:non|no|nicht|n'est|ne)\b",
    regex.V1,
)


def _buyer_said(
    a: Analysis, key: str, said: Callable[[str], bool], *, unanswered: bool = False
) -> bool:
    """Whether, in a reply, one of the buyer's earlier messages ``said`` it; once per key.

    With ``unanswered``, only the buyer's messages since the seller last wrote are read: those
    are what this reply answers.
    """
    if a.kind is not MessageKind.REPLY:
        return False
    read = _unanswered if unanswered else _from_buyer
    return a.memo(key, lambda: any(map(said, read(a.history))))  # type: ignore[return-value]


def _from_buyer(history: Sequence[Message]) -> Iterator[str]:
    return (m.body for m in history if m.sender is MessageSender.BUYER)


def _unanswered(history: Sequence[Message]) -> list[str]:
    """The buyer's messages since the seller's last one, latest first."""
    bodies: list[str] = []
    for m in reversed(history):
        if m.sender is MessageSender.SELLER:
            if bodies:
                break
            continue  # the seller's own messages after the buyer's: read on to the buyer's
        if m.sender is MessageSender.BUYER:
            bodies.append(m.body)
    return bodies


# a rating the buyer gave, named by its stars ('ich habe aus Versehen 1 Stern statt 5 gegeben')
_RATING_GIVEN = regex.compile(
    r"\b\d\s*(?:stars?|sterne?n?|[ée]toiles?|estrellas?|stell[ae])\b", regex.V1 | regex.IGNORECASE
)


def _buyer_asks_to_change(a: Analysis) -> bool:
    """Whether, in a reply, the buyer asked how to change or remove their own review or feedback.

    "How do I edit my review?" answered with the steps is the buyer's wish, not the seller's
    request (SP115, SP116). Only the buyer's messages since the seller last wrote are read: a
    reply answers them ("How do I change my review?" and then "forgot to add: order 113-...");
    a review named in a message the seller has answered ("ho scritto anche una recensione.
    Potete mandarmene un'altra?", then the seller's reply, then "La base nuova è arrivata,
    grazie") is no question this reply answers.
    """

    def asks(body: str) -> bool:
        vocabs = {h.vocab for h in a.scan(body)[1]}
        named = vocabs & _FEEDBACK_NAMED or _RATING_GIVEN.search(body)
        return bool(named) and ("change_verb" in vocabs or "?" in body or "¿" in body)

    return _buyer_said(a, "buyer asks to change", asks, unanswered=True)


_BARGAIN = frozenset({"incentive", "incentive_weak", "exchange", "pressure", "conditional"})


def _not_the_buyers_wish(a: Analysis, start: int, end: int) -> bool:
    """Whether a change request at ``start:end`` is the seller's, not steps the buyer asked for."""
    said = _sentence_vocabs(a, start, end)
    if _steps_or_choice(a, said):
        return False
    return not _buyer_asks_to_change(a) or bool(said & _BARGAIN) or _asks_it_back(a, start, said)


def _asks_it_back(a: Analysis, start: int, said: frozenset[str]) -> bool:
    """Whether the seller's sentence at ``start`` is itself a question asking for the change.

    "Visto che adesso è tutto a posto, ti andrebbe di modificare la recensione?" asks the
    buyer, whatever the buyer wrote before; the steps to a change the buyer asked about are
    told, not asked ("Sie können die Rezension bearbeiten oder löschen").
    """
    if "ask" not in said:
        return False
    first, _ = _sentence_range(a, start, start + 1)
    sentence = a.sentences[first]
    # once per sentence: many requests in one long sentence read it once
    return a.memo(  # type: ignore[return-value]
        f"question:{first}",
        lambda: a.norm.text[sentence.start : sentence.end].rstrip().endswith("?"),
    )


def _steps_or_choice(a: Analysis, said: frozenset[str]) -> bool:
    """Whether a reply's sentence about changing a review only tells the steps or leaves it open.

    'To edit a product review, open Your Account, go to your profile and choose Reviews' and
    'Whether you update the review or not is entirely your call' answer a buyer, whose question
    the message's history may not hold; beside an ask, an offer or pressure they are a request.
    """
    if a.kind is not MessageKind.REPLY or said & _BARGAIN:
        return False
    if "ask" in said and not _asks_only_in_steps(a):
        return False
    # the steps may follow the sentence ('you can remove seller feedback yourself. Go to Your
    # Orders ... and you'll see a Remove option'); the choice is the sentence's own
    return "unconditional" in said or "edit_steps" in a.vocabs


def _asks_only_in_steps(a: Analysis) -> bool:
    """Whether every ask of a message is a word of its steps, not the seller asking.

    'Cliquez sur « Laisser une évaluation du vendeur »': the ask is the button's label.
    """
    steps = SpanSet((h.start, h.end) for h in a.hits if h.vocab == "edit_steps")
    return bool(steps) and all(steps.covers(h.start, h.end) for h in a.hits if h.vocab == "ask")


_PROMOTES = frozenset({"marketing", "newsletter", "signup", "social"})


def _buyer_opted_out(a: Analysis) -> bool:
    """Whether, in a reply, the buyer asked to hear no more from the seller."""
    return _buyer_said(
        a,
        "buyer opted out",
        lambda body: any(h.vocab in ("stop_asked", "opt_out") for h in a.scan(body)[1]),
    )


def _not_honouring_opt_out(a: Analysis, start: int, end: int) -> bool:
    """Whether opt-out words at ``start:end`` offer an opt-out, not honour the buyer's request.

    "Of course, you won't get any more messages from us" answers a buyer who asked for exactly
    that; the same words under a newsletter sign-up or a promotion offer one (SP118).
    """
    if not _buyer_opted_out(a) or a.vocabs & _PROMOTES:
        return True
    first, last = _sentence_range(a, start, end)
    vocabs = _sentence_vocabs(a, start, end)
    said = a.norm.text[a.sentences[first].start : a.sentences[last].end]
    offered = "opt_out_offered" in vocabs or "://" in said
    return offered and "on_amazon" not in vocabs and not _AMAZON.search(said)


_AMAZON = regex.compile(r"\bamazon\b", regex.V1 | regex.IGNORECASE)


_CANCEL_ASKED = regex.compile(
    r"\b(?:cancel\w*|storn\w*|annul\w*|cancelar\w*|cancelaci[oó]n|annull\w*)\b",
    regex.V1 | regex.IGNORECASE,
)


def _buyer_asks_to_cancel(a: Analysis) -> bool:
    """Whether, in a reply, the buyer spoke of cancelling ('can I cancel?', 'how do I cancel?').

    The steps to cancel given in answer are the buyer's wish, not the seller's request (SP123).
    """
    return _buyer_said(
        a, "buyer asks to cancel", lambda body: _CANCEL_ASKED.search(body) is not None
    )


def _not_the_buyers_cancel(a: Analysis, start: int, end: int) -> bool:
    """Whether a request to cancel at ``start:end`` is the seller's, not steps the buyer asked for.

    A sentence that says the seller cannot ship is the seller's request all the same. Steps the
    seller offers to take itself, in the sentence or the next ("you can cancel it under Meine
    Bestellungen. Alternativ erledigen wir das gern für Sie"), are a choice, not a request.
    """
    first, last = _sentence_range(a, start, end)
    if any("seller_cancel" in s.vocabs() for s in a.sentences[first : last + 2]):
        return False
    if _NOT_AFTER_IMPERATIVE.match(a.norm.text, end):
        return False  # 'Bitte stornieren Sie die Bestellung nicht, sie ist schon unterwegs'
    return not _buyer_asks_to_cancel(a) or "problem" in _sentence_vocabs(a, start, end)


# A German imperative negated after its object before the clause ends at a comma or a dash,
# which the normalised text writes as '-' ('stornieren Sie die Bestellung bitte nicht' and the
# like in probes_96): bounded, linear
_NOT_AFTER_IMPERATIVE = regex.compile(
    r"(?:(?! - )[^,;:.!?\n]){0,40}?\b(?:nicht|nichts)\b(?!\s+mehr\b)", regex.V1
)


def _contact_not_needed(a: Analysis, start: int, end: int) -> bool:
    """Whether a negation of need covers the invitation to get in touch (SP114).

    "You don't need to get in touch with us before writing a review" says the opposite of
    gating; "No need to leave a review -- just message us first" gates, its need covering the
    review. The part a need covers is read as `_blocks` reads it.
    """
    first, last = _sentence_range(a, start, end)  # the match's own sentences: linear overall
    for s in a.sentences[first : last + 1]:
        if _NEED not in s.vocabs():
            continue
        inside = _Covered([_negated_part(a, s, h, _CONTACT) for h in s.hits if h.vocab == _NEED])
        if any(h.vocab == "contact_us" and inside(h.start, h.end) for h in s.hits):
            return True
    return False


_CONTACT = Clause(all=("contact_us",))

# What a 'before' governs when it is a return, not a review: 'message us before you send it
# back', 'schreiben Sie uns, bevor Sie die Matratze zurücksenden', 'prima di restituire
# l'articolo' (a few words, within the clause; bounded: linear)
_RETURN_GOVERNED = regex.compile(
    r"[^.,;:!?\n]{0,40}?\b(?:return\w*|send\w*\s+(?:\w+\s+){0,2}back|ship\w*\s+(?:\w+\s+){0,2}back"
    r"|zur[üu]ck\w*|r[üu]ck(?:send|schick|gab)\w*|renvo\w*|retourn\w*|devol\w*|restitu\w*"
    r"|rimand\w*|rispedi\w*|reso|rendere)\b",
    regex.V1,
)
# what names a review, or asks for none: a 'before' in the same sentence as one of them gates
# whatever it governs ('Please do not leave negative feedback, just contact us before sending it
# back')
_REVIEW_NAMED: Final = frozenset(
    {
        "review",
        "review_place",
        "publish_act",
        "discourage_review",
        "seller_feedback",
        "product_review",
        "positive_review",
    }
)


def _gate_before_return(a: Analysis, start: int, end: int) -> bool:
    """Whether every 'before' of the match governs a return in a sentence naming no review.

    "Drop us a line before you send it back. You can review it any time" sends the buyer to
    the seller before a return, not before a review (SP114); "before returning it, or leaving
    a review" and "no bad reviews please - write to us before returning" still gate. Each
    sentence's hits are read once and each 'before' reads a bounded stretch after it.
    """
    first, last = _sentence_range(a, start, end)
    text = a.norm.text
    gates = 0
    for s in a.sentences[first : last + 1]:
        hits = _hits_in(a, s.start, s.end)
        if not any(h.vocab == "gate" for h in hits):
            continue
        if any(h.vocab in _REVIEW_NAMED for h in hits):
            return False
        for h in hits:
            if h.vocab != "gate":
                continue
            if _RETURN_GOVERNED.match(text, h.end, min(s.end, h.end + _GATE_REACH)) is None:
                return False
            gates += 1
    return gates > 0


_GATE_REACH = 60  # characters after a 'before' read for the return it governs


# What a rule's match must also be to count, by rule: the buyer pays (SP108), the call leads
# off Amazon and is no refund (SP105), the abuse is the seller's own words, not quoted (SP111),
# the change is the seller's request, not steps the buyer asked for (SP115), the opt-out is
# offered, not the buyer's own request honoured (SP118), no need of a contact is said (SP114).
_CODE_FILTERS: dict[Code, _Keep] = {
    Code.SP108: _buyer_pays,
    Code.SP114: lambda a, start, end: (
        not _contact_not_needed(a, start, end) and not _gate_before_return(a, start, end)
    ),
    Code.SP105: lambda a, start, end: (
        not _leads_to_amazon(a, start, end) and not _refunded_through(a, start, end)
    ),
    Code.SP111: lambda a, start, end: (
        not _only_quoted(a, start, end)
        and not _named_title(a, start, end)
        and not _third_party(a, start, end)
    ),
    Code.SP115: _not_the_buyers_wish,
    Code.SP118: _not_honouring_opt_out,
    Code.SP123: _not_the_buyers_cancel,
}


_PATTERN_FILTERS: dict[Code, _Keep] = {
    Code.SP111: _CODE_FILTERS[Code.SP111],
    # the branch gates only where the message asks for a review
    Code.SP114: lambda a, _start, _end: is_review_request(a),
    Code.SP113: lambda a, start, end: not _refund_sentence(a, start, end),
}


_REFUND = regex.compile(
    r"\b(?:refund\w*|reimburs\w*|rimbors\w*|rembours\w*|reembols\w*|erstatt\w*|r[üu]ckerstatt\w*"
    # a discount on this order as a goodwill gesture is a partial refund, no promotion
    r"|goodwill|kulanz\w*|geste\s+commercial|gesto\s+commerciale|gesto\s+comercial)",
    regex.V1,
)


def _refund_sentence(a: Analysis, start: int, _end: int) -> bool:
    """Whether the sentence at ``start`` refunds, and promotes nothing.

    "We refunded 10% off the price" is a refund; "a code for 25% off your next order" is not.
    """
    starts = _sentence_starts(a)
    i = max(0, bisect.bisect_right(starts, start) - 1)
    sentence = a.sentences[i]
    return (
        "marketing" not in sentence.vocabs()
        and _REFUND.search(a.norm.text, sentence.start, sentence.end) is not None
    )


def _clause_filter(code: Code, clause: Clause) -> _Keep | None:
    """What a match of ``clause`` must also be to count, if anything.

    An invitation to get in touch counts only without the means given nearby; an exchange
    (SP106, SP116) only bound to the review; otherwise the rule's own test (`_CODE_FILTERS`).
    """
    if len(clause.all) == 1 and clause.all[0] in _CONTACT_VOCABS:
        return _not_given_nearby(clause.all[0])
    if code in (Code.SP106, Code.SP116) and "exchange" in clause.all:
        return _exchange_bound
    return _CODE_FILTERS.get(code)


# A quotation: between double quotes (curly and low ones read '"'), guillemets, or single quotes
# that are no apostrophes. Bounded: linear.
_QUOTATION = regex.compile(
    r"""(?x)"[^"\n]{1,120}" | «[^»\n]{1,120}» | (?<!\w)'[^'\n]{1,60}'(?!\w)""", regex.V1
)
# ... that calls the buyer the quoted word: "you are an 'idiot'" is the seller's own insult
_CALLED_YOU = regex.compile(
    r"\b(?:you\s+are|you're|youre|you|vous\s+[êe]tes|tu\s+es|sie\s+sind|du\s+bist|lei\s+[èe]"
    r"|usted\s+es|eres)\s+(?:(?:a|an|un|une|ein|eine|einer|una|uno|such\s+an?|so|total|real)\s+)?$",
    regex.V1,
)
# ... and that its sentence reports as someone's words, before the quotation: "you called us",
# "vous nous écrivez que", "Sie schreiben, wir seien". Quotes alone ('Dear "idiot"', 'you are a
# complete "idiot"') report nothing: they are scare quotes around the seller's own insult.
_REPORTED = regex.compile(
    r"""(?x)\b(?:
        call(?:s|ed|ing)?|wr(?:ote|ites?|iting|itten)|sa(?:id|ys?|ying)|words?|describ\w*
      | accus\w*|label+(?:s|ed|ing)?|referr?\w*|term(?:s|ed)?     # English
      | [ée]cri\w*|dit(?:es)?|trait\w*|qualifi\w*|accus\w*         # French
      | schreib\w*|schrieb\w*|nenn\w*|nann\w*|bezeichn\w*|sag\w*|seien|w[äa]ren  # German
      | escrib\w*|dic\w*|dijo|llam\w*|calific\w*|acus\w*           # Spanish
      | scriv\w*|scritt\w*|dic\w*|dett\w*|chiam\w*|defini\w*|accus\w*  # Italian
    )\b[^.!?\n]{0,80}$""",
    regex.V1,
)
_REPORT_REACH = 90  # characters before a quotation searched for its reporting word
_ABUSE = frozenset({"insult_strong", "insult_you", "sexual_violent"})


def _quotations(a: Analysis) -> SpanSet:
    """Quoted words the seller does not say to the buyer: the buyer's, reported or declined.

    A quotation counts when a reporting word of its sentence comes before it ('you called us
    "scammers"') and it does not call the buyer the quoted word ('you are an "idiot"').
    """

    def make() -> SpanSet:
        text = a.norm.text
        if '"' not in text and "«" not in text and "'" not in text:
            return SpanSet(())
        return SpanSet(
            (m.start() + 1, m.end() - 1)
            for m in _QUOTATION.finditer(text)
            if not _CALLED_YOU.search(text, max(0, m.start() - 30), m.start())
            and (
                _REPORTED.search(text, max(0, m.start() - _REPORT_REACH), m.start())
                or _title(a, m.start() + 1, m.end() - 1)
            )
        )

    return a.memo("quotations", make)  # type: ignore[return-value]


_QUOTED_TITLE_WORDS = 3  # 'Ansichten eines Clowns', 'Kind of Blue': a title, not scare quotes


def _title(a: Analysis, start: int, end: int) -> bool:
    """Whether the quotation at ``start:end`` of the normalised text is a title or a name.

    A book's, a record's or a product's: it opens with a capital letter as written and has at
    least three words ('Ansichten eines Clowns'), none of them the buyer's 'you'. Scare quotes
    around the seller's own word for the buyer are shorter ('Dear "idiot"').
    """
    first, last = a.norm.span(start, end)
    quoted = a.message.body[first:last]
    words = quoted.split()
    return (
        len(words) >= _QUOTED_TITLE_WORDS
        and quoted[:1].isupper()
        and not any(h.vocab == "you" and start <= h.start and h.end <= end for h in a.hits)
    )


def _named_title(a: Analysis, start: int, end: int) -> bool:
    """Whether a mock title at ``start:end`` names a thing: a capital, or a list's last item.

    "Easy, Medium, Hard, Genius." and "facile, medio, genio" list a game's levels, "Mini, Max,
    Genius" a product's models; "Brilliant work, genius:" mocks the buyer.
    """
    text = a.norm.text
    match = rule_pattern(Code.SP111, "mock_title").compiled.fullmatch(text, start, end)
    if match is None:
        return False
    first, _ = a.norm.span(match.start("title"), match.start("title") + 1)
    if a.message.body[first : first + 1].isupper():
        return True
    # the item before the comma follows another comma: a list's last item
    before = max(0, start - _TITLE_LIST_REACH)
    return text[start] == "," and _LIST_ITEM_BEFORE.search(text, before, start) is not None


_TITLE_LIST_REACH = 30  # characters before the comma read for the list item before it
_LIST_ITEM_BEFORE = regex.compile(r",\s{0,2}[\w-]+(?:\s[\w-]+)?\s{0,2}$", regex.V1)


def _only_quoted(a: Analysis, start: int, end: int) -> bool:
    """Whether every abusive word at ``start:end`` is quoted (SP111).

    'Calling our team "useless idiots" won't help', 'Sie schreiben, wir seien „unfähig“'
    report the buyer's words.
    """
    quoted = _quotations(a)
    if not quoted:
        return False
    words = [h for h in a.hits if h.vocab in _ABUSE and start <= h.start and h.end <= end]
    if not words:  # a masked word, matched by a pattern
        return quoted.covers(start, end)
    return all(quoted.covers(h.start, h.end) for h in words)


def _third_party(a: Analysis, start: int, end: int) -> bool:
    """Whether every accusing word at ``start:end`` is said of someone else (SP111).

    A person with an article or a question word, or many: 'a famous jewel thief', 'the criminal
    in the final chapter', 'protéger votre vélo contre un voleur', 'qui est l'escroc du
    manoir', 'scammers sometimes send fake courier texts'. Or the seller itself: 'we were
    clueless about the delay', 'our warehouse team was incapable of meeting the date'. Said of
    the buyer it is not someone else: 'you are a thief', 'you're nothing but a crook', 'un
    truffatore come lei', 'you scammers'.
    """
    words = [h for h in a.hits if h.vocab in _ABUSE and start <= h.start and h.end <= end]
    if not words or any(h.vocab != "insult_you" for h in words):
        return False
    text = a.norm.text
    return all(_someone_else(text, h.start, h.end) for h in words)


def _someone_else(text: str, start: int, end: int) -> bool:
    """Whether the accusing word at ``start:end`` of ``text`` is said of another, or of us."""
    if (
        _SAID_OF_YOU_BEFORE.search(text, max(0, start - _SAID_OF_YOU_REACH), start) is not None
        or _LIKE_YOU_AFTER.match(text, end) is not None
        or _YOU_RIGHT_BEFORE.search(text, max(0, start - _YOU_REACH), start) is not None
    ):
        return False
    if _SELF_BEFORE.search(text, max(0, start - _SAID_OF_YOU_REACH), start) is not None:
        return True
    person = _PERSON.fullmatch(text, start, end)
    return person is not None and (
        person.group("many") is not None
        or _ARTICLE_BEFORE.search(text, max(0, start - _ARTICLE_REACH), start) is not None
    )


# the seller, or its people, said to be so ('we were clueless', 'our warehouse team was
# incapable', 'nous étions', 'wir waren'), with up to two words between, as in 'we were
# completely clueless'
_SELF_BEFORE = regex.compile(
    r"\b(?:(?:we|i)(?:'re|'m|'ve\s{1,3}been|\s{1,3}(?:are|am|were|was|have\s{1,3}been"
    r"|had\s{1,3}been|felt|feel))|our\s{1,3}[\w-]{1,30}(?:\s{1,3}[\w-]{1,30})?\s{1,3}(?:is|was"
    r"|were|are|has\s{1,3}been)|nous\s{1,3}(?:étions|sommes|avons\s{1,3}été)|wir\s{1,3}(?:waren"
    r"|sind)|(?:éramos|fuimos|hemos\s{1,3}sido)|(?:eravamo|siamo\s{1,3}stati))"
    r"\s{1,3}(?:[\w'-]{1,30}\s{1,3}){0,2}$",
    regex.V1,
)


# Someone who steals, cheats, lies or swindles: a person, where 'a scam' or 'una truffa' is an
# act, said of what the buyer did ('hard to see this as anything but a scam'). The plural
# ('many') is a group the buyer is not one of.
_PERSON = regex.compile(
    r"(?:thie(?:f|(?P<many>ves))|crook|criminal|liar|con\s{1,3}artist|scammer|fraudster|cheater"
    r"|voleu(?:r|se)|escroc|ladr[oó]n|ladr[oa]|truffator[ea]|estafador[a]?|betr[üu]ger(?:in)?"
    r"|dieb(?:in)?|l[üu]gner(?:in)?|arnaqueu(?:r|se)|imbroglion[ea]|bugiard[oa]|mentiros[oa])"
    r"(?(many)|(?P<many>s|es|i|en|innen)?)",
    regex.V1,
)


_ARTICLE_REACH = 24  # an article and two words before the word are not read further back
_SAID_OF_YOU_REACH = 40
# an article or a question word, then at most two words ('a famous jewel thief', 'un prétendu
# escroc', 'del ladro', "l'escroc", 'which criminal')
_ARTICLE_BEFORE = regex.compile(
    r"(?:\b(?:a|an|the|any|every|some|un|une|le|la|du|des|il|lo|uno|una|el|los|las|del|der|die"
    r"|das|den|dem|ein|einen|einem|einer|eines|jeden|qualsiasi|ogni|cualquier|tout|which|whichever"
    r"|quel|quale|cuál|welcher)\s{1,3}|\bl'|\bdell'|\ball')(?:[\w'-]{1,30}\s{1,3}){0,2}$",
    regex.V1,
)
# the buyer said to be one ('you are a thief', 'you're nothing but a', 'sie sind ein', 'vous
# êtes un', 'eres un', 'lei è un', 'sei un'), or called one ('calling you a', 'people like')
_SAID_OF_YOU_BEFORE = regex.compile(
    r"\b(?:you(?:'re|\s{1,3}(?:are|were|seem|sound)|'ve\s{1,3}been|\s{1,3}have\s{1,3}been)"
    r"|call(?:ing|ed)?\s{1,3}you|sie\s{1,3}sind|du\s{1,3}bist|vous\s{1,3}[êe]tes|tu\s{1,3}es"
    r"|eres|(?:es\s{1,3})?usted(?:\s{1,3}es)?|lei\s{1,3}[èe]|sei|siete|sind\s{1,3}sie"
    # what the buyer did, called one ('this is a classic scam', 'esto es una estafa')
    r"|(?:this|that|it)(?:'s|\s{1,3}is|\s{1,3}was)|esto\s{1,3}es|eso\s{1,3}es|c'est"
    r"|das\s{1,3}ist|questo\s{1,3}[èe])\b[^.!?;\n]{0,30}$",
    regex.V1,
)
_YOU_REACH = 12
# the buyer named by the word itself ('you scammers are all the same', 'ihr Betrüger')
_YOU_RIGHT_BEFORE = regex.compile(
    r"\b(?:you|ihr|voi|ustedes|vosotros|vous\s{1,3}les|vous\s{1,3}autres)\s{1,3}$", regex.V1
)
_LIKE_YOU_AFTER = regex.compile(
    r"\s{1,3}(?:like\s{1,3}you|comme\s{1,3}(?:vous|toi)|wie\s{1,3}(?:sie|du)"
    r"|come\s{1,3}(?:lei|te|voi)|como\s{1,3}(?:usted|t[uú]))\b",
    regex.V1,
)


# A change said with a verb and its particle around the object: "take your review of the kettle
# down", "bump it up a star", "mind taking it down?". Bounded gaps: linear.
_PARTICLE_CHANGE = regex.compile(
    r"\b(?:take|taking|took|taken|pull|pulling|bump|bumped|bumping|nudge|nudged|nudging|tone|"
    r"toning|knock|knocking)\s+(?:your|the|that|this|it|its|them)\b(?:\s+[\w'-]+){0,5}?"
    r"\s+(?:down|up)\b",
    regex.V1,
)


def _particle_changes(a: Analysis) -> Iterator[tuple[int, int]]:
    """Particle-verb requests to change a product review named in the sentence or the one before."""
    gone = negated(a)
    starts = _sentence_starts(a)
    for m in _PARTICLE_CHANGE.finditer(a.norm.text):
        i = max(0, bisect.bisect_right(starts, m.start()) - 1)
        scope = a.sentences[max(0, i - 1) : i + 1]
        named = any(
            h.vocab == "product_review" and (h.vocab, h.start) not in gone
            for s in scope
            for h in s.hits
        )
        if named and "negation_strong" not in a.sentences[i].vocabs():
            yield m.span()


def _merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(set(spans)):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


_SPLIT_GATING = frozenset({"satisfied", "review", "unhappy", "contact_us"})


def _split_gating(a: Analysis) -> Iterator[tuple[int, int]]:
    """Gating told as two short questions (SP114).

    "Happy with it? A review would mean a lot. Not happy? Reply here first.": the review for
    the satisfied, a word with us for the others.
    """
    sents = a.sentences
    for i, s in enumerate(sents):
        if "satisfied" not in s.vocabs() or _happy_question(a, s) is None:
            continue
        if "review" not in frozenset().union(*(x.vocabs() for x in sents[i : i + 2])):
            continue
        for j in range(i + 1, min(len(sents), i + 4)):
            if "unhappy" not in sents[j].vocabs():
                continue
            tail = sents[j : j + 2]
            if any("contact_us" in x.vocabs() for x in tail):
                yield s.start, tail[-1].end
                break


# SP106, a reward for the buyers who review, read from the group of `reviewer_group` to the end of
# its sentence: they write, leave or post a review, then what they receive ("anyone who posts a
# review this month gets a spare seal", "tutti i clienti che lasciano una recensione ...
# estraiamo"); not a reply, thanks or the same as everyone, not nothing. Bounded gaps: linear.
# (a sentence of `sentences` bounds each match: a dot inside one, "bis zum 31. Mai", is no end)
_GAP = r"[^!?\n]{0,60}?"
_SHORT_GAP = r"[^!?\n]{0,40}?"
# a review named where the reviewers' act is read. Not the same words as `_FEEDBACK_WORD`: a
# merged list read "customers who leave a comment at checkout get a free card" as a reward for
# reviewing, and "stell[ae]" the German "Stelle" (a review of the merge, round 54)
_REVIEW_NAMED_HERE = (
    r"\b(?:reviews?|ratings?|feedback|stars?|rezension(?:en)?|bewertung(?:en)?|sterne?|avis"
    r"|évaluations?|commentaires?|étoiles|reseñas?|opini[oó]n|opiniones|valoraci[oó]n"
    r"|valoraciones|estrellas|recension[ei]|valutazion[ei]|stelle"
    # ... or the product page it is shared on ('alle, die ihre Begeisterung auf der Produktseite
    # teilen, bekommen ...')
    r"|product\s{1,3}page|produktseite|artikelseite|page\s{1,3}(?:du\s{1,3})?produit"
    r"|página\s{1,3}del\s{1,3}producto|pagina\s{1,3}del\s{1,3}prodotto|ficha\s{1,3}del\s{1,3}producto"
    r"|fiche\s{1,3}produit|scheda\s{1,3}(?:del\s{1,3})?prodotto)\b"
)
# what the reviewers do: write, leave, post, share a review ("read the reviews" is no review)
_REVIEW_ACT = (
    r"\b(?:posts?|posted|posting|leaves?|left|leaving|writes?|wrote|written|writing|shares?|shared"
    r"|submits?|submitted|publish(?:es|ed)?|adds?|added|drops?|dropped|gives?|gave|updates?"
    r"|updated|schreib\w{0,3}|verfass\w{0,3}|hinterlass\w{0,3}|abgeb\w{0,3}|geben|gibt|teilen|teilt"
    # ... or tell it ('entre los clientes que nos cuentan su experiencia en la ficha del producto')
    r"|cuent(?:a|an|en)|raccont\w{0,4}|racont\w{0,4}|erzähl\w{0,3}"
    r"|laiss\w{0,4}|publi\w{0,4}|écri\w{0,4}|rédig\w{0,4}|partag\w{0,4}|donn\w{0,4}|dej\w{0,4}"
    r"|escrib\w{0,4}|public\w{0,4}|compart\w{0,4}|lasci\w{0,4}|scriv\w{0,4}|pubblic\w{0,4}"
    r"|condivid\w{0,4})\b"
)
# ... or a verb that is itself the review ("everyone who reviews the candle")
_REVIEW_VERB = (
    r"\b(?:reviews|reviewed|rates|rated|bewerten|bewertet|rezensier\w{0,3}|not(?:e|ent|é|ez)"
    r"|évalu\w{0,4}|valor(?:a|an|en|e)|opin(?:a|an|en|e)|recensisc\w{0,3}|recensit[oa]"
    r"|valut(?:a|ano|i|ino))\b"
)
_REVIEWED = (
    # the verb right after the group ("anyone who has reviewed"; "who read the reviews" is no
    # review), or an act and its review, in either order
    r"(?:(?:\s{1,3}(?:has|have|had|hat|haben|a|ont|ha|han|hanno|ci|uns|nous|nos|us|le|lo|la))"
    rf"{{0,2}}\s{{1,3}}{_REVIEW_VERB}|{_SHORT_GAP}{_REVIEW_ACT}{_SHORT_GAP}{_REVIEW_NAMED_HERE}"
    # German puts the act last: "alle, die bis zum 31. Mai eine Rezension verfassen"
    rf"|{_SHORT_GAP}{_REVIEW_NAMED_HERE}{_SHORT_GAP}{_REVIEW_ACT})"
)
# the reviewers' own predicate: no other clause begins before it ("customers who left reviews
# mentioned the lid, so all orders ... receive")
_SAME_CLAUSE = (
    r"(?:(?![,;:]\s{0,2}(?:so|and|but|which|donc|et|mais|und|aber|also|y|pero|e|ma|quindi)\b)"
    r"[^!?\n;]){0,60}?"
)
# nothing, the same as everyone, a reply or thanks is no reward
_NO_REWARD = (
    r"(?![^.!?\n]{0,40}\b(?:reply|replies|response|answer|thanks?|thank-you|réponse|respuesta"
    r"|risposta|antwort|dank\w{0,3}|merci|gracias|grazie|same|même|mismo|misma|stesso|stessa"
    r"|gleich\w{0,3}|dies?elbe\w{0,2}|denselben|dasselbe|request|anfrage|demande|solicitud"
    r"|richiesta|reminder|erinnerung|rappel|recordatorio|promemoria|e-?mail|message|nachricht"
    r"|mensaje|messaggio)\b)"
    # ... nor nothing, said right after the verb ("receive no discount", "bekommen dafür nichts");
    # "gets a spare seal, no strings attached" is a reward
    r"(?![^.!?\n]{0,12}\b(?:nothing|no|nada|rien|nichts|kein\w{0,2}|niente|nulla)\b)"
)
_REWARD_READ = frozenset({"reviewer_group", "change_verb"})  # one is in any message read
_REVIEWERS_RECEIVE = regex.compile(
    _REVIEWED
    + _SAME_CLAUSE
    + r"\b(?:gets?|receives?|will\s+(?:get|receive|win|be\s+entered)|wins?|(?:is|are)\s+entered"
    r"|go(?:es)?\s+into|qualif(?:y|ies)|earns?|can\s+claim|(?:is|are)\s+eligible|erhalten|erhält"
    r"|bekommen|bekommt|gewinnen|gewinnt|(?:nehmen|nimmt)(?:\s{1,3}\w{1,15}){0,2}?\s{1,3}(?:an|teil)"
    r"|landen|landet|finde[nt]|reçoi(?:t|vent)|recevr(?:a|ont)|gagne(?:nt)?|obtien(?:t|nent)"
    r"|bénéficie(?:nt)?|profite(?:nt)?|(?:a|ont)\s+droit|participe(?:nt)?|reciben?|recibir[aá]n?"
    r"|les?\s+(?:mandamos|enviamos|regalamos|damos|devolvemos|reembolsamos|sorteamos)|ganan?"
    r"|obtienen?|participan?|entran?|se\s+llevan?|ricev(?:e|ono|er[aà]|eranno)|vinc(?:e|ono)"
    r"|ottien(?:e|ono)|partecip(?:a|ano)|trova(?:no)?|estraiamo|regaliamo|(?:gli|le)\s+(?:mandiamo"
    r"|inviamo|regaliamo)"
    # ... or what the seller keeps for them ('a chi ci lascia due righe di recensione riserviamo
    # un 10%', fresh_ft)
    r"|riserviamo|offriamo|reservamos|ofrecemos|réservons|offrons)\b" + _NO_REWARD,
    regex.V1,
)
# ... or what the seller gives them, said before the group ("nous les remboursons à toute
# personne qui prend le temps de publier un avis", "schicken wir allen, die uns eine Bewertung")
_GIVEN_TO = regex.compile(
    r"\b(?:send|sends|give|gives|refund|refunds|reimburse|offer|offers|reward|rewards|extend"
    r"|extends|verlosen|schenken|senden|schicken|erstatten|geben|legen|rembours\w{0,6}|offr\w{0,6}"
    r"|offert\w{0,2}|envoy\w{0,6}|donn\w{0,6}|tirons\s+au\s+sort|regalamos|enviamos|mandamos"
    r"|sorteamos|devolvemos|reembolsamos|damos|regaliamo|inviamo|mandiamo|estraiamo|rimborsiamo"
    r"|offriamo)\b" + _NO_REWARD,
    regex.V1,
)
_REVIEWED_AFTER = regex.compile(_REVIEWED, regex.V1)
# a reward or a trade denied ("customers who leave a review receive no discount", "even if you
# remove it, we can't refund"): no promise
_DENIED = regex.compile(
    r"\b(?:don't|doesn't|won't|do\s+not|does\s+not|will\s+not|never|cannot|can't|no|nothing"
    r"|nicht|nichts|keine?\w{0,2}|ne|n'|pas|rien|jamais|nunca|nada|non(?!-)|niente|nulla)\b",
    regex.V1,
)
# said of every buyer alike: "with or without a review", "whatever their review"
_ALIKE = regex.compile(
    r"\b(?:with\s+or\s+without|whether\s+or\s+not|regardless|whatever|avec\s+ou\s+sans"
    r"|quel(?:le)?s?\s+que\s+soi(?:t|ent)|indépendamment|mit\s+oder\s+ohne|unabhängig|con\s+o\s+sin"
    r"|independientemente|con\s+o\s+senza|indipendentemente)\b",
    regex.V1,
)


_GROUPS_READ = 8  # the reviewer groups of one sentence read at most


def _rewarded_reviewers(a: Analysis) -> Iterator[tuple[int, int]]:
    """A reward promised to the buyers who review, named as a group (SP106).

    "Anyone who posts a review this month gets a spare lid seal", "a quienes dejan su opinión
    en Amazon este mes les mandamos un posavasos", "nous les remboursons à toute personne qui
    prend le temps de publier un avis": the group alone promises nothing, and no incentive word
    need be said. Not a reward denied, nor one every buyer gets alike.
    """
    text = a.norm.text
    for sentence in a.sentences:
        said = sentence.vocabs()
        if "reviewer_group" not in said or "buyer_said" in said:
            continue
        start, end = sentence.start, sentence.end
        if _ALIKE.search(text, start, end):
            continue
        # each looked for once a sentence: a sentence of a thousand groups reads in linear time
        denied = _DENIED.search(text, start, end)
        unsaid = denied.start() if denied is not None else end
        given = _GIVEN_TO.search(text, start, end)
        groups = [h for h in sentence.hits if h.vocab == "reviewer_group"]
        # a sentence names a few groups: more are a text written to be slow, whose first ones
        # are read (each is read over up to two hundred characters)
        for hit in groups[:_GROUPS_READ]:
            if hit.start >= unsaid:
                continue
            m = _REVIEWERS_RECEIVE.match(text, hit.end, end)
            if m is not None and m.end() <= unsaid:
                yield hit.start, m.end()
                break
            if given is not None and given.end() <= hit.start:
                after = _REVIEWED_AFTER.match(text, hit.end, end)
                if after is not None and after.end() <= unsaid:
                    yield given.start(), after.end()
                    break


# SP106, the removal or change of a feedback or review made the condition of something of value
# ("if you're able to take the 1 star down, we'll refund your shipping", "we'll refund you in
# full once the negative feedback is removed", "appena rimuove la valutazione da una stella,
# facciamo partire subito"): a condition word right before the change of a feedback named as its
# object, or before the feedback said to be gone, and the seller's promise to pay, send or ship
# in the same sentence. Bounded gaps: linear.
_FEEDBACK_WORD = (
    r"\b(?:feedback|rating|review|comment|stars?|évaluation|avis|commentaire|bewertung|rezension"
    r"|valutazione|recensione|valoración|opinión|reseña|comentario)\b"
)
_CHANGE = (
    r"\b(?:remov\w{0,3}|delet\w{0,3}|withdraw\w{0,3}|revis\w{0,3}|updat\w{0,3}|chang\w{0,3}"
    r"|edit\w{0,3}|revisit\w{0,3}|retir\w{0,4}|supprim\w{0,4}|modifi\w{0,4}|enlev\w{0,4}"
    r"|entfern\w{0,4}|zurückz\w{0,5}|lösch\w{0,3}|änder\w{0,3}|anpass\w{0,3}|korrigier\w{0,3}"
    r"|rimuov\w{0,4}|togli\w{0,4}|modific\w{0,4}|aggiorn\w{0,4}|cancell\w{0,4}|elimin\w{0,4}"
    r"|quit\w{0,4}|borr\w{0,4}|retir\w{0,4}|actualiz\w{0,4}|cambi\w{0,4}|rimoss[oa]|tolt[oa])\b"
)
_CONDITION = (
    r"\b(?:if|once|as\s+soon\s+as|when|provided|should\s+you|in\s+case|sobald|wenn|falls"
    r"|nachdem|appena|se|qualora|quando|una\s+volta\s+che|a\s+condizione\s+che|basta\s+che"
    r"|dès\s+que|une\s+fois|si|lorsque|au\s+cas\s+où|à\s+condition\s+que|en\s+cuanto|cuando"
    r"|una\s+vez|siempre\s+que|en\s+caso\s+de\s+que|unter\s+der\s+bedingung)\b[^!?\n]{0,40}?"
)
_CHANGED_AS_CONDITION = regex.compile(
    # the change, with the feedback as its object ("take the 1 star down", "remove the
    # feedback"), or a clitic for it just before the verb ("Se lo rimuove", "Si la retira")
    _CONDITION
    + r"(?:"
    + _CHANGE
    + r"[^.!?\n]{0,25}?"
    + _FEEDBACK_WORD
    + r"|\btak(?:e|ing)\s+(?:\w+\s+){0,5}?down\b)"
    # ... or a clitic for the feedback right after "if" and before the buyer's verb ("Se lo
    # rimuove", "Si la retira"; "si se la cambiamos" is the seller's exchange)
    + r"|\b(?:se|si|qualora|appena|sobald)\s{1,3}(?:lo|la|le|l')\s{0,3}"
    + _CHANGE
    + r"(?<!amos|emos|imos|iamo|ons)"
    # ... or the feedback said to be gone: "once the negative feedback is removed"
    + r"|"
    + _CONDITION
    + _FEEDBACK_WORD
    + r"[^.!?\n]{0,30}?\b(?:is|has\s+been|has|'s|ist|est|a\s+été|è|sia|esté|haya)\b[^.!?\n]{0,12}?"
    r"\b(?:gone|removed|down|revised|updated|deleted|changed|withdrawn|entfernt|gelöscht|weg"
    r"|retirée?|supprimée?|rimoss[oa]|aggiornat[oa]|eliminad[oa]|retirad[oa])\b"
    # ... German puts the participle before its verb: "sobald die negative Bewertung für unseren
    # Shop entfernt ist"
    + r"|"
    + _CONDITION
    + _FEEDBACK_WORD
    + r"[^.!?\n]{0,30}?\b(?:entfernt|gelöscht|weg|geändert|zurückgezogen)\s{1,3}(?:ist|wurde"
    r"|wird|worden)\b",
    regex.V1,
)
# ... or a clitic for the feedback before the buyer's auxiliary and the change, after the
# condition ("Appena ci conferma che l'ha tolto"): read only when a sentence just before asked
# for the feedback's change (`_removal_bought`), since the clitic may stand for anything else,
# as for a parcel collected from a pickup point ("Une fois que vous l'avez retiré")
_CHANGED_BY_CLITIC = regex.compile(
    _CONDITION
    + r"\b(?:l'|la\s{1,3}|lo\s{1,3})(?:ha|abbia|avrà|avete|avez|aurez|a|haya|hayas|has)\s{1,3}"
    + _CHANGE,
    regex.V1,
)
_SELLER_PAYS_OR_SENDS = regex.compile(
    r"(?:"
    # a subject and a verb of paying or sending ("we'll refund", "I'll push the refund through")
    r"\b(?:we'll|we\s+will|i'll|i\s+will|we\s+can|we\s+could|we\s+would|we'd|i'd|we're\s+going\s+to"
    r"|nous|je|wir|ich)\b[^.!?\n]{0,30}?\b(?:refund|send|ship|credit|issue|push|process|give"
    r"|reimburse|rembourser\w{0,3}|remboursons|envoyer|enverr\w{1,4}|envoyons|expédi(?:er|ons|erons"
    r"|erai)|renvo(?:yer|yons|ie|ierai)|erstatt(?:en|e)|schick(?:en|e)|versend(?:en|e)"
    r"|(?:los|ab|zu)?schick(?:en|e)|überweis(?:en|e))\b"
    # ... or a clitic and a verb in the first person ("Le rimborsiamo", "le devolvemos",
    # "nous vous envoyons"), or "facciamo partire"
    r"|\b(?:le|les|la|lo|gli|vi|ti|te|vous|ihnen)\s{1,3}(?:rimbors(?:iamo|eremo|erò)|spedi(?:amo"
    r"|remo|rò)|invi(?:amo|eremo|erò)|emett(?:iamo|eremo)|mand(?:iamo|amos|aremos|aré)|envi(?:amos"
    r"|aremos|aré)|reembols(?:amos|aremos|aré)|devolv(?:emos|eremos|eré)|remboursons|rembourserons"
    r"|envoyons|enverrons|expédions|expédierons|renvoyons|regal(?:amos|iamo))\b"
    r"|\bfacciamo\s+partire\b|\b(?:ferons|faisons)\s+partir\b"
    # ... or the seller goes ahead with the refund ("procediamo subito con il rimborso", "we'll
    # go ahead with the refund", "nous procéderons au remboursement")
    r"|\b(?:procediamo|procederemo|procedemos|procederemos|procéderons|procédons"
    r"|(?:we'll|we\s+will|i'll|i\s+will)\s+(?:go\s+ahead|proceed)|veranlassen\s+wir"
    r"|leiten\s+wir)\b[^.!?\n]{0,25}?\b(?:rimborso|reembolso|remboursement|refund|erstattung"
    r"|rückerstattung)\b)"
    # not a reminder or a message sent ("le enviamos un pequeño recordatorio")
    r"(?![^.!?\n]{0,25}\b(?:reminder|recordatorio|rappel|erinnerung|promemoria|message|mensaje"
    r"|nachricht|messaggio|e-?mail|link|enlace|lien))",
    regex.V1,
)
# the change asked beside the promise, not as its price ("we can ship a replacement today, and it
# would help us if the feedback could be removed in the meantime"), or conceded ("even if you
# remove it, we can't refund")
_NOT_A_PRICE = regex.compile(
    r"\b(?:in\s+the\s+meantime|meanwhile|entre-temps|en\s+attendant|nel\s+frattempo"
    r"|mientras\s+tanto|in\s+der\s+zwischenzeit|inzwischen|even\s+if|même\s+si|anche\s+se"
    r"|auch\s+wenn|selbst\s+wenn|aunque|incluso\s+si|aun\s+si)\b",
    regex.V1,
)
_FEEDBACK_NAMED = frozenset({"seller_feedback", "product_review", "review"})
# done already, the buyer's words, or left to the buyer ("that's entirely up to you")
_NOT_BOUGHT = frozenset({"fix_already", "buyer_said", "unconditional"})
_STRUCTURE_KEY = "structure:"


def read_structurally(a: Analysis, code: Code, start: int, end: int) -> None:
    """Mark the normalised text ``start:end`` as read by the rule ``code``'s structure.

    `structurally_read` then says so of a finding over it, and the model gate leaves it.
    """
    spans = cast("list[tuple[int, int]]", a.cache.setdefault(_STRUCTURE_KEY + code.value, []))
    spans.append(a.norm.span(start, end))


def structurally_read(a: Analysis, code: Code, start: int, end: int) -> bool:
    """Whether the rule ``code`` read the original text ``start:end`` by its structure.

    The readings of a reward promised to reviewers and of a removal bought (SP106) find a
    condition and a promise in their order, which no word list gives: the model gate, which
    weighs words, leaves their findings as they are, as it leaves a masked swear word. So it
    does with the clauses marked `Clause.structural` (a gift made for each review).
    """
    spans = cast("list[tuple[int, int]]", a.cache.get(_STRUCTURE_KEY + code.value, []))
    return any(s < end and start < e for s, e in spans)


# A clitic for the feedback may stand this many sentences after the seller asked for its change
# ("potrebbe rimuovere il feedback negativo? Per un piccolo negozio è importante. Appena ci
# conferma che l'ha tolto, procediamo con il rimborso").
_ASKED_WITHIN: Final = 2


def _removal_bought(a: Analysis) -> Iterator[tuple[int, int]]:
    """Something of value promised on condition that a feedback or review goes (SP106).

    The condition word comes right before the change of a feedback named as its object ("if
    you're able to take the 1 star down", "sobald Sie die Bewertung entfernt haben") or before
    the feedback said to be gone ("once the negative feedback is removed"), and the seller
    promises in the same sentence to refund, pay, send or ship. A clitic may stand for the
    feedback named in the sentence before ("ci dispiace per il feedback negativo. Se lo
    rimuove, Le rimborsiamo il 20%"), or, before the buyer's auxiliary, for the feedback whose
    change one of the two sentences before asked for ("Appena ci conferma che l'ha tolto").
    Not a change conceded ("even if") or asked "in the meantime", not a refusal, not after
    something already done ("we've refunded you; if you feel we resolved it, you may update
    your feedback").
    """
    text = a.norm.text
    named_before = False  # a feedback named in the sentence before
    since_asked = _ASKED_WITHIN  # sentences since one named a feedback and its change
    for sentence in a.sentences:
        said = sentence.vocabs()
        named = not _FEEDBACK_NAMED.isdisjoint(said)
        asked_before = since_asked < _ASKED_WITHIN
        near = (named or named_before or asked_before) and "change_verb" in said
        named_before = named
        since_asked = 0 if named and "change_verb" in said else since_asked + 1
        if not near or not _NOT_BOUGHT.isdisjoint(said):
            continue
        start, end = sentence.start, sentence.end
        condition = _CHANGED_AS_CONDITION.search(text, start, end)
        if condition is None and asked_before:
            condition = _CHANGED_BY_CLITIC.search(text, start, end)
        if condition is None or _NOT_A_PRICE.search(text, start, end):
            continue
        promise = _SELLER_PAYS_OR_SENDS.search(text, start, end)
        if promise is None:
            continue
        first, last = min(condition.start(), promise.start()), max(condition.end(), promise.end())
        # a refusal between them ("even if it is removed, we can't refund"), not one said
        # before them, as in "I know it doesn't undo the wait, but if you take ... down"
        if not _DENIED.search(text, first, last):
            yield first, last


_NOTHING: Iterator[Found] = iter(())


def phrase_rule(code: Code) -> Callable[[Analysis], Iterator[Found]]:
    plan: _Plan | None = None

    def rule(a: Analysis) -> Iterator[Found]:
        # a plain function, not a generator: most messages give most rules nothing, which the
        # plan tells at once (as `_phrase_matches` does, without two calls more)
        nonlocal plan
        plan = plan or _plan(code)
        if code not in a.cache and plan.idle(a):
            return _NOTHING
        return iter([a.found(start, end) for start, end in _phrase_matches(a, code)])

    rule.__name__ = RULES[code].name.replace("-", "_")
    return rule


def needed_vocabs(code: Code) -> frozenset[str]:
    """Vocabularies or pattern hints of which a message needs one for the rule ``code`` to match.

    The engine skips a rule whose message uses none of them and holds none of the hints
    (`pattern_hints`), without calling it (see `_Plan.idle`).
    """
    plan = _plan(code)
    needs = set(plan.heads) | plan.hints
    if plan.particles:
        needs.add("product_review")
    if plan.split:
        needs.add("satisfied")  # one of the four the split gating needs
    if plan.masked:
        needs |= _MASK_HINTS
    if plan.rewarded:
        needs |= _REWARD_READ
    return frozenset(needs)


def has_match(a: Analysis, code: Code) -> bool:
    return bool(_phrase_matches(a, code))


def is_review_request(a: Analysis) -> bool:
    if not a.vocabs >= _ASK_REVIEW:
        return False  # no sentence can both ask and name a review
    return any({"ask", "review"} <= s.vocabs() for s in a.sentences)


_STEM = 4  # letters two words must share to be taken for the same word ("jar" / "jars")
_QUESTION_STOP = frozenset(
    {
        "what", "when", "where", "which", "will", "would", "could", "have", "this", "that",
        "there", "they", "your", "with", "from", "about", "does", "just", "than", "then",
        "like", "also", "been", "were", "them", "some", "more", "other", "thanks", "hello",
    }
)  # fmt: skip


_SENTENCE_END = regex.compile(r"(?<=[.!?\n])", regex.V1)


def _stems(text: str) -> frozenset[str]:
    return frozenset(
        w[:_STEM] for w, _, _ in tokens(text) if len(w) >= _STEM and w not in _QUESTION_STOP
    )


def _asked(a: Analysis) -> list[tuple[NormalizedText, list[Hit]]]:
    """The buyer's questions in the history, for a reply, each scanned once.

    The questions themselves, not the buyer's other sentences: after "The throw is lovely, how
    do I wash it?" an answer speaks of washing, an upsell of the throw.
    """

    def make() -> list[tuple[NormalizedText, list[Hit]]]:
        if a.kind is not MessageKind.REPLY:
            return []
        return [
            a.scan(q)
            for m in a.history
            if m.sender is MessageSender.BUYER
            for q in _SENTENCE_END.split(m.body)
            if "?" in q or "¿" in q
        ]

    return a.memo("buyer's questions", make)  # type: ignore[return-value]


def _buyer_questions(a: Analysis) -> frozenset[str]:
    """Word stems of the buyer's questions in the history (for a reply)."""

    def make() -> frozenset[str]:
        return frozenset().union(*(_stems(norm.text) for norm, _ in _asked(a)))

    return a.memo("buyer questions", make)  # type: ignore[return-value]


# what a buyer asks about when a discount in the answer is the answer: a discount, a coupon, a
# sale, another product (the vocabularies of their question)
_OFFER_VOCABS = frozenset({"incentive", "marketing", "range_news", "extra_cost"})


def _asked_about_offers(a: Analysis) -> bool:
    """Whether a question of the buyer's in the history asks about a price, a discount or a range.

    "Will the kettle be cheaper on Prime Day?" is answered by a discount; "How do I descale the
    kettle?" is not, though the sale that follows the answer names the kettle too.
    """

    def make() -> bool:
        return any(not _OFFER_VOCABS.isdisjoint(h.vocab for h in hits) for _, hits in _asked(a))

    return a.memo("buyer asked about offers", make)  # type: ignore[return-value]


def answers_buyer(a: Analysis, start: int, end: int) -> bool:
    """Whether the text at ``start:end`` answers the buyer's own question in the history.

    It does when its own sentence shares a word with the question ("Will the navy one be
    back?" - "navy in size M came back in stock this morning"); an upsell after an answer
    ("... the medium fits. While you're at it, our liners ...") shares none. A sentence that
    opens with a pronoun for the thing just named ("La encontrará en nuestra tienda de Amazon
    buscando ...") is read with the sentence before it.
    """
    asked = _buyer_questions(a)
    if not asked:
        return False
    first, last = _sentence_range(a, start, end)
    near = a.sentences[first : last + 1]
    if not near:
        return False
    text = a.norm.text
    if first > 0 and _POINTS_BACK.match(text, near[0].start):
        near = a.sentences[first - 1 : last + 1]
    return bool(asked & _stems(text[near[0].start : near[-1].end]))


# A sentence that opens by finding or having the thing the sentence before named: an object
# pronoun before a verb of finding ('La encontrará en nuestra tienda de Amazon', 'Lo trova
# ...', 'You'll find it ...', 'It is in our Amazon store'). Articles and the formal 'Sie' alone
# point back at nothing ('Les nouveautés de notre collection ...', 'Sie finden außerdem ...').
_POINTS_BACK = regex.compile(
    r"""(?x)\W{0,3}(?:
        (?:la|lo|las|los|le|les|li|gli)\s+
        (?:encontrar\w*|encuentra\w*|trouver\w*|trouve\w*|trova\w*|trover\w*|tenemos|avons|abbiamo)
      | (?:it|they)\s+(?:is|are|can\s+be)\b
      | you(?:'ll|\s+will|\s+can)\s+find\s+(?:it|them)
      | sie\s+finden\s+(?:sie|es|ihn)\b
    )""",
    regex.V1,
)


def _overlaps_match(a: Analysis, code: Code, start: int, end: int) -> bool:
    """Whether ``start:end`` overlaps a phrase match of ``code``'s rule (its evidence)."""
    return any(s < end and start < e for s, e in _phrase_matches(a, code))


def _in_payment_demand(a: Analysis, start: int, end: int) -> bool:
    """Whether the words at ``start:end`` share a sentence with a demand for more money.

    The store or listing named there is where the buyer is told to pay the difference (SP108),
    not a product promoted to them.
    """
    if (
        not {"pay", "extra_cost"} <= a.vocabs
        and "pay_channel" not in a.vocabs
        and "extra_cost_asked" not in a.vocabs
    ):
        return False
    first, last = _sentence_range(a, start, end)
    low, high = a.sentences[first].start, a.sentences[last].end
    return _overlaps_match(a, Code.SP108, low, high)


def _sentence_vocabs(a: Analysis, start: int, end: int) -> frozenset[str]:
    first, last = _sentence_range(a, start, end)
    return frozenset().union(*(s.vocabs() for s in a.sentences[first : last + 1]))


_VOUCHER = regex.compile(
    r"\b(?:gift|voucher|gutschein|bon\s+cadeau|carte\s+cadeau|tarjeta\s+regalo|cheque\s+regalo"
    r"|buono\s+regalo|carta\s+regalo)",
    regex.V1 | regex.IGNORECASE,
)
_AVAILABILITY = regex.compile(r"\b(?:stock|lager|disponib\w*|existencias)\b", regex.V1)


def _only_the_key(a: Analysis, start: int, end: int) -> bool:
    """Whether every marketing word of the sentences at ``start:end`` names the key itself.

    "Settings / Premium / Enter code" tells the buyer where the key goes; "use code SAVE10 on
    your next order" says more than the key (another marketing word, a percentage).
    """
    first, last = _sentence_range(a, start, end)
    scope = a.sentences[first : last + 1]
    if not scope or "%" in a.norm.text[scope[0].start : scope[-1].end]:
        return False
    keys = [(h.start, h.end) for s in scope for h in s.hits if h.vocab == "topic_digital_key"]
    return all(
        any(ks < h.end and h.start < ke for ks, ke in keys)
        for s in scope
        for h in s.hits
        if h.vocab == "marketing"
    )


def _restates_question(a: Analysis, start: int, end: int) -> bool:
    """Whether the sale words at ``start:end`` restate the buyer's question, in a reply.

    "You asked whether the vacuum is in the Black Friday sale", "Yes, we also make the lid in
    blue, as you asked": the restatement stands in the same sentence, and the sentence does not
    turn to something else ("while you're here").
    """
    if a.kind is not MessageKind.REPLY:
        return False
    vocabs = _sentence_vocabs(a, start, end)
    if "restated_question" not in vocabs or "upsell_pivot" in vocabs:
        return False
    starts = _sentence_starts(a)
    first = max(0, bisect.bisect_right(starts, start) - 1)
    if first >= len(a.sentences):
        return False
    lo, hi = a.sentences[first].start, a.sentences[first].end
    return any(h.vocab == "restated_question" and lo <= h.start < hi for h in a.hits)


def _news_signed_up_for(a: Analysis, start: int, end: int) -> bool:
    """Whether ``start:end`` is the range's news ('nos nouveautés') in a sentence SP105 reports.

    "Abonnez-vous à notre newsletter pour découvrir nos nouveautés": the sign-up is the finding,
    its news what the channel carries, reported once (SP105's). The news alone, beside a
    newsletter SP105 does not report, or beside other marketing words ('nouveautés et ventes
    privées'), is marketing.
    """
    first, last = _sentence_range(a, start, end)
    scope = a.sentences[first : last + 1]
    news = {(h.start, h.end) for s in scope for h in s.hits if h.vocab == "range_news"}
    if not news or any(
        (h.start, h.end) not in news for s in scope for h in s.hits if h.vocab == "marketing"
    ):
        return False
    low, high = a.sentences[first].start, a.sentences[last].end
    return _overlaps_match(a, Code.SP105, low, high)


def _traded_for_review(a: Analysis, start: int, end: int) -> bool:
    """Whether the words at ``start:end`` lie inside an offer made for a review (SP106's).

    "Leave a review and we'll knock 15% off your next order": the discount is the incentive,
    reported once, not a promotion as well.
    """
    return _overlaps_match(a, Code.SP106, start, end)


def _the_buyers_own(a: Analysis, start: int, end: int) -> bool:
    """Whether the code or offer at ``start:end`` is the buyer's own, not a promotion.

    The buyer's words restated ("you asked whether it is in the Black Friday sale"), the key a
    digital-access message delivers ("in the app, enter code"), or the gift voucher the buyer
    bought ("the gift voucher code on the card in your parcel").
    """
    if _restates_question(a, start, end):
        return True
    if a.kind is MessageKind.DIGITAL_ACCESS_KEY and _only_the_key(a, start, end):
        return True
    return bool(_VOUCHER.search(a.norm.text, start, end)) and (
        "voucher_bought" in _sentence_vocabs(a, start, end)
    )


# a reply that opens by answering the buyer's yes-no question ('We do!', 'Yes, ...', 'Ja, ...'):
# the availability it goes on to give is the answer
_ANSWER_OPENING = regex.compile(
    r"\s*(?:(?:hi|hello|dear)\b[^.!?\n]{0,30}[,!]\s*)?(?:we\s+do|yes|yep|sure|of\s+course|ja|oui"
    r"|s[ií]|certo|certo\s+che|claro|natürlich|bien\s+s[uû]r)\b",
    regex.V1,
)


# what may stand before a reply's first words: a greeting and a name ('Hi Jordan,')
_GREETING_ONLY = regex.compile(
    r"\s{0,5}(?:(?:hi|hello|hey|dear|hallo|bonjour|hola|ciao|buongiorno|guten\s+tag)\b"
    r"[^.!?\n]{0,30}[,!:]?\s{0,5})?",
    regex.V1,
)


def marketing(a: Analysis) -> Iterator[Found]:
    for start, end in _phrase_matches(a, Code.SP113):
        if _traded_for_review(a, start, end) or _news_signed_up_for(a, start, end):
            continue
        vocabs = _sentence_vocabs(a, start, end)
        # an aside that turns to another product, or a discount the buyer did not ask about (a
        # discount for buying off Amazon is SP105's offer)
        turns = "upsell_pivot" in vocabs or (
            "incentive" in vocabs
            and not _asked_about_offers(a)
            and not _overlaps_match(a, Code.SP105, start, end)
        )
        if answers_buyer(a, start, end) and not turns:
            continue  # the buyer asked about another colour, a discount, a restock
        answering = a.kind is MessageKind.UNEXPECTED_PROBLEM or (
            a.kind is MessageKind.REPLY
            and (
                not _buyer_questions(a)
                or _ANSWER_OPENING.match(a.norm.text) is not None
                # the reply opens with it: 'Back in stock 4 June.' to 'Any news on the soap?'
                or _GREETING_ONLY.fullmatch(a.norm.text, 0, start) is not None
            )
        )
        if answering and _AVAILABILITY.search(a.norm.text, start, end):
            continue  # the problem's own news, or a reply whose question we are not shown
        if "amazon_applies" in _sentence_vocabs(a, start, end) or _in_payment_demand(a, start, end):
            # a discount Amazon applies at checkout, explained; "buy the 'Price Adjustment'
            # listing in our storefront" is SP108's
            continue
        if _the_buyers_own(a, start, end):
            continue
        yield a.found(start, end)
    for i, att in enumerate(a.message.attachments):
        if promotional(a, att):
            yield Found(
                field=f"attachments[{i}]", evidence=att.file_name, note="a promotional attachment"
            )


# what makes a sentence about the seller feedback a reminder of the request: it asks, says it
# writes again, or presses ('le riscrivo perché il feedback risulta ancora a una stella')
_REMINDING = frozenset({"ask", "repeat_marker", "pressure"})
_REMINDING_ALONE = frozenset({"repeat_marker", "pressure"})


def _reminded_removal(a: Analysis, allowed: int) -> Iterator[Found]:
    """A reminder of the history's feedback-removal request, itself one more request.

    "¿Has podido mirar lo de la valoración? Te lo comentaba la semana pasada", "je me permets de
    revenir vers vous une troisième fois au sujet de votre évaluation": the change is not asked
    in so many words, but the history holds as many requests as the policy allows and a sentence
    names the seller feedback beside an ask, a repeat marker or pressure. Thanks for a feedback
    already changed, and the steps the buyer asked for, are no reminder.
    """
    if "seller_feedback" not in a.vocabs or not a.vocabs & _REMINDING or not a.history:
        return
    earlier = sum(1 for h in a.history_analyses() if _asked_to_change_feedback(h))
    if earlier < allowed or _buyer_asks_to_change(a):
        return
    sents = a.sentences
    for i, s in enumerate(sents):
        vocabs = s.vocabs()
        if "seller_feedback" not in vocabs or "thanks" in vocabs:
            continue
        # the sentence itself, or the one before or after it ('Hola de nuevo. ¿Has podido mirar
        # lo de la valoración?')
        around = frozenset().union(*(x.vocabs() for x in sents[max(0, i - 1) : i + 2]))
        # a repeat marker or pressure, or an ask beside a change ('¿Has podido mirar lo de la
        # valoración?' after 'te lo comentaba'); not any question near the feedback ('we read
        # your seller feedback about the lid. Could you send a photo?')
        if around & _REMINDING_ALONE or {"ask", "change_verb"} <= around:
            note = f"repeated: the history already has {earlier} request(s), and this reminds of it"
            yield a.found(s.start, s.end, note=note)
            return


def _asked_to_change_feedback(a: Analysis) -> bool:
    """Whether an earlier seller message asked for the feedback to change, politely or not.

    A match of SP116's phrases, a message of kind negative_feedback_removal, or a sentence that
    names the change of the seller feedback ('puedes cambiar tu valoración en Mis pedidos')
    without thanking for it.
    """
    if a.kind is MessageKind.NEGATIVE_FEEDBACK_REMOVAL or has_match(a, Code.SP116):
        return True
    if not a.vocabs >= _CHANGE_FEEDBACK:
        return False
    return any(
        (vocabs := s.vocabs()) >= _CHANGE_FEEDBACK and "thanks" not in vocabs for s in a.sentences
    )


_CHANGE_FEEDBACK = frozenset({"change_verb", "seller_feedback"})


# Thanks for the change already made ('thank you so much for updating your feedback', 'merci
# d'avoir modifié', 'grazie per aver aggiornato'): bounded, so linear
# 'thanks for', 'thank you so much for': the opening `_THANKED_CHANGE` and `_THANKED` share
_THANKS_FOR = r"thank(?:s|\s+you)(?:\s+(?:so|very)\s+much)?\s+for\s+"
_THANKED_CHANGE = regex.compile(
    r"""(?x)\b(?:"""
    + _THANKS_FOR
    + r"""(?:updating|changing|removing|revising|amending|editing|taking\s+down)
      | merci\s+d'avoir\s+(?:modifi|mis\s+à\s+jour|retir|supprim)
      | gracias\s+por\s+(?:haber\s+)?(?:cambiar|actualizar|modificar|retirar|quitar|cambiado
          |actualizado)
      | grazie\s+per\s+(?:aver\s+)?(?:aggiornato|modificato|cambiato|rimosso|tolto)
      | danke,?\s+dass\s+sie\s+ihre\s+(?:bewertung|rezension|verkäuferbewertung)\s+(?:\w+\s+){0,2}?
        (?:angepasst|geändert|aktualisiert|entfernt|gelöscht)
    )""",
    regex.V1,
)
_THANKS_REACH = 40  # characters before a request its thanks may start


def _says_it_asks_again(a: Analysis, scope: Sequence[Sentence], start: int, end: int) -> bool:
    """Whether the request at ``start:end`` says it is a second one.

    A marker inside the request ('möchten Sie noch einmal bitten, ... zu ändern'), or one of
    the request's sentences that speaks of asking (`asks_again`: 'sorry to keep asking',
    'we'd like to ask again'); 'as we mentioned, the refund is issued' or 'we wrote to UPS' in
    the same sentence repeat no request.
    """
    gone = negated(a)  # "if you'd rather leave it, that's fine and I won't ask again"
    return any(
        (h.vocab == "asks_again" or (h.vocab == "repeat_marker" and start <= h.start < end))
        and (h.vocab, h.start) not in gone
        for s in scope
        for h in s.hits
    )


def _unresolved(own: frozenset[str], *, resolved: bool) -> str | None:
    """Why a feedback request comes before the problem is resolved, if it does.

    A request made "in the meantime" ("in der Zwischenzeit schon mal löschen?") is, whatever
    else the message says of the problem ("gelöst wird das ja sowieso").
    """
    if "meanwhile" in own:
        return "while the problem is still being resolved"
    return None if resolved else "before the problem is shown to be resolved"


def _demand_reasons(own: frozenset[str], nearby: frozenset[str]) -> list[str]:
    """Why a feedback request is a demand: made a condition, or tied to something of value.

    ``own`` holds the vocabularies of the request's sentences, ``nearby`` those and the one
    before, a refund already given left out.
    """
    reasons = []
    # a condition that is the buyer's own judgement ("if you feel we resolved it") is the
    # neutral request the policy allows, not a condition made
    if "pressure" in own or ("conditional" in own and "buyer_judges" not in own):
        reasons.append("demanded or made a condition")
    elif "threat_strong" in nearby:
        # 'les évaluations négatives ... sont signalées à Amazon ... Pour éviter cela, le plus
        # simple serait de supprimer votre évaluation': asked beside a threat
        reasons.append("asked beside a threat")
    if (
        ("incentive" in nearby and nearby & {"exchange", "conditional"})
        # a refund or a part traded for the change ('Sie passen Ihre Bewertung an, und
        # wir erstatten Ihnen im Gegenzug die Versandkosten')
        or {"incentive_weak", "exchange"} <= nearby
    ) and "fix_already" not in own:
        # a fix done in the sentence before ('die ersten 10 € haben wir bereits erstattet') leaves
        # what the request's own sentence trades for the change ('den Rest erstatten wir, sobald')
        reasons.append("tied to something of value")
    return reasons


def feedback_removal_pressure(a: Analysis) -> Iterator[Found]:
    requests = _phrase_matches(a, Code.SP116)
    # the polite requests the policy allows about one feedback (current 1, seed 2): this one and
    # the history's, or at least two when the request says it asks again
    allowed = int(a.policy.parameters.follow_up_requests)
    if not requests:
        yield from _reminded_removal(a, allowed)
        return
    earlier = sum(1 for h in a.history_analyses() if _asked_to_change_feedback(h))
    resolved = bool(a.vocabs & {"resolved", "fix_already", "buyer_judges"}) or any(
        h.vocabs & {"resolved", "fix_already"} for h in a.history_analyses()
    )
    starts = [s.start for s in a.sentences]
    for start, end in requests:
        # the request's own sentences, and the one before them (found by bisection: a long
        # message with many requests must not rescan every sentence for each)
        first = max(0, bisect.bisect_right(starts, start) - 1)
        last = max(first, bisect.bisect_left(starts, end) - 1)
        scope = a.sentences[first : last + 1]
        if len(scope) == 1 and "buyer_said" in scope[0].vocabs():
            continue  # the buyer's own offer reported ("Ci ha proposto di rimuovere il feedback")
        # a refund its sentence says was given ("le remboursement a été effectué") is the fix,
        # not something of value offered for the change
        nearby = frozenset().union(
            *(
                s.vocabs() - _INCENTIVES if s.vocabs() & _DONE else s.vocabs()
                for s in a.sentences[max(0, first - 1) : last + 1]
            )
        )
        # the request's own sentences (a request over two, 'thanks for your patience while
        # ... If you feel we resolved it, you're welcome to update it', is read whole)
        own = frozenset().union(*(s.vocabs() for s in scope))
        if _no_request(a, own, nearby, start, end):
            continue
        reasons = _demand_reasons(own, nearby)
        if earlier + 1 > allowed:
            reasons.append(f"repeated: the history already has {earlier} request(s)")
        elif _says_it_asks_again(a, scope, start, end) and allowed < 2:  # noqa: PLR2004
            # the request says it is a second one ("wir möchten Sie noch einmal bitten")
            reasons.append("repeated: the message says it asks again")
        if unresolved := _unresolved(own, resolved=resolved):
            reasons.append(unresolved)
        if reasons:
            yield a.found(start, end, note="; ".join(reasons))


def _no_request(
    a: Analysis, own: frozenset[str], nearby: frozenset[str], start: int, end: int
) -> bool:
    """Whether a match of SP116's phrases at ``start:end`` asks the buyer nothing.

    The steps the buyer asked for ("how do I change my feedback?"), the steps told or the choice
    left to the buyer in a reply, or thanks for a change the buyer made ("thank you so much for
    updating your feedback").
    """
    if _buyer_asks_to_change(a) and not nearby & _BARGAIN and not _asks_it_back(a, start, own):
        return True
    if _steps_or_choice(a, own):
        return True
    thanks_from = max(0, start - _THANKS_REACH)
    return "ask" not in own and _THANKED_CHANGE.search(a.norm.text, thanks_from, end) is not None


_THANKED = regex.compile(
    r"\b" + _THANKS_FOR + r"(?:the|your)\s+"
    # any one or two words before the noun ("the enthusiastic review", "your very kind
    # words"): bounded, so the pattern stays linear
    r"(?:[\w'-]+\s+){0,2}"
    r"(?:feedback|review|rating|comments?)\b",
    regex.V1,
)


_ASK_REVIEW = frozenset({"ask", "review"})


def _solicits(a: Analysis) -> bool:
    """Whether a seller message asks for a review or feedback, whatever its kind.

    A reply counts too ("glad it works now; we'd appreciate your feedback"), but a request to
    change or remove feedback or a review is SP115 / SP116's business, not a solicitation.
    """
    if not is_seller_message(a.message):
        return False
    if a.kind is MessageKind.REVIEW_REQUEST:
        return True
    if a.kind is MessageKind.NEGATIVE_FEEDBACK_REMOVAL:
        return False
    # a request is a review hit in a sentence that asks; words that press for a change of the
    # feedback left ("just a reminder about the negative feedback: could you take a look?") ask
    # for no feedback, and asked again they are SP116's "repeated", not a solicitation
    if not a.vocabs >= _ASK_REVIEW or has_match(a, Code.SP116):
        return False
    thanked = SpanSet(m.span() for m in _THANKED.finditer(a.norm.text))
    starts = _sentence_starts(a)
    for hit in a.hits:
        if hit.vocab != "review" or thanked.overlaps(hit.start, hit.end):
            continue  # "thanks for your feedback, please ..." thanks for one already left
        vocabs = a.sentences[max(0, bisect.bisect_right(starts, hit.start) - 1)].vocabs()
        if "ask" in vocabs and "change_verb" not in vocabs:
            return True
    return False


_PIVOT_VOCABS = frozenset({"repeat_marker", "pressure", "you", "order_ref", "image_not_product"})
_PIVOT_WORDS = 2  # "Just a quick reminder!", "Following up on our last message."


def _repeats_the_request(a: Analysis, marker: Hit) -> bool:
    """Whether a repeat marker speaks of the review request, not of thanks or other news.

    "Following up: could you leave a review?" and "A quick reminder. Would you review the
    lamp?" repeat the request; "thank you once again for your purchase", "a reminder that
    the kettle has a 2-year warranty" and "as we mentioned, the replacement ships Monday"
    repeat something else, whatever the message asks later.
    """
    i = max(0, bisect.bisect_right(_sentence_starts(a), marker.start) - 1)
    if i >= len(a.sentences):
        return False
    own = a.sentences[i]
    greeted = {(h.start, h.end) for h in own.hits if h.vocab == "greeting"}
    kind_words = [
        h
        for h in own.hits
        if h.vocab in {"thanks", "pleasantry"} and (h.start, h.end) not in greeted
    ]
    if kind_words and "review" not in own.vocabs():
        # "thanks again", "thank you once again for your purchase"; a greeting in the sentence
        # ("Hi Marcus, just circling back on ...") thanks nobody
        return False
    if "review" in own.vocabs():
        return True
    after = a.sentences[i + 1] if i + 1 < len(a.sentences) else None
    if (
        "earlier_note" in own.vocabs()
        and not own.vocabs() & _OTHER_NEWS
        and any({"ask", "review"} <= s.vocabs() for s in a.sentences[i + 1 : i + 3])
    ):
        # 'je me permets de vous relancer au sujet de mon message du 12 mars concernant la
        # théière. Si elle vous plaît, un avis nous aiderait': the earlier note, named with
        # nothing else it was about, and the review asked just after
        return True
    # the marker's sentence says nothing else: at most two words beside the markers are not filler
    markers = [(h.start, h.end) for h in own.hits if h.vocab == "repeat_marker"]
    filler = filler_words()
    other = [
        w
        for w, ws, we in tokens(a.norm.text[own.start : own.end])
        if w not in filler
        and not any(ms <= own.start + ws and own.start + we <= me for ms, me in markers)
    ]
    short = len(other) <= _PIVOT_WORDS and not own.vocabs() - _PIVOT_VOCABS
    return short and after is not None and {"ask", "review"} <= after.vocabs()


# What an earlier note was about when a follow-up names it: the parcel, a warranty, a return,
# a problem, a refund ('following up on the tracking', 'ich melde mich nochmal wegen der
# Sendungsverfolgung'): news of its own, not the review request
_OTHER_NEWS = frozenset(
    {
        "shipped",
        "topic_warranty",
        "topic_return",
        "topic_invoice",
        "problem",
        "apology",
        "seller_pays",
        "beacon",
    }
)


def repeat_solicitation(a: Analysis) -> Iterator[Found]:
    if "seller_feedback" in a.vocabs and any(
        _asked_to_change_feedback(h) for h in a.history_analyses()
    ):
        # "just following up again on the feedback" after a request to change it: the change
        # asked again is SP116's "repeated" (`_reminded_removal`), no new solicitation
        return
    reminder = None
    if not _solicits(a):
        # "We still haven't seen your review. Could you spare a minute?": the request is
        # asked again over two sentences, and says so
        reminder = _reminder_then_ask(a)
        if reminder is None:
            return
    if any(_solicits(h) for h in a.history_analyses()) or any(
        m.kind is MessageKind.REVIEW_REQUEST and m.sender is MessageSender.AMAZON for m in a.history
    ):
        # Amazon's Request a Review counts as one (POLICY.md, SP122)
        yield Found(field="history", note="the history already has a review or feedback request")
        return
    # without the history, the message may say itself that it asks again ("following up on our
    # earlier message: could you leave a review?")
    # ("this is the only time we'll ask - we won't contact you again" promises the opposite)
    gone = negated(a)
    marker = reminder or next(
        (
            h
            for h in a.hits
            if h.vocab == "repeat_marker"
            and (h.vocab, h.start) not in gone
            and _repeats_the_request(a, h)
        ),
        None,
    )
    if marker is not None:
        yield a.found(
            marker.start, marker.end, note="the message says it repeats an earlier request"
        )


def _reminder_then_ask(a: Analysis) -> Hit | None:
    """A reminder about the review in a proactive message: the request made again.

    "We have not seen your review yet. If you have a minute, it would help us a lot." and
    "Following up on our note about a review. Whenever you have a moment, we'd love to hear
    from you on Amazon.": the review is named where the message says it writes again, the ask
    is the next sentence's. Without an ask after it, the reminder's own marker must ask again
    ('petit rappel : nous attendons toujours votre avis'), and nothing beside it may be news,
    an offer, a change asked or the buyer's review quoted. A reply is left alone: there the
    next sentence's question is more often the buyer's business ("Following up on your question
    about your review. Could you tell me the order number?").
    """
    if a.kind in _NOT_A_REMINDER or not is_seller_message(a.message):
        return None
    if not a.vocabs >= _REMINDED_ALONE:
        return None
    gone = negated(a)
    thanked = SpanSet(m.span() for m in _THANKED.finditer(a.norm.text))
    # the last sentence that asks a change: one pass, not one scan of the rest per sentence
    last_change = max(
        (j for j, s in enumerate(a.sentences) if "change_verb" in s.vocabs()), default=-1
    )
    for i, here in enumerate(a.sentences):
        vocabs = here.vocabs()
        if not vocabs >= _REMINDED_ALONE or vocabs & _NOT_REMINDING:
            continue
        if any(thanked.overlaps(h.start, h.end) for h in here.hits if h.vocab == "review"):
            continue
        after = a.sentences[i + 1].vocabs() if i + 1 < len(a.sentences) else frozenset()
        asked_after = "ask" in after and "change_verb" not in after
        # the ask in the next sentence, or a marker that asks again by itself ('petit rappel :
        # nous attendons toujours votre avis', 'torno a disturbarla per la recensione'), where
        # nothing is offered for it (SP106)
        if not asked_after and (
            # a change of the review asked after it, in the next sentence or later ('wir melden
            # uns noch einmal wegen Ihrer Bewertung. ... um die Bewertung anzupassen?'): SP116's
            last_change > i
            or vocabs & _OFFERED
            or (vocabs | after) & _OTHER_NEWS  # 'circling back on your review: we shipped ...'
            or "buyer_said" in vocabs
            or _BUYERS_REVIEW_SAID.search(a.norm.text, here.start, here.end)
            or has_match(a, Code.SP116)
        ):
            continue
        pattern = _ASKS_AGAIN if asked_after else _REMINDS_ALONE
        marker = next(
            (
                h
                for h in here.hits
                if h.vocab == "repeat_marker"
                and (h.vocab, h.start) not in gone
                and pattern.search(a.norm.text, h.start, h.end)
            ),
            None,
        )
        if marker is not None:
            return marker
    return None


_REMINDED_ALONE = frozenset({"repeat_marker", "review"})
# the buyer's review as something written, not awaited ('your review of the lamp mentioned a
# loose screw'): bounded gaps, linear
_BUYERS_REVIEW_SAID = regex.compile(
    r"\b(?:your|votre|ihre?|su|sua|tu)\s+(?:\w+\s+){0,3}?(?:review|avis|bewertung|rezension"
    r"|reseña|opinión|recensione)\s+(?:\S+\s+){0,4}?(?:mentioned|mentions|said|says|stated"
    r"|mentionne|mentionnait|erwähnt|menciona|mencionaba|menziona|dice|sagt|dit)\b",
    regex.V1,
)
_OFFERED = frozenset({"incentive", "exchange"})
# the markers that remind of the request by themselves, the review named beside them and no ask
# needed after: a reminder, a nudge, writing again or disturbing again about the review
_REMINDS_ALONE = regex.compile(
    r"relanc|rappel|remind|riscriv|torno\s+a\s+disturbar|escrib\w*\s+de\s+nuevo"
    r"|vuelvo\s+a\s+escrib|erinnerung|noch\s*mal|noch\s+einmal|circling|second\s+time",
    regex.V1,
)


# the markers that write again about a review not yet seen, or remind of the request ('we
# have not seen your review yet', 'following up', 'le riscriviamo'); not 'once again, sorry
# for what you described in your feedback', which apologises again
_ASKS_AGAIN = regex.compile(
    r"seen|visto|gesehen|\bvu\b|follow|remind|recordatorio|promemoria|rappel|nudge|riscriv"
    r"|writing\s+again|noch\s+einmal|relanc|escribimos\s+de\s+nuevo",
    regex.V1,
)


# a reply answers the buyer; a removal request is SP116's business
_NOT_A_REMINDER = frozenset({MessageKind.REPLY, MessageKind.NEGATIVE_FEEDBACK_REMOVAL})
# the reminder's own sentence thanks, asks already (then `_solicits` judged it), asks a change
# or answers the buyer's question
_NOT_REMINDING = frozenset({"thanks", "ask", "change_verb", "buyer_question", "apology"})


_STARS = regex.compile(r"\b(?:stars?|sterne?n?|étoiles?|estrellas?|stelle)\b", regex.V1)
# Kinds whose purpose is the item's design: "five stars embroidered" is a motif there.
_DESIGN_KINDS = frozenset({MessageKind.CONFIRM_CUSTOMIZATION, MessageKind.CONFIRM_ORDER_DETAILS})


def stars_are_design(a: Analysis) -> bool:
    """Whether the message's star phrases are the item's design, not a rating.

    In a message whose kind is about the item's design, a star phrase is read as a rating only
    when the message also speaks of reviews, ratings or feedback in other words.
    """
    if a.kind not in _DESIGN_KINDS:
        return False
    text = a.norm.text
    return not any(h.vocab == "review" and not _STARS.search(text, h.start, h.end) for h in a.hits)


_TITLE_WORDS = regex.compile(r"^(?:\d+|\p{Lu}\p{Ll}*)(?:[\s-]+(?:\p{Lu}\p{Ll}*))*$", regex.V1)
# Read backwards from the end, so a run of spaces or line breaks is read once, not once per start
# (the form '(?:[.!?:\n]\s*)$' took time quadratic in such a run: 20,000 line breaks, 1.9 s)
_SENTENCE_OPENING = regex.compile(r"$(?<=[.!?:\n\"'«„“]\s*)|^$", regex.V1)
# the word a name goes on with: a noun of the product, not a rating's or a function word
_NEXT_WORD = regex.compile(r"\s*([\p{L}][\p{L}'-]*)", regex.V1)
_NOT_A_NAME_GOES_ON = frozenset(
    {
     "on", "for", "to", "if", "please", "and", "or", "from", "with", "it", "its", "would",
     "will", "us", "is", "are", "auf", "für", "bitte", "und", "oder", "sur", "pour",
     "et", "ou", "en", "por", "y", "o", "su", "per", "e", "da", "de", "di", "a", "an", "the",
    }
)  # fmt: skip
_RATING_WORDS = frozenset({"review", "seller_feedback", "product_review", "positive_review"})
# a name stands after a determiner ('the Five Star towels', 'our Five Star range'); after 'us' or
# a verb ('rate us Five Stars Today', 'leave Five Stars Thanks!') it is the rating asked for
_DETERMINER_BEFORE = regex.compile(
    r"\b(?:the|our|your|this|these|that|those|my|der|die|das|den|dem|unser\w*|ihr\w*|le|la|les"
    r"|notre|nos|votre|vos|ce|cet|cette|ces|el|los|las|nuestr\w*|su|sus|il|lo|gli|nostr\w*|vostr\w*"
    r"|questo|questa)\s+$",
    regex.V1,
)


def _only_names(a: Analysis, start: int, end: int) -> bool:
    """Whether every star phrase at ``start:end`` is a capitalised name inside a sentence.

    "could you review the Five Star hotel-collection towel set": a product called so, not a
    rating asked for. Capitals at a sentence's start ("Five stars would ..."), a star phrase no
    determiner introduces ("rate us Five Stars Today"), or one that a rating word or nothing
    follows ("leave us Five Stars?", "a Five Star review"), say nothing.
    """
    stars = [h for h in a.hits if h.vocab == "positive_review" and start <= h.start < end]
    if not stars:
        return False
    text, body = a.norm.text, a.message.body
    for hit in stars:
        ostart, oend = a.norm.span(hit.start, hit.end)
        after = _NEXT_WORD.match(text, hit.end, hit.end + 40)
        if (
            not _TITLE_WORDS.match(body[ostart:oend])
            or _SENTENCE_OPENING.search(text, max(0, hit.start - 4), hit.start)
            or not _DETERMINER_BEFORE.search(text, max(0, hit.start - 12), hit.start)
            or after is None
            or after.group(1) in _NOT_A_NAME_GOES_ON
            or any(h.vocab in _RATING_WORDS and hit.end <= h.start <= after.end(1) for h in a.hits)
        ):
            return False
    return True


def _only_stars(a: Analysis, start: int, end: int) -> bool:
    """Whether a match speaks of ratings only through a count of stars, and asks nothing.

    "The cushion has five stars embroidered on the corner" describes the item; a count of stars
    is a rating when the sentence also asks, names a review, rating or feedback in words, or
    trades the stars for something ("a 10% discount if you leave 5 stars"), or wishes for them
    ("five stars would make our day", "if you felt it deserved five stars").
    """
    vocabs = _sentence_vocabs(a, start, end)
    if vocabs & {"ask", "seller_feedback", "product_review", "incentive", "exchange"}:
        return False
    if "rating_wish" in vocabs:
        return False  # stars wished for are a rating ("Fünf Sterne wären das schönste Kompliment")
    if "gift_made" in vocabs:
        # stars traded for a gift are a rating ("Cuéntelo con cinco estrellas en Amazon y le
        # regalamos una funda"); a condition alone is not ("if you turn the dial, it shows five
        # stars on the ceiling")
        return False
    text = a.norm.text
    # the match's own hits, found by bisection: reading every hit of the message for each match
    # took time that grew with the square of a long text's length
    return not any(
        h.vocab == "review" and not _STARS.search(text, h.start, h.end)
        for h in _hits_in(a, start, end)
    )


_SENT_TO_SELLER = frozenset({"contact_us", "discourage_review"})


def _not_only_happy(near: frozenset[str]) -> bool:
    """Whether the sentences around a happy condition ask the unhappy buyer for a review too.

    "Whichever way it went, tell us in a review" asks everyone; "happy? a review would mean a
    lot. Not happy? write to us first" sends the unhappy to the seller: the review is asked of
    the happy only (SP107), and the rest is gating (SP114).
    """
    if near & {"negation_strong", "either_way"}:
        return True
    return "unhappy" in near and not near & _SENT_TO_SELLER


_HAPPY_REACH = 8  # words from "if" to the satisfaction it makes the condition
_PUNCTUATION = regex.compile(r"[.,;:!?()\n]", regex.V1)


_HAPPY_CONDITION = frozenset({"satisfied", "review"})
_HAPPY_QUESTION_WORDS = 6  # "Happy with them?", "Rundum zufrieden mit Ihrem Kocher?"
_HAPPY_QUESTION_WORDS_LAST = 8  # "Sind Sie mit dem Fjelltur 38 zufrieden?"
# what may come before the satisfaction in such a question: an intensifier, not a verb or a
# pronoun ("¿Le ha gustado su mesa?" asks how it went, and welcomes either answer)
_HAPPY_QUESTION_LEAD = frozenset(
    {"so", "really", "totally", "fully", "completely", "all", "rundum", "voll", "sehr",
     "totalement", "vraiment", "muy", "totalmente", "molto", "davvero", "pienamente"}
)  # fmt: skip


def _happy_question(a: Analysis, sentence: Sentence) -> Hit | None:
    """The satisfaction a short question opens with ("Happy with them? Your review helps").

    The question stands for "if you are happy": it asks nothing else, and says no negator and
    no unhappiness ("Not completely happy with them? Talk to us").
    """
    raw = a.norm.text[sentence.start : sentence.end]
    if not raw.rstrip().endswith("?") or sentence.vocabs() & {"unhappy", _NEGATOR}:
        return None
    words = list(tokens(raw))
    if not words or len(words) > _HAPPY_QUESTION_WORDS_LAST:
        return None
    if len(words) <= _HAPPY_QUESTION_WORDS:
        opening = 1 if words[0][0] in _HAPPY_QUESTION_LEAD else 0
        lead = {sentence.start + ws for _, ws, _ in words[: opening + 1]}
        found = next((h for h in sentence.hits if h.vocab == "satisfied" and h.start in lead), None)
        if found is not None:
            return found
    # or ends with it, as German puts it: "Sind Sie mit dem Rucksack zufrieden?"
    last_end = sentence.start + words[-1][2]
    return next((h for h in sentence.hits if h.vocab == "satisfied" and h.end == last_end), None)


# A sentence that opens with 'then' answers the question before it ("... geknackt? Dann ...")
_THEN = regex.compile(
    r"\s*(?:then|if\s+so|dann|alors|entonces|allora|in\s+that\s+case|in\s+dem\s+fall)\b",
    regex.V1 | regex.IGNORECASE,
)


# ... unless the question offers the other answer: 'or' and a complaint after it
_OTHER_ANSWER = regex.compile(r"\b(?:or|oder|ou|o|oppure|ó|op)\b", regex.V1 | regex.IGNORECASE)
_OTHER_ANSWER_WORDS = regex.compile(
    r"\b(?:disappoint\w*|slow|not\s+really|enttäusch\w*|langsam|déçue?s?|lente?s?|decepcionad[oa]s?"
    r"|lent[oa]|delus[oa]|problem\w*|probl[eè]m\w*|issues?|fault\w*|défaut\w*|fehler\w*|difett\w*"
    r"|defect\w*|mal|male|schlecht\w*)\b",
    regex.V1 | regex.IGNORECASE,
)


def _answered_by_then(a: Analysis, i: int) -> Hit | None:
    """The satisfaction a question of any length asks, when the next sentence opens 'Then'.

    "Haben Sie damit Ihr Trainingsziel geknackt - mehr Kraft, ...? Dann erzählen Sie davon in
    einer Rezension": the question names the buyer's success, says no negator and no
    unhappiness, and the answer it waits for is the condition of the review the next sentence
    asks for (`_happy_conditions` checks the review).
    """
    sents = a.sentences
    sentence = sents[i]
    if i + 1 >= len(sents) or sentence.vocabs() & {"unhappy", _NEGATOR}:
        return None
    if not a.norm.text[sentence.start : sentence.end].rstrip().endswith("?"):
        return None
    if not _THEN.match(a.norm.text, sentence.end, sents[i + 1].end):
        return None
    found = next((h for h in sentence.hits if h.vocab == "satisfied"), None)
    if found is None:
        return None
    # 'È soddisfatto o deluso? Allora lo scriva in una recensione': the question offers the other
    # answer too, and the review is asked whichever it is
    other = _OTHER_ANSWER.search(a.norm.text, found.end, sentence.end)
    if other is not None and (
        _OTHER_ANSWER_WORDS.search(a.norm.text, other.end(), sentence.end)
        # (an unhappiness or a negator anywhere in the question has already ruled it out)
        or any(h.vocab == "problem" and h.start >= other.end() for h in sentence.hits)
    ):
        return None
    return found


def _happy_conditions(a: Analysis) -> Iterator[tuple[int, int]]:
    """Reviews asked of satisfied buyers only, however the condition is worded.

    "If" and, a few words on in the same clause, a word of satisfaction ("wenn Sie mit Ihrem
    Wasserkocher rundum zufrieden sind"), or a short question that opens with one ("Happy with
    them?"), in a sentence that (with the next) speaks of a review and of no unhappiness.
    """
    if not a.vocabs >= _HAPPY_CONDITION:
        return  # the satisfaction and the review both have to be there
    text, sents = a.norm.text, a.sentences
    for i, sentence in enumerate(sents):
        ifs = [h for h in sentence.hits if h.vocab == "condition_if"]
        asked = None
        if "satisfied" in sentence.vocabs():
            asked = _happy_question(a, sentence) or _answered_by_then(a, i)
        if not ifs and asked is None:
            continue
        near = frozenset().union(*(s.vocabs() for s in sents[i : i + 2]))
        if "review" not in near or _not_only_happy(near):
            continue
        if asked is not None:
            yield asked.start, asked.end
            continue
        for cond in ifs:
            sat = next(
                (
                    h
                    for h in sentence.hits
                    if h.vocab == "satisfied"
                    and 0 < h.token - cond.token <= _HAPPY_REACH
                    and not _PUNCTUATION.search(text, cond.end, h.start)
                    and not any(
                        n.vocab == _NEGATOR and cond.end <= n.start < h.start for n in sentence.hits
                    )
                ),
                None,
            )
            if sat is not None:
                yield cond.start, sat.end
                break


# Four or five star pictographs in a row, no more: the top of the scale drawn, not written ("a
# quick ⭐⭐⭐⭐⭐ review would make our week"); words never see them (they are not word
# characters). Variation selectors are gone from the normalised text.
_STAR_PICTURES = regex.compile(
    r"(?<![\u2b50\u2605\U0001F31F])[\u2b50\u2605\U0001F31F]{4,5}(?![\u2b50\u2605\U0001F31F])"
)
_ANY_STAR_PICTURE = regex.compile(r"[\u2b50\u2605\u2606\U0001F31F]")
# what says the whole scale is welcome ("from ⭐ to ⭐⭐⭐⭐⭐", "whatever you think"), or thanks
# for a review already left ("thank you for your ⭐⭐⭐⭐⭐ review!")
_NOT_DRAWN_ASK = frozenset({"whole_scale", "either_way", "negation_strong", "thanks"})
_DRAWN_ASK = frozenset({"ask", "rating_wish"})
# where the stars drawn are a rating: beside a review, a rating or feedback named, on Amazon, or
# under a happy condition ("Wenn Sie zufrieden sind, würden wir uns über ⭐⭐⭐⭐⭐ freuen"); the
# engine calls SP107 for a message that names one of them (`engine._needs`)
DRAWN_RATING: Final = _RATING_WORDS | {"on_amazon", "happy_condition"}


def _drawn_stars(a: Analysis) -> Iterator[tuple[int, int]]:
    """Four or five star pictographs in a sentence that asks for a review or rating.

    The sentence names a review, a rating or feedback (or Amazon) and asks or wishes for it,
    thanks for none, and holds no other star pictograph ("every rating from ⭐ to ⭐⭐⭐⭐⭐
    helps" welcomes the whole scale). Each sentence's pictographs are counted once, so a
    sentence of many runs is read in linear time.
    """
    text = a.norm.text
    counted: dict[tuple[int, int], int] = {}
    for m in _STAR_PICTURES.finditer(text):
        first, last = _sentence_range(a, m.start(), m.end())
        scope = a.sentences[first : last + 1]
        if not scope:
            continue
        vocabs = frozenset().union(*(s.vocabs() for s in scope))
        if not (vocabs & DRAWN_RATING and vocabs & _DRAWN_ASK) or vocabs & _NOT_DRAWN_ASK:
            continue
        if (first, last) not in counted:
            counted[first, last] = len(
                _ANY_STAR_PICTURE.findall(text, scope[0].start, scope[-1].end)
            )
        if counted[first, last] <= m.end() - m.start():
            yield m.span()


_IF_SO_LEAD = frozenset({"", "and", "so", "et", "y", "e", "und", "also"})
# "if so" ends its clause: "If you do, a review ..." is the condition, "If you do have any
# questions" is not
_IF_SO_END = regex.compile(r"[ \t]*(?:[,;:.!\-\u2013\u2014]|$)", regex.V1)


def _if_so_conditions(a: Analysis) -> Iterator[tuple[int, int]]:
    """The satisfaction one sentence names, made the condition by the next's "if so".

    "We hope you are happy with your earbuds. If so, a review would mean a lot" asks the happy
    buyer only, as "if you are happy, a review ..." does. The "if so" opens its sentence and
    ends its clause; the sentence before names the buyer's satisfaction and no unhappiness nor
    negator ("We hope nothing arrived damaged. If so, ..." is no satisfaction); and the review
    is asked of no unhappy buyer besides (`_not_only_happy`).
    """
    if "if_so" not in a.vocabs or not a.vocabs >= _HAPPY_CONDITION:
        return
    text, sents = a.norm.text, a.sentences
    for i in range(1, len(sents)):
        sentence = sents[i]
        opening = next(
            (
                h
                for h in sentence.hits
                if h.vocab == "if_so"
                and text[sentence.start : h.start].strip() in _IF_SO_LEAD
                and _IF_SO_END.match(text, h.end, sentence.end)
            ),
            None,
        )
        if opening is None:
            continue
        before = sents[i - 1]
        hoped = before.first("satisfied")
        if hoped is None or before.vocabs() & {"unhappy", _NEGATOR}:
            continue
        near = sentence.vocabs()
        if i + 1 < len(sents):
            after = sents[i + 1].vocabs()
            # "... And if something is wrong, no need to review: write to us" is a branch for the
            # unhappy, sent to the seller (its own "no need" negates nothing of the review asked)
            gating = "unhappy" in after and after & _SENT_TO_SELLER
            near |= {"unhappy", "contact_us"} if gating else after
        if "review" in near and not _not_only_happy(near):
            yield hoped.start, opening.end


def positive_feedback_request(a: Analysis) -> Iterator[Found]:
    """SP107, except stars that are the item's design rather than a rating."""
    matches = _phrase_matches(a, Code.SP107)
    found = []
    if matches:
        if a.kind in _DESIGN_KINDS:
            text = a.norm.text
            rated = any(
                h.vocab == "review" and not _STARS.search(text, h.start, h.end) for h in a.hits
            )
            if not rated:
                return
        thanked = SpanSet(m.span() for m in _THANKED.finditer(a.norm.text))
        found = [
            m
            for m in matches
            if not _only_stars(a, *m) and not thanked.overlaps(*m) and not _only_names(a, *m)
        ]
    # "Happy? A review would mean a lot. Not happy? Write to us first." is two pieces of
    # evidence: the review asked of the happy (SP107) and the unhappy sent to the seller (SP114)
    evidence = [*found, *_happy_conditions(a)]
    if not matches and not evidence:
        # the weaker readings, only where no phrase of the rule matched, kept or not (one
        # request, one finding; a match set aside as thanks or a name stays aside): the
        # satisfaction named before "if so", the stars drawn
        evidence = list(_if_so_conditions(a))
        if a.kind not in _DESIGN_KINDS:
            evidence += _drawn_stars(a)
    for start, end in _merge(evidence):
        said = _sentence_vocabs(a, start, end)
        if {"change_verb", "seller_feedback"} <= said and "positive_review" not in said:
            continue  # "if you're happy with how we handled it, you may update your feedback"
        yield a.found(start, end)
