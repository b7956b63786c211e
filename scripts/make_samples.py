"""Regenerate the generated sample files and test fixtures, deterministically.

Writes:
- samples/*.html and samples/*.pdf from the texts in scripts/sample_articles.py;
- tests/data/article.pdf (two pages, hard-wrapped, one typeset line-end hyphen),
  tests/data/truncated.pdf (its first half), tests/data/latin1_article.txt (cp1252),
  tests/data/binary.txt (seeded random bytes with NULs).

The hand-written files (samples/*.txt, samples/manifest.jsonl, tests/data/*.html and
manifests) are not touched. Run with the dev extra installed (fpdf2):

    /work/venv/bin/python scripts/make_samples.py
"""

from __future__ import annotations

import html
import json
import random
import sys
from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sample_articles import HTML_ARTICLES, PDF_ARTICLES  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
FIXTURES = ROOT / "tests" / "data"
FIXED_DATE = datetime(2024, 1, 1, tzinfo=UTC)  # PDF creation date: fixed for reproducibility

PAGE_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} | {outlet}</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{outlet}">
<meta property="og:url" content="{url}">
<link rel="canonical" href="{url}">
{date_meta}{json_ld}</head>
<body>
<div class="cookie-banner">We use cookies to improve your experience.
  <button>Accept all cookies</button></div>
<header class="site-header">
  <a class="logo" href="/">{outlet}</a>
  <nav><ul><li><a href="/world">World</a></li><li><a href="/asia">Asia</a></li>
  <li><a href="/business">Business</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
</header>
<main>
<article>
<h1>{title}</h1>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a>
  <a href="#">Email</a></div>
{body}
</article>
<aside class="newsletter"><h2>Sign up for our daily newsletter</h2>
  <p>Get the top stories from {outlet} in your inbox every morning.</p>
  <form><input type="email"><button>Subscribe</button></form></aside>
<aside class="related"><h2>Related stories</h2><ul>
  <li><a href="/a">Markets close higher</a></li><li><a href="/b">Weather warning issued</a></li>
</ul></aside>
</main>
<footer><p>&copy; {outlet}. All rights reserved.</p>
  <a href="/privacy">Privacy Policy</a> <a href="/terms">Terms of Use</a></footer>
</body>
</html>
"""


def render_html(article: dict[str, object]) -> str:
    """A realistic news page: metadata as `article["metadata"]` says, furniture around it."""
    published = article["published"]
    mode = article["metadata"] or ""
    date_meta = ""
    json_ld = ""
    if published and "meta" in str(mode):
        date_meta = f'<meta property="article:published_time" content="{published}">\n'
    if published and "jsonld" in str(mode):
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": article["title"],
            "datePublished": published,
            "publisher": {"@type": "Organization", "name": article["outlet"]},
        }
        json_ld = (
            '<script type="application/ld+json">' + json.dumps(data) + "</script>\n"
        )
    body = "\n".join(f"<p>{html.escape(str(p))}</p>" for p in article["paragraphs"])  # type: ignore[attr-defined]
    return PAGE_TEMPLATE.format(
        title=html.escape(str(article["title"])),
        outlet=html.escape(str(article["outlet"])),
        url=article["url"],
        date_meta=date_meta,
        json_ld=json_ld,
        body=body,
    )


class _Pdf(FPDF):
    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", size=9)
        self.cell(0, 10, f"Page {self.page_no()}", align="C")


def wrap(pdf: FPDF, text: str, width: float) -> list[str]:
    """Greedy line filling like a typesetter, hyphenating a long word that would leave a
    wide gap (split near the point where it stops fitting)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if pdf.get_string_width(candidate) <= width:
            line = candidate
            continue
        if len(word) >= 10 and "-" not in word and word.isalpha():
            for cut in range(len(word) - 4, 3, -1):
                head = f"{line} {word[:cut]}-".strip()
                if pdf.get_string_width(head) <= width:
                    lines.append(head)
                    line = word[cut:]
                    break
            else:
                lines.append(line)
                line = word
            continue
        lines.append(line)
        line = word
    if line:
        lines.append(line)
    return lines


