"""Contact details: links, Amazon links, email addresses, phone numbers (SP101-SP104, SP120)."""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
from html import unescape as html_unescape
from typing import TYPE_CHECKING

import regex

from sellerpolicy._codes import Severity
from sellerpolicy._model import Attachment
from sellerpolicy._rules.messages.analysis import Found
from sellerpolicy._rules.messages.attachments import IMAGE_EXT, is_image, name_words, names_document
from sellerpolicy._text._columns import FIRST, SECOND
from sellerpolicy._text.detectors import Evidence, find_links, not_a_phone
from sellerpolicy._text.normalize import normalize
from sellerpolicy._text.phrases import tokens
from sellerpolicy._text.spans import SpanSet

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from sellerpolicy._rules.messages.analysis import Analysis
    from sellerpolicy._text.phrases import Hit

__all__ = [
    "amazon_link",
    "email_address",
    "external_link",
    "logo_with_web_address",
    "page_links",
    "phone_number",
]


_OWN_PAGE = regex.compile(
    r"(?:/gp/(?:your-account|css)/order|/your-orders|order-?details|orderid=|/review/create-review"
    r"|/review/review-your-purchases|/hz/feedback|/gp/feedback)",
    regex.V1,
)
# Amazon's own service to the buyer, which promotes nothing: its returns centre, help and
# customer-service pages (the A-to-z guarantee's among them), the buyer's subscriptions, account
# and profile ('https://www.amazon.de/gp/orc/returns/homepage.html', '/gp/help/customer/
# contact-us', '/auto-deliveries'), read in the link's path, not its query
_SERVICE_PAGE = regex.compile(
    r"(?:/returns(?![\w-])|/gp/orc/returns|/spr/returns|/gp/help/|/hz/contact-us|/auto-deliveries"
    r"|/gp/subscribe-and-save/manager|/gp/profile|/gp/css/homepage|/gp/your-account|/your-account"
    r"|/cpe/yourpayments|/hz/mycd|/gp/message)",
    regex.V1,
)


# The ASIN in the path of a product page: '/dp/B07XJ8C8F5', '/gp/product/0141439513',
# '/Some-Title/dp/B07XJ8C8F5/ref=...', '/gp/aw/d/...' (the mobile page)
_PRODUCT_PAGE = regex.compile(
    r"/(?:dp|gp/product|gp/aw/d|exec/obidos/asin|o/asin)/([a-z0-9]{10})(?![a-z0-9])",
    regex.V1 | regex.IGNORECASE,
)


_QUERY = regex.compile(r"[?#]", regex.V1)


def _ordered_product(a: Analysis, asin: str) -> bool:
    """Whether a product page's ``asin`` is a product of the order the caller gave.

    Not another listing: the product the buyer bought ('the manual is on the product page').
    """
    return a.order is not None and asin.upper() in {item.asin.upper() for item in a.order.items}


def _named_product_page(a: Analysis, link: Evidence) -> bool:
    """Whether a product page's link is the one the words beside it call the product's own.

    'the compatibility chart on the product page: https://www.amazon.com/dp/...', '<a
    href=".../dp/...">product page</a>' in a reply about the item: the page of what was bought,
    when the caller gives no order to tell (with one, its products' ASINs decide). Not in a
    message that markets anything, nor after 'other' or 'new' ('our other product pages', 'our
    new kettle is here, see the page').
    """
    if (a.order is not None and a.order.items) or "marketing" in a.vocabs:
        return False  # with an order, its own products say which page it is
    body = a.message.body
    before = body[max(0, link.start - _PAGE_NAME_REACH) : link.start].lower()
    window = before + body[link.start : link.end + _PAGE_NAME_REACH].lower()
    return _PAGE_NAMED.search(window) is not None and _OTHER_PAGE.search(before) is None


_PAGE_NAME_REACH = 80  # characters read on each side of the link for its name
_PAGE_NAMED = regex.compile(
    r"\b(?:the|this|its|your|la|le|die|der|su|sur\s{1,3}la|en\s{1,3}la|nella|sulla|auf\s{1,3}der"
    r"|la\s{1,3}sua)\s{1,3}(?:product\s{1,3}page|listing|produktseite|artikelseite|page\s{1,3}(?:du"
    r"\s{1,3})?produit|fiche\s{1,3}produit|p[áa]gina\s{1,3}del\s{1,3}producto|pagina\s{1,3}del"
    r"\s{1,3}prodotto)\b|>\s{0,3}(?:product\s{1,3}page|produktseite|page\s{1,3}produit|p[áa]gina"
    r"\s{1,3}del\s{1,3}producto|pagina\s{1,3}del\s{1,3}prodotto)\s{0,3}<",
    regex.V1,
)
_OTHER_PAGE = regex.compile(
    r"\b(?:other|another|andere[nmrs]?|autres?|otros?|otras?|altr[oiae]|new|latest|launch\w*"
    r"|neue[nmrs]?|nouveau|nouvelles?|nuev[oa]s?|nuov[oaie])\b",
    regex.V1,
)


@functools.lru_cache(maxsize=4096)  # a host turns up again and again; bounded memory
def _is_amazon(host: str, domains: frozenset[str]) -> bool:
    return any(host == d or host.endswith("." + d) for d in domains)


def page_links(a: Analysis) -> list[Evidence]:
    """Links a buyer could follow: an ``<img src>`` loads a picture and is judged by SP2xx.

    Worked out once per analysis: several rules ask for them.
    """
    return a.once("page links", _page_links)


def _page_links(a: Analysis) -> list[Evidence]:
    html = a.html
    if html is None or not html.images:
        return a.links
    images = SpanSet((img.start, img.end) for img in html.images)
    return [ln for ln in a.links if not images.overlaps(ln.start, ln.end)]


