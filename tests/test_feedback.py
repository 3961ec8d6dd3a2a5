import datetime as dt
import decimal
import itertools

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import sellerpolicy
from sellerpolicy import Code, Edition, Feedback, FeedbackClass, Order, Policy, Severity, Shipment
from sellerpolicy._rules import feedback as fb
from sellerpolicy._rules.data import family_docs, lexicon
from sellerpolicy._time import Duration
from sellerpolicy.exceptions import InputTooLargeError, InvalidTypeError, InvalidValueError

from . import strategies as s

UTC = dt.UTC
US = "ATVPDKIKX0DER"
DE = "A1PA6795UKMFR9"
PURCHASED = dt.datetime(2026, 1, 5, 18, 0, tzinfo=UTC)
LATEST = PURCHASED + dt.timedelta(days=7)
LEFT = dt.datetime(2026, 1, 20, 17, 30, tzinfo=UTC)
NOW = dt.datetime(2026, 3, 1, tzinfo=UTC)
ORDER_ID = "113-1234567-1234567"
CURRENT, SEED = Policy.current(), Policy.seed()
POLICIES = {"current": CURRENT, "seed": SEED}


def feedback(comment: str, rating: int = 1, **kwargs) -> Feedback:
    return Feedback(
        order_id=kwargs.pop("order_id", ORDER_ID),
        rating=rating,
        left_at=kwargs.pop("left_at", LEFT),
        comment=comment,
        **kwargs,
    )


def order(channel: str = "MFN", *, buy_shipping_on_time: bool = False, **kwargs) -> Order:
    shipments = ()
    if channel == "MFN":
        shipments = (
            Shipment(
                carrier="UPS",
                shipped_at=PURCHASED + dt.timedelta(days=1),
                delivered_at=LATEST - dt.timedelta(days=1),
                buy_shipping=buy_shipping_on_time,
            ),
        )
    values = {
        "order_id": ORDER_ID,
        "marketplace_id": US,
        "purchased_at": PURCHASED,
        "fulfillment_channel": channel,
        "latest_delivery": LATEST,
        "shipments": shipments,
    }
    values.update(kwargs)
    return Order(**values)


def grounds(report: fb.FeedbackReport) -> set[str]:
    return {c.value for c in report.codes if c in fb.FEEDBACK_CODES}


class TestRuleExamples:
    @pytest.mark.parametrize("code", fb.FEEDBACK_CODES, ids=str)
    def test_bad_example_fires(self, code):
        """Each rule's documented bad example is reported by that rule."""
        assert fb.flags(code, "bad")

    @pytest.mark.parametrize("code", fb.FEEDBACK_CODES, ids=str)
    def test_good_example_is_clean(self, code):
        """Each rule's documented good example is not reported by that rule."""
        assert not fb.flags(code, "good")

    def test_every_code_documented(self):
        """The docs data has what, why, examples and a message with {detail} for every code."""
        docs = family_docs("feedback.toml")

        assert set(fb.FEEDBACK_CODES) == set(docs)
        allowed = {"comment", "rating", "channel", "buy_shipping_on_time", "edition"}
        for doc in docs.values():
            assert doc.what and doc.why and doc.bad and doc.good and "{detail}" in doc.message
            for example in (doc.bad_example, doc.good_example):
                assert {"comment", "rating"} <= set(example) <= allowed

    def test_family_codes_are_the_rule_tables(self):
        """The module's codes are exactly the feedback family of the rule table."""
        family = {
            c
            for c, info in sellerpolicy.RULES.items()
            if info.family is sellerpolicy.Family.FEEDBACK
        }

        assert family == set(fb.FEEDBACK_CODES)


