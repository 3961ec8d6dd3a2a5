"""Throughput of the full message check against the libraries a developer would reach for.

Run: python -m benchmarks.speed [--quick]

Measures, over the same messages of the labelled corpus, in one run:
- sellerpolicy.check_message (every rule, current edition),
- urlextract's URLExtract.find_urls (links only),
- phonenumbers' PhoneNumberMatcher (phone numbers only),
- one pass of a single compiled `regex` pattern (a typical URL/email/phone pattern),
and reports messages per second and microseconds per ~300-character message, and how far the
check is from the targets: at least 10x urlextract's throughput and at most 3x the time of one
regex pass. The contestants run interleaved in rounds (the machine may be shared) and the
medians are reported, the ratios taken within each round. Then it checks adversarial inputs
(100 KB and 1 MB of repeated dots, spaces, '@', digits, 'a.' pairs, mixed confusables, unbroken
runs of look-alike letters of every script the normaliser folds, HTML whose markup splits words,
emoji, contact details): time per character must not grow with size, and must stay within 2x of
plain prose's. Each adversarial call is timed with the garbage collector off, as `timeit` does,
in three rounds that time prose and the shape one after the other.

Options: --skip-throughput, --skip-linearity, --only NAME (the shapes whose name holds NAME).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import statistics
import time
from collections.abc import Callable

import regex

from benchmarks.corpus import records, to_message
from sellerpolicy import Feedback, Message, MessageKind, check_feedback, check_message

BASELINE = regex.compile(
    r"(?:https?://|www\.)[^\s<>\"']+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\+?\d[\d\s().-]{7,}\d",
    regex.V1,
)


def _timeit(fn: Callable[[], object], *, repeat: int) -> float:
    """Best-of-`repeat` seconds for one call of ``fn`` (the minimum is the least noisy)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def _once(fn: Callable[[], object]) -> float:
    """Seconds for one call of ``fn``, with the garbage collector off, as `timeit` times.

    A collection falls on whichever call happens to cross its threshold; at a megabyte that is
    a fifth of one call's time, so one call of two compared would carry it and the other not.
    """
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        fn()
        return time.perf_counter() - start
    finally:
        gc.enable()


def corpus_messages(length: int = 300) -> list[Message]:
    """Plain-text corpus messages trimmed or padded to about ``length`` characters."""
    out = []
    for record in records():
        message, _ = to_message(record)
        if message.format != "text" or not message.body.strip():
            continue
        out.append(Message(body=_repeated(message.body, length), kind=message.kind))
    return out


def throughput(quick: bool) -> None:
    from phonenumbers import PhoneNumberMatcher
    from urlextract import URLExtract

    messages = corpus_messages()
    if quick:
        messages = messages[:200]
    texts = [m.body for m in messages]
    extractor = URLExtract()
    extractor.find_urls("warm up example.com")
    check_message(messages[0])  # compile everything once

    def run_check() -> None:
        for m in messages:
            check_message(m)

    def run_urlextract() -> None:
        for t in texts:
            extractor.find_urls(t)

    def run_phonenumbers() -> None:
        for t in texts:
            list(PhoneNumberMatcher(t, "US"))

    def run_regex() -> None:
        for t in texts:
            BASELINE.findall(t)

    contestants = {
        "sellerpolicy.check_message (all rules)": run_check,
        "urlextract URLExtract.find_urls": run_urlextract,
        "phonenumbers PhoneNumberMatcher": run_phonenumbers,
        "one compiled regex pass": run_regex,
    }
    # Rounds interleave the contestants, so that a burst of load from other processes falls on
    # all of them; the ratios are taken within each round and their median reported.
    rounds = 3 if quick else 7
    times: dict[str, list[float]] = {name: [] for name in contestants}
    for _ in range(rounds):
        for name, fn in contestants.items():
            times[name].append(_once(fn))
    results = {name: statistics.median(ts) for name, ts in times.items()}
    n = len(messages)
    mean_len = statistics.mean(len(t) for t in texts)
    print(f"{n} messages, mean length {mean_len:.0f} characters, median of {rounds} rounds\n")
    print(f"{'what':<42}{'msgs/s':>12}{'us/msg':>10}")
    for name, seconds in results.items():
        print(f"{name:<42}{n / seconds:>12,.0f}{seconds / n * 1e6:>10.1f}")
    ours = times["sellerpolicy.check_message (all rules)"]

    def ratio(other: str, *, slower: bool) -> float:
        """The median over the rounds of our time over theirs (``slower``) or theirs over ours."""
        pairs = zip(ours, times[other], strict=True)
        return statistics.median(
            mine / theirs if slower else theirs / mine for mine, theirs in pairs
        )

    print()
    print(
        f"vs urlextract:   {ratio('urlextract URLExtract.find_urls', slower=False):6.1f}x faster"
        " (target >= 10x)"
    )
    print(f"vs phonenumbers: {ratio('phonenumbers PhoneNumberMatcher', slower=False):6.1f}x faster")
    print(
        f"vs one regex:    {ratio('one compiled regex pass', slower=True):6.1f}x slower"
        " (target <= 3x)"
    )


