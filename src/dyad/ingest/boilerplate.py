"""Remove site boilerplate that plain-text scrapes carry along with the article.

Why: newsletter blurbs, donation appeals, share prompts, cookie banners and disclaimers are
not reporting. Left in, they become false "events" ("support us", "sign up") and pollute
date inference. The rules work on whole paragraphs (one per line or per blank-line block)
and only ever drop a paragraph: article text is never edited, so what is kept reads
exactly as the source had it.

Three rules, from most to least certain:

1. Whole-paragraph widgets: a paragraph that *is* a widget label ("Loading...", "Read
   more", "Remind me later.", "Advertisement", separator debris like "| Moscow").
2. Boilerplate phrases: imperative or second-person site prompts ("sign up for our
   newsletter", "please support us", "follow us", "we use cookies", "the views expressed
   ... do not necessarily reflect"). A paragraph is dropped only when it is short (at most
   `MAX_PHRASE_WORDS` words) *and* matches: a long news paragraph that happens to say
   "support" or "newsletter" is kept, and the phrases are site-to-reader wording that news
   prose does not use in the news sense ("support us", "our newsletter", "your inbox").
3. A trailing block: donation widgets end pages with an appeal letter and a row of short
   buttons ("Once", "Monthly", "Continue"). From the first boilerplate paragraph in the
   last part of the text, everything is dropped when every later paragraph is boilerplate,
   a short widget line (at most `SHORT_LINE_WORDS` words) or written to the reader
   (first/second person: "we need your help"), and at least two of them are boilerplate.
"""

from __future__ import annotations

import re

from dyad.ingest.paragraphs import join_paragraphs, to_paragraphs

MAX_PHRASE_WORDS = 60
SHORT_LINE_WORDS = 4

_I = re.IGNORECASE

# Rule 1: the paragraph, stripped, is nothing but a widget label.
_WIDGET = re.compile(
    r"^(?:loading(?:\.\.\.|\u2026)?|read more\W*|read next\W*|continue reading\W*|"
    r"click here\W*|advertisement|sponsored(?: content)?|skip to (?:main )?content|"
    r"remind me later\.?|show comments|comments?|share(?: this(?: article| story)?)?:?|"
    r"print|e-?mail|tweet|related(?: articles| stories)?:?|home|menu|search|"
    r"(?:log|sign) ?in|subscribe|back to top|"
    r"(?:[|\u00bb\u203a\u2022>/]+\s*)(?:\S+\s*){0,3})$",
    _I,
)

# Rule 2: site-to-reader wording. Each alternative names what it catches.
_PHRASES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, _I)
    for p in (
        # newsletters and subscriptions
        r"\b(?:sign up|subscribe|register)\b.{0,60}\bnewsletters?\b",
        r"\b(?:our|this) (?:free |daily |weekly |monthly )*(?:newsletter|mailing list)\b",
        r"\bsubscribers agree to\b",
        r"\bin your (?:mailbox|inbox)\b",
        r"\b(?:privacy policy|terms of (?:use|service))\b.{0,40}\b(?:agree|accept|apply)\b",
        # donation appeals
        r"(?-i:^Support (?:the |our )?(?:[A-Z0-9][\w'.&\-]*\s?){1,6}!?$)",
        r"\byour (?:support|donations?|contributions?)\b[^.]{0,40}?"
        r"\b(?:no matter|makes?|helps?|keeps?|means?|matters?|allows?|enables?)\b",
        r"\bplease (?:consider )?(?:support\w*|donat\w*|contribut\w*)\b",
        r"\bsupport (?:us|our (?:work|journalism|reporting))\b",
        r"\bnot ready to (?:support|donate|give)\b",
        r"\b(?:make a|every|one-time|monthly) (?:donation|contribution)\b",
        r"^(?:a message from\b|dear readers?\b)",
        # share and follow prompts
        r"\bfollow us(?: on\b|:|$)",
        r"\bspread the word\b",
        r"\b(?:share|like) (?:this|it) (?:on|with)\b",
        r"\benjoy(?:ed)? this (?:blog|post|article|story)\b",
        r"\b(?:share|follow) (?:on|via) (?:facebook|twitter|x|whatsapp|linkedin|telegram)\b",
        # cookie banners
        r"\b(?:we|this (?:web)?site) uses? cookies\b",
        r"\b(?:accept|manage|reject) (?:all )?cookies\b",
        r"\bcookie (?:policy|settings|preferences)\b",
        # disclaimers and footers
        r"\bviews expressed\b.{0,80}\b(?:not necessarily reflect|are (?:those|solely))",
        r"\bdo(?:es)? not necessarily (?:reflect|represent)\b.{0,40}\b(?:views?|position|policy)",
        r"\ball rights reserved\b",
        r"^(?:\u00a9|\(c\)|copyright\s*(?:\u00a9|\(c\))?\s*\d{4})",
        r"\bthis (?:article|story|content) (?:is|was) (?:available|brought) to you\b",
    )
)

# Rule 3: written to the reader.
_ADDRESS = re.compile(r"\b(?:you|your|yours|we|our|us)\b|\bthank you\b", _I)


def is_boilerplate(paragraph: str) -> bool:
    """Whether one paragraph is site boilerplate by rule 1 or 2 (see the module docstring)."""
    text = " ".join(paragraph.split())
    if not text:
        return True
    if _WIDGET.match(text):
        return True
    if len(text.split()) > MAX_PHRASE_WORDS:
        return False
    return any(p.search(text) for p in _PHRASES)


def _trailing_start(paragraphs: list[str], flags: list[bool]) -> int:
    """Index where a trailing boilerplate block starts, or len(paragraphs) if none."""
    start = len(paragraphs)
    found = 0
    # Walk back from the end while paragraphs still fit a widget/appeal tail.
    for i in range(len(paragraphs) - 1, -1, -1):
        text = paragraphs[i]
        if flags[i]:
            found += 1
            start = i
        elif len(text.split()) <= SHORT_LINE_WORDS or _ADDRESS.search(text):
            continue
        else:
            break
    return start if found >= 2 else len(paragraphs)


def clean_paragraphs(paragraphs: list[str]) -> list[str]:
    """Drop boilerplate paragraphs from a list of paragraphs, keeping the others as they are."""
    flags = [is_boilerplate(p) for p in paragraphs]
    end = _trailing_start(paragraphs, flags)
    return [p for p, bad in zip(paragraphs[:end], flags[:end], strict=True) if not bad]


def clean(text: str) -> str:
    """Remove boilerplate from `text`; returns the kept paragraphs joined by blank lines.

    The text is first split into paragraphs by `paragraphs.to_paragraphs` (one per line,
    or re-flowed when hard-wrapped); kept paragraphs are otherwise unchanged.
    """
    return join_paragraphs(clean_paragraphs(to_paragraphs(text)))