# (comment, rating, channel, Buy Shipping on time, current grounds, seed grounds)
CASES = [
    # SP301: an FBA order, the whole comment about the delivery (current) / fulfilment or service
    ("CAME A WEEK LATE!!!!", 1, "AFN", False, {"SP301"}, {"SP301"}),
    ("driver threw the box over my gate", 1, "AFN", False, {"SP301"}, {"SP301"}),
    ("Paket beim Nachbarn abgegeben ohne Benachrichtigung", 2, "AFN", False, {"SP301"}, {"SP301"}),
    ("box arrived crushed", 2, "AFN", False, {"SP301"}, {"SP301"}),
    ("box arrived crushed", 2, "MFN", False, set(), set()),
    ("late delivery, and the food was expired", 1, "AFN", False, set(), set()),
    ("late delivery AND the seller ignored my emails", 1, "AFN", False, set(), {"SP301"}),
    ("seller never replied to any of my messages", 2, "AFN", False, set(), {"SP301"}),
    ("service client injoignable", 1, "AFN", False, set(), {"SP301"}),
    ("overpriced and came 3 days late", 2, "AFN", False, set(), {"SP305"}),
    ("the driver was lovely but the box was half empty", 2, "AFN", False, set(), set()),
    # the item only what a return was about: the service (seed); the seller praised as such
    ("returned the item 3 weeks ago and still no refund", 1, "AFN", False, set(), {"SP301"}),
    ("excellent seller fast shipping thank you", 1, "AFN", False, {"SP310"}, {"SP310"}),
    # SP302: the whole comment about the product
    ("bluetooth keeps dropping every few minutes", 1, "AFN", False, {"SP302"}, {"SP302"}),
    ("comfy hoodie, super soft inside", 4, "MFN", False, {"SP302"}, {"SP302"}),
    ("si è rotto dopo due giorni di utilizzo", 1, "MFN", False, {"SP302"}, {"SP302"}),
    ("goggles fog up constantly", 2, "MFN", False, {"SP302"}, {"SP302"}),
    ("Farbe ganz anders als auf dem Foto", 2, "MFN", False, {"SP302"}, {"SP302"}),
    ("jacket is nice but the seller took 12 days to ship it", 3, "MFN", False, set(), set()),
    ("arrived broken", 1, "MFN", False, set(), set()),
    ("as described", 4, "MFN", False, set(), set()),
    # SP303: profanity, masked too; never mild words, never inside another word
    ("the seller is a complete b!tch about returns", 1, "MFN", False, {"SP303"}, {"SP303"}),
    ("F U C K this seller", 1, "MFN", False, {"SP303"}, {"SP303"}),
    ("the seller is full of s.h.i.t", 1, "MFN", False, {"SP303"}, {"SP303"}),
    ("Verdammte Sch***e, zweimal falscher Artikel", 1, "MFN", False, {"SP303"}, {"SP303"}),
    ("una m13rda de servicio", 1, "MFN", False, {"SP303"}, {"SP303"}),
    ("crap seller, wrong item twice", 1, "MFN", False, set(), set()),
    ("this seller sucks, no replies at all", 1, "MFN", False, set(), set()),
    ("shipped from Scunthorpe, wrong item and no reply", 1, "MFN", False, set(), set()),
    ("ordered the cocktail shaker set, seller sent one shaker", 1, "MFN", False, set(), set()),
    ("the Dickens box set was missing volume 3, seller shrugged", 2, "MFN", False, set(), set()),
    # SP304: email, phone, full name, street address; not order ids, tracking or first names
    ("mailed jay.patel.77@gmail.com, no answer", 1, "MFN", False, {"SP304"}, {"SP304"}),
    # the buyer's own address is not seller-specific (current)
    ("email me: jay.patel.77@gmail.com, no answer", 1, "MFN", False, set(), {"SP304"}),
    ("mi email es laura.g@hotmail.com, no llegó", 1, "MFN", False, set(), {"SP304"}),
    ("my number is 917-555-0143, no answer", 1, "MFN", False, {"SP304"}, {"SP304"}),
    ("call (415) 555-0198 before you buy", 1, "MFN", False, {"SP304"}, {"SP304"}),
    ("llamé al 612 345 678 mil veces", 1, "MFN", False, {"SP304"}, {"SP304"}),
    ("seller is Daniel Okafor, avoid him", 1, "MFN", False, {"SP304"}, {"SP304"}),
    ("Frau Sabine Müller hat sich super gekümmert", 5, "MFN", False, {"SP304"}, {"SP304"}),
    ("shipped to 77 Harbor View Rd instead of my address", 1, "MFN", False, {"SP304"}, {"SP304"}),
    ("renvoyé au 12 rue des Lilas et pas remboursé", 1, "MFN", False, {"SP304"}, {"SP304"}),
    ("order 113-1234567-1234567 still not refunded", 1, "MFN", False, set(), set()),
    ("tracking 1Z999AA10123456784 never moved, seller wont answer", 1, "MFN", False, set(), set()),
    ("thanks Maria for the quick replies!", 5, "MFN", False, set(), set()),
    # SP305 (seed only): a price complaint; 'cheap' is quality, praise of the price is no complaint
    ("too expensive for what it is", 2, "MFN", False, set(), {"SP305"}),
    ("the shipping fee was outrageous", 2, "MFN", False, set(), {"SP305"}),
    ("not worth the money", 2, "MFN", False, set(), {"SP305"}),
    ("good price and quick delivery", 5, "MFN", False, set(), set()),
    ("CHEAP PLASTIC, SNAPPED IN HALF", 1, "AFN", False, {"SP302"}, {"SP302"}),
    # SP306 (current only): MFN, Buy Shipping delivered on time, late or missing only
    ("arrived 5 days after the estimated date", 2, "MFN", True, {"SP306"}, set()),
    ("never recieved it", 1, "MFN", True, {"SP306"}, set()),
    ("needed it by friday, got it the next thursday", 2, "MFN", True, {"SP306"}, set()),
    # sent back before it arrived, an empty mailbox, a parcel that vanished, the carrier's
    # warehouse and the carrier named 'Royal Mail' are the delivery, no service or seller
    ("locker code never sent, package returned to sender", 1, "MFN", True, {"SP306"}, set()),
    ("Paket ging zurück an den Absender", 1, "MFN", True, {"SP306"}, set()),
    ("USPS says delivered, mailbox empty. nothing.", 1, "MFN", True, {"SP306"}, set()),
    ("out for delivery for 4 days then it vanished", 1, "MFN", True, {"SP306"}, set()),
    ("never got it. must be sitting in some UPS warehouse", 1, "MFN", True, {"SP306"}, set()),
    ("Royal Mail lost it. Second time this month.", 1, "MFN", True, {"SP306"}, set()),
    # the seller blamed in the words that would clear them: the seller's part, not Buy Shipping's
    ("El vendedor no lo envió a tiempo y llegó una semana tarde.", 1, "MFN", True, set(), set()),
    (
        "The seller didn't buy the label on time, so it arrived a week late.",
        1,
        "MFN",
        True,
        set(),
        set(),
    ),
    # a noisy fan beside a kind seller is the product too: not wholly the service (seed SP301)
    (
        "Il ventilatore è rumorosissimo, però il venditore è stato gentile e ha rimborsato subito",
        3,
        "AFN",
        False,
        set(),
        set(),
    ),
    # a star left by mistake, a town's name, the courier at the wrong door with the item intact
    (
        "Hi, I left 1 star by mistake, everything was perfect!",
        1,
        "MFN",
        False,
        {"SP310"},
        {"SP310"},
    ),
    ("Livré à Bitche en avance, emballage impeccable. Merci !", 5, "MFN", False, set(), set()),
    (
        "Consegna in ritardo di 5 giorni, il corriere ha lasciato il pacco al portiere sbagliato.",
        2,
        "AFN",
        False,
        {"SP301"},
        {"SP301"},
    ),
    # the seller cleared in their own words, the carrier's sorting or depot the delay
    (
        "Paket kam 5 Tage zu spät, DHL hat es zweimal falsch sortiert",
        2,
        "MFN",
        True,
        {"SP306"},
        set(),
    ),
    (
        "Sendung hing 8 Tage im Paketzentrum fest, Verkäufer hat am selben Tag verschickt",
        2,
        "MFN",
        True,
        {"SP306"},
        set(),
    ),
    (
        "Llegó 5 días tarde, el vendedor lo envió a tiempo pero Correos lo perdió",
        2,
        "MFN",
        True,
        {"SP306"},
        set(),
    ),
    ("the seller vanished after I paid", 1, "MFN", True, set(), set()),
    ("box arrived empty", 1, "MFN", True, set(), set()),
    ("box came crushed, contents ok luckily", 3, "AFN", False, {"SP301"}, {"SP301"}),
    ("box came crushed, contents broken", 1, "AFN", False, set(), set()),
    # feedback_ah: the item itself named unharmed beside the parcel's damage; the seller cleared
    # on an FBA order as on a Buy Shipping one; the seller's missing apology is a service
    (
        "Box was dented but the lamp inside was fine. Fast enough.",
        3,
        "AFN",
        False,
        {"SP301"},
        {"SP301"},
    ),
    ("Carton abîmé mais la table de chevet est intacte.", 3, "AFN", False, {"SP301"}, {"SP301"}),
    ("The lamp was fine but it flickers, box dented.", 2, "AFN", False, set(), set()),
    # ... but only beside a damaged parcel, and not as a verdict on the item (review)
    ("Nice packaging. The lamp was fine, nothing special.", 3, "AFN", False, set(), set()),
    # feedback_ai: the item named and judged, or holed or knocked, beside the parcel is a part
    # about the product; 'schnell da' is the delivery
    ("Paket kam einen Tag früher, die Hanteln sind super", 5, "AFN", False, set(), set()),
    ("Arrived two days early and the kettlebell is great", 5, "AFN", False, set(), set()),
    ("La caja llegó aplastada y una mancuerna con un golpe", 2, "AFN", False, set(), set()),
    ("Il pacco è arrivato puntuale ma il tappetino era bucato", 1, "AFN", False, set(), set()),
    ("Super schnell da!", 5, "AFN", False, {"SP301"}, {"SP301"}),
    ("Box was dented. The lamp was ok for the price.", 3, "AFN", False, set(), set()),
    ("Amazon lost my parcel, seller not to blame", 3, "AFN", False, {"SP301"}, {"SP301"}),
    (
        "Took 2 weeks to arrive, and the seller never even said sorry",
        2,
        "AFN",
        False,
        set(),
        {"SP301"},
    ),
    ("Preis wurde eine Woche nach dem Kauf gesenkt, ärgerlich.", 2, "MFN", False, set(), {"SP305"}),
    # the item named only to say it came through unharmed, the courier's knock and doorbell,
    # a pick-up point, the tracking that did not work: the delivery; the seller named as the
    # one who delivered late is still Amazon's fulfilment, what the seller said is a service
    (
        "Box crushed and soaking wet, item inside undamaged tho",
        2,
        "AFN",
        False,
        {"SP301"},
        {"SP301"},
    ),
    (
        "left in the rain, no knock no ring. cardboard falling apart",
        2,
        "AFN",
        False,
        {"SP301"},
        {"SP301"},
    ),
    ("Went to a pickup point I never chose, 3 km away.", 2, "AFN", False, {"SP301"}, {"SP301"}),
    (
        "Lieferung kam 5 Tage zu spät, Sendungsverfolgung hat nie funktioniert.",
        1,
        "AFN",
        False,
        {"SP301"},
        {"SP301"},
    ),
    ("Seller took forever, it didn't arrive till the 14th", 1, "AFN", False, {"SP301"}, {"SP301"}),
    (
        "Late, and the seller told me delivery isn't their problem.",
        1,
        "AFN",
        False,
        set(),
        {"SP301"},
    ),
    ("Seller was slow to respond", 2, "AFN", False, set(), {"SP301"}),
    # never received without a verb, a parcel not scanned for days: a late or missing delivery
    ("Commande jamais reçue.", 1, "MFN", True, {"SP306"}, set()),
    ("Label created on time but USPS didn't scan it for 5 days", 2, "MFN", True, {"SP306"}, set()),
    # a screen that responds slowly is the product, not a service
    (
        "Der Akku hält kaum einen Tag, und das Display reagiert träge.",
        2,
        "AFN",
        False,
        {"SP302"},
        {"SP302"},
    ),
    # receiving after three weeks, a broken item sent: the delivery and the item's condition,
    # not the product; a line that rings forever is a service
    (
        "Putain, trois semaines pour recevoir un câble USB !",
        1,
        "MFN",
        True,
        {"SP303", "SP306"},
        {"SP303"},
    ),
    ("Bande d'enculés, ils m'ont envoyé un article cassé.", 1, "MFN", False, {"SP303"}, {"SP303"}),
    ("Their customer line (800) 555-0134 rings forever.", 1, "MFN", False, {"SP304"}, {"SP304"}),
    # a carrier named earlier does not make the buyer's own number its line
    (
        "Terrible seller. Bought it on Amazon, call me on 0176 12345678 and I will tell you.",
        1,
        "MFN",
        False,
        {"SP304"},
        {"SP304"},
    ),
    # a carrier's public hotline is no one's personal information
    (
        "Parcel stuck for a week, DHL hotline 0228 4333 112 was more helpful than the seller.",
        2,
        "MFN",
        False,
        set(),
        set(),
    ),
    (
        "UPS said call 1-800-742-5877, seller said call UPS. Nobody helps.",
        1,
        "MFN",
        False,
        set(),
        set(),
    ),
    # a carrier named earlier in the number's sentence, the number not given as the buyer's own
    (
        "fedex guy was rude, called fedex on 1-800-463-3339 and they hung up on me",
        1,
        "MFN",
        False,
        set(),
        set(),
    ),
    (
        "consegna in ritardo, il numero brt 011 397 5111 non risponde mai",
        1,
        "MFN",
        False,
        set(),
        set(),
    ),
    (
        "livreur chronopost très impoli, appelé le 09 69 39 13 91 pour rien",
        1,
        "MFN",
        False,
        set(),
        set(),
    ),
    # the buyer's own number beside a carrier: a verb with 'me' joined, or 'mon portable' after
    (
        "Il corriere SDA ha lasciato il pacco al vicino; chiamatemi al 333 1234567 per favore.",
        1,
        "MFN",
        False,
        {"SP304"},
        {"SP304"},
    ),
    (
        "Colis La Poste perdu, rappelez au 06 12 34 56 78 svp c'est mon portable.",
        1,
        "MFN",
        False,
        {"SP304"},
        {"SP304"},
    ),
    # Amazon named in the sentence is no carrier whose line the number would be
    (
        "Ordered via Amazon, the seller's whatsapp 07700 900123 was in the box asking for stars.",
        1,
        "MFN",
        False,
        {"SP304"},
        {"SP304"},
    ),
    (
        "DHL lost it twice. My number is 0176 12345678 if the seller cares.",
        1,
        "MFN",
        False,
        {"SP304"},
        {"SP304"},
    ),
    # the wrong building is where the courier left it, not a wrong item
    ("Courier left it in the wrong building's lobby.", 2, "AFN", False, {"SP301"}, {"SP301"}),
    # a French abbreviation of a swear word; a town named like one
    ("ptn de vendeur, remboursement toujours pas fait", 1, "MFN", False, {"SP303"}, {"SP303"}),
    (
        "Spedito da Troia (FG), arrivato in tre giorni, venditore serio.",
        5,
        "MFN",
        False,
        set(),
        set(),
    ),
    # praise of the item in daily use under one star: a confused rating
    (
        "Love it!! My daughter uses it every day.",
        1,
        "AFN",
        False,
        {"SP302", "SP310"},
        {"SP302", "SP310"},
    ),
    # contents said intact in French, German, Italian; an item broken or dented inside the
    # box is its condition, not the delivery
    (
        "Carton éventré à l'arrivée, heureusement le contenu est intact",
        3,
        "AFN",
        False,
        {"SP301"},
        {"SP301"},
    ),
    (
        "Karton völlig zerdrückt angekommen, Inhalt zum Glück heil",
        3,
        "AFN",
        False,
        {"SP301"},
        {"SP301"},
    ),
    ("Emballage insuffisant, le vase est arrivé en morceaux", 1, "AFN", False, set(), set()),
    ("Verpackung aufgerissen, Glas im Karton zerbrochen.", 1, "AFN", False, set(), set()),
    # the price dropped after the purchase (seed's pricing ground)
    (
        "Zwei Tage nach dem Kauf war der Preis 15 Euro niedriger. Ärgerlich.",
        2,
        "MFN",
        False,
        set(),
        {"SP305"},
    ),
    # a hyphenated first name is a full name
    (
        "Le gérant, Jean-Pierre Lefèvre, m'a raccroché au nez.",
        1,
        "MFN",
        False,
        {"SP304"},
        {"SP304"},
    ),
    # the parcel tossed loose, sitting in a warehouse, a dented shipping carton: the delivery; a
    # misleading listing, a price, an item not yet tried: more than the delivery; shipping
    # supplies bought are the product
    ("packed terribly, tossed loose in a huge box", 2, "AFN", False, {"SP301"}, {"SP301"}),
    ("Package sat in a warehouse for 9 days per tracking", 1, "AFN", False, {"SP301"}, {"SP301"}),
    ("Versandkarton war total eingedrückt", 2, "AFN", False, {"SP301"}, {"SP301"}),
    ("spedizione lenta e l'annuncio è ingannevole", 1, "AFN", False, set(), set()),
    ("Lieferung langsam, Artikelbeschreibung stimmt nicht", 2, "AFN", False, set(), set()),
    ("caro y encima llegó tarde", 2, "AFN", False, set(), {"SP305"}),
    ("delivery took ages, havent tried it yet", 2, "AFN", False, set(), set()),
    ("Versandtaschen reißen sofort, viel zu dünn", 2, "AFN", False, {"SP302"}, {"SP302"}),
    # an invoice asked for, a handwritten note, a part or a quantity short, a retail box promised:
    # the seller's part; a double charge is billing, not a price; a name after 'delivery guy'
    ("Ware ok, aber Rechnung musste ich dreimal anfordern", 3, "MFN", False, set(), set()),
    (
        "Came with a handwritten thank you note, so sweet! Item perfect",
        5,
        "MFN",
        False,
        set(),
        set(),
    ),
    ("Verpackung war schon geöffnet und es fehlte das Ladekabel", 2, "AFN", False, set(), set()),
    ("They sent 2 instead of 4 pieces. Still waiting for the rest", 3, "MFN", True, set(), set()),
    ("Genial, me cobraron dos veces. Muy profesional todo", 1, "MFN", False, set(), set()),
    ("Im Laden 10 € billiger. Ansonsten ok", 3, "MFN", False, set(), {"SP305"}),
    (
        "delivery guy Mark Henderson said he dropped it off, he did NOT. nothing here",
        1,
        "MFN",
        True,
        {"SP304", "SP306"},
        {"SP304"},
    ),
    ("arrived 5 days after the estimated date", 2, "MFN", False, set(), set()),
    ("box crushed, corner torn open", 2, "MFN", True, set(), set()),
    ("late and the seller didnt reply when i asked where it was", 1, "MFN", True, set(), set()),
    # SP310: positive words with 1-2 stars; not sarcasm, negation or mixed comments
    ("great seller, fast shipping, thanks!", 1, "MFN", False, {"SP310"}, {"SP310"}),
    ("everything was perfect :)", 1, "MFN", False, {"SP310"}, {"SP310"}),
    ("tutto perfetto, grazie mille", 2, "MFN", False, {"SP310"}, {"SP310"}),
    ("great seller, fast shipping", 3, "MFN", False, set(), set()),
    ("oh great, another broken one. thanks a lot seller", 1, "MFN", False, set(), set()),
    ("not good", 1, "MFN", False, set(), set()),
    ("great... NOT", 1, "MFN", False, set(), set()),
    ("great product terrible seller", 2, "MFN", False, set(), set()),
    ("fantastico, ordinato rosso e arrivato verde. complimenti", 1, "MFN", False, set(), set()),
    # praise first outweighs a small complaint: hedged, the price alone, or a defect put right
    ("lovely seller, a bit slow to post", 1, "MFN", False, {"SP310"}, {"SP310"}),
    ("lovely seller, far too slow to post", 1, "MFN", False, set(), set()),
    ("nice seller but too pricey", 1, "MFN", False, {"SP310"}, {"SP305", "SP310"}),
    ("too pricey, nice seller though", 1, "MFN", False, set(), {"SP305"}),
    ("thanks for the refund, it arrived broken", 2, "MFN", False, {"SP310"}, {"SP310"}),
    ("thanks for the reply, it arrived broken", 2, "MFN", False, set(), set()),
    ("great seller, a bit rude on the phone", 1, "MFN", False, set(), set()),
    # a brand, author or shop name is no person; a no-reply or Amazon address is nobody's (current)
    ("the Nigella Lawson cookbook had loose pages", 2, "MFN", False, {"SP302"}, {"SP302"}),
    ("Vera Wang dress runs small", 1, "MFN", False, {"SP302"}, {"SP302"}),
    ("the seller Vera Wang never answered", 1, "MFN", False, {"SP304"}, {"SP304"}),
    ("John Grisham 2019 paperback, the print is tiny", 2, "MFN", False, {"SP302"}, {"SP302"}),
    ("told Jessica Moore my order was wrong, she laughed", 1, "MFN", False, {"SP304"}, {"SP304"}),
    ("bought from ShopKing9, wrong colour sent", 1, "MFN", False, set(), set()),
    (
        "no-reply@amazon.de says delivered but no parcel",
        1,
        "AFN",
        False,
        {"SP301"},
        {"SP301", "SP304"},
    ),
    # praise of the item or the price beside the delivery; Amazon's customer service (seed)
    ("quick delivery and just what I needed", 5, "AFN", False, set(), set()),
    ("arrived fast, great value", 5, "AFN", False, set(), set()),
    ("genuine leather strap snapped in a week", 2, "MFN", False, {"SP302"}, {"SP302"}),
    ("quick delivery, my daughter adores it", 5, "AFN", False, set(), set()),
    ("amazon customer service hung up on me twice", 1, "AFN", False, set(), {"SP301"}),
    ("good seller, fast delivery", 5, "AFN", False, set(), set()),
    ("got an email saying it shipped, then nothing", 1, "AFN", False, {"SP301"}, {"SP301"}),
    # Japanese delivery wording, read without spaces between words
    ("予定日を過ぎても届きません。", 1, "AFN", False, {"SP301"}, {"SP301"}),
    ("配送が遅れました。", 2, "MFN", True, {"SP306"}, set()),
    ("配送は遅れましたが、商品はとても良いです。", 2, "AFN", False, set(), set()),
    ("別の商品が届きました。", 1, "AFN", False, set(), set()),
    ("画像と全然違う。", 2, "MFN", False, {"SP302"}, {"SP302"}),
    # praise in other languages and with a masked swear word; failures told with praise are not
    ("迅速な対応ありがとうございました。", 1, "MFN", False, {"SP310"}, {"SP310"}),
    ("tolle Qualität, sehr zufrieden", 1, "MFN", False, {"SP302", "SP310"}, {"SP302", "SP310"}),
    (
        "this lamp is sh*tting good",
        2,
        "MFN",
        False,
        {"SP302", "SP303", "SP310"},
        {"SP302", "SP303", "SP310"},
    ),
    ("my hair has never looked better", 2, "MFN", False, {"SP310"}, {"SP310"}),
    ("worked fine for two weeks then died", 1, "MFN", False, {"SP302"}, {"SP302"}),
    (
        "bought it for my sister's wedding last month, thank you!",
        1,
        "MFN",
        False,
        {"SP310"},
        {"SP310"},
    ),
    ("wonderful, my whole afternoon wasted waiting at home", 1, "MFN", False, set(), set()),
    ("lovely seller, wrong colour sent", 1, "MFN", False, set(), set()),
    # 'puto'; a refund told with the verb is the seller, not the product
    ("puto vendedor", 1, "MFN", False, {"SP303"}, {"SP303"}),
    ("no me reembolsaron la lámpara rota", 1, "MFN", False, set(), set()),
    # feedback_z: the seller only condemned beside the delivery's trouble is the delivery; the
    # seller praised beside it is the seller
    ("Retard de livraison, vendeur nul", 1, "AFN", False, {"SP301"}, {"SP301"}),
    ("Venditore pessimo, spedizione lentissima", 1, "AFN", False, {"SP301"}, {"SP301"}),
    ("El paquete llegó tarde, el vendedor muy majo", 3, "AFN", False, set(), set()),
    # the courier ignoring a delivery note is the delivery; the seller ignoring one is service
    ("Driver ignored the delivery note about the back gate", 1, "AFN", False, {"SP301"}, {"SP301"}),
    ("Seller ignored the note I left with my order", 1, "AFN", False, set(), {"SP301"}),
    # a verdict on Amazon's customer service judges the service, not a product
    ("Servizio clienti Amazon inutile", 1, "AFN", False, set(), {"SP301"}),
    ("Atención al cliente de Amazon no sirve para nada", 1, "AFN", False, set(), {"SP301"}),
    ("el cargador no sirve para nada", 1, "AFN", False, {"SP302"}, {"SP302"}),
    # the appliance itself dented or a part missing in the box is its condition
    ("Scatola distrutta e bollitore ammaccato", 1, "AFN", False, set(), set()),
    ("Caja aplastada y la cafetera llegó abollada", 1, "AFN", False, set(), set()),
    ("Ladekabel fehlte im Paket", 2, "AFN", False, set(), set()),
    ("Livreur désagréable, et la balance n'est pas précise", 1, "AFN", False, set(), set()),
    # feedback_aa: books arrived damaged are their condition; a long wait told by the waiting is
    # the delivery; a UPS number's tail is no phone; a size a little off is the product; a
    # shipping charge paid in full, or charged twice, makes a late delivery no longer the whole
    ("Les livres sont arrivés abîmés, coins cornés.", 2, "AFN", False, set(), set()),
    (
        "Verdammte Scheiße, drei Wochen auf ein T-Shirt gewartet!",
        1,
        "AFN",
        False,
        {"SP301", "SP303"},
        {"SP301", "SP303"},
    ),
    (
        "Tracking 1Z 999 AA1 01234 5678 hasn't moved in 10 days",
        2,
        "AFN",
        False,
        {"SP301"},
        {"SP301"},
    ),
    (
        "Bit small but kept them, seller was quick to answer my question.",
        3,
        "AFN",
        False,
        set(),
        set(),
    ),
    (
        "Was charged full price for shipping and it still came late",
        2,
        "MFN",
        True,
        set(),
        {"SP305"},
    ),
    ("Nunca me llegó y encima me cobraron el envío dos veces.", 1, "MFN", True, set(), set()),
    # feedback_aj: a parcel heard landing or a box too big and unpadded, a delivery to the wrong
    # house number or one the buyer had to stay home to sign for, the day it came counted from
    # the order, a parcel never seen, a box (not the item) in perfect condition, useless tracking:
    # the delivery; nobody picking up the seller's phone and a question never answered are the
    # seller's service; food praised is praise; postage 'on top' is a price complaint
    (
        "Courier tossed it over the fence, I heard it land from inside the house.",
        1,
        "AFN",
        False,
        {"SP301"},
        {"SP301"},
    ),
    (
        "Delivered to number 12 instead of 21, neighbour dropped it off days later",
        2,
        "AFN",
        False,
        {"SP301"},
        {"SP301"},
    ),
    (
        "Box far too big with no padding, rattling around the whole way",
        2,
        "AFN",
        False,
        {"SP301"},
        {"SP301"},
    ),
    (
        "Had to take a day off work to be home for the signature",
        2,
        "AFN",
        False,
        {"SP301"},
        {"SP301"},
    ),
    ("Paid for the 2 day option, got it on day 6", 1, "MFN", True, {"SP306"}, set()),
    ("Left on the wrong street apparently. Never saw it.", 1, "MFN", True, {"SP306"}, set()),
    (
        "Delivery on time and the box was in perfect condition",
        5,
        "AFN",
        False,
        {"SP301"},
        {"SP301"},
    ),
    ("Still waiting after 2 weeks. Tracking useless.", 1, "AFN", False, {"SP301"}, {"SP301"}),
    (
        "Rang their number three times, nobody picks up, still no parcel",
        1,
        "AFN",
        False,
        set(),
        {"SP301"},
    ),
    (
        "Asked the seller if the lid fits my other pot, never got an answer",
        2,
        "AFN",
        False,
        set(),
        {"SP301"},
    ),
    (
        "Cette machine fait un thé délicieux",
        1,
        "MFN",
        False,
        {"SP302", "SP310"},
        {"SP302", "SP310"},
    ),
    ("Good pan, but 15 quid postage on top is a bit cheeky", 3, "MFN", False, set(), {"SP305"}),
    # feedback_ak: baby and toy goods are items in five languages (a scratch, crack or tear on
    # them is their condition beside a late parcel); a parcel opened and resealed, a signature
    # for someone else's, a torn Amazon bag are the delivery; instructions the seller sent are
    # its service; shipping costs called exaggerated are a price complaint (seed SP305)
    ("Llegó tarde y encima la trona venía rayada", 2, "AFN", False, set(), set()),
    ("Lieferung dauerte ewig und die Puppe hat einen Riss", 2, "AFN", False, set(), set()),
    (
        "The pram came a day late and the hood doesnt click into place",
        2,
        "AFN",
        False,
        set(),
        set(),
    ),
    (
        "Box was opened and resealed with different tape on the way",
        2,
        "AFN",
        False,
        {"SP301"},
        {"SP301"},
    ),
    ("Driver made me sign for someone elses parcel", 1, "AFN", False, {"SP301"}, {"SP301"}),
    (
        "Came in a torn amazon bag with the gift box showing through",
        2,
        "AFN",
        False,
        {"SP301"},
        {"SP301"},
    ),
    (
        "Il venditore mi ha mandato subito le istruzioni in italiano, gentili",
        5,
        "AFN",
        False,
        set(),
        {"SP301"},
    ),
    ("Consegna lenta e costi di spedizione esagerati", 2, "MFN", False, set(), {"SP305"}),
    # feedback_al: ink and cartridges in use are the product ("ink smudges", "encre qui bave",
    # "non stampano", "refuses to print"); "wasted my money" is no seller service; accurate
    # tracking and a "useless Amazon Logistics" are the delivery; a good rating the seller asked
    # for is no praise
    ("ink smudges", 2, "MFN", False, {"SP302"}, {"SP302"}),
    ("Encre qui bave, impressions floues, à éviter", 1, "AFN", False, {"SP302"}, {"SP302"}),
    (
        "Le cartucce non sono compatibili con la mia Canon Pixma, non stampano.",
        1,
        "MFN",
        False,
        {"SP302"},
        {"SP302"},
    ),
    (
        "printer says cartridge not recognised and refuses to print. Useless.",
        2,
        "MFN",
        False,
        {"SP302"},
        {"SP302"},
    ),
    (
        "HP 305XL ink doesnt fit my HP DeskJet 2700 even though it should, wasted my money",
        1,
        "MFN",
        False,
        {"SP302"},
        {"SP302"},
    ),
    (
        "Ladekabel funktioniert einwandfrei, lädt schnell, gute Qualität.",
        5,
        "AFN",
        False,
        {"SP302"},
        {"SP302"},
    ),
    ("came in 2 days, tracking was accurate the whole way", 4, "AFN", False, {"SP301"}, {"SP301"}),
    (
        "Useless Amazon Logistics, parcel sat in the depot a week",
        1,
        "AFN",
        False,
        {"SP301"},
        {"SP301"},
    ),
    (
        "Le vendeur m'a envoyé un mail à 23h pour me demander une bonne note... bizarre",
        2,
        "MFN",
        False,
        set(),
        set(),
    ),
    ("the seller refuses to refund, wasted my money", 1, "MFN", False, set(), set()),
    # feedback_am: plants and garden goods are items, a plant in a bad state on arrival is the
    # seller's stock (no current strike beside a late parcel); the courier described, a parcel
    # returned to sender, split parcels, 'Hermes halt', a salutation 'Dear seller' and the seller
    # cleared in so many words leave a delivery comment wholly about the delivery
    (
        "late, and the olive tree has scale insects all over the leaves. had to spray it the day it came",
        2,
        "AFN",
        False,
        set(),
        set(),
    ),
    ("Parcel a day late, no biggie. Plant lovely.", 3, "AFN", False, set(), set()),
    (
        "Il prodotto è arrivato in ritardo e le piantine erano tutte secche",
        2,
        "AFN",
        False,
        set(),
        set(),
    ),
    (
        "The cockerel weathervane is lovely, sadly the parcel came 6 days late and it was a gift",
        1,
        "AFN",
        False,
        set(),
        set(),
    ),
    (
        "Lieferung 3 Tage später als angegeben und der Karton war total durchnässt. Hermes halt.",
        2,
        "AFN",
        False,
        {"SP301"},
        {"SP301"},
    ),
    (
        "the fella who delivered it was rude and left the hedge trimmer box in the bin shed",
        1,
        "AFN",
        False,
        {"SP301"},
        {"SP301"},
    ),
    (
        "Dear seller, your delivery partner is a disgrace. Four days late and the box looked like it had been kicked across a car park.",
        1,
        "AFN",
        False,
        {"SP301"},
        {"SP301"},
    ),
    (
        "Amazon sent it back to the seller because address not found. Ive lived at the same address 20 years.",
        1,
        "AFN",
        False,
        {"SP301"},
        {"SP301"},
    ),
    (
        "Leaving this for the delivery ONLY, Amazon lost it twice before it got here. Seller did nothing wrong",
        1,
        "AFN",
        False,
        {"SP301"},
        {"SP301"},
    ),
    ("the battery was dead after a week", 1, "MFN", False, {"SP302"}, {"SP302"}),
    (
        "Luci solari economiche, dopo due settimane ne funzionano 3 su 10",
        2,
        "AFN",
        False,
        {"SP302"},
        {"SP302"},
    ),
    (
        "Shiitake mushroom growing kit never produced a single mushroom",
        2,
        "MFN",
        False,
        {"SP302"},
        {"SP302"},
    ),
    (
        "Bestellt am Montag, mit Prime sollte es Dienstag da sein, kam am Samstag. Toll.",
        1,
        "AFN",
        False,
        {"SP301"},
        {"SP301"},
    ),
    # feedback_an: a buyer who thinks one star is the top mark; the buyer's own return named last
    (
        "1 star is the top right?? Awesome seller, would buy again",
        1,
        "MFN",
        False,
        {"SP310"},
        {"SP310"},
    ),
    (
        "these jeans are too tight in the thighs and way too long. returned",
        1,
        "MFN",
        False,
        {"SP302"},
        {"SP302"},
    ),
    (
        "Item was faulty, returned it and the seller never refunded me",
        1,
        "MFN",
        False,
        set(),
        set(),
    ),
    # feedback_ao: the seller said to have shipped at once, a courier called useless, a parcel
    # delivered to the wrong door are the delivery; a gauge that reads wrong is the product
    ("2 weeks late, parcelforce useless", 1, "AFN", False, {"SP301"}, {"SP301"}),
    (
        "Paket kam eine Woche zu spät an, DHL hat es zweimal falsch zugestellt.",
        2,
        "AFN",
        False,
        {"SP301"},
        {"SP301"},
    ),
    ("Tyre inflator gauge is way off, reads 5 psi high", 2, "AFN", False, {"SP302"}, {"SP302"}),
    (
        "Package showed delivered but nothing here. Seller shipped it same day i can see that on the tracking, carrier just lost it.",
        1,
        "MFN",
        True,
        {"SP306"},
        set(),
    ),
    # feedback_ap and feedback_aq: toys and groceries. An author's first name, a claim printed on
    # the box, a part that will not open, a purchase praised as a whole; food melted or tasting of
    # nothing is the item; a parcel that sat in the Amazon warehouse is late
    (
        "The Sheep-Pig by Dick King-Smith arrived with coffee stains on the cover, sold as new",
        1,
        "MFN",
        False,
        set(),
        set(),
    ),
    (
        "Mum of 3 here, these crayons are NOT washable like it says on the box, ruined my wall",
        1,
        "MFN",
        False,
        {"SP302"},
        {"SP302"},
    ),
    (
        "The whistle on the train doesnt work and the doors dont open",
        1,
        "AFN",
        False,
        {"SP302"},
        {"SP302"},
    ),
    ("very happy with this purchase thank you", 1, "MFN", False, {"SP310"}, {"SP310"}),
    (
        "Schokolade komplett geschmolzen angekommen, lag wohl stundenlang im heißen Transporter",
        1,
        "AFN",
        False,
        set(),
        set(),
    ),
    (
        "Good stuff. love this granola, my kids eat it every single morning",
        5,
        "AFN",
        False,
        {"SP302"},
        {"SP302"},
    ),
    ("Die Bohnen schmecken nach nichts, total langweilig", 1, "AFN", False, {"SP302"}, {"SP302"}),
    (
        "Driver threw the box over my fence, 24 cans of seltzer all dented",
        1,
        "AFN",
        False,
        set(),
        set(),
    ),
    (
        "UPS lost it, then amazon said 2 more days, then nothing. Had to reorder from someone else",
        1,
        "AFN",
        False,
        {"SP301"},
        {"SP301"},
    ),
    (
        "Box was so heavy the driver just dumped it at the end of the driveway and left",
        2,
        "AFN",
        False,
        {"SP301"},
        {"SP301"},
    ),
    # feedback_ar: electronics accessories. A USB hub is no parcel hub, a drive slower than its
    # figures no late parcel, ink refused or run dry the product, someone else's porch in the
    # delivery photo a misdelivery
    (
        "USB-C hub gets crazy hot and disconnects my external drive every 10 minutes",
        2,
        "AFN",
        False,
        {"SP302"},
        {"SP302"},
    ),
    ("Ink cartridges empty after 80 pages. pathetic yield", 2, "AFN", False, {"SP302"}, {"SP302"}),
    (
        "Encre non reconnue par mon Epson XP-2100, cartouches inutilisables",
        1,
        "AFN",
        False,
        {"SP302"},
        {"SP302"},
    ),
    (
        "missing package. amazon says delivered, the photo shows someone elses porch",
        1,
        "AFN",
        False,
        {"SP301"},
        {"SP301"},
    ),
    # feedback_as: clothes and shoes. The goods fine inside a crushed box, flimsy wrapping, the
    # parcel's delivery all that is wrong
    (
        "Box was crushed on arrival but the shoes inside were perfectly fine, just annoying as it was a gift",
        2,
        "AFN",
        False,
        {"SP301"},
        {"SP301"},
    ),
    (
        "bag came in a flimsy envelope with no protection, corner of the box dented, bag itself fine",
        2,
        "AFN",
        False,
        {"SP301"},
        {"SP301"},
    ),
    (
        "il corriere ha lasciato il pacco sotto la pioggia, scatola da buttare ma le scarpe si sono salvate",
        2,
        "AFN",
        False,
        {"SP301"},
        {"SP301"},
    ),
    # feedback_at: home and kitchen goods. Someone else's front door in the delivery photo,
    # storage boxes as the product, scratchy fabric as its feel
    (
        "Never arrived. Amazon says delivered, the photo shows someone elses front door.",
        1,
        "AFN",
        False,
        {"SP301"},
        {"SP301"},
    ),
    (
        "Storage boxes are flimsy, the lids pop off when you stack them",
        2,
        "MFN",
        False,
        {"SP302"},
        {"SP302"},
    ),
    (
        "Thin scratchy bedding, not what you'd expect from egyptian cotton",
        2,
        "MFN",
        False,
        {"SP302"},
        {"SP302"},
    ),
    # guard: a scratched pan is its condition
    ("pan arrived scratched", 2, "MFN", False, set(), set()),
    # feedback_au: noise cancelling is a feature, no cancelled order; 'way too long' said on its
    # own after the wait is the wait
    (
        "These over-ear headphones have amazing noise cancelling and the battery lasts all week",
        5,
        "AFN",
        False,
        {"SP302"},
        {"SP302"},
    ),
    ("took nearly two weeks to turn up, way too long", 2, "MFN", True, {"SP306"}, set()),
    # guards: a cable's length after the wait is the product, and a length for the wrist
    ("Came two weeks late, the charging cable is way too long", 2, "AFN", False, set(), set()),
    ("arrived a week late. too long for my wrist", 2, "MFN", True, set(), set()),
    # feedback_aw: a scent praised is the product, another edition the item's condition, a wish
    # that it came sooner a complaint (no confused rating), hair left dry the product's effect
    (
        "delivered to the locker at the station, easy pickup. the earl grey is lovely, very fragrant",
        5,
        "AFN",
        False,
        set(),
        set(),
    ),
    (
        "this is the 2nd edition not the 4th that was pictured. arrived late too",
        1,
        "AFN",
        False,
        set(),
        set(),
    ),
    ("Love the coffee, just wish it came quicker", 2, "AFN", False, set(), set()),
    (
        "Este champú me dejó el pelo seco como paja, no lo recomiendo",
        1,
        "AFN",
        False,
        {"SP302"},
        {"SP302"},
    ),
    # feedback_ax: the delivery service in French, a locker never used, holes drilled wrong, a
    # price over the RRP
    (
        "Livré chez le voisin, colis ouvert, livreur pas aimable. Putain de service de livraison",
        1,
        "AFN",
        False,
        {"SP301", "SP303"},
        {"SP301", "SP303"},
    ),
    (
        "Parcel went missing, tracking says delivered to a locker in Penistone which Ive never used. Still waiting.",
        1,
        "MFN",
        True,
        {"SP306"},
        set(),
    ),
    (
        "the f***ing sofa legs dont screw in, holes drilled wrong, total pos",
        1,
        "MFN",
        False,
        {"SP302", "SP303"},
        {"SP302", "SP303"},
    ),
    (
        "Nice toy, my son loves it but the seller charged way more than RRP",
        2,
        "AFN",
        False,
        set(),
        {"SP305"},
    ),
    # feedback_ay: an oversized box, a replacement parcel late, a broken Amazon locker, a camera
    # as proof, Amazon's answer, its estimate, a parcel stuck at a depot
    (
        "Box was 3x the size of the phone case, stuffed with air pillows. such a waste Amazon",
        2,
        "AFN",
        False,
        {"SP301"},
        {"SP301"},
    ),
    (
        "Amazon lost my parcel, then the replacement parcel was late too. 0 stars if i could",
        1,
        "AFN",
        False,
        {"SP301"},
        {"SP301"},
    ),
    (
        "Le casier Amazon était en panne, impossible de récupérer mon colis pendant 4 jours",
        1,
        "AFN",
        False,
        {"SP301"},
        {"SP301"},
    ),
    (
        "tracking said out for delivery 3 days in a row then 'delivery attempted'. nobody came, i have a camera",
        1,
        "AFN",
        False,
        {"SP301"},
        {"SP301"},
    ),
    (
        "the delivery guy left it with some random person at the front desk, took me a day to track it down. amazon said theres nothing they can do",
        1,
        "AFN",
        False,
        set(),
        {"SP301"},
    ),
    (
        "Package took 3 weeks to arrive, tracking stuck at some depot the whole time",
        1,
        "MFN",
        True,
        {"SP306"},
        set(),
    ),
    # guard: a camera bought is the product
    ("the camera stopped charging after a week", 2, "MFN", False, {"SP302"}, {"SP302"}),
    # guard: every chair a different shade is the product
    (
        "The cocktail table top has bubbles under the varnish and every chair is a different shade.",
        2,
        "AFN",
        False,
        {"SP302"},
        {"SP302"},
    ),
    # feedback_av: a late answer is the seller's service, toys used and dirty their condition,
    # colour gone in the wash the product, a phone praised the product
    (
        "Me contestaron tarde y mal, pésima atención del vendedor",
        1,
        "AFN",
        False,
        set(),
        {"SP301"},
    ),
    ("Los juguetes llegaron usados y sucios, no eran nuevos", 1, "AFN", False, set(), set()),
    ("muy bad quality, the shirt lost color after 1 wash", 1, "MFN", False, {"SP302"}, {"SP302"}),
    ("gr8 phone but arrived 4 days late", 1, "AFN", False, set(), set()),
    (
        "pkg came 5 days after the date they promised me, not happy",
        1,
        "MFN",
        True,
        {"SP306"},
        set(),
    ),
    # feedback_az: a brand said twice is no name, the seller shouting at the buyer is no product
    # review, the seller pressing for five stars is no fulfilment
    (
        "Joseph Joseph dish rack started rusting after 2 weeks",
        1,
        "AFN",
        False,
        {"SP302"},
        {"SP302"},
    ),
    (
        "the owners cell is 917-555-0143, he screamed at me when i called about the broken floor lamp. avoid",
        1,
        "MFN",
        False,
        {"SP304"},
        {"SP304"},
    ),
    (
        "4 days late, and the seller messaged me 3 times asking for 5 stars",
        1,
        "AFN",
        False,
        set(),
        set(),
    ),
    # feedback_ba: brands named after a person, a stain and a smell, the listing's delivery
    # estimate, a parcel left at reception, praise in slang
    (
        "Tom Tailor Jeans statt Marc O'Polo geliefert, Verkäufer reagiert nicht",
        1,
        "MFN",
        False,
        set(),
        set(),
    ),
    (
        "Lieferung kam zwei Tage zu spät und der Pulli hatte einen Fleck und roch muffig",
        2,
        "AFN",
        False,
        set(),
        set(),
    ),
    ("took 9 days to arrive, listing said 3-5 days", 2, "MFN", True, {"SP306"}, set()),
    (
        "delivered to my office instead of home, the driver left it at reception a day late",
        2,
        "AFN",
        False,
        {"SP301"},
        {"SP301"},
    ),
    (
        "these earbuds slap fr, bass is insane",
        1,
        "AFN",
        False,
        {"SP302", "SP310"},
        {"SP302", "SP310"},
    ),
    # feedback_bb: a 'u' written as a 'v', a gift box and a palette by a designer's name, a loose
    # contact beside a late delivery
    (
        "fvck this seller, sent a broken night light and then blocked my messages",
        1,
        "MFN",
        False,
        {"SP303"},
        {"SP303"},
    ),
    (
        "coffret Jean Paul Gaultier bien reçu mais le vendeur ne m'envoie toujours pas de facture",
        3,
        "MFN",
        False,
        set(),
        set(),
    ),
    (
        "la paleta de Charlotte Tilbury llegó bien y el vendedor fue muy amable",
        4,
        "MFN",
        False,
        set(),
        set(),
    ),
    ("Kam verspätet an und der Lockenstab hat einen Wackelkontakt", 2, "AFN", False, set(), set()),
    # a word that starts with a root, spelled out, and a swear word spelled out with its ending
    ("the p r i c k l y pear jam tasted of nothing", 2, "MFN", False, {"SP302"}, {"SP302"}),
    ("seller is f u c k l i n g useless", 2, "MFN", False, {"SP303"}, {"SP303"}),
    # a one-letter word before the spelled-out word joins its run ('a c u n t'), and 'a s a p'
    ("seller is a c u n t never again", 1, "MFN", False, {"SP303"}, {"SP303"}),
    ("el vendedor y m i e r d a de embalaje", 1, "MFN", False, {"SP303"}, {"SP303"}),
    ("a s a p please, the box came late", 3, "MFN", False, set(), set()),
    ("the candle was a c o c k t a i l of bad smells", 2, "MFN", False, {"SP302"}, {"SP302"}),
    # German 'dick' is thick; the knife maker F. Dick; an insult only in an English frame
    ("die Matte ist viel zu dick und riecht nach Gummi", 2, "MFN", False, {"SP302"}, {"SP302"}),
    ("the seller was a total dick about my refund", 1, "MFN", False, {"SP303"}, {"SP303"}),
    (
        "Entfernt nicht mal einfache Flecken. Das Produkt taugt nichts.",
        1,
        "MFN",
        False,
        {"SP302"},
        {"SP302"},
    ),
    (
        "Ein Fleck auf dem Karton, sonst alles gut.",
        2,
        "AFN",
        False,
        {"SP301"},
        {"SP301"},
    ),
    (
        "The bag has a loose flap, it slaps hard against the frame at speed.",
        2,
        "MFN",
        False,
        {"SP302"},
        {"SP302"},
    ),
    (
        "Paul Smith signed for my parcel, I don't know who he is.",
        2,
        "AFN",
        False,
        {"SP301", "SP304"},
        {"SP301", "SP304"},
    ),
    (
        "La camiseta destiñe en el primer lavado, mancha toda la ropa",
        2,
        "MFN",
        False,
        {"SP302"},
        {"SP302"},
    ),
    # feedback_bd: a carrier's hotline and what its courier did are the delivery; a rude courier
    # is more than a late one (no SP306); a title and a surname are no full name; a doubt
    # cleared up or a bookmark thrown in is praise; 'sobre' is 'about' unless an envelope; a
    # parcel 'since it left the warehouse' names no seller; a mitre saw is the product
    (
        "Hermes hotline 0330 333 6556 was no help either, parcel left in the recycling bin",
        1,
        "AFN",
        False,
        {"SP301"},
        {"SP301"},
    ),
    ("late AND the courier was rude on the phone", 1, "MFN", True, set(), set()),
    ("Top Verkäufer, Frau Meier hat sofort geholfen", 4, "MFN", False, set(), set()),
    (
        "Excelente vendedor, me resolvió una duda sobre el voltaje en una hora. Todo perfecto!",
        1,
        "MFN",
        False,
        {"SP310"},
        {"SP310"},
    ),
    (
        "Great book, and the seller threw in a bookmark, lovely touch, thanks!!",
        1,
        "MFN",
        False,
        {"SP310"},
        {"SP310"},
    ),
    (
        "Still waiting. Ordered 3 weeks ago. Tracking hasnt moved since it left the warehouse",
        1,
        "MFN",
        True,
        {"SP306"},
        set(),
    ),
    # feedback_be: a scent that barely comes through and stiff trousers are the product, an
    # exchange sorted is praise, a refund short of the price is no price complaint, the name on
    # the delivery app is no product
    (
        "la bougie ne sent presque rien une fois allumée, très déçue",
        2,
        "AFN",
        False,
        {"SP302"},
        {"SP302"},
    ),
    (
        "the trousers are stiff as cardboard and the waist runs big",
        2,
        "AFN",
        False,
        {"SP302"},
        {"SP302"},
    ),
    (
        "excellent service, the shop sorted my exchange in a day",
        1,
        "MFN",
        False,
        {"SP310"},
        {"SP310"},
    ),
    ("le vendeur m'a remboursé seulement la moitié", 2, "MFN", False, set(), set()),
    (
        "amazon driver (name on the app was Kevin) threw the box over my gate, 2 days late as well",
        1,
        "AFN",
        False,
        {"SP301"},
        {"SP301"},
    ),
    (
        "absolute shite, the mitre saw fence isnt even square",
        1,
        "MFN",
        False,
        {"SP302", "SP303"},
        {"SP302", "SP303"},
    ),
    # an author named for the work: after a determiner and 'new' or 'latest', before a title in
    # capitals; a possessive before an ordinary word, or a noun between, is a person's name
    ("the new Lee Child came with a torn cover, seller ignored me", 2, "MFN", False, set(), set()),
    ("Le dernier Joël Dicker, couverture abîmée", 2, "MFN", False, set(), set()),
    (
        "l'ultimo Andrea Camilleri arrivato con la copertina strappata",
        2,
        "MFN",
        False,
        set(),
        set(),
    ),
    ("Stephen King's IT, pages missing and seller never answered", 2, "MFN", False, set(), set()),
    ("the last driver Tom Hale threw it over the fence", 1, "MFN", False, {"SP304"}, {"SP304"}),
    (
        "Tom Hale's van was parked on my lawn, seller shrugged",
        1,
        "MFN",
        False,
        {"SP304"},
        {"SP304"},
    ),
    # an amount with its sign after it, and a few words, before 'for' (seed SP305)
    ("Me cobraron 9,95€ de envío por un chupete. Abusivo.", 1, "MFN", False, set(), {"SP305"}),
    (
        "12 euro di spese di spedizione per dei calzini sono esagerate",
        2,
        "MFN",
        False,
        set(),
        {"SP305"},
    ),
    ("4,99 € Versandkosten für ein Taschenbuch sind frech.", 2, "MFN", False, set(), {"SP305"}),
    ("Verkäufer war frech am Telefon", 1, "MFN", False, set(), set()),
    # how soon it failed is no fast delivery praised under a low rating (no SP310)
    (
        "Ballon qui se dégonfle en 2 jours et le vendeur refuse l'échange",
        1,
        "MFN",
        False,
        set(),
        set(),
    ),
    ("stopped working in 3 days, useless", 1, "MFN", False, {"SP302"}, {"SP302"}),
    # a part of the product lost, a bag unrolled: the product, no parcel lost or damaged
    ("shuttlecocks lost feathers after 1 game, garbage", 1, "AFN", False, {"SP302"}, {"SP302"}),
    (
        "sac de couchage trop petit, fait à peine 190 cm une fois ouvert",
        1,
        "MFN",
        False,
        {"SP302"},
        {"SP302"},
    ),
    # a football club is no one's full name
    ("Terrible seller, Scunthorpe United away shirt never came", 1, "MFN", False, set(), set()),
    # the price praised after it takes the complaint back; half of the things is no price
    ("pricey but worth every penny, seller very helpful", 5, "MFN", False, set(), set()),
    ("worth every penny? no way, overpriced junk", 1, "MFN", False, set(), {"SP305"}),
    ("Too expensive! Is this worth the money? No!", 1, "MFN", False, set(), {"SP305"}),
    ("Paid £15 and it is ideal for a gift.", 5, "MFN", False, set(), set()),
    ("Sarah Jones's RUDE reply was unacceptable", 1, "MFN", False, {"SP304"}, {"SP304"}),
    ("il manquait la moitié des croquettes, vendeur injoignable", 1, "MFN", False, set(), set()),
]