# A spelled-out "dot" or "point" read as a domain is prose when the "domain" is an article or
# preposition ("un point de collecte") or the "address" runs on into a number ("the Echo Dot de
# 4.ª generación"): nobody disguises a web address that way.
_PROSE_LABELS = frozenset(
    {
     "un", "une", "le", "la", "a", "an", "the", "el", "il", "ein", "eine", "der", "die", "das",
     # quantifiers and demonstratives: "tout point de collecte", "every dot in the print"
     "tout", "toute", "chaque", "ce", "cet", "cette", "au", "du", "des", "cada", "ese", "este",
     "esta", "ogni", "questo", "questa", "this", "that", "each", "every", "any", "jeder", "jede",
     # conjunctions: "en una oficina o punto de recogida", "bureau ou point relais"
     "o", "y", "e", "u", "ou", "et", "or", "and", "oder", "und", "ed", "ni",
     # prepositions: "déposez-le en point de collecte", "nel punto di raccolta"
     "en", "dans", "par", "nel", "al", "im", "am", "beim", "zum", "in", "at", "on",
     # other determiners: "otro punto de recogida", "un autre point de retrait", "our point of
     # view", "il nostro punto di ritiro"
     "otro", "otra", "otros", "otras", "altro", "altra", "altri", "autre", "autres", "other",
     "another", "andere", "anderen", "anderer", "nuestro", "nuestra", "notre", "nos", "nostro",
     "nostra", "our", "su", "sus", "suo", "sua", "votre", "vos", "your", "mi", "mio", "mia",
     "mon", "ma", "my", "primer", "premier", "primo", "mismo", "misma", "même", "stesso",
     "same", "cualquier", "qualsiasi", "quel", "quelque", "ningún", "algún", "nessun",
     # contractions of a preposition and the article: "del punto de impacto", "dal punto di"
     "del", "dal", "dello", "della", "nello", "nella", "sul", "sulla", "vom",
    }
)  # fmt: skip
_RUNS_ON = regex.compile(r"^\s+\d", regex.V1)
# A product called "... Dot" read on into an everyday word ("the Echo Dot at home", "my Dot is
# on the shelf"): the capitalised name, before a suffix that is also a word. "GreenLeaf Dot
# Com" and a lower-case "shop dot at" stay addresses.
_NAMED_DOT = regex.compile(r"\sDot\s+(?:at|in|is|it|be|me|to|us|so|no|do|my|by|am|as)\b", regex.V1)


_Result = tuple[int, int, str, tuple[str, ...], Severity | None, str]
"""A result before it is a `Found`: start, end, evidence, disguises, severity and note."""


def _counted(results: Iterable[_Result]) -> Iterator[Found]:
    """One `Found` per distinct result, at its first span, counting its repeats.

    The engine reports repeats so anyway (`engine._grouped`: one finding per evidence, at the
    first span, with the count); grouping here spares a text dense with the same address an
    object per repeat.
    """
    first: dict[tuple[str, tuple[str, ...], Severity | None, str], list[int]] = {}
    for start, end, evidence, disguises, severity, note in results:
        seen = first.get((evidence, disguises, severity, note))
        if seen is None:
            first[evidence, disguises, severity, note] = [start, end, 1]
        else:
            seen[2] += 1
    for (evidence, disguises, severity, note), (start, end, count) in first.items():
        yield Found(start, end, evidence, disguises, severity=severity, note=note, count=count)


def external_link(a: Analysis) -> Iterator[Found]:
    links = page_links(a)
    if links:
        yield from _counted(_external_links(a, links))
    # a document whose file name shows a web address ('Care_Guide_at_oakandlinen.co.uk.pdf'):
    # the buyer reads it as they read the text (an image's is SP120's)
    for i, att in enumerate(a.message.attachments):
        if not is_image(att) and (shown := _shown_address(a, att, documents=True)):
            yield Found(field=f"attachments[{i}]", evidence=shown)


_KEEP, _DROP, _DROP_IF_RUNS_ON = 0, 1, 2
"""What `_external_links` does with a link, from its host, text, disguises and form alone."""
_VERDICTS_LIMIT = 1024  # distinct links remembered per message


def _link_verdict(a: Analysis, link: Evidence, *, completion: bool) -> int:
    params = a.policy.parameters
    if _is_amazon(link.host, params.amazon_domains):
        return _DROP
    if (
        completion
        and link.value.startswith("https://")
        and _is_amazon(link.host, params.link_allowlist)
    ):
        return _DROP
    # a spelled-out dot in prose (see `_PROSE_LABELS`), but for the words after the link
    if link.explicit or not link.disguises or "/" in link.value:
        return _KEEP
    if not all("spelled" in d for d in link.disguises):
        return _KEEP
    labels = link.host.split(".")
    if labels and labels[0] in _PROSE_LABELS:
        return _DROP
    return _DROP_IF_RUNS_ON


def _external_links(a: Analysis, links: list[Evidence]) -> Iterator[_Result]:
    # tested once, not once per link: a text dense with links often holds no email
    in_email = _overlapping(a.emails, links) if a.emails else itertools.repeat(False)  # noqa: FBT003 - a value, repeated
    completion = a.kind in a.policy.parameters.members("order_completion_kinds")
    body = a.message.body
    # a text dense with links repeats them: each distinct one is judged once
    verdicts: dict[tuple[str, str, tuple[str, ...], bool], int] = {}
    for link, inside in zip(links, in_email):  # noqa: B905 - `repeat` is endless
        key = (link.host, link.value, link.disguises, link.explicit)
        verdict = verdicts.get(key)
        if verdict is None:
            if len(verdicts) >= _VERDICTS_LIMIT:
                verdicts.clear()
            verdict = verdicts[key] = _link_verdict(a, link, completion=completion)
        if verdict == _DROP:
            continue
        if inside:
            continue  # the domain of an email address (SP103), not a link of its own
        if verdict == _DROP_IF_RUNS_ON and (
            _RUNS_ON.match(body[link.end : link.end + 4])
            or _NAMED_DOT.search(body, link.start, link.end)
        ):
            continue
        yield link.start, link.end, body[link.start : link.end], link.disguises, None, ""


