"""Event mentions coded in CAMEO and PLOVER: the `dyad_events` spaCy component.

Importing this package registers the factory (``nlp.add_pipe("dyad_events")``).
"""

from dyad.nlp.events.component import EventsComponent, make_events
from dyad.nlp.events.extract import extract_events
from dyad.nlp.events.lexicon import code_info, plover_label

__all__ = ["EventsComponent", "code_info", "extract_events", "make_events", "plover_label"]