def _case_id(case) -> str:
    comment, rating, channel, on_time, *_ = case
    shipping = "+bs" if on_time else ""
    return f"{channel}{shipping}-{rating}-{comment[:32]}"


class TestGrounds:
    @pytest.mark.parametrize("edition", ["current", "seed"])
    @pytest.mark.parametrize("case", CASES, ids=[_case_id(c) for c in CASES])
    def test_grounds(self, case, edition):
        """Each comment gets exactly the grounds its edition gives it."""
        comment, rating, channel, on_time, current, seed = case
        expected = current if edition == "current" else seed

        report = fb.check_feedback(
            feedback(comment, rating),
            order=order(channel, buy_shipping_on_time=on_time),
            policy=POLICIES[edition],
        )

        assert expected == grounds(report)

    @pytest.mark.parametrize("case", CASES, ids=[_case_id(c) for c in CASES])
    def test_removable_and_strikable(self, case):
        """Removal grounds make a feedback removable, SP301 and SP306 strikable."""
        comment, rating, channel, on_time, current, _ = case

        report = fb.check_feedback(
            feedback(comment, rating), order=order(channel, buy_shipping_on_time=on_time)
        )

        assert bool(current & {"SP302", "SP303", "SP304", "SP305"}) == report.removable
        assert bool(current & {"SP301", "SP306"}) == report.strikable

    def test_findings_carry_rule_metadata(self):
        """A finding names its rule, its policy severity, its source and the comment field."""
        report = fb.check_feedback(feedback("bluetooth keeps dropping"), order=order())
        finding = next(f for f in report.findings if f.code is Code.SP302)

        assert "product-review" == finding.name
        assert Severity.INFO == finding.severity
        assert sellerpolicy.RULES[Code.SP302].source == finding.source
        assert "comment" == finding.field
        assert "bluetooth" in finding.message

    def test_disabled_rule_is_skipped(self):
        """A rule the policy disables is neither reported nor listed as not judged."""
        policy = CURRENT.disable("SP302", "SP301")

        report = fb.check_feedback(feedback("bluetooth keeps dropping"), policy=policy)

        assert set() == grounds(report)
        assert [] == [n for n in report.not_judged if n.code is Code.SP301]

    def test_severity_override(self):
        """A severity the policy sets is the finding's severity."""
        policy = CURRENT.with_severity("SP303", "warning")

        report = fb.check_feedback(feedback("what the fuck"), policy=policy)

        assert [Severity.WARNING] == [f.severity for f in report.findings if f.code is Code.SP303]

    def test_fba_scope_is_a_parameter(self):
        """SP301's scope is data: the current policy with the seed's scope strikes service."""
        comment = feedback("seller never replied to any of my messages", 2)
        policy = CURRENT.with_parameters(fba_strike_scope="delivery_or_service")

        before = fb.check_feedback(comment, order=order("AFN"))
        after = fb.check_feedback(comment, order=order("AFN"), policy=policy)

        assert Code.SP301 not in before.codes
        assert Code.SP301 in after.codes

    def test_email_scope_is_a_parameter(self):
        """SP304's emails are data: the current policy with the seed's scope flags a no-reply one."""
        comment = feedback("got an email from no-reply@amazon.com, then nothing", 2)
        policy = CURRENT.with_parameters(personal_email_scope="any")

        before = fb.check_feedback(comment, order=order("AFN"))
        after = fb.check_feedback(comment, order=order("AFN"), policy=policy)

        assert Code.SP304 not in before.codes
        assert Code.SP304 in after.codes