# What ordinary messages read like, for the per-character yardstick of the shapes below.
PROSE = (
    "Hello Sam, thank you for your order. It shipped today with the courier and should arrive "
    "on Friday. If anything is wrong with it, just reply to this message and we will sort it "
    "out. Kind regards, the team at Sunleaf.\n"
)
ADVERSARIAL = {
    "plain prose": PROSE,  # the yardstick: every shape must stay within 2x of it per character
    "dots": ".",
    "spaces": " ",
    "at-signs": "@",
    "digits": "7",
    "a-dot pairs": "a.",
    "spaced dots": "a . ",
    "confusables": "оаеіс.",
    "spelled dots": "x [dot] ",
    "html": "<img src=",
    "links+emails": "shop.com b@c.com ",
    "review-not": "review your case ",
    # Runs of look-alike letters with no space, in every script the normaliser folds: a run once
    # took time that grew with the square of its length in the contact view.
    "cyrillic look-alike run": "авгекмнорстухіјѕԁӏԛԝһүѵ",
    "greek look-alike run": "αγεηικμνορτυχω",
    "mixed look-alike run": "аррӏеαοο𝛂𝛐",  # Cyrillic, Greek and mathematical Greek
    "look-alikes+latin": "ѕhοpаpple",
    "look-alike domains": "οοο.сом",
    # TR39 look-alikes of other scripts: Armenian, Cherokee, Lisu and astral Warang Citi letters
    "other-script look-alike run": "օսհոꭺꮯꭰꓮꓐꓚ𑣈𑢵",
    "other-script domains": "shօp.ꓚꓳꓟ ",
    # HTML whose markup splits words, and tags with attributes between them
    "html split words": "sh<span></span>op.com ",
    "html attributes": '<a href="https://x.com/a">y</a><img src=b.png alt="c">',
    # emoji: once one finding per emoji, and seconds per megabyte
    "emoji": "\N{GRINNING FACE}",
    "mixed emoji": "\N{THUMBS UP SIGN}\N{EMOJI MODIFIER FITZPATRICK TYPE-4} ok \N{SPARKLES} ",
    "emoji sequences": "\N{WOMAN}\u200d\N{WOMAN}\u200d\N{GIRL} \N{REGIONAL INDICATOR SYMBOL LETTER D}"
    "\N{REGIONAL INDICATOR SYMBOL LETTER E} ",
    # groups of digits and letter o's, each read as a number with zeros ('O161 496 OOOO')
    "letter-o digit groups": "1o1o o7 ",
    # the same with l's for ones ('O6.l2.34.56.78'), and digits spaced out with dashes
    "letter-l digit groups": "1l.l2.o3 ",
    "dashed spaced digits": "6 1 2 - 4 4 8 - ",
    # French numbers said in pairs ('zéro six, quarante-deux, dix-huit, ...'), without end
    "french number pairs": "zéro six, quarante-deux, quatre-vingt-dix-neuf, ",
    # a number said in groups of words and digits ('seis-cero-nueve, 12, treinta y cuatro, ...')
    "spoken number groups": "seis-cero-nueve, 12, treinta y cuatro, ",
    # a handle beside its platform (SP105), a swear word masked by dots (SP111)
    "social handles": "instagram @shop_x ",
    "dotted masks": "a....loch ",
    # a reminder about the review in every sentence (once quadratic in the sentences)
    "reminders": "Following up on your review, we offer a gift. ",
    # runs of star pictographs in one sentence that asks for a review (once quadratic: every
    # run counted the sentence's pictographs again), and "if so" after a satisfaction
    "drawn stars": "Please leave a review \u2b50\u2b50\u2b50\u2b50\u2b50 ",
    "if so": "We hope you are happy. If so, leave a review. ",
    # every contact detector at once, in sentences
    "contacts in prose": "write to jane@shop.com, see shop.com/x or call 020 7946 0958. ",
    # SP106's structural readings in one unpunctuated sentence: groups of reviewers (once
    # quadratic: each group searched the sentence from its start) and removals bought (the
    # exchange test read every hit of the text for each match)
    "reviewer groups": "wer anyone who posts a review ",
    "removals bought": "We read your feedback. If you change the size we'll send it. ",
    # negations of need in one unpunctuated sentence beside a gating or a removal (once
    # quadratic: each need searched the sentence's breaks, each hit every need's part), and
    # negations before a 'but' beside SP105's search clause
    "needs in a sentence": "contact us before leaving a review, no need to worry ",
    "needs beside a removal": "please remove the feedback and no need to send it back ",
    "negations before a but": "we can't do it, but google our brand shop ",
    # postal item numbers (SP104 checks each one's check digit), and a maker's national service
    # desk before numbers that change (the message's warranty and signature read once, not once
    # a number)
    "postal item numbers": "XK 0192 3317 4GB, RR 1234 5678 5DE ",
    "makers' desks": "Warranty: l'assistenza TORVIK Italia al numero verde 800 912 417. 0800 048 772 ",
    # a line a maker runs, given by where they print it (the body's words indexed once a message,
    # not searched for the maker's name once a number)
    "lines a maker runs": "The Acme 40841 arm. Acme run a hotline - the number they print is 0344 496 0732. ",
    # particles inside phrases in one endless sentence (a second pass over the words without
    # them), and a 'before' that governs a return beside a review (SP114's reading of the gate)
    "particles": "geben Sie uns doch erst hier die Chance, please just let us know ",
    "gates before returns": "message us before you send it back, reviews welcome ",
    # a count of stars read for the review words around it (each match's own hits, found by
    # bisection: quadratic until 2026-12-07), mock titles and sign-offs taken back (SP111)
    "star counts": "The cushion has 5 stars if you look. ",
    "mock titles": "well done, genius, regards (not really) ",
    # swear words spelled letter by letter beside runs of letters, and addresses said after their
    # provider (SP111 and SP103, round 94)
    "spaced letters": "s h i t. a b c d  e f g h ",
    "provider locals": "gmail: k_weber, yahoo come a.b ",
}
HTML_INPUTS = frozenset({"html", "html split words", "html attributes"})


