"""Per-document NLP: a spaCy pipeline with dyad's own registered components."""