def _overlapping(spans: list[Evidence], found: list[Evidence]) -> Iterator[bool]:
    """Whether each of ``found`` overlaps one of ``spans``: `SpanSet.overlaps`, mapped in C."""
    ordered = sorted((e.start, e.end) for e in spans)
    firsts = list(map(FIRST, ordered))
    # the largest end among the spans that start before each index (-1 before the first)
    reach = [-1, *itertools.accumulate(map(SECOND, ordered), max)]
    ends = map(SECOND, found)
    return map(
        operator.gt,
        map(reach.__getitem__, map(bisect.bisect_left, itertools.repeat(firsts), ends)),
        map(FIRST, found),
    )


def amazon_link(a: Analysis) -> Iterator[Found]:
    yield from _counted(_amazon_links(a))


def _amazon_links(a: Analysis) -> Iterator[_Result]:
    amazon = a.policy.parameters.amazon_domains
    for link in page_links(a):
        # a bare 'Amazon.com' names the company; a link has a scheme, 'www.' or a path
        if link.explicit and _is_amazon(link.host, amazon):
            # the page itself, not an address in its query ('?u=/dp/...', '&u=/gp/help/')
            path = _QUERY.split(link.value, maxsplit=1)[0]
            product = _PRODUCT_PAGE.search(path)
            if _OWN_PAGE.search(link.value) is not None:
                severity, note = Severity.INFO, "a link to the buyer's own order or review page"
            elif _SERVICE_PAGE.search(path) is not None:
                severity, note = Severity.INFO, "a link to Amazon's help, returns or account pages"
            elif product is not None and _ordered_product(a, product[1]):
                severity, note = Severity.INFO, "a link to the page of the product ordered"
            elif product is not None and _named_product_page(a, link):
                severity, note = Severity.INFO, "a link the message calls the product's page"
            else:
                severity, note = None, ""
            yield (
                link.start,
                link.end,
                a.message.body[link.start : link.end],
                link.disguises,
                severity,
                note,
            )


def email_address(a: Analysis) -> Iterator[Found]:
    body = a.message.body
    yield from _counted(
        (e.start, e.end, body[e.start : e.end], e.disguises, None, "") for e in a.emails
    )