def render_pdf(title: str, paragraphs: list[str], font_size: int = 11) -> bytes:
    pdf = _Pdf(format="A4")
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_title(title)
    pdf.set_margins(25, 25, 25)
    pdf.set_auto_page_break(True, margin=25)
    pdf.add_page()
    pdf.set_font("Helvetica", style="B", size=font_size + 4)
    pdf.multi_cell(0, 8, title)
    pdf.ln(4)
    pdf.set_font("Helvetica", size=font_size)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    height = font_size * 0.5
    for paragraph in paragraphs:
        for line in wrap(pdf, paragraph, width):
            pdf.cell(0, height, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(height * 0.8)
    return bytes(pdf.output())


FIXTURE_PDF_TITLE = "Border talks resume after a tense winter"
FIXTURE_PDF_PARAGRAPHS = [
    "Delegations from the two neighbouring states met in a mountain town on Tuesday for "
    "the first round of border talks since the autumn, officials from both sides said. "
    "The meeting lasted six hours and ended without a joint statement. Neither delegation "
    "spoke to the press on arrival.",
    "According to a spokesperson for the foreign ministry, the delegations discussed "
    "patrolling arrangements, the exchange of maps and a hotline between local "
    "commanders. \"Both sides were frank and constructive,\" the spokesperson told "
    "reporters outside the venue.",
    "The talks follow a winter in which each side accused the other of building roads "
    "and observation posts in contested valleys. Satellite images published by "
    "independent researchers showed new construction at several points along the line.",
    "Trade between the neighbours has nonetheless continued to grow. Customs figures "
    "show that goods worth 12 billion dollars crossed the border last year, most of "
    "them through two mountain passes that close for several months in the winter. "
    "Officials expect the figure to rise again this year.",
    "Diplomats familiar with the negotiations said a second round could take place "
    "before the summer. They cautioned that the unresolved questions were difficult "
    "and that progress would depend on the political leadership in both capitals. One of "
    "them said the working groups would stay in contact by video link in the meantime.",
    "Regional governments on both sides of the line have asked for the reopening of a "
    "pilgrimage route that was closed three years ago. Local traders say that the "
    "closure cost them a large share of their income and that they hope the talks "
    "will bring relief.",
    "Security analysts noted that the two armies had kept lines of communication open "
    "throughout the winter, and that no shots had been fired. They described the "
    "resumption of talks as an encouraging sign after months of mutual suspicion.",
]

LATIN1_TEXT = (
    "Trade envoys meet in Zürich\n\n"
    "The trade envoys of the two countries met at a café near the lake in Zürich on "
    "Thursday to discuss tariffs on machinery, according to officials.\n\n"
    "The talks covered a package worth €4.5 billion. A delegate from Genève said the "
    "atmosphere was cordial and that both sides wanted a deal before the end of the year.\n"
)


def write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    print(f"wrote {path.relative_to(ROOT)} ({len(data)} bytes)")


def main() -> None:
    for article in HTML_ARTICLES:
        write(SAMPLES / f"{article['slug']}.html", render_html(article).encode("utf-8"))
    for article in PDF_ARTICLES:
        pdf = render_pdf(str(article["title"]), list(article["paragraphs"]))  # type: ignore[arg-type]
        write(SAMPLES / f"{article['slug']}.pdf", pdf)
    fixture = render_pdf(FIXTURE_PDF_TITLE, FIXTURE_PDF_PARAGRAPHS, font_size=17)
    write(FIXTURES / "article.pdf", fixture)
    write(FIXTURES / "truncated.pdf", fixture[: len(fixture) // 2])
    write(FIXTURES / "latin1_article.txt", LATIN1_TEXT.encode("cp1252"))
    rng = random.Random(20240101)
    noise = bytearray(rng.randbytes(2048))
    noise[::97] = bytes(len(noise[::97]))  # NUL bytes at regular places
    write(FIXTURES / "binary.txt", bytes(noise))


if __name__ == "__main__":
    main()