class TestSpans:
    @pytest.mark.parametrize(
        ("comment", "code", "excerpt"),
        [
            ("seller's mail: jay.patel.77@gmail.com pls", Code.SP304, "jay.patel.77@gmail.com"),
            ("write to jay [at] gmail [dot] com now", Code.SP304, "jay [at] gmail [dot] com"),
            (
                "mail: j\u200bay@gm\u0430\u200bil.com asap",
                Code.SP304,
                "j\u200bay@gm\u0430\u200bil.com",
            ),
            ("ｊａｙ＠ｇｍａｉｌ．ｃｏｍ is me", Code.SP304, "ｊａｙ＠ｇｍａｉｌ．ｃｏｍ"),
            ("Müller said: call +39 347 765 4321", Code.SP304, "+39 347 765 4321"),
            ("großartig?? nein. Scheiße!", Code.SP303, "Scheiße"),
            ("ÜBERTEUERT, the seller is a f***ing crook", Code.SP303, "f***ing"),
            ("Herr Thomas Becker vom Kundenservice", Code.SP304, "Thomas Becker"),
        ],
        ids=[
            "plain",
            "spelled-out",
            "zero-width-cyrillic",
            "full-width",
            "phone",
            "umlaut",
            "masked",
            "title",
        ],
    )
    def test_span_points_into_original(self, comment, code, excerpt):
        """Evidence spans index the caller's original comment, disguises included."""
        report = fb.check_feedback(feedback(comment))
        finding = next(f for f in report.findings if f.code is code)

        assert excerpt == comment[finding.span.start : finding.span.end]
        assert excerpt == finding.excerpt

    def test_disguise_is_reported(self):
        """A disguised email says how it was disguised."""
        report = fb.check_feedback(feedback("write to jay [at] gmail [dot] com"))
        finding = next(f for f in report.findings if f.code is Code.SP304)

        assert "spelled-out '@'" in finding.disguises

    def test_whole_comment_ground_spans_the_comment(self):
        """A whole-comment ground spans the comment without its surrounding blanks."""
        comment = "  bluetooth keeps dropping every few minutes \n"

        report = fb.check_feedback(feedback(comment))
        finding = next(f for f in report.findings if f.code is Code.SP302)

        assert comment.strip() == finding.excerpt

    @given(pair=s.obfuscated_emails())
    def test_obfuscated_email_is_found(self, pair):
        """A disguised email is found exactly as the message checker finds it (one text engine)."""
        comment = f"Send photos to {pair[0]} please"

        report = fb.check_feedback(feedback(comment))
        spans = [f.span for f in report.findings if f.code is Code.SP304]

        assert (Code.SP103 in sellerpolicy.check_message(comment, kind="reply").codes) == bool(
            spans
        )
        assert all(comment[sp.start : sp.end].strip() for sp in spans)

    @given(comment=st.text(max_size=200), rating=st.integers(1, 5))
    def test_spans_are_valid(self, comment, rating):
        """Every span lies inside the comment and its excerpt is the text it covers."""
        report = fb.check_feedback(feedback(comment, rating))

        for f in report.findings:
            if f.span is not None:
                assert 0 <= f.span.start <= f.span.end <= len(comment)
                assert comment[f.span.start : f.span.end] == f.excerpt


