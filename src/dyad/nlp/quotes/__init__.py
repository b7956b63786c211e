"""Attributed quotes (who said what): the `dyad_quotes` spaCy component.

Importing this package registers the factory (``nlp.add_pipe("dyad_quotes")``).
"""

from dyad.nlp.quotes.component import QuotesComponent, make_quotes
from dyad.nlp.quotes.extract import extract_quotes

__all__ = ["QuotesComponent", "extract_quotes", "make_quotes"]