# Words that may stand between a carrier, manufacturer or warranty service and its number when
# the text gives the number as theirs: "call UPS at", "the manufacturer's warranty line is",
# "USPS can be reached at", "die DHL-Hotline erreichen Sie unter". Anything else between them
# ("If UPS hasn't delivered by Friday, call us on") means the number is not attributed to them.
_LINK_WORDS = frozenset(
    {
     "on", "at", "via", "is", "are", "was", "be", "can", "could", "may", "will", "reached",
     "contacted", "called", "dialled", "dialed", "ring", "call", "phone", "telephone", "tel", "no",
     "number", "numbers", "line", "lines", "hotline", "helpline", "support", "service", "services",
     "customer", "customers", "care", "desk", "team", "department", "dept", "centre", "center",
     "office", "uk", "directly", "direct", "free", "toll", "freephone", "the", "a", "an", "its",
     "their", "s", "warranty", "repair", "repairs", "reachable", "contactable", "contact",
     "helpdesk", "24", "7", "24h", "unter", "erreichen", "erreichbar", "sie", "ist", "die", "der",
     "das", "telefonisch", "nummer", "rufnummer", "kundenservice", "au", "est", "le", "la",
     "joignable", "numéro", "client", "clients", "de", "du", "al", "es", "en", "el",
     "número", "atención", "cliente", "teléfono", "è", "numero", "servizio", "il",
     # the line by what it answers: "Royal Mail's enquiry line is", "their claims team"
     "enquiry", "enquiries", "inquiry", "inquiries", "claims", "assistance",
     "technical", "tech", "après", "vente", "sav", "assistenza", "tecnica", "técnico",
     "servicio", "kundendienst",
     # the carrier calls or texts the buyer from its number ('the courier will call you from',
     # 'la contatterà dal numero', 'vous appellera depuis le', 'ruft Sie unter der Nummer ... an')
     "you", "from", "text", "texts", "calls", "contatterà", "chiamerà",
     "telefonerà", "dal", "vous", "appellera", "contactera", "depuis", "ruft", "meldet", "sich",
     "llamará", "desde", "del",
     # the line answers ('il servizio clienti di BRT risponde al numero ...')
     "risponde", "rispondono", "responde", "responden", "répond", "answers",
     "kundenhotline", "servicehotline", "kundenservice-hotline",
    }
)  # fmt: skip
_MAX_LINK_WORDS = 7
# what follows an owner's name when the number is theirs: 'Dreame è', 'Philips on', 'BRT al'
_NAME_THEN = frozenset(
    {"is", "on", "at", "è", "ist", "est", "es", "unter", "au", "al", "risponde", "answers"}
)
# the owner words a maker's name may follow ('del produttore Dreame è ...'): not 'warranty' or
# 'courier', after which a name is as likely the seller's ('For warranty: Dave is on ...')
_MAKER_WORDS = frozenset(
    {"manufacturer", "manufacturer's", "maker", "produttore", "hersteller", "herstellers",
     "fabricant", "fabricante"}
)  # fmt: skip
_CHANNELS = frozenset(
    {"whatsapp", "mobile", "cell", "handy", "portable", "móvil", "movil", "cellulare", "phone"}
)
_CALL = frozenset({"call", "ring", "phone", "contact", "text", "message", "write", "email"})
_THEIR = frozenset({"their", "they", "them", "ihre", "leur", "leurs"})
# a possessive of the seller's just before the owner word: "our warranty line", "my courier"
_SELF = frozenset(
    {
     "our", "ours", "my", "mine", "us", "we", "me", "i", "unser", "unsere", "unserer", "unseren",
     "unserem", "unseres", "mein", "meine", "meiner", "notre", "nos", "mon", "ma", "mes", "nuestro",
     "nuestra", "nuestros", "nuestras", "mi", "mis", "nostro", "nostra", "nostri", "nostre", "mio",
     "mia",
    }
)  # fmt: skip
# A clause that says where a carrier or maker gives its number ('the number they give on the
# warranty card is ...', 'eine eigene Hotline, die er in seiner Rückrufmeldung angibt: ...',
# 'Parcelforce's own customer line, which they print on their calling card, is ...'): a verb of
# `_PUBLISH` with a third party's pronoun within `_CLAUSE_REACH` words before it or in it, then
# only words that link it to the number. It attributes the number only in a sentence that names
# the carrier or maker and has none of the seller's words (`_published_line`).
_PUBLISH = frozenset(
    {
     "print", "prints", "printed", "give", "gives", "gave", "given", "list", "lists", "listed",
     "publish", "publishes", "published", "show", "shows", "shown", "state", "states", "stated",
     "quote", "quotes", "quoted", "display", "displays", "displayed", "provide", "provides",
     "provided", "angibt", "angeben", "angegeben", "nennt", "nennen", "genannt", "abgedruckt",
     "druckt", "drucken", "veröffentlicht", "indique", "indiquent", "indiqué", "indiquée",
     "imprime", "impriment", "imprimé", "donne", "donnent", "donné", "communique", "communiquent",
     "communiqué", "publie", "publient", "publié", "indica", "indican", "indicado", "impreso",
     "facilita", "facilitan", "facilitado", "publica", "publican", "publicado", "indicano",
     "indicato", "riporta", "riportano", "riportato", "stampato", "fornisce", "forniscono",
     "fornito", "pubblica", "pubblicano", "pubblicato",
    }
)  # fmt: skip
# 'they', 'their' and 'its' of a carrier or maker; 'er' and 'seiner' of 'der Hersteller' (not
# 'sie', which is the buyer's too, nor 'su' or 'sua'; `_THEIR` brings 'ihre')
_THIRD = _THEIR | frozenset(
    {"its", "er", "seiner", "seinem", "seinen", "seine", "ils", "elles", "ellos", "ellas", "loro"}
)
_CLAUSE_REACH = 5  # words before the verb its pronoun may stand ('die er in seiner ... angibt')
_CLAUSE_AFTER = 8  # words after the verb before the words that link it to the number
# the end of the sentence before a number's, and of its own after it
_SENTENCE_BREAK = regex.compile(r"[.!?](?=\s)|\n", regex.V1)
# opening hours, which are no one's words ('Mon-Fri' is not the French 'mon'): a day's name or
# its short form, a dash, another. Bounded: linear.
_DAY = (
    r"(?:mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?"
    r"|sun(?:day)?)"
)
_DAYS = regex.compile(rf"\b{_DAY}\s*[-\u2013]\s*{_DAY}\b", regex.V1)
# the seller's words in the number's sentence: 'our', 'call', 'WhatsApp', and the pronouns and
# contractions a seller speaks of itself with ('we'll pick up', 'da sind wir erreichbar', 'où
# nous répondons')
_OWN_SPOKEN = frozenset(
    {"we'll", "we're", "we've", "we'd", "i'm", "i'll", "i've", "i'd", "wir", "uns", "nous", "noi",
     "ci", "nosotros"}
)  # fmt: skip
_SELLERS_WORDS = _SELF | _CALL | _CHANNELS | _OWN_SPOKEN


def _publishes(context: str) -> bool:
    """Whether ``context`` ends with a `_PUBLISH` clause and words that link it to the number.

    A third party's pronoun (`_THIRD`) stands in the clause or within `_CLAUSE_REACH` words
    before its verb ('the number they print on the insert is', 'die er ... angibt:').
    """
    words = tokens(context)
    verb = next((k for k in range(len(words) - 1, -1, -1) if words[k][0] in _PUBLISH), None)
    if verb is None:
        return False
    last = min(len(words), verb + _CLAUSE_AFTER + 1)
    if not any(_linked(context[words[k][2] :]) for k in range(verb, last)):
        return False
    return not _THIRD.isdisjoint(w for w, _, _ in words[max(0, verb - _CLAUSE_REACH) : last])


def _published_line(a: Analysis, phone: Evidence) -> bool:
    """Whether the number's sentence gives it as a carrier's or maker's by where they publish it.

    The sentence names the carrier or maker ('Bosch also run their own warranty desk - the
    number they give on the warranty card is ...') or a company said to run the line that the
    message names elsewhere as a product's brand (`_runs_the_line`), has none of the seller's
    words before or after the number ('Our team ... the number they print on the invoice is
    ...', '..., 0161 ..., reaches our office', '... and we'll pick up') and the number is no
    mobile, as likely a person's of the seller. The clause is read in the number's own sentence.
    """
    if not _publishes(_last_sentence(phone.context)) or _is_mobile(phone):
        return False
    body = a.message.body
    sentence = _last_sentence(body[max(0, phone.start - _WIDER) : phone.start])
    after = body[phone.end : phone.end + _WIDER]
    end = _SENTENCE_BREAK.search(after)
    rest = after[: end.start()] if end else after
    said = _DAYS.sub(" ", f"{sentence} {rest}".lower())
    words = {w for w, _, _ in tokens(said)}
    if not words.isdisjoint(_SELLERS_WORDS):
        return False
    if any(h.vocab == "phone_owner" for h in a.scan(_POSSESSIVE.sub("  ", sentence))[1]):
        return True
    return _runs_the_line(a, sentence, phone.start - len(sentence))


