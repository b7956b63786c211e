"""Finding attributed quotes in a parsed Doc: cue, content, source.

Order of work, and why:
1. quotations from the quotation marks (marks.py), so cues inside a quotation are skipped
   (a quoted "I think" is part of the outer quote, not an attribution of its own);
2. cues: verbs of the lexicon (lexicon.py), verbs outside it that the learned cue model
   accepts (learned.py), nouns of the lexicon with a "that"-clause (nouns.py) and
   "according to";
   for each, the content its grammar gives (complement clause, the clause around a
   "…, he said" or "as he said" cue, object, a passive cue's subject) kept within the
   cue's paragraph and widened to the whole quotations it touches; the cue takes its
   auxiliaries and adverbs (extents.py); the source is the verb's subject (or the passive
   agent, the subject of the verb a participle or conjunct hangs on, a noun cue's
   possessor, or the object of "according to");
3. colon attributions: the title line ('Name: …') and transcript lines ('NAME: …')
   (headline.py);
4. quotations not yet claimed go to a cue of their sentence without content of its own
   ('He said: "…"'), or to the cue of the next sentence ('"…" He said.');
5. a quote holding quotations is continued by the quotation sentences that follow it in its
   paragraph with no cue of their own ('"A," he said. "B."');
6. an attribution whose cue lies inside another one's content is dropped: PolNeAR mostly
   annotates only the outer one;
7. speakers are resolved within the document (speaker.py).
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span, Token

from dyad.nlp.quotes.content import QuoteIndex, kind_of, merge, runs, with_quotations
from dyad.nlp.quotes.extents import cue_span, same_paragraph, without_dateline
from dyad.nlp.quotes.found import Found
from dyad.nlp.quotes.grammar import (
    addressless,
    content_tokens,
    passive_participle,
    source_token,
    subtree_ids,
)
from dyad.nlp.quotes.headline import headline_quote, label_quotes
from dyad.nlp.quotes.learned import Model, model, open_candidate, open_cue
from dyad.nlp.quotes.lexicon import Cue, cues
from dyad.nlp.quotes.marks import find_quotations
from dyad.nlp.quotes.nouns import adjective_stance, noun_content, noun_source
from dyad.nlp.quotes.speaker import to_quotes
from dyad.types import Quote

_NOMINAL = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "npadvmod", "dative", "pobj", "prep"})
_REPORTED_SPEECH_MAX = 12  # tokens of a bare '… he said.' sentence


def _according(tok: Token) -> Found | None:
    """'according to X, …' / '…, according to X.'"""
    to = [c for c in tok.children if c.lower_ == "to"]
    if not to:
        return None
    objs = [c for c in to[0].children if c.dep_ == "pobj"]
    head = tok.head
    if not objs or head.i == tok.i:
        return None
    own = subtree_ids(tok)
    sent = tok.sent
    root = head
    while root.dep_ == "conj" and root.head.i != root.i:  # "…, and C won 13%, according to X"
        root = root.head
    ids = {t.i for t in root.subtree if t.i not in own and sent.start <= t.i < sent.end}
    found = Found(tok, (tok.idx, to[0].idx + len(to[0])), objs[0], frame="phrase")
    found.content = runs(tok.doc, same_paragraph(tok.doc, tok, ids))
    return found


def _noun(tok: Token) -> Found | None:
    """'his claim that …' (nouns.py)."""
    ids = noun_content(tok)
    if not ids:
        return None
    found = Found(tok, (tok.idx, tok.idx + len(tok)), noun_source(tok), frame="noun")
    found.content = runs(tok.doc, ids)
    return found


def _markup(text: str, tok: Token) -> bool:
    """A tag name of markup left in the text ("<tweet …>", "</tweet>")."""
    before = text[max(0, tok.idx - 2) : tok.idx]
    return "<" in before or "/" in before


def _sentence_quotations(sent: Span, index: QuoteIndex) -> list[int]:
    ks = {index.touch[t.i] for t in sent if index.touch[t.i] >= 0}
    return sorted(ks)


def _bare_report(sent: Span, verb: Token) -> bool:
    """'he said.' / 'said Mr. Smith, the minister.': nothing but cue, source and adjuncts."""
    words = [t for t in sent if not t.is_punct and not t.is_space]
    return len(words) <= _REPORTED_SPEECH_MAX and verb.dep_ == "ROOT"


def find(
    doc: Doc,
    cue_model: Model | None = None,
    *,
    lexicon: dict[str, Cue] | None = None,
    learned: bool = True,
) -> list[Found]:
    """All quotes of `doc` as Found records, in text order of their cues. Cues come from
    `lexicon` (default: the packaged one); verbs outside it are judged by `cue_model`
    (default: the shipped one, learned.py), or never taken when `learned` is False."""
    judge = cue_model if cue_model is not None else model()
    text = doc.text
    index = QuoteIndex(doc, text, find_quotations(text))
    lexicon = cues() if lexicon is None else lexicon
    found: list[Found] = []
    for tok in doc:
        if index.inside[tok.i] >= 0:
            continue
        lemma = tok.lemma_.lower()
        if tok.lower_ == "according" and "according to" in lexicon:
            item = _according(tok)
            if item is not None:
                found.append(item)
            continue
        cue = lexicon.get(lemma)
        if tok.pos_ == "ADJ":
            stance = adjective_stance(tok)
            if stance is not None:
                item = Found(tok, (tok.head.idx, tok.idx + len(tok)), stance[0], frame="noun")
                item.content = runs(doc, stance[1])
                found.append(item)
            continue
        if tok.pos_ == "NOUN":
            if cue is not None and "noun" in cue.frames:
                item = _noun(tok)
                if item is not None:
                    found.append(item)
            continue
        opened: tuple[set[int], str] | None = None
        if cue is None and learned and open_candidate(tok, lexicon):
            cue = open_cue(tok)
            opened = content_tokens(tok, cue)
            if not (opened[1] and judge.is_cue(tok, opened[1])):
                continue
        if cue is None or tok.pos_ != "VERB" or tok.dep_ in ("amod", "compound"):
            continue
        if _markup(text, tok):
            continue
        ids, frame = opened if opened is not None else content_tokens(tok, cue)
        source = source_token(tok) if frame != "raise" else None
        if source is None and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            continue  # "it is safe to say …": nobody says it
        if source is None and addressless(tok):
            continue  # "See my article …", "… aimed at the US": no one is reported
        if frame == "" and "clause" not in cue.frames:
            continue
        if source is not None and passive_participle(tok, source):
            source = None  # "Asked about X, he said …": he is asked, the asker is not named
        item = Found(tok, cue_span(tok, frame), source, frame=frame or cue.frames[0])
        if source is not None:
            ids -= subtree_ids(source) - subtree_ids(tok) if source.i not in ids else set()
        ids.discard(tok.i)
        item.content = runs(doc, without_dateline(doc, same_paragraph(doc, tok, ids)))
        found.append(item)
    heading = headline_quote(doc)
    if heading is not None:
        found.insert(0, Found(heading.cue_tok, heading.cue, None, list(heading.content),
                              frame="phrase", source_span=heading.source))  # fmt: skip
    for lab in label_quotes(doc, text):
        if not any(f.cue_tok.i == lab.cue_tok.i for f in found) and index.inside[lab.cue_tok.i] < 0:
            found.append(Found(lab.cue_tok, lab.cue, None, list(lab.content),
                               frame="phrase", source_span=lab.source))  # fmt: skip
    found.sort(key=lambda f: f.cue[0])
    claimed: set[int] = set()
    for item in found:
        if item.content:
            item.content, item.quotations = with_quotations(item.content, index, text)
            claimed |= item.quotations
    _attach_free_quotations(doc, found, index, claimed)
    _continue_quotes(doc, found, index, claimed)
    out = _outermost([f for f in found if f.content])
    for f in out:
        f.kind = kind_of(f.content, index, text)
    return out


def _attach_free_quotations(
    doc: Doc, found: list[Found], index: QuoteIndex, claimed: set[int]
) -> None:
    """Give unclaimed quotations to a speech cue without content in the same or next
    sentence."""
    for item in found:
        if item.frame != "clause":
            continue
        if item.content and not (
            item.quotations and kind_of(item.content, index, index.text) == "direct"
        ):
            continue
        sent = item.cue_tok.sent
        blocked = subtree_ids(item.source) if item.source is not None else set()
        for child in item.cue_tok.children:
            if child.dep_ in _NOMINAL:
                blocked |= subtree_ids(child)
        ks = []
        for k in _sentence_quotations(sent, index):
            if k in claimed:
                continue
            q_toks = [t for t in sent if index.touch[t.i] == k]
            if q_toks and not any(t.i in blocked for t in q_toks):
                ks.append(k)
        if not ks and not item.content and _bare_report(sent, item.cue_tok) and sent.start > 0:
            prev = doc[sent.start - 1]
            k = index.touch[prev.i]
            if k < 0 and prev.is_punct and prev.i > 0:
                k = index.touch[prev.i - 1]
            if k >= 0 and k not in claimed and "\n" not in index.text[prev.idx : sent.start_char]:
                ks = [k]
        if ks:
            claimed.update(ks)
            item.quotations.update(ks)
            pieces = [p for k in ks for p in index.quotations[k].pieces]
            item.content = merge([*item.content, *pieces], index.text)


def _outermost(found: list[Found]) -> list[Found]:
    """Attributions whose cue is not inside another one's content: PolNeAR rarely annotates
    the nested one ("Officials say they expect …" is one attribution; in train only about a
    quarter of such nested cues are annotated)."""
    if len(found) < 2:
        return found
    size = max(e for f in found for _, e in (*f.content, f.cue)) + 1
    covers = [0] * (size + 1)  # how many contents cover each character (difference array)
    for f in found:
        for s, e in f.content:
            covers[s] += 1
            covers[e] -= 1
    for k in range(1, size + 1):
        covers[k] += covers[k - 1]
    out = []
    for f in found:
        at = f.cue[0]
        own = sum(1 for s, e in f.content if s <= at < e)
        if covers[at] - own == 0:
            out.append(f)
    return out


def _continue_quotes(doc: Doc, found: list[Found], index: QuoteIndex, claimed: set[int]) -> None:
    """'"A," he said. "B."': B continues a quote holding quotations (direct or mixed) when
    its sentence has no cue."""
    cue_sents = {f.cue_tok.sent.start for f in found}
    for item in found:
        if not item.quotations:
            continue
        sent = item.cue_tok.sent
        last = max(index.quotations[k].end for k in item.quotations)
        end = max(sent.end_char, last)
        while True:
            nxt = _next_sentence(doc, index, end)
            if nxt is None or nxt.start in cue_sents:
                break
            gap = index.text[end : nxt.start_char]
            first = nxt[0]
            k = index.touch[first.i]
            if "\n" in gap or k < 0 or k in claimed:
                break
            claimed.add(k)
            item.quotations.add(k)
            item.content = merge([*item.content, *index.quotations[k].pieces], index.text)
            end = max(nxt.end_char, index.quotations[k].end)


def _next_sentence(doc: Doc, index: QuoteIndex, char: int) -> Span | None:
    if char >= len(index.text):
        return None
    i = bisect_left(index.starts, char)
    if i >= len(doc):
        return None
    first = doc[i]
    while first.is_space and first.i + 1 < len(doc):
        first = doc[first.i + 1]
    sent = first.sent
    if sent.start < first.i:  # `char` fell inside a sentence: take the next one
        if sent.end >= len(doc):
            return None
        return doc[sent.end].sent
    return sent


def extract_quotes(
    doc: Doc,
    cue_model: Model | None = None,
    *,
    lexicon: dict[str, Cue] | None = None,
    learned: bool = True,
) -> list[Quote]:
    """The quotes of a parsed Doc (reads ``doc._.dyad_doc_id`` and ``doc._.dyad_actors``);
    the cue sources as in `find`."""
    index_quotes = find(doc, cue_model, lexicon=lexicon, learned=learned)
    return to_quotes(doc, index_quotes)