class TestOrderFacts:
    def test_without_order_sp301_and_sp306_not_judged(self):
        """Without the order, SP301 and SP306 are not judged, and the reason says why."""
        report = fb.check_feedback(feedback("arrived a week late"))

        assert {Code.SP301, Code.SP306} == {n.code for n in report.not_judged}
        assert all("no order given" in n.reason for n in report.not_judged)
        assert "whole comment is about" in report.not_judged[0].reason

    def test_seed_has_no_sp306(self):
        """The seed edition has no SP306, so only SP301 goes unjudged without the order."""
        report = fb.check_feedback(feedback("arrived a week late"), policy=SEED)

        assert [Code.SP301] == [n.code for n in report.not_judged]

    @pytest.mark.parametrize(
        ("make_order", "expected", "unjudged"),
        [
            (lambda: order("MFN", buy_shipping_on_time=True), {"SP306"}, False),
            (lambda: order("AFN"), {"SP301"}, False),
            (lambda: order("MFN"), set(), False),
            (
                lambda: order(
                    "MFN",
                    shipments=(
                        Shipment(buy_shipping=True, delivered_at=LATEST + dt.timedelta(hours=1)),
                    ),
                ),
                set(),
                False,
            ),
            (
                lambda: order("MFN", shipments=(Shipment(buy_shipping=True, delivered_at=LATEST),)),
                {"SP306"},
                False,
            ),
            (lambda: order("MFN", buy_shipping_on_time=True, latest_delivery=None), set(), True),
            (lambda: order("MFN", shipments=(Shipment(buy_shipping=True),)), set(), True),
            (
                lambda: order("MFN", shipments=(Shipment(buy_shipping=True),), delivered_at=LATEST),
                {"SP306"},
                False,
            ),
        ],
        ids=[
            "mfn-buy-shipping-on-time",
            "afn",
            "mfn-no-buy-shipping",
            "delivered-an-hour-late",
            "delivered-at-latest",
            "no-latest-delivery",
            "no-delivery-time",
            "order-delivery-time",
        ],
    )
    def test_buy_shipping_on_time(self, make_order, expected, unjudged):
        """SP306 needs an MFN order delivered by the latest delivery date with Buy Shipping."""
        report = fb.check_feedback(feedback("arrived a week late", 2), order=make_order())

        assert expected == grounds(report)
        assert unjudged == (Code.SP306 in {n.code for n in report.not_judged})


