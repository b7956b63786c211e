"""Boilerplate removal and paragraph re-flow, on our own example lines."""

from __future__ import annotations

import pytest

from dyad.ingest.boilerplate import clean, clean_paragraphs, is_boilerplate
from dyad.ingest.paragraphs import to_paragraphs, wrap_width

NEWS = [
    "The two foreign ministers met in Hanoi on Thursday to discuss fishing rights, "
    "officials said.",
    "Officials said the agreement would be signed before the end of the month.",
]


@pytest.mark.parametrize(
    "line",
    [
        "Sign up for our daily briefing newsletter",
        "Subscribe to the weekly Asia newsletter here",
        "Subscribers agree to the Terms of Use and Privacy Policy",
        "Our free newsletter brings you the day's top stories every evening.",
        "Support The Harbour Chronicle!",
        "Your support, however small, keeps our reporters in the field.",
        "Please consider supporting independent journalism with a monthly gift.",
        "Please support us today.",
        "Not ready to donate today?",
        "Remind me later.",
        "Loading...",
        "Read more",
        "Continue reading",
        "Advertisement",
        "Follow us on Telegram",
        "Liked this post? Please spread the word!",
        "Enjoyed this article? Share it with your friends.",
        "We use cookies to personalise content and ads.",
        "This website uses cookies. Manage cookies",
        "The opinions and views expressed in this column do not necessarily reflect the "
        "editorial policy of the paper.",
        "Views expressed here are those of the author alone.",
        "\u00a9 2023 Lakeside Media. All rights reserved.",
        "| Hanoi",
        "Dear reader,",
    ],
)
def test_boilerplate_lines_are_recognised(line: str) -> None:
    assert is_boilerplate(line), line


@pytest.mark.parametrize(
    "paragraph",
    [
        # "support" and "newsletter" in the news sense
        "Vietnam said it would support the Philippines' bid to host the next summit.",
        "According to a newsletter published by the commerce ministry, exports rose by a "
        "tenth in the first quarter.",
        "Support for the agreement grew after the prime minister's visit.",
        "Both leaders pledged their support for a rules-based order at sea.",
        "The ministers agreed to sign up to the joint declaration on Friday.",
        "Copyright disputes were also on the agenda of the trade talks.",
        "Thailand will follow the example of its neighbours, the minister said.",
        # long paragraph containing a phrase that would be boilerplate alone
        "The ministry's statement, which also urged the public to read more about the "
        "history of the dispute and asked companies to follow us in adopting the new "
        "rules, said that the talks had covered maritime boundaries, fishing rights, the "
        "protection of coral reefs, the exchange of hydrographic data and a hotline between "
        "coast guards, and that a second round would take place in the autumn in the "
        "capital of the other country after consultations with provincial governments.",
    ],
)
def test_news_paragraphs_are_kept(paragraph: str) -> None:
    assert not is_boilerplate(paragraph)
    assert clean("\n\n".join([*NEWS, paragraph])).split("\n\n")[-1] == paragraph


def test_clean_keeps_article_text_intact_and_in_order() -> None:
    text = "\n".join(
        ["Support The Harbour Chronicle!", NEWS[0], "Loading...", NEWS[1], "Read more"]
    )
    assert clean(text) == "\n\n".join(NEWS)


def test_trailing_donation_widget_is_removed() -> None:
    tail = [
        "The views expressed in this analysis do not necessarily reflect the position of "
        "the Harbour Chronicle.",
        "A message from the Harbour Chronicle:",
        "We have reported from the region for twenty years without a paywall.",
        "Our work depends on readers like you. Thank you for standing with us.",
        "One-off",
        "Every month",
        "Give now",
        "Not ready to give today?",
        "Remind me later.",
    ]
    assert clean("\n".join([*NEWS, *tail])) == "\n\n".join(NEWS)


def test_a_final_quote_in_the_first_person_is_kept() -> None:
    quote = '"We will not give up our claims," the minister told parliament on Monday.'
    text = "\n".join([*NEWS, quote, "Please follow us:", "Enjoy this blog? Spread the word"])
    assert clean(text) == "\n\n".join([*NEWS, quote])


def test_trailing_rule_needs_boilerplate_not_just_short_lines() -> None:
    paragraphs = [*NEWS, "Hanoi, Vietnam", "Reporting by staff"]
    assert clean_paragraphs(paragraphs) == paragraphs


def test_one_paragraph_per_line_text_is_not_reflowed() -> None:
    lines = [
        "A headline without a full stop",
        "A first paragraph that is a long line of prose " * 5,
        "A second paragraph that is also rather long " * 6,
        "short closing line.",
    ]
    assert wrap_width(lines) is None
    assert to_paragraphs("\n".join(lines)) == [" ".join(line.split()) for line in lines]


WRAPPED = """\
Negotiators from the two capitals met for a third day on Friday and said
that they had agreed on the outline of a long-term arrangement for the
shared river basin, including flood warnings and the exchange of hydro-
logical data during the monsoon season.
The talks will resume next month.

A second paragraph, also hard-wrapped at the same width, notes that the
long-
term plan still needs the approval of both parliaments before it can take
effect.
"""


def test_hard_wrapped_text_is_reflowed_and_dehyphenated() -> None:
    assert wrap_width(WRAPPED.split("\n")) is not None
    paragraphs = to_paragraphs(WRAPPED)
    assert len(paragraphs) == 2
    assert "exchange of hydrological data during" in paragraphs[0]
    assert paragraphs[0].endswith("The talks will resume next month.")
    # "long-term" is spelt with a hyphen elsewhere, so the line-end hyphen is kept
    assert "the long-term plan still needs" in paragraphs[1]
    assert "\n" not in paragraphs[0]