def _last_sentence(text: str) -> str:
    """The end of ``text`` after its last `_SENTENCE_BREAK`: the sentence a number stands in."""
    breaks = list(_SENTENCE_BREAK.finditer(text))
    return text[breaks[-1].end() :] if breaks else text


# A company said to run or set up the line ('febi run a technical hotline for workshops', 'Hillside
# have set up a recall helpline'): the name just before the verb. Bounded: linear.
_RUNS_A_LINE = regex.compile(
    r"""(?x)(?P<name>\b[\w'&-]{2,40})\s+(?:also\s+)?
    (?:run|runs|operate|operates|have\s+set\s+up|has\s+set\s+up|offer|offers)\s+
    (?:a|an|their\s+own|its\s+own|a\s+dedicated)\s+(?:[\w-]{1,30}\s+){0,2}?
    (?:hotline|helpline|phone\s+line|support\s+line|service\s+line|desk|line)\b""",
    regex.V1 | regex.IGNORECASE,
)
# the words for the seller's own people and places, which may run a line too ('the team here
# offers a callback line', 'Sarah in dispatch runs a returns desk')
_OWN_PLACES = frozenset(
    {"team", "here", "staff", "office", "department", "warehouse", "dispatch", "shop", "store",
     "support", "service", "agents", "colleagues", "people", "everyone", "they"}
)  # fmt: skip
_NAMED_BEFORE = 3  # words before the company's other mention read for the seller's ('at', 'our')
_SHOP_OF = frozenset({"at", "from", "with", "chez", "bei", "von", "da", "di", "de"})


# what follows a brand's name: a model number or another capitalised word ('Febi 40841', 'Hillside
# Pet Foods'); and the words that may stand before it ('the Acme kettle', 'recall of Hillside')
_BRAND_AFTER = regex.compile(r"[ \t]{1,3}(?:\d|\p{Lu})", regex.V1)
# (not 'your': 'thank you for your Bloomhouse order' names the shop)
_DETERMINERS = frozenset(
    {"the", "a", "an", "by", "of", "le", "la", "les", "il", "lo", "der", "die", "das", "el",
     "los", "las", "du", "des", "del", "della", "dem", "den"}
)  # fmt: skip


def _runs_the_line(a: Analysis, sentence: str, offset: int) -> bool:
    """Whether ``sentence`` says a company runs the line, a company the message names elsewhere.

    The company's other mention names a product or its maker ('the Febi 40841 control arm',
    'the manufacturer ..., Hillside Pet Foods': a determiner before it, or a number or a
    capitalised word after it), is none of the words the message signs with, and no mention of
    it follows 'at', 'from', 'our' ('thanks for shopping at BrightHome'): else the name is as
    likely the seller's shop's or one of its people's ('Tom will sort it out. Tom runs ...'; the
    words before a mention read for it are `_SELF` and `_SHOP_OF`). ``offset`` is where
    ``sentence`` starts in the body: its own mentions do not count.
    """
    signed = a.once("desk message", _desk_message)[2]
    index = a.once("mentions", _mentions)
    end = offset + len(sentence)
    for m in _RUNS_A_LINE.finditer(sentence):
        name = m["name"].lower()
        # the name as the signature was read, normalised ('Home-Parts', look-alike letters)
        parts = {w for w, _, _ in tokens(normalize(name).text)}
        if (
            name in _OWN_PLACES
            or name in _SELF
            or name not in index
            or not parts.isdisjoint(signed)
        ):
            continue
        shop, brand = index[name]
        if not _outside(shop, offset, end) and _outside(brand, offset, end):
            return True
    return False


def _outside(starts: list[int], start: int, end: int) -> int:
    """How many of the sorted ``starts`` lie outside ``start:end``."""
    inside = bisect.bisect_left(starts, end) - bisect.bisect_left(starts, start)
    return len(starts) - inside


_WORD = regex.compile(r"[\w'&-]+", regex.V1)


def _mentions(a: Analysis) -> dict[str, tuple[list[int], list[int]]]:
    """Each word of the body (lower-cased): where it follows the seller's words, where a brand.

    One pass over the body, once per message: a text of many numbers asks of many names.
    """
    body = a.message.body
    words = list(_WORD.finditer(body))
    lowered = [w[0].lower() for w in words]
    index: dict[str, tuple[list[int], list[int]]] = {}
    for k, word in enumerate(words):
        shop, brand = index.setdefault(lowered[k], ([], []))
        before = lowered[max(0, k - _NAMED_BEFORE) : k]
        if not _SELF.isdisjoint(before) or not _SHOP_OF.isdisjoint(before):
            shop.append(word.start())
        elif word[0][0].isupper() and (
            _BRAND_AFTER.match(body, word.end()) is not None
            or (before and before[-1] in _DETERMINERS)
        ):
            brand.append(word.start())
    return index


_PAREN = regex.compile(r"\([^()]{0,40}\)", regex.V1)
# a name set off by commas just after the owner word: "the manufacturer, Philips, on ..."
_APPOSITION = regex.compile(r"^\s*,\s*[\w'&.-]+(?:\s+[\w'&.-]+)?\s*,", regex.V1)
_POSSESSIVE = regex.compile(r"'s\b", regex.V1)
_WIDER = 240  # characters before a number searched for the company 'their line' refers to


def _linked(tail: str, owner: str = "", links: frozenset[str] = _LINK_WORDS) -> bool:
    """Whether ``tail``, the text from an owner word to the number, only links the two."""
    apposition = _APPOSITION.match(tail)
    if apposition is not None:
        named = {w for w, _, _ in tokens(apposition.group())}
        if named & (_SELF | _CALL):
            return False  # "UPS, call us, on ...": the seller's own
        tail = tail[apposition.end() :]
    if any(_SELF & {w for w, _, _ in tokens(m.group())} for m in _PAREN.finditer(tail)):
        return False  # "Dave (our owner) is on ...": the seller's own, in brackets
    words = [w for w, _, _ in tokens(_PAREN.sub(" ", tail))]
    if (
        owner in _MAKER_WORDS
        and len(words) > 1
        and words[0] not in _LINK_WORDS
        and words[0] not in _SELF | _CALL | _CHANNELS
        and words[1] in _NAME_THEN
    ):
        # the owner's name right after the owner word, then a verb or preposition that gives
        # the number: "il numero verde del produttore Dreame è 800 ...", "the manufacturer
        # Philips on ..." ("Warranty questions? Call us on ..." names no one)
        words = words[1:]
    return len(words) <= _MAX_LINK_WORDS and all(w in links for w in words)


