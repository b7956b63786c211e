"""Figures tied to what they measure: the `dyad_figures` spaCy component.

Importing this package registers the factory (``nlp.add_pipe("dyad_figures")``).

A figure is a number with its unit, normalised ("$400 billion" -> 4e11 USD), the thing it
measures as a short key ("contract value", "annual gas volume", "troops"), a rate period, a
qualifier ("up to", "about"), the year its clause gives and whether it is a target, the actor
codes of its clause, and its sentence. The thing comes from the parse and the lexicon
``dyad/data/figure_things.tsv``, never from the topic of the text. A figure with a unit of its
own but no known thing is kept with key "unknown"; a bare count or a duration without a known
thing is dropped (see `extract`).
"""

from dyad.nlp.figures.component import FiguresComponent, make_figures
from dyad.nlp.figures.extract import extract_figures

__all__ = ["FiguresComponent", "extract_figures", "make_figures"]