class TestDeadline:
    @pytest.mark.parametrize(
        ("edition", "rating", "expected"),
        [
            ("current", 1, dt.datetime(2026, 4, 20, 16, 30, tzinfo=UTC)),
            ("current", 3, dt.datetime(2026, 4, 20, 16, 30, tzinfo=UTC)),
            ("seed", 2, dt.datetime(2026, 3, 21, 16, 30, tzinfo=UTC)),
            ("current", 4, None),
            ("seed", 5, None),
        ],
        ids=[
            "current-negative-90d",
            "current-neutral-90d",
            "seed-60d",
            "current-positive",
            "seed-positive",
        ],
    )
    def test_request_deadline(self, edition, rating, expected):
        """The deadline is the feedback's time plus 90 d (current) or 60 d (seed), None for positive."""
        report = fb.check_feedback(feedback("meh", rating), policy=POLICIES[edition])

        assert expected == report.request_deadline

    def test_days_keep_local_time_across_dst(self):
        """Days keep the marketplace's wall-clock time: 09:30 PST stays 09:30 PDT (16:30 UTC)."""
        report = fb.check_feedback(feedback("meh", 2), order=order())

        # 2026-01-20 17:30 UTC is 09:30 in Los Angeles; 90 days later, after DST, 09:30 PDT
        assert dt.datetime(2026, 4, 20, 16, 30, tzinfo=UTC) == report.request_deadline
        local = report.request_deadline.astimezone(sellerpolicy.MARKETPLACES[US].tz)
        assert (dt.date(2026, 4, 20), dt.time(9, 30)) == (local.date(), local.time())

    def test_marketplace_calendar(self):
        """The order's marketplace gives the time zone the days are counted in."""
        report = fb.check_feedback(feedback("meh", 2), order=order(marketplace_id=DE))

        # 18:30 in Berlin (CET) stays 18:30 (CEST) 90 days later
        assert dt.datetime(2026, 4, 20, 16, 30, tzinfo=UTC) == report.request_deadline
        assert DE == report.marketplace_id
        assert () == report.assumptions

    def test_without_order_the_us_calendar_is_assumed(self):
        """Without the order the US calendar is used, and the report says so."""
        report = fb.check_feedback(feedback("meh", 2))

        assert US == report.marketplace_id
        assert "US marketplace" in report.assumptions[0]

    def test_parameter_moves_deadline(self, tmp_path):
        """Changing removal_request_window in a policy file moves the deadline."""
        path = tmp_path / "policy.toml"
        path.write_text('[parameters]\nremoval_request_window = "30d"\n', encoding="utf-8")

        report = fb.check_feedback(feedback("meh", 2), policy=Policy.from_toml(path))

        assert dt.datetime(2026, 2, 19, 17, 30, tzinfo=UTC) == report.request_deadline

    @pytest.mark.parametrize(
        ("now", "closed"),
        [
            (dt.datetime(2026, 4, 20, 16, 30, tzinfo=UTC), False),
            (dt.datetime(2026, 4, 20, 16, 30, 1, tzinfo=UTC), True),
            (None, None),
        ],
        ids=["at-deadline-open", "after-deadline-closed", "no-now"],
    )
    def test_window_closed(self, now, closed):
        """The window is open at the deadline itself and closed a moment after."""
        report = fb.check_feedback(feedback("bluetooth keeps dropping"), now=now)

        assert closed == report.window_closed
        assert now == report.as_of

    def test_closed_window_in_next_steps(self):
        """A closed window is said in the next steps and in the SP512 finding."""
        later = dt.datetime(2026, 6, 1, tzinfo=UTC)

        report = fb.check_feedback(feedback("bluetooth keeps dropping"), now=later)

        assert "closed" in report.next_steps[0]
        assert "closed at" in next(f for f in report.findings if f.code is Code.SP512).message

    def test_deadline_finding_points_at_the_feedback(self):
        """SP512 is reported with the feedback as its evidence when a ground applies."""
        report = fb.check_feedback(feedback("bluetooth keeps dropping"))
        finding = next(f for f in report.findings if f.code is Code.SP512)

        assert LEFT == finding.event.at
        assert "2026-04-20T16:30:00+00:00" in finding.message

    def test_no_deadline_finding_without_ground(self):
        """Without a ground there is nothing to request, so no SP512 finding."""
        report = fb.check_feedback(feedback("seller never answers messages"))

        assert Code.SP512 not in report.codes
        assert report.request_deadline is not None

    @given(fbk=s.feedbacks(), edition=st.sampled_from(["current", "seed"]))
    def test_deadline_property(self, fbk, edition):
        """The deadline is left_at plus the edition's window for non-positive feedback only."""
        policy = POLICIES[edition]
        window = policy.parameters.duration("removal_request_window")

        report = fb.check_feedback(fbk, policy=policy)

        if fbk.rating_class is FeedbackClass.POSITIVE:
            assert report.request_deadline is None
        else:
            market = sellerpolicy.MARKETPLACES[US]
            assert window.after(fbk.left_at, market) == report.request_deadline


class TestFeedbackWindow:
    @pytest.mark.parametrize(
        ("extra", "noted"),
        [(dt.timedelta(0), False), (dt.timedelta(seconds=1), True)],
        ids=["at-the-end-of-90d", "a-second-later"],
    )
    def test_late_feedback_is_noted(self, extra, noted):
        """Feedback left after the 90 days buyers have (an inclusive end, local time) is noted."""
        end = Duration.parse("90d").after(PURCHASED, sellerpolicy.MARKETPLACES[US])
        late = feedback("meh", 2, left_at=end + extra)

        report = fb.check_feedback(late, order=order())

        assert noted == bool(report.notes)

    def test_window_is_a_parameter(self):
        """The feedback_window parameter moves the note."""
        policy = CURRENT.with_parameters(feedback_window="120d")
        late = feedback("meh", 2, left_at=PURCHASED + dt.timedelta(days=100))

        assert () == fb.check_feedback(late, order=order(), policy=policy).notes
        assert "90d" in fb.check_feedback(late, order=order()).notes[0]


class TestNextSteps:
    def test_ground_current(self):
        """With a ground: ask through Feedback Manager before the deadline."""
        report = fb.check_feedback(feedback("bluetooth keeps dropping"))

        assert "feedback_manager" == report.path
        assert "Feedback Manager" in report.next_steps[0]
        assert "2026-04-20T16:30:00+00:00" in report.next_steps[0]

    def test_ground_seed(self):
        """The seed asks in a Seller Support ticket."""
        report = fb.check_feedback(feedback("bluetooth keeps dropping"), policy=SEED)

        assert "seller_support" == report.path
        assert "Seller Support" in report.next_steps[0]

    def test_no_ground_current(self):
        """Without a ground: resolve first, then one neutral request, no incentive, no review."""
        steps = " ".join(fb.check_feedback(feedback("seller never answers")).next_steps)

        assert "Resolve the buyer's problem first" in steps
        assert "one neutral request" in steps
        assert "anything of value" in steps
        assert "product review" in steps

    def test_no_ground_seed(self):
        """The seed allows polite requests up to follow_up_requests times."""
        steps = " ".join(
            fb.check_feedback(feedback("seller never answers"), policy=SEED).next_steps
        )

        assert "up to 2 times" in steps
        assert "60d" in steps

    def test_follow_up_parameter(self):
        """The number of requests is the follow_up_requests parameter."""
        policy = SEED.with_parameters(follow_up_requests=3)

        steps = " ".join(
            fb.check_feedback(feedback("seller never answers"), policy=policy).next_steps
        )

        assert "up to 3 times" in steps

    def test_mismatch_advice(self):
        """SP310 advises contacting the buyer about the star scale."""
        report = fb.check_feedback(feedback("great seller, fast shipping, thanks!"))

        assert any("star" in step for step in report.next_steps)

    def test_positive_feedback(self):
        """Positive feedback has nothing to remove."""
        report = fb.check_feedback(feedback("great seller", 5))

        assert report.next_steps[0].startswith("Positive feedback")
        assert report.request_deadline is None


