"""What each event rule of the latest round is worth on a gold file: `dyad bench events`
run once with every rule on, then once per rule with that rule alone switched off (its word
list emptied or its function made to find nothing). Prints type accuracy, source F1 and
target F1 (with target P/R) per run; docs/benchmarks.md has the figures.

    python scripts/event_rule_ablation.py ../shared/bench/events/plover_gsr_dev.jsonl
"""

from __future__ import annotations

import argparse
from pathlib import Path

import dyad.nlp.actors.component as actors_component
import dyad.nlp.events.aims as aims
import dyad.nlp.events.args as args
import dyad.nlp.events.protest as protest
import dyad.nlp.events.roles as roles
import dyad.nlp.events.triggers as triggers
from dyad.bench import events as bench

RULES = {
    "relational nouns": (args, "RELATIONAL_NOUNS", frozenset()),
    "language nouns": (actors_component, "LANGUAGE_NOUNS", frozenset()),
    "demanded move": (roles, "_MOVES", frozenset()),
    "afterthought object": (triggers, "_afterthought", lambda obj: False),
    "despite pressure": (aims, "pressed_by", lambda clauses: []),
    "stationed force": (roles, "_STATIONED", frozenset()),
    "object after 'as'": (triggers, "_shifted_objects", lambda verb: []),
    "stranded preposition": (triggers, "_stranded", lambda prep: []),
    "independence from": (aims, "broken_away_from", lambda verb: []),
    "state's own protest": (protest, "_state_protesting", lambda index, mention, trig: False),
    "visit companion": (roles, "_companion", lambda head, verb: False),
}


def _line(result: dict) -> str:
    t = result["target"]
    return (
        f"type {result['type_accuracy']:.4f}  source F1 {result['source']['f1']:.4f}  "
        f"target F1 {t['f1']:.4f} (P {t['p']:.4f} R {t['r']:.4f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="gold JSONL in the schema of bench/events")
    data = parser.parse_args().data
    if not data.is_file():
        parser.error(f"{data}: no such file")
    print(f"{'all rules on':30} {_line(bench.run(data))}")
    for name, (module, attr, off) in RULES.items():
        kept = getattr(module, attr)
        setattr(module, attr, off)
        try:
            print(f"{'without ' + name:30} {_line(bench.run(data))}")
        finally:
            setattr(module, attr, kept)


if __name__ == "__main__":
    main()
