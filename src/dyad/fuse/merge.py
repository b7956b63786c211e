"""One event from the mentions fusion put together: its type and CAMEO code by majority,
its actors by how often the reports name them (sources first; a code that is a source is no
target), the best mention as its summary (dated, well attributed, short, direct), and an id
that is the hash of its mention ids, so the same mentions always make the same event."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence

from dyad.fusion_blocks import Block
from dyad.types import DateRange, Event, EventMention


def merged_event(mentions: Sequence[EventMention], when: DateRange | None, block: Block) -> Event:
    """The event a cluster of mentions makes (see the module docstring)."""
    ms = list(mentions)
    best = max(ms, key=_mention_quality)
    plover = Counter(m.plover for m in ms).most_common(1)[0][0]
    cameo = Counter(m.cameo for m in ms if m.plover == plover).most_common(1)[0][0]
    first = next(m for m in ms if m.cameo == cameo)
    sources = tuple(
        code for code, _ in Counter(c for m in ms for c in m.source_codes).most_common()
    )
    targets = tuple(
        code
        for code, _ in Counter(c for m in ms for c in m.target_codes).most_common()
        if code not in sources
    )
    unresolved_sources = _most_reported(n for m in ms for n in m.unresolved_sources)
    unresolved_targets = tuple(
        n
        for n in _most_reported(n for m in ms for n in m.unresolved_targets)
        if n not in unresolved_sources
    )
    key = ",".join(sorted(m.mention_id for m in ms))
    return Event(
        event_id=hashlib.sha256(key.encode()).hexdigest()[:16],
        plover=plover,
        cameo=cameo,
        quad_class=first.quad_class,
        goldstein=first.goldstein,
        sources=sources,
        targets=targets,
        when=when,
        summary=summarise(best),
        mentions=tuple(sorted(ms, key=_mention_quality, reverse=True)),
        future=all(m.future for m in ms),
        negated=block[2],
        hypothetical=block[3],
        habitual=block[4],
        unresolved_sources=unresolved_sources,
        unresolved_targets=unresolved_targets,
    )


def _most_reported(names: Iterable[str]) -> tuple[str, ...]:
    """Distinct names (case and spacing aside), most frequent first, as first written."""
    counts: Counter[str] = Counter()
    first: dict[str, str] = {}
    for name in names:
        key = " ".join(name.lower().split())
        counts[key] += 1
        first.setdefault(key, name)
    return tuple(first[k] for k, _ in counts.most_common())


def _mention_quality(m: EventMention) -> tuple[int, int, int]:
    """Prefer dated, well-attributed, short and direct mentions as the event's summary."""
    return (
        int(m.when is not None and m.when.precision in ("day", "range")),
        len(m.source_codes) + len(m.target_codes) - int(m.reported_by is not None),
        -len(m.sentence.text),
    )


def summarise(m: EventMention, limit: int = 240) -> str:
    """The supporting sentence, cut at word boundaries around the trigger when it is long."""
    text = " ".join(m.sentence.text.split())
    if len(text) <= limit:
        return text
    trigger_at = max(0, min(m.trigger_start - m.sentence.start, len(text)))
    start = max(0, min(trigger_at - limit // 3, len(text) - limit))
    end = start + limit
    if start:
        start = text.find(" ", start) + 1 or start
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")