class TestBadInput:
    def test_feedback_before_purchase(self):
        """Feedback left before the order was placed is refused, naming feedback.left_at."""
        early = feedback("meh", left_at=PURCHASED - dt.timedelta(seconds=1))

        with pytest.raises(InvalidValueError, match="before the order was placed") as err:
            fb.check_feedback(early, order=order())

        assert "feedback.left_at" == err.value.field

    def test_other_order(self):
        """An order that is not the feedback's is refused, naming order.order_id."""
        with pytest.raises(InvalidValueError, match="not the feedback's order") as err:
            fb.check_feedback(feedback("meh"), order=order(order_id="113-0000000-0000000"))

        assert "order.order_id" == err.value.field

    def test_naive_now(self):
        """A naive now is refused, naming now."""
        with pytest.raises(InvalidValueError, match="timezone-aware") as err:
            fb.check_feedback(feedback("meh"), now=dt.datetime(2026, 3, 1))  # noqa: DTZ001

        assert "now" == err.value.field

    def test_now_before_feedback(self):
        """A now before the feedback was left is refused."""
        with pytest.raises(InvalidValueError, match="before the feedback was left") as err:
            fb.check_feedback(feedback("meh"), now=LEFT - dt.timedelta(days=1))

        assert "now" == err.value.field

    @pytest.mark.parametrize(
        ("kwargs", "field"),
        [
            ({"feedback": "meh"}, "feedback"),
            ({"order": "113-1234567-1234567"}, "order"),
            ({"policy": "current"}, "policy"),
        ],
        ids=["feedback", "order", "policy"],
    )
    def test_wrong_types(self, kwargs, field):
        """Arguments of the wrong type are refused, naming the argument."""
        args = {"feedback": feedback("meh"), **kwargs}
        subject = args.pop("feedback")

        with pytest.raises(InvalidTypeError, match=f"{field} must be") as err:
            fb.check_feedback(subject, **args)

        assert field == err.value.field

    def test_too_long(self):
        """A comment over max_input_chars is refused."""
        policy = CURRENT.with_parameters(max_input_chars=10)

        with pytest.raises(InputTooLargeError, match="max_input_chars"):
            fb.check_feedback(feedback("x" * 11), policy=policy)


class TestReport:
    def test_str(self):
        """The report reads as a headline, findings, the deadline and the next steps."""
        text = str(fb.check_feedback(feedback("bluetooth keeps dropping"), order=order()))

        assert text.startswith("negative feedback (1 star): removable (SP302 product-review)")
        assert "request by 2026-04-20T16:30:00+00:00 via feedback_manager" in text
        assert "next: Ask Amazon through Feedback Manager" in text

    def test_str_without_ground(self):
        """Without a ground the headline says so."""
        text = str(fb.check_feedback(feedback("meh", 3), order=order()))

        assert text.startswith("neutral feedback (3 stars): no removal or strike-through ground")

    @given(
        fbk=s.feedbacks(),
        edition=st.sampled_from(["current", "seed"]),
        now_offset=st.none() | st.integers(0, 400),
    )
    def test_json_round_trip(self, fbk, edition, now_offset):
        """A report survives to_json and from_json unchanged."""
        now = None if now_offset is None else fbk.left_at + dt.timedelta(days=now_offset)
        report = fb.check_feedback(fbk, now=now, policy=POLICIES[edition])

        assert report == sellerpolicy.from_json(fb.FeedbackReport, sellerpolicy.to_json(report))

    def test_json_round_trip_with_order(self):
        """A report with findings, evidence and unjudged rules round-trips."""
        report = fb.check_feedback(
            feedback("courier Dave Hill threw it over the fence, f***ing useless"),
            order=order("AFN"),
            now=NOW,
        )

        assert report.findings
        assert report == sellerpolicy.from_json(fb.FeedbackReport, sellerpolicy.to_json(report))

    @given(fbk=s.feedbacks(), order_=s.orders())
    def test_any_order_is_judged(self, fbk, order_):
        """With any matching order placed before the feedback, both rules are judged or explained."""
        order_ = attrs.evolve(
            order_, order_id=fbk.order_id, purchased_at=min(order_.purchased_at, fbk.left_at)
        )

        report = fb.check_feedback(fbk, order=order_)

        assert Code.SP301 not in {n.code for n in report.not_judged}
        assert all("no order given" not in n.reason for n in report.not_judged)


def stats_feedback(days_ago: float, rating: int) -> Feedback:
    return Feedback(order_id=ORDER_ID, rating=rating, left_at=NOW - dt.timedelta(days=days_ago))


class TestStats:
    def test_windows(self):
        """Counts and shares per window; the windows are 30, 90, 365 days and lifetime."""
        items = [stats_feedback(d, r) for d, r in [(1, 5), (10, 1), (45, 3), (200, 5), (800, 2)]]

        stats = fb.feedback_stats(items, now=NOW)

        assert ["30d", "90d", "365d", "lifetime"] == [w.label for w in stats.windows]
        assert [2, 3, 4, 5] == [w.ratings for w in stats.windows]
        assert [(1, 0, 1), (1, 1, 1), (2, 1, 1), (2, 1, 2)] == [
            (w.positive, w.neutral, w.negative) for w in stats.windows
        ]
        assert decimal.Decimal("0.5000") == stats.windows[0].positive_share
        assert decimal.Decimal("0.3333") == stats.windows[1].positive_share

    def test_window_start_is_inclusive(self):
        """Feedback left exactly at the window's start counts, a second earlier does not."""
        start = Duration.parse("30d").before(NOW, sellerpolicy.MARKETPLACES[US])
        items = [
            Feedback(order_id=ORDER_ID, rating=5, left_at=start),
            Feedback(order_id=ORDER_ID, rating=5, left_at=start - dt.timedelta(seconds=1)),
        ]

        stats = fb.feedback_stats(items, now=NOW)

        assert 1 == stats.windows[0].ratings
        assert start == stats.windows[0].start

    @pytest.mark.parametrize(
        ("recent", "label"),
        [(11, "365d"), (10, "lifetime")],
        ids=["more-than-10-sees-12-months", "10-sees-lifetime"],
    )
    def test_shopper_figure(self, recent, label):
        """Shoppers see the 12-month figure with more than 10 ratings in it, else lifetime."""
        items = [stats_feedback(5 + i, 5) for i in range(recent)] + [stats_feedback(900, 1)]

        stats = fb.feedback_stats(items, now=NOW)

        assert label == stats.shopper.label
        assert str(recent) in stats.shopper_reason

    def test_shopper_threshold_is_a_parameter(self):
        """shopper_min_ratings moves which figure shoppers see."""
        items = [stats_feedback(5 + i, 5) for i in range(5)]
        policy = CURRENT.with_parameters(shopper_min_ratings=4)

        assert "lifetime" == fb.feedback_stats(items, now=NOW).shopper.label
        assert "365d" == fb.feedback_stats(items, now=NOW, policy=policy).shopper.label

    def test_future_feedback_ignored(self):
        """Feedback left after now is not counted, and the count of ignored ones is given."""
        items = [stats_feedback(1, 5), stats_feedback(-1, 1)]

        stats = fb.feedback_stats(items, now=NOW)

        assert 1 == stats.windows[-1].ratings
        assert 1 == stats.ignored

    def test_declining(self):
        """Three buckets in a row each falling make the trend declining."""
        shares = [(100, 10), (70, 9), (40, 8), (10, 7)]  # (days ago, positives of 10)
        items = [
            stats_feedback(days - i * 0.1, 5 if i < positives else 1)
            for days, positives in shares
            for i in range(10)
        ]

        stats = fb.feedback_stats(items, now=NOW)

        assert 12 == len(stats.trend)
        assert stats.declining
        assert [decimal.Decimal(x) for x in ("1", "0.9", "0.8", "0.7")] == [
            b.positive_share for b in stats.trend[-4:]
        ]

    def test_not_declining_when_one_rises(self):
        """A bucket that rises breaks the decline."""
        shares = [(100, 10), (70, 8), (40, 9), (10, 7)]
        items = [
            stats_feedback(days - i * 0.1, 5 if i < positives else 1)
            for days, positives in shares
            for i in range(10)
        ]

        assert not fb.feedback_stats(items, now=NOW).declining

    def test_not_declining_with_an_empty_bucket(self):
        """An empty bucket gives no share, so no decline can be seen through it."""
        items = [stats_feedback(100, 5), stats_feedback(40, 3), stats_feedback(10, 1)]

        assert not fb.feedback_stats(items, now=NOW).declining

    def test_naive_now(self):
        """now must be timezone-aware."""
        with pytest.raises(InvalidValueError) as err:
            fb.feedback_stats([], now=dt.datetime(2026, 3, 1))  # noqa: DTZ001

        assert "now" == err.value.field

    def test_not_feedback(self):
        """Every item must be a Feedback; the error names the item."""
        with pytest.raises(InvalidTypeError) as err:
            fb.feedback_stats([stats_feedback(1, 5), "meh"], now=NOW)

        assert "feedbacks[1]" == err.value.field

    @given(items=st.lists(s.feedbacks(), max_size=25), now=s.aware_datetimes())
    def test_invariants(self, items, now):
        """Counts add up, windows nest, shares lie in [0, 1], order and later feedback do not matter."""
        stats = fb.feedback_stats(items, now=now)

        for w in stats.windows:
            assert w.positive + w.neutral + w.negative == w.ratings
            assert w.positive_share is None or 0 <= w.positive_share <= 1
        counts = [w.ratings for w in stats.windows]
        assert counts == sorted(counts)
        assert stats.windows[-1].ratings + stats.ignored == len(items)
        assert stats.shopper in stats.windows or stats.shopper.label == "365d"
        assert sum(b.ratings for b in stats.trend) <= stats.windows[-2].ratings
        assert stats == fb.feedback_stats(list(reversed(items)), now=now)
        later = Feedback(order_id=ORDER_ID, rating=1, left_at=now + dt.timedelta(seconds=1))
        assert stats.windows == fb.feedback_stats([*items, later], now=now).windows

    @given(items=st.lists(s.feedbacks(), max_size=10), now=s.aware_datetimes())
    def test_json_round_trip(self, items, now):
        """Statistics survive to_json and from_json."""
        stats = fb.feedback_stats(items, now=now)

        assert stats == sellerpolicy.from_json(fb.FeedbackStats, sellerpolicy.to_json(stats))

    def test_str(self):
        """The statistics read as one line per window, the shopper figure and the trend."""
        text = str(fb.feedback_stats([stats_feedback(1, 5), stats_feedback(2, 1)], now=NOW))

        assert "30d: 50.00% positive of 2 (1/0/1)" in text
        assert "shoppers see lifetime" in text