# A maker's national service desk, named by the brand and its country beside a word for the desk
# ('l'assistenza TORVIK Italia al numero verde ...', 'le service après-vente Bellacrema France
# répond au ...', 'el servicio técnico oficial de Bellacrema en España atiende en el ...',
# 'Bellacrema UK customer care on ...', 'TORVIK-Service Deutschland, Telefon ...'). Read in the
# original text: the brand is written with a capital, and in the second form it follows another
# word ('Dedicated UK support' opens a sentence; 'Brightshop UK Customer Service' a signature's
# line). Bounded: linear.
_COUNTRY = (
    r"(?:uk|deutschland|germany|france|españa|spain|italia|italy|usa|österreich|austria|schweiz"
    r"|suisse|svizzera|ireland|belgique|belgië|nederland|europe|europa)"
)
_BRAND = r"\p{Lu}[\w'&]{1,39}"
_NATIONAL_DESK = regex.compile(
    rf"""(?x)(?:
    (?i:\b(?:assistenza(?:\s+tecnica)?|service\s+apr[eè]s[\s-]vente|sav|servicio\s+t[eé]cnico
      (?:\s+oficial)?|servizio\s+clienti|service\s+client|kundendienst|numero\s+verde
      |num[ée]ro\s+vert)(?:\s+(?:de|di|del|della|du|des|von|dell'))?)
      (?:[ \t]{{1,3}}|(?<='))(?P<name>{_BRAND})[ \t]{{1,3}}(?i:(?:en[ \t]{{1,3}})?{_COUNTRY})\b
    | (?<=\p{{L}}[ \t]{{1,3}})(?P<name>{_BRAND})[ \t]{{1,3}}(?i:{_COUNTRY}[ \t]{{1,3}}
      (?:customer\s+(?:care|service|support)|service|support|kundendienst|kundenservice))\b
    | (?<![\w'&-])(?P<name>{_BRAND})-(?i:service[ \t]{{1,3}}{_COUNTRY})\b)""",
    regex.V1,
)
# A brand joined to its service desk ('Bellacrema-Kundendienst'): the maker's own only where the
# message names the maker (German writes every noun with a capital: 'Kunden-Service' too)
_SERVICE_COMPOUND = regex.compile(
    rf"(?<![\w'&-])(?P<name>{_BRAND})-(?i:kundendienst|kundenservice|service|hotline)\b",
    regex.V1,
)
_NOT_A_BRAND = frozenset(
    {"kunden", "service", "shop", "online", "reparatur", "garantie", "technik", "support", "team",
     "hotline", "kontakt", "zentral", "haupt"}
)  # fmt: skip
# the seller's own words just before a desk: 'our', 'notre', 'call us', 'rufen Sie uns an', and
# a sign-off's 'your' ('Ihr Kundendienst ...', 'votre service client ...'); a verb of calling
# alone names no one ('To make a claim, contact Bellacrema UK customer care on ...')
_OWN_BEFORE = _SELF | frozenset(
    {"uns", "nous", "wir", "noi", "ci", "nos", "llámenos", "llamenos", "chiamaci", "contattaci",
     "your", "ihr", "ihre", "ihren", "ihrem", "dein", "deine", "euer", "eure", "votre", "vos",
     "ton", "ta", "su", "sus", "tu", "vuestro", "vuestra", "vostro", "vostra", "tuo", "tua"}
)  # fmt: skip
# the maker named in the message (a warranty alone may be the seller's own promise)
_MAKER = (
    r"(?:hersteller\w{0,3}|manufacturer(?:'s)?|fabricant|constructeur|fabricante|produttore"
    r"|casa\s+madre)\b"
)
_MAKER_NAMED = regex.compile(_MAKER, regex.V1 | regex.IGNORECASE)
_WARRANTY_NAMED = regex.compile(
    r"\b(?:warranty|guarantee|garantie\w{0,6}|garanzia|garant[ií]a)\b", regex.V1 | regex.IGNORECASE
)
# What links a desk to its number besides the owners' link words: a toll-free line ('numero
# verde'), the desk that answers ('atiende en el'), or the word for telephone after a comma.
_DESK_LINKS = _LINK_WORDS | frozenset({"verde", "vert", "atiende", "atienden", "telefon"})


def _national_desks(a: Analysis, text: str) -> list[tuple[int, int]]:
    """The spans of the maker's service desks named in ``text`` (original case).

    In a message that speaks of the maker or the warranty, a desk named with its country, or a
    brand joined to its desk where the maker is named; and never a name the message's last lines
    sign with ('Cordiali saluti, Servizio Clienti CasaBella Italia, tel. ...', 'Many thanks, The
    Warmhouse UK support team'): that is the seller's own desk.
    """
    maker_or_warranty, maker, signed = a.once("desk message", _desk_message)
    if not maker_or_warranty:
        return []
    found = list(_NATIONAL_DESK.finditer(text))
    if maker:
        found += (
            m for m in _SERVICE_COMPOUND.finditer(text) if m["name"].lower() not in _NOT_A_BRAND
        )
    if not found:
        return []
    return [m.span() for m in found if not {w for w, _, _ in tokens(m["name"].lower())} & signed]


