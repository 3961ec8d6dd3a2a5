"""Load the labelled corpus in tests/corpus/ as (record, Message, history) triples."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sellerpolicy import Attachment, Message, from_dict

if TYPE_CHECKING:
    from collections.abc import Iterator

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "corpus"


HOLDOUT = CORPUS / "holdout"
BLIND = CORPUS / "blind"
RETIRED = CORPUS / "retired"
FRESH = CORPUS / "fresh"
# Sets committed as written whose writer reads a rule against the tuning majority: scored, never
# tuned to (see tests/corpus/README.md)
DISPUTED = CORPUS / "disputed"


def records(folder: Path = CORPUS) -> Iterator[dict[str, Any]]:
    """Every record of every ``*.jsonl`` file in ``folder``, in file and line order.

    The default is the tuning corpus; ``HOLDOUT`` is the held-out set, written independently of
    the rules and not used to tune them. ``folder`` may also be one ``.jsonl`` file (a writer's
    set scored before it joins the corpus).
    """
    paths = [folder] if folder.is_file() else sorted(folder.glob("*.jsonl"))
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                record = json.loads(line)
                record["_where"] = f"{path.name}:{number}"
                yield record


def to_message(record: dict[str, Any]) -> tuple[Message, tuple[Message, ...]]:
    """The message a record describes, and its history."""
    message = Message(
        body=record["body"],
        kind=record.get("kind", "proactive"),
        subject=record.get("subject"),
        format=record.get("format", "text"),
        attachments=tuple(Attachment(**a) for a in record.get("attachments", ())),
    )
    history = tuple(from_dict(Message, h) for h in record.get("history", ()))
    return message, history