def _repeated(unit: str, size: int) -> str:
    """``unit`` repeated to exactly ``size`` characters."""
    return (unit * (size // len(unit) + 1))[:size]


def _message(name: str, size: int) -> Message:
    text = _repeated(ADVERSARIAL[name], size)
    fmt = "html" if name in HTML_INPUTS else "text"
    return Message(body=text, kind=MessageKind.REPLY, format=fmt)


def linearity(quick: bool, only: str = "") -> None:
    sizes = (100_000, 1_000_000) if not quick else (20_000, 200_000)
    print(
        f"\nAdversarial inputs: microseconds per 1,000 characters at {sizes[0]:,} and {sizes[1]:,};"
        " 'vs prose' is the larger of the two sizes' ratios to plain prose (target <= 2x), each"
        " the median over rounds that time plain prose and the shape one after the other"
    )
    check_message("warm up: shop.com b@c.com 020 7946 0958")  # compile everything once
    width = max(map(len, ADVERSARIAL)) + 2
    print(f"{'input':<{width}}{'small':>10}{'large':>10}{'growth':>9}{'vs prose':>10}")
    prose = {size: _message("plain prose", size) for size in sizes}
    for name in ADVERSARIAL:
        if only and name != "plain prose" and only not in name:
            continue
        per_char = []
        ratios = []
        for size in sizes:
            message = _message(name, size)
            rounds = 3
            theirs, ours = [], []
            for _ in range(rounds):
                theirs.append(_once(lambda m=prose[size]: check_message(m)))
                ours.append(_once(lambda m=message: check_message(m)))
            per_char.append(statistics.median(ours) / size * 1e9)
            ratios.append(statistics.median(o / t for o, t in zip(ours, theirs, strict=True)))
        growth = per_char[1] / per_char[0]
        versus = max(ratios)
        flag = "  <-- super-linear?" if growth >= 3 else ""
        flag += "  <-- over 2x prose" if versus > 2 else ""
        print(
            f"{name:<{width}}{per_char[0]:>10.1f}{per_char[1]:>10.1f}{growth:>8.2f}x"
            f"{versus:>9.2f}x{flag}"
        )


# Feedback comments read by check_feedback: short in life, but a tool may pass any text. Each
# shape once took time that grew with its square (a review of 2026-12-07: the praise read
# against every duration, the whole comment upper-cased per possessive name).
FEEDBACK_ADVERSARIAL = {
    "plain comment": "Arrived on time, works well, the seller answered my question quickly. ",
    "praise and durations": "great, 3 days, ",
    "failures within days": "stopped working in 3 days, ",
    "possessive names before titles": "Stephen King's IT, ",
    "prices and praise": "pricey but worth every penny, 9,95€ de envío por un chupete, ",
    # negative words after a clause each (once every 'but' listed the clauses again), doubts
    # with no praise after them (once each read every later clause)
    "buts after clauses": "pricey but worth every penny, ",
    "doubts": "i was skeptical but great, ",
}


def _feedback(name: str, size: int) -> Feedback:
    return Feedback(
        order_id="111-1111111-1111111",
        rating=1,
        left_at=dt.datetime(2026, 11, 1, tzinfo=dt.UTC),
        comment=_repeated(FEEDBACK_ADVERSARIAL[name], size),
    )


def feedback_linearity(quick: bool, only: str = "") -> None:
    """`check_feedback` on long comments of each shape: time per character must not grow."""
    sizes = (20_000, 200_000) if not quick else (5_000, 50_000)
    print(
        f"\nFeedback comments: microseconds per 1,000 characters at {sizes[0]:,} and {sizes[1]:,}"
    )
    check_feedback(_feedback("plain comment", 200))
    width = max(map(len, FEEDBACK_ADVERSARIAL)) + 2
    print(f"{'input':<{width}}{'small':>10}{'large':>10}{'growth':>9}")
    for name in FEEDBACK_ADVERSARIAL:
        if only and name != "plain comment" and only not in name:
            continue
        per_char = []
        for size in sizes:
            feedback = _feedback(name, size)
            times = [_once(lambda f=feedback: check_feedback(f)) for _ in range(3)]
            per_char.append(statistics.median(times) / size * 1e9)
        growth = per_char[1] / per_char[0]
        flag = "  <-- super-linear?" if growth >= 3 else ""
        print(f"{name:<{width}}{per_char[0]:>10.1f}{per_char[1]:>10.1f}{growth:>8.2f}x{flag}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="fewer messages and smaller inputs")
    parser.add_argument("--skip-linearity", action="store_true")
    parser.add_argument("--skip-throughput", action="store_true")
    parser.add_argument("--only", default="", help="only the shapes whose name holds this")
    args = parser.parse_args()
    if not args.skip_throughput:
        throughput(args.quick)
    if not args.skip_linearity:
        linearity(args.quick, args.only)
        feedback_linearity(args.quick, args.only)


if __name__ == "__main__":
    main()