def _desk_message(a: Analysis) -> tuple[bool, bool, frozenset[str]]:
    """What `_national_desks` reads of the whole message, once per message.

    Whether it speaks of the maker or the warranty, whether it names the maker, and the words it
    signs with (a text of many numbers would otherwise read them once per number).
    """
    body = a.message.body
    maker = _MAKER_NAMED.search(body) is not None
    return (
        maker or _WARRANTY_NAMED.search(body) is not None,
        maker,
        frozenset(w for w, _, _ in tokens(_signature(a.norm.text))),
    )


_SIGNATURE_LINE = 70  # characters: a longer line is a paragraph, not a sign-off's
_SIGNATURE_LINES = 5


def _signature(text: str) -> str:
    """The message's last line and the short lines just before it: where its sender signs."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return ""
    block = [lines.pop()]
    while lines and len(block) < _SIGNATURE_LINES and len(lines[-1]) < _SIGNATURE_LINE:
        block.append(lines.pop())
    return " ".join(block)


def _context_words(a: Analysis, context: str) -> tuple[list[Hit], list[tuple[int, int]]]:
    """The owner words and the pronouns 'their' of a number's context, read once per context."""

    def read() -> tuple[list[Hit], list[tuple[int, int]]]:
        # "Royal Mail's line": the owner read without its possessive, at the same offsets
        owners = [h for h in a.lex.scan(_POSSESSIVE.sub("  ", context)) if h.vocab == "phone_owner"]
        pronouns = [(start, end) for w, start, end in tokens(context) if w in _THEIR]
        return owners, pronouns

    return a.memo("phone context:" + context, read)  # type: ignore[return-value]


def _attributed(a: Analysis, phone: Evidence) -> bool:
    """Whether the text gives the number as a carrier's, manufacturer's or warranty service's.

    §3, SP104: "call UPS on ...", "the manufacturer's warranty line is ..." are theirs;
    a number merely near such a word, or offered as the seller's own ("call us", "our
    warranty line", "my mobile"), is not.
    """
    attributed = _attributed_by_context(a, phone.context)
    if attributed is not None:
        return attributed
    # "FedEx has it at their depot. Their customer line is ...": 'their' must name an owner in
    # the text before it
    earlier = a.message.body[max(0, phone.start - _WIDER) : phone.start]
    return any(h.vocab == "phone_owner" for h in a.scan(earlier)[1])


def _attributed_by_context(a: Analysis, context: str) -> bool | None:
    """`_attributed` from the number's context alone; ``None`` if 'their' needs the text before."""
    owners, pronouns = _context_words(a, context)
    last_owner = max(owners, key=lambda h: h.end, default=None)
    last_pronoun = max(pronouns, default=None)
    if last_pronoun is not None and (last_owner is None or last_pronoun[1] > last_owner.end):
        return None if _linked(context[last_pronoun[1] :]) else False
    if last_owner is None or not _linked(
        context[last_owner.end :], context[last_owner.start : last_owner.end]
    ):
        return False
    before = [w for w, _, _ in tokens(context[: last_owner.start])][-2:]
    return not any(w in _SELF for w in before)


def phone_number(a: Analysis) -> Iterator[Found]:
    phones = a.phones
    if phones:
        yield from _counted(_phone_numbers(a, phones))


_THEIRS, _SELLERS, _NOT_A_PHONE, _ASK_EARLIER = 0, 1, 2, 3
"""What `_phone_numbers` makes of a number from its value and context alone."""
_PHONE_RESULTS: tuple[tuple[Severity | None, str], tuple[Severity | None, str]] = (
    (Severity.INFO, "a warranty, manufacturer or carrier number"),
    (None, ""),
)


def _phone_verdict(a: Analysis, phone: Evidence) -> int:
    if not_a_phone(phone):
        return _NOT_A_PHONE
    attributed = _attributed_by_context(a, phone.context)
    if attributed is None:
        return _ASK_EARLIER
    if attributed or _branch_line(a, phone) or _published_line(a, phone):
        return _THEIRS
    return _SELLERS


# A mobile number in the five marketplaces' plans, by its digits (the country code or the
# trunk '0' first): a maker's national service line is not a mobile, a seller's own may be.
_MOBILE = regex.compile(
    r"""(?x)^(?:(?:00)?44)?0?7\d{9}$|^(?:(?:00)?49)?0?1[567]\d{7,10}$|^(?:(?:00)?33)?0?[67]\d{8}$
    |^(?:(?:00)?34)?[67]\d{8}$|^(?:(?:00)?39)?3\d{8,9}$|^(?:(?:00)?43)?0?6\d{8,11}$
    |^(?:(?:00)?41)?0?7[5-9]\d{7}$|^(?:(?:00)?353)?0?8[35-9]\d{7}$|^(?:(?:00)?32)?0?4[5-9]\d{7}$
    |^(?:(?:00)?31)?0?6\d{8}$""",
    regex.V1,
)


def _is_mobile(phone: Evidence) -> bool:
    """Whether the number is a mobile of one of the five marketplaces' plans (`_MOBILE`)."""
    return _MOBILE.match("".join(filter(str.isdigit, phone.value))) is not None


_DESK_REACH = 120  # characters before a number read for a maker's desk


def _branch_line(a: Analysis, phone: Evidence) -> bool:
    """Whether a maker's own service desk, named by its brand, gives the number (no mobile).

    The desk named with the brand's country ('l'assistenza TORVIK Italia al numero verde 800
    ...', 'Bellacrema UK customer care on 0344 ...'), or the brand joined to it
    ('Bellacrema-Kundendienst ist unter 0800 ...') in a message that names the maker. A mobile
    is as likely the seller's own line, and so is a desk after 'our', 'us' or 'your' ('Call us
    any time. Brightshop UK customer care on ...', 'Ihr Kundendienst Lampenwelt Deutschland').
    """
    if _is_mobile(phone):
        return False
    # the desk's name may start further back than the number's context ('el servicio técnico
    # oficial de Bellacrema en España atiende en el ...'): the original text before it is read
    context = a.message.body[max(0, phone.start - _DESK_REACH) : phone.start]
    desks = _national_desks(a, context)
    if not desks:
        return False
    start, end = max(desks, key=SECOND)
    # the three words before the desk, across a comma ('Call us any time, Brightshop UK customer
    # care on ...'): 'If there is a fault with your unit, Bellacrema UK ...' stays an error, the
    # price of it
    before = [w.lower() for w, _, _ in tokens(context[:start])][-3:]
    return _linked(context[end:].lower(), links=_DESK_LINKS) and not any(
        w in _OWN_BEFORE for w in before
    )


