"""Actors: the knowledge base (``kb.load_kb``) and the ``dyad_actors`` spaCy component.

Importing this package registers the component factory with spaCy.
"""

from dyad.nlp.actors.component import ActorsComponent, make_actors
from dyad.nlp.actors.kb import KnowledgeBase, load_kb

__all__ = ["ActorsComponent", "KnowledgeBase", "load_kb", "make_actors"]
