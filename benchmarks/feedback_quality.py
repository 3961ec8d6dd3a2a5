"""Per-ground precision, recall and F1 of the feedback checker over tests/corpus/feedback/.

Run: python -m benchmarks.feedback_quality [--blind | --fresh | --folder PATH] [--edition seed]
[--misses] [--by-language]

The tuning set is every ``feedback_*.jsonl`` file in that folder: what the vocabularies were
tuned on (``feedback_c.jsonl`` is a retired blind set, ``feedback_d.jsonl`` pins the fixes made
after it; ``feedback_e.jsonl`` is half of a second independent writer's set, whose other half is
the blind set, and ``feedback_f.jsonl`` pins the fixes made after it; ``feedback_g.jsonl`` is
a third independent writer's set, ``feedback_h.jsonl`` and ``feedback_i.jsonl`` pin the fixes
made after it and after issue 6). The blind set is every
``*.jsonl`` file in ``blind/`` (today 210 comments, frozen on 2026-12-03); it is written from
POLICY.md alone and is never read to tune: only its aggregate figures may be looked at, so
``--misses`` is refused with ``--blind``. The second blind set is every ``*.jsonl`` file in
``fresh/``: 160 comments (the even ids) of a fourth independent writer's 320, frozen on
2026-12-03 before any tuning on them (``--fresh``, aggregates only too); the odd ids are the
tuning file ``feedback_j.jsonl``, and ``feedback_k.jsonl`` pins the fixes made after it.
``feedback_l.jsonl`` is a fifth independent writer's 260 comments, committed as written on
2026-12-04 (sha256 cc5c27da…) after they were scored untouched with ``--folder``;
``feedback_m.jsonl`` pins the fixes made after it and after issue 6's second round.
``feedback_n.jsonl`` is a sixth independent writer's 200 delivery comments (110 AFN, 90 MFN),
committed as written on 2026-12-04 (sha256 0b57357d…) after they were scored untouched with
``--folder``; ``feedback_o.jsonl`` pins the fixes made after it. ``feedback_p``, ``_q`` and
``_r`` are three more writers' sets and ``feedback_s.jsonl`` a tenth writer's 220 comments (118
AFN, 95 of them on SP301's boundary), committed as written on 2026-12-04 (sha256 ef42e510…)
after they were scored untouched with ``--folder``; ``feedback_t.jsonl`` an eleventh writer's
200 comments on SP302-SP304 and SP310 (sha256 296413fa…), and ``feedback_u.jsonl`` a twelfth
writer's 200 comments in German, French, Spanish and Italian (sha256 70f86702…), the same way.
``disputed/feedback_v.jsonl``, ``feedback_w.jsonl`` and ``feedback_x.jsonl`` are a thirteenth,
fourteenth and fifteenth writer's 200 comments each (sha256 3f91e255…, fc4d115f… and 4aeb9866…),
committed as written: their writers read SP304's "seller-specific" in the current edition as the
seller's own staff only, so they sit beside the tuning set
(``--folder tests/corpus/feedback/disputed``), their other grounds held by tests; so does
``disputed/feedback_ad.jsonl``, a twenty-first writer's 200 ordinary comments of a toy and
small-electronics shop with the same reading (sha256 62cddad3…, 2026-12-05), and
``disputed/feedback_ae.jsonl`` (a garden-furniture shop, sha256 f004a6b7…) and
``disputed/feedback_af.jsonl`` (a book, game and stationery shop, sha256 c9cabf34…), the
twenty-second and twenty-third writers, the same way; the latter also reads SP310 as any
praise under one or two stars and seed SP301 as Amazon's customer service only; and
``disputed/feedback_ag.jsonl`` (comments mostly about the delivery, sha256 5f513c3b…), the
twenty-fourth, which reads a packaging remark as refusing current SP301, and
``disputed/feedback_ah.jsonl`` (home textiles and lamps, the delivery and something else in one
breath, sha256 e7ce3d9b…), the twenty-fifth, which reads a photo unlike the item as the
listing's, not the product's, and ``disputed/feedback_ai.jsonl`` (a sporting-goods shop,
sha256 b6f5a1f6…), the twenty-sixth, which reads an item that arrived broken or dead as a
product review and a unit missing from an AFN parcel as the delivery, and
``disputed/feedback_az.jsonl`` (household goods and toys, sha256 a714dbef…) and
``disputed/feedback_ba.jsonl`` (electronics, clothing and garden goods, sha256 e0624027…),
writers of 2026-12-06 with the same reading of SP304 (see ``tests/test_feedback_corpus.py``).
``feedback_y.jsonl`` is a sixteenth writer's 200 comments on a mostly-AFN home and garden shop
in five languages (sha256 c56f1f96…), committed as written on 2026-12-05 after it was scored
untouched with ``--folder``. ``feedback_z.jsonl`` is a seventeenth writer's 200 comments on
SP301's boundary (123 AFN; electronics accessories and small kitchen appliances, five languages;
sha256 5a9bcf24…), committed as written on 2026-12-05 the same way, and ``feedback_aa.jsonl`` an
eighteenth writer's 200 comments, an ordinary year of a clothing, shoe and book seller (half
AFN; sha256 d8250511…). ``feedback_ab.jsonl`` is a nineteenth writer's 200 comments on how the
editions differ for SP301 (customer service of every kind on 135 AFN orders of a sports and
outdoor shop, five languages; sha256 473d2aa7…), committed as written on 2026-12-05 the same way,
and ``feedback_ac.jsonl`` a twentieth writer's 200 comments on the text grounds (personal
information, profanity, product-only comments, praise with one or two stars) of a furniture and
home-textiles shop (sha256 958d7f6b…). ``feedback_aj.jsonl`` is a twenty-seventh writer's 180
comments of a kitchenware and small-appliance shop, half AFN, delivery mixed with the item, the
seller's service or the price, in five languages (sha256 4831fcc6…), committed as written on
2026-12-06 after it was scored untouched with ``--folder``; ``feedback_ak.jsonl`` a
twenty-eighth writer's 180 comments of a baby, toy and household shop, two thirds AFN, a third in
the other four languages (sha256 f8d530f0…), the same way.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sellerpolicy import Code, Edition, Feedback, Order, Policy, Shipment
from sellerpolicy._rules.feedback import FEEDBACK_CODES, check_feedback

if TYPE_CHECKING:
    from collections.abc import Iterator

FOLDER = Path(__file__).resolve().parents[1] / "tests" / "corpus" / "feedback"
BLIND = FOLDER / "blind"
FRESH = FOLDER / "fresh"
TARGET = (0.92, 0.85)
"""Precision and recall every ground must reach on the blind set."""

_PURCHASED = dt.datetime(2026, 2, 2, 15, 30, tzinfo=dt.UTC)
_LATEST = _PURCHASED + dt.timedelta(days=6)


def records(folder: Path = FOLDER) -> Iterator[dict[str, Any]]:
    """Every record of every ``*.jsonl`` file in ``folder``, in file and line order."""
    for path in sorted(folder.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                record = json.loads(line)
                record["_where"] = f"{path.name}:{number}"
                yield record


def to_feedback(record: dict[str, Any]) -> tuple[Feedback, Order]:
    """The feedback a record describes and an order with its channel and Buy Shipping facts.

    An MFN order ``buy_shipping_on_time`` has a Buy Shipping label delivered a day before the
    latest delivery date; other MFN orders were shipped without Buy Shipping.
    """
    channel = record["channel"]
    shipments: tuple[Shipment, ...] = ()
    if channel == "MFN":
        on_time = bool(record["buy_shipping_on_time"])
        shipments = (
            Shipment(
                carrier="UPS",
                shipped_at=_PURCHASED + dt.timedelta(days=1),
                delivered_at=_LATEST - dt.timedelta(days=1),
                buy_shipping=on_time,
            ),
        )
    order = Order(
        order_id="113-0000000-0000001",
        marketplace_id="ATVPDKIKX0DER",
        purchased_at=_PURCHASED,
        fulfillment_channel=channel,
        latest_delivery=_LATEST,
        shipments=shipments,
    )
    feedback = Feedback(
        order_id=order.order_id,
        rating=record["rating"],
        left_at=_PURCHASED + dt.timedelta(days=12),
        comment=record["comment"],
    )
    return feedback, order


Scores = tuple[Counter[Code], Counter[Code], Counter[Code], list[str]]


def evaluate(edition: Edition, folder: Path = FOLDER, language: str | None = None) -> Scores:
    """True positives, false positives and false negatives per ground, and the misses.

    With ``language``, only the comments in that language count.
    """
    policy = Policy.current() if edition is Edition.CURRENT else Policy.seed()
    key = "labels" if edition is Edition.CURRENT else "seed_labels"
    tp: Counter[Code] = Counter()
    fp: Counter[Code] = Counter()
    fn: Counter[Code] = Counter()
    misses: list[str] = []
    for record in records(folder):
        if language is not None and record["lang"] != language:
            continue
        feedback, order = to_feedback(record)
        got = check_feedback(feedback, order=order, policy=policy).codes & set(FEEDBACK_CODES)
        want = {Code(c) for c in record[key]}
        for code in got & want:
            tp[code] += 1
        for kind, codes, counter in (("FP", got - want, fp), ("FN", want - got, fn)):
            for code in sorted(codes):
                counter[code] += 1
                misses.append(
                    f"{kind} {code} {record['id']} ({record['_where']}) "
                    f"{record['channel']} {record['rating']}*: {record['comment'][:140]!r}"
                )
    return tp, fp, fn, misses


def figures(code: Code, scores: Scores) -> tuple[float, float, float]:
    """Precision, recall and F1 of one ground (1.0 where nothing was expected or found)."""
    tp, fp, fn, _ = scores
    t, f, n = tp[code], fp[code], fn[code]
    precision = t / (t + f) if t + f else 1.0
    recall = t / (t + n) if t + n else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def codes_of(edition: Edition) -> list[Code]:
    """The grounds the edition has."""
    policy = Policy.current() if edition is Edition.CURRENT else Policy.seed()
    return [c for c in FEEDBACK_CODES if policy.severity(c) is not None]


def report(edition: Edition, folder: Path) -> list[str]:
    """The table of one edition."""
    scores = evaluate(edition, folder)
    tp, fp, fn, _ = scores
    root = FOLDER.parents[2]
    shown = folder.relative_to(root) if folder.is_relative_to(root) else folder
    lines = [
        f"{edition} edition, {shown}",
        f"{'rule':<7}{'name':<24}{'tp':>5}{'fp':>5}{'fn':>5}{'prec':>8}{'recall':>8}{'f1':>7}",
    ]
    for code in codes_of(edition):
        precision, recall, f1 = figures(code, scores)
        ok = "ok" if precision >= TARGET[0] and recall >= TARGET[1] else "BELOW"
        if not tp[code] + fn[code]:
            ok += " (no positives: recall not measured)"
        lines.append(
            f"{code.value:<7}{code.info.name:<24}{tp[code]:>5}{fp[code]:>5}{fn[code]:>5}"
            f"{precision:>8.3f}{recall:>8.3f}{f1:>7.3f}  {ok}"
        )
    return lines


def by_language(edition: Edition, folder: Path) -> list[str]:
    """False positives and negatives per ground and language (aggregates only)."""
    languages = sorted({r["lang"] for r in records(folder)})
    lines = [
        f"{edition} edition: fp/fn per language",
        f"{'rule':<7}" + "".join(f"{lang:>9}" for lang in languages),
    ]
    scores = {lang: evaluate(edition, folder, lang) for lang in languages}
    for code in codes_of(edition):
        cells = "".join(
            f"{scores[lang][1][code]:>5}/{scores[lang][2][code]:<3}" for lang in languages
        )
        lines.append(f"{code.value:<7}{cells}")
    return lines


def main() -> None:
    """Print the tables (both editions unless ``--edition`` picks one)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--blind", action="store_true", help="score the blind set")
    which.add_argument("--fresh", action="store_true", help="score the second blind set")
    which.add_argument(
        "--folder", type=Path, help="score the *.jsonl files of another folder (a new set, untuned)"
    )
    parser.add_argument("--edition", choices=[e.value for e in Edition], help="one edition only")
    parser.add_argument("--misses", action="store_true", help="list every miss (tuning set only)")
    parser.add_argument(
        "--by-language", action="store_true", help="false positives/negatives per language"
    )
    args = parser.parse_args()
    folder = args.folder or (BLIND if args.blind else FRESH if args.fresh else FOLDER)
    if args.misses and folder.resolve() in {BLIND.resolve(), FRESH.resolve()}:
        parser.error("--misses reads the records; a blind set is scored in aggregate only")
    editions = [Edition(args.edition)] if args.edition else list(Edition)
    total = sum(1 for _ in records(folder))
    if not total:
        parser.error(f"no comments in {folder}/*.jsonl to score")
    print(
        f"{total} comments; target on the blind set: precision >= {TARGET[0]}, recall >= {TARGET[1]}"
    )
    for edition in editions:
        print()
        print("\n".join(report(edition, folder)))
        if args.by_language:
            print("\n".join(by_language(edition, folder)))
        if args.misses:
            print("\n".join(evaluate(edition, folder)[3]))


if __name__ == "__main__":
    main()