def _phone_numbers(a: Analysis, phones: list[Evidence]) -> Iterator[_Result]:
    body = a.message.body
    # A text dense with numbers repeats them and the words before them: each distinct number
    # and context is judged once, unless 'their' sends the judgement to the text before.
    verdicts: dict[tuple[str, str], int] = {}
    for phone in phones:
        key = (phone.value, phone.context)
        verdict = verdicts.get(key)
        if verdict is None:
            if len(verdicts) >= _VERDICTS_LIMIT:
                verdicts.clear()
            verdict = verdicts[key] = _phone_verdict(a, phone)
        if verdict == _NOT_A_PHONE:
            continue
        if verdict == _ASK_EARLIER:
            verdict = _THEIRS if _attributed(a, phone) else _SELLERS
        severity, note = _PHONE_RESULTS[verdict]
        yield phone.start, phone.end, body[phone.start : phone.end], phone.disguises, severity, note


def _image_links(att: Attachment) -> list[Evidence]:
    return find_links(normalize(name_words(att)))


# A language tag at the end of a document's name: 'Bedienungsanleitung.de.pdf', 'manual_en.fr.pdf'
_LANGUAGE_TAGGED = regex.compile(r"^(?P<name>[^\s]+)\.[a-z]{2}$", regex.V1)
_LANGUAGE = regex.compile(r"^[a-z]{2}$", regex.V1)


def _language_tagged(link: Evidence) -> bool:
    """Whether a document's 'address' is its name and a language tag ('anleitung.de').

    The name before the tag names a document or is a language itself; 'www.' or a shop's
    name ('oakandlinen.co.uk') keeps it an address.
    """
    tagged = _LANGUAGE_TAGGED.match(link.value)
    if tagged is None or link.value.startswith("www."):
        return False
    # the last word before the tag says what the file is: 'user-guide.fr', 'manual_en.fr', not
    # a shop's name that holds a document word ('holzpflege-kraus.de')
    last = regex.split(r"[-_]", tagged.group("name"))[-1]
    return bool(_LANGUAGE.match(last)) or names_document(last)


def _shown_address(a: Analysis, att: Attachment, *, documents: bool = False) -> str:
    links = [
        link
        for link in _image_links(att)
        if not _is_amazon(link.host, a.policy.parameters.amazon_domains)
        and link.host.rsplit(".", 1)[-1] not in IMAGE_EXT
        and not (documents and _language_tagged(link))
    ]
    return links[0].value if links else ""


def logo_with_web_address(a: Analysis) -> Iterator[Found]:
    """SP120's images, read once per message: SP204 asks for them too (`product_image`)."""
    return iter(a.once("images showing an address", lambda b: list(_images_showing_address(b))))


def _images_showing_address(a: Analysis) -> Iterator[Found]:
    for i, att in enumerate(a.message.attachments):
        if is_image(att) and (shown := _shown_address(a, att)):
            yield Found(field=f"attachments[{i}]", evidence=shown)
    # an inline <img>: its file name (the end of its src) and its alt text are what it shows
    shows: dict[tuple[str, str | None], bool] = {}  # templates repeat images: judge each once
    captions = (
        _captions(a.html.tags)
        if a.html is not None and "figcaption" in a.message.body.lower()
        else {}
    )
    for img in a.html.images if a.html is not None else ():
        src = "" if (img.src or "").startswith("data:") else (img.src or "")
        name = src.split("?")[0].rsplit("/", 1)[-1] or "image"
        address = shows.get((name, img.alt))
        if address is None:
            attachment = Attachment(file_name=name, alt_text=img.alt)
            address = shows[name, img.alt] = bool(_shown_address(a, attachment))
        if address:
            yield Found(img.start, img.end, a.message.body[img.start : img.end])
        elif (caption := captions.get(img.start)) is not None:
            # the caption shown under it (<figcaption> in its <figure>) is the image's text too
            text = _TAG.sub(" ", a.message.body[caption[0] : caption[1]])
            if _shown_address(a, Attachment(file_name=name, alt_text=html_unescape(text))):
                yield Found(img.start, img.end, a.message.body[img.start : img.end])


# a tag inside a caption, read as a space (bounded: linear)
_TAG = regex.compile(r"<[^<>]{0,2000}>", regex.V1)


def _captions(tags: Iterable[tuple[str, int, int]]) -> dict[int, tuple[int, int]]:
    """The caption of each image in a ``<figure>``: ``{image tag's start: caption's span}``.

    The caption's span is the text between ``<figcaption>`` and ``</figcaption>``.
    """
    out: dict[int, tuple[int, int]] = {}
    figures: list[tuple[list[int], list[tuple[int, int]]]] = []  # open figures: images, captions
    caption_start: int | None = None
    for name, start, end in tags:
        if name == "figure":
            figures.append(([], []))
        elif name in {"img", "image"} and figures:
            figures[-1][0].append(start)
        elif name == "figcaption":
            caption_start = end
        elif name == "/figcaption" and caption_start is not None and figures:
            figures[-1][1].append((caption_start, start))
            caption_start = None
        elif name == "/figure" and figures:
            images, found = figures.pop()
            if found:
                out.update(dict.fromkeys(images, (found[0][0], found[-1][1])))
    return out
