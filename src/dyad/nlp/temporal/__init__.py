"""The temporal stage: recognise and normalise dates, infer publication dates.

Importing this package registers the spaCy factory ``dyad_temporal``.
"""

from dyad.nlp.temporal import component as component
from dyad.nlp.temporal.api import find_timexes
from dyad.nlp.temporal.pubdate import infer_publication_date

__all__ = ["find_timexes", "infer_publication_date"]