class TestPolicyNumbers:
    @pytest.mark.parametrize(
        ("name", "current", "seed"),
        [
            ("removal_request_window", "90d", "60d"),
            ("feedback_window", "90d", "90d"),
            ("buyer_removal_window", "60d", "60d"),
            ("shopper_window", "365d", "365d"),
            ("trend_bucket", "30d", "30d"),
        ],
        ids=str,
    )
    def test_durations(self, name, current, seed):
        """The family's windows are POLICY.md §6's, per edition."""
        assert Duration.parse(current) == CURRENT.parameters.duration(name)
        assert Duration.parse(seed) == SEED.parameters.duration(name)

    @pytest.mark.parametrize(
        ("name", "current", "seed"),
        [
            ("removal_path", "feedback_manager", "seller_support"),
            ("fba_strike_scope", "delivery", "delivery_or_service"),
            ("personal_email_scope", "seller_specific", "any"),
        ],
        ids=str,
    )
    def test_choices(self, name, current, seed):
        """The request path, SP301's scope and SP304's emails differ per edition."""
        assert (current, seed) == (CURRENT.parameters.choice(name), SEED.parameters.choice(name))

    @pytest.mark.parametrize(
        ("name", "current", "seed"),
        [
            ("follow_up_requests", 1, 2),
            ("shopper_min_ratings", 10, 10),
            ("trend_decline_buckets", 3, 3),
        ],
        ids=str,
    )
    def test_integers(self, name, current, seed):
        """One request (current) or two (seed); more than 10 ratings for the 12-month figure."""
        assert (current, seed) == (CURRENT.parameters.integer(name), SEED.parameters.integer(name))

    def test_score_windows(self):
        """Scores over 30, 90 and 365 days (lifetime is always added)."""
        expected = tuple(Duration.parse(d) for d in ("30d", "90d", "365d"))

        assert expected == CURRENT.parameters.durations("score_windows")
        assert expected == SEED.parameters.durations("score_windows")

    @pytest.mark.parametrize(
        ("rating", "expected"),
        list(
            zip(
                range(1, 6),
                ["negative", "negative", "neutral", "positive", "positive"],
                strict=True,
            )
        ),
        ids=[f"{r}-stars" for r in range(1, 6)],
    )
    def test_rating_classes(self, rating, expected):
        """1-2 stars are negative, 3 neutral, 4-5 positive, in the report too."""
        report = fb.check_feedback(feedback("meh", rating))

        assert FeedbackClass(expected) == report.rating_class

    @pytest.mark.parametrize(
        ("code", "current", "seed"),
        [
            (Code.SP305, None, Severity.INFO),
            (Code.SP306, Severity.INFO, None),
        ],
        ids=["SP305-seed-only", "SP306-current-only"],
    )
    def test_editions_have_their_rules(self, code, current, seed):
        """SP305 exists only in the seed, SP306 only in the current edition."""
        assert (current, seed) == (CURRENT.severity(code), SEED.severity(code))


class TestTextReading:
    @pytest.mark.parametrize(
        ("comment", "expected"),
        [
            ("packege got lost", {fb.Topic.SHIPPING, fb.Topic.MISSING}),
            ("recieved it late", {fb.Topic.SHIPPING, fb.Topic.LATE}),
            ("smells like chemicals", {fb.Topic.PRODUCT}),
            ("llegó tarde", {fb.Topic.SHIPPING, fb.Topic.LATE}),
            ("l'article est arrivé cassé", {fb.Topic.CONDITION, fb.Topic.SHIPPING}),
            ("まだ届いていません", {fb.Topic.SHIPPING, fb.Topic.MISSING}),
            ("返品の対応が遅かった", {fb.Topic.SERVICE, fb.Topic.LATE}),
            ("write to no-reply@parcel.com", set()),
            ("seller asked me to change my review", {fb.Topic.SELLER, fb.Topic.CONDUCT}),
            ("the buttons stopped responding", {fb.Topic.PRODUCT}),
            ("the seller stopped responding", {fb.Topic.SELLER, fb.Topic.SERVICE}),
        ],
        ids=[
            "typo-swap",
            "typo-ie",
            "no-false-typo",
            "accents",
            "elision",
            "japanese-voiced",
            "japanese-service",
            "words-of-an-email",
            "conduct-no-service",
            "a-part-stopped-responding",
            "the-seller-stopped-responding",
        ],
    )
    def test_topics(self, comment, expected):
        """Typos, accents and elisions are read as the words they stand for, and no more."""
        assert expected == fb.Comment(comment).topics

    def test_clauses_are_cut_at_contrast(self):
        """'but' starts a new clause."""
        comment = fb.Comment("jacket is nice but the seller took 12 days to ship it")

        assert 2 == len(comment.clauses)

    def test_japanese_punctuation_ends_clauses(self):
        """'、' and '。' end a clause, as a comma and a full stop do."""
        comment = fb.Comment("配送は遅れましたが、商品はとても良いです。ありがとう")

        assert 3 == len(comment.clauses)

    def test_substring_lists_add_to_known_vocabularies(self):
        """Every Japanese substring list adds to a vocabulary (or its exceptions) that exists."""
        data = fb._data()

        assert set(data["substrings"]) <= set(data["vocabularies"])

    @given(text=st.text(max_size=300))
    def test_any_text(self, text):
        """Any text is read without error and every topic comes from a clause."""
        comment = fb.Comment(text)

        assert comment.topics == frozenset().union(*(c.topics for c in comment.clauses))


class TestRegistry:
    def test_every_code_flags_by_edition(self):
        """A seed-only rule's example is judged under the seed, a current-only one under current."""
        assert Edition.SEED is fb.example(Code.SP305, "bad")[2].edition
        assert Edition.CURRENT is fb.example(Code.SP306, "bad")[2].edition

    def test_pairwise_distinct_examples(self):
        """Each rule's bad and good examples differ."""
        for code in fb.FEEDBACK_CODES:
            bad, good = (fb.example(code, w)[0].comment for w in ("bad", "good"))
            assert bad != good

    def test_codes_in_order(self):
        """The family's codes are listed in code order."""
        assert list(fb.FEEDBACK_CODES) == sorted(fb.FEEDBACK_CODES)
        assert all(a < b for a, b in itertools.pairwise(fb.FEEDBACK_CODES))


class TestPolicyPhrases:
    @pytest.mark.parametrize(
        ("comment", "rating", "base", "phrases", "code"),
        [
            ("what a bunch of zorkheads", 1, CURRENT, {"profanity": ["zorkhead*"]}, "SP303"),
            ("what a bunch of zorkheads", 1, SEED, {"profanity": ["zorkhead*"]}, "SP303"),
            (
                "costs an arm and a kidney",
                2,
                SEED,
                {"price_complaint": ["arm and a kidney"]},
                "SP305",
            ),
            ("the frobnicator wobbulates", 2, CURRENT, {"product": ["wobbulat*"]}, "SP302"),
            ("meine Trömmel scheppert", 2, CURRENT, {"product": ["trommel"]}, "SP302"),
            ("神対応でした", 1, CURRENT, {"positive": ["神対応"]}, "SP310"),
            ("ケーブルがすぐ断線した", 2, SEED, {"product": ["断線"]}, "SP302"),
        ],
        ids=[
            "profanity-current",
            "profanity-seed",
            "price-complaint-seed",
            "product-stem",
            "product-accents-folded",
            "japanese-substring-positive",
            "japanese-substring-product",
        ],
    )
    def test_extra_phrases_move_check_feedback(self, comment, rating, base, phrases, code):
        """A phrase added with with_phrases makes the feedback ground fire; without it, it does not."""
        policy = base.with_phrases(**phrases)

        before = sellerpolicy.check_feedback(feedback(comment, rating), policy=base)
        after = sellerpolicy.check_feedback(feedback(comment, rating), policy=policy)

        assert (False, True) == (code in before.codes, code in after.codes)

    def test_policy_file_phrases_reach_feedback(self, tmp_path):
        """A policy file's [phrases] table extends a feedback vocabulary too."""
        path = tmp_path / "policy.toml"
        path.write_text('[phrases]\nprofanity = ["zorkhead*"]\n', encoding="utf-8")
        policy = Policy.from_toml(path)

        report = sellerpolicy.check_feedback(feedback("zorkheads, all of them"), policy=policy)

        assert "SP303" in report.codes
        assert "zorkheads" == next(f.excerpt for f in report.findings if f.code == "SP303")

    def test_each_phrase_reaches_only_its_rule_set(self):
        """A feedback vocabulary's phrase extends the feedback reading only, a message one's not it."""
        ours = CURRENT.with_phrases(profanity=["zorkhead"], incentive=["blorpcoin"])

        message_hits = {h.vocab for h in lexicon(ours.phrases).scan("zorkhead blorpcoin")}
        comment_hits = {h.vocab for h in fb.Comment("zorkhead blorpcoin", policy=ours).hits}

        assert {"incentive"} == message_hits
        assert {"profanity"} == comment_hits

    def test_built_in_policies_read_the_same(self):
        """With no extra phrases a policy reads comments exactly as the built-in vocabularies do."""
        comment = "Reißverschluss nach einer Woche kaputt, $40 for this?"

        assert fb.Comment(comment).hits == fb.Comment(comment, policy=SEED).hits


class TestReading:
    @pytest.mark.parametrize(
        ("comment", "rating", "channel", "current", "seed"),
        [
            ("the seam ripped after two washes", 2, "MFN", {"SP302"}, {"SP302"}),
            ("the seam arrived ripped", 2, "MFN", set(), set()),
            ("box ripped after a week in transit", 2, "AFN", {"SP301"}, {"SP301"}),
            ("las costuras se abrieron", 1, "MFN", {"SP302"}, {"SP302"}),
            ("paid 30 dollars more than my neighbour", 2, "MFN", set(), {"SP305"}),
            ("$12.99 postage for a tiny envelope", 1, "MFN", set(), {"SP305"}),
            ("got a $10 refund for a late delivery", 4, "MFN", set(), set()),
            ("le même est à 10 euros en grande surface", 2, "MFN", set(), {"SP305"}),
            ("the price was more than fair", 5, "MFN", set(), set()),
            ("dogsh1t service", 1, "MFN", {"SP303"}, {"SP303"}),
            ("ordered for xmas, came in january", 1, "AFN", {"SP301"}, {"SP301"}),
            ("stopped heating up after a week", 1, "MFN", {"SP302"}, {"SP302"}),
            ("seller stopped replying after a week", 1, "AFN", set(), {"SP301"}),
            ("stopped updating the tracking", 1, "AFN", {"SP301"}, {"SP301"}),
            ("for 60 bucks I expected way better", 2, "MFN", set(), {"SP305"}),
            ("scratched the first time I used it", 2, "MFN", {"SP302"}, {"SP302"}),
            ("arrived scratched", 2, "MFN", set(), set()),
            ("costa meno che al negozio, consigliato", 5, "MFN", set(), set()),
            ("walmart has it cheaper than here", 2, "MFN", set(), {"SP305"}),
            ("spese di spedizione carissime", 2, "MFN", set(), {"SP305"}),
            ("ordered 3 mugs, box had one. useless", 1, "AFN", set(), set()),
            (
                "Wunderschön, sieht toll aus im Garten!",
                1,
                "AFN",
                {"SP302", "SP310"},
                {"SP302", "SP310"},
            ),
            ("Für 40 € erwarte ich mehr als so ein klappriges Ding.", 2, "AFN", set(), {"SP305"}),
            (
                "Ho scritto a info@shop-esempio.it tre volte. La lampada sfarfalla.",
                1,
                "AFN",
                {"SP304"},
                {"SP304"},
            ),
            ("Imposible de montar, las piezas no encajan.", 1, "MFN", {"SP302"}, {"SP302"}),
        ],
        ids=[
            "damage-after-use-is-product",
            "damage-on-arrival-is-condition",
            "parcel-damage-after-time-is-handling",
            "plural-of-a-product-word",
            "an-amount-more-than-others-paid",
            "an-amount-a-word-and-for-a-thing",
            "a-refund-amount-is-no-price-complaint",
            "an-amount-in-another-shop",
            "more-than-fair-is-praise",
            "masked-compound-profanity",
            "a-later-month-than-needed-is-late",
            "stopped-doing-something-is-the-product",
            "stopped-replying-is-the-seller",
            "stopped-updating-the-tracking-is-delivery",
            "what-an-amount-should-have-bought",
            "wear-after-use-is-the-product",
            "wear-on-arrival-is-the-condition",
            "lower-than-another-shop-is-praise",
            "cheaper-than-here-is-a-complaint",
            "a-price-word-with-an-expensive-adjective",
            "a-quantity-short-is-the-condition",
            "looks-praised-in-the-garden-is-the-product",
            "price-set-against-quality-is-mixed",
            "writing-to-the-seller-makes-it-mixed",
            "impossible-to-assemble-is-the-product",
        ],
    )
    def test_grounds(self, comment, rating, channel, current, seed):
        """The wording each reading rule generalises gives the grounds of both editions."""
        got = {
            name: grounds(
                fb.check_feedback(feedback(comment, rating), order=order(channel), policy=p)
            )
            for name, p in POLICIES.items()
        }

        assert {"current": current, "seed": seed} == got
