"""dyad: sourced, structured knowledge from articles about relations between states."""

__version__ = "0.1.0"
