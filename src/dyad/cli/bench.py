"""`dyad bench ...`: score a stage against gold data and print the figures (a table, or
one JSON object with --json). The scoring lives in `dyad.bench`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from dyad import settings
from dyad.cli.common import (
    DaySignals,
    DbOption,
    ModelOption,
    RougeTokens,
    handles_errors,
    out,
    print_json,
)

bench_app = typer.Typer(help="Score a stage against gold data.", no_args_is_help=True)

DataOption = Annotated[Path, typer.Option("--data", help="Gold data file (JSONL).")]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print one JSON object.")]


def _print_scores(name: str, scores: dict[str, Any]) -> None:
    table = Table("metric", "value", title=f"dyad bench {name}")
    for key, value in scores.items():
        if isinstance(value, dict) and {"p", "r", "f1"} <= value.keys():
            table.add_row(key, f"P {value['p']:.3f}  R {value['r']:.3f}  F1 {value['f1']:.3f}")
        elif isinstance(value, float):
            table.add_row(key, f"{value:.3f}")
        elif key != "confusion" and isinstance(value, dict):
            for sub, counts in value.items():
                if isinstance(counts, dict):
                    table.add_row(f"{key} {sub}", "  ".join(f"{k} {v}" for k, v in counts.items()))
        elif not isinstance(value, (dict, list)):
            table.add_row(key, str(value))
    out.print(table)
    confusion = scores.get("confusion")
    if isinstance(confusion, dict) and confusion:
        labels = sorted({g for g in confusion} | {p for row in confusion.values() for p in row})
        matrix = Table("gold \\ predicted", *labels, title="confusion matrix")
        for gold in labels:
            row = confusion.get(gold, {})
            matrix.add_row(gold, *(str(row.get(p, "")) for p in labels))
        out.print(matrix)
    errors = scores.get("errors")
    if isinstance(errors, list) and errors:
        listing = Table("doc", "error", "gold", "predicted", title="disagreements")
        for e in errors:
            listing.add_row(e["doc"], e["error"], e["gold"], e["pred"])
        out.print(listing)


def _bench(name: str, scores: dict[str, Any], json_out: bool) -> None:
    print_json(scores) if json_out else _print_scores(name, scores)


@bench_app.command("dates")
@handles_errors
def bench_dates(
    data: DataOption,
    json_out: JsonFlag = False,
    model: ModelOption = settings.MODEL.default,
    errors: Annotated[
        bool, typer.Option("--errors", help="Also list every missed, spurious or wrong timex.")
    ] = False,
) -> None:
    """Temporal expressions against TIMEX3 gold (TempEval-3 scoring)."""
    from dyad.bench.dates import run

    _bench("dates", run(data, model, with_errors=errors), json_out)


@bench_app.command("events")
@handles_errors
def bench_events(
    data: DataOption, json_out: JsonFlag = False, model: ModelOption = settings.MODEL.default
) -> None:
    """PLOVER event type and actor codes against coded sentences."""
    from dyad.bench.events import run

    _bench("events", run(data, model), json_out)


@bench_app.command("quotes")
@handles_errors
def bench_quotes(
    data: DataOption,
    json_out: JsonFlag = False,
    model: ModelOption = settings.MODEL.default,
    limit: Annotated[int | None, typer.Option(help="Score only the first N documents.")] = None,
) -> None:
    """Quote attribution (source, cue, content) against PolNeAR-style gold."""
    from dyad.bench.quotes import run

    scores = run(data, model=model, limit=limit)
    if json_out:
        return print_json(scores)
    table = Table("role", "exact P", "exact R", "exact F1", "overlap P", "overlap R",
                  "overlap F1", title="dyad bench quotes")  # fmt: skip
    for role in ("source", "cue", "content"):
        ex, ov = scores[role]["exact"], scores[role]["overlap"]
        table.add_row(role, *(f"{v[k]:.3f}" for v in (ex, ov) for k in ("p", "r", "f1")))
    out.print(table)
    rest = {k: v for k, v in scores.items() if not isinstance(v, dict)}
    out.print("  ".join(f"{k} {v}" for k, v in rest.items()))


@bench_app.command("pubdate")
@handles_errors
def bench_pubdate(
    data: Annotated[
        Path, typer.Option("--data", help="articles.jsonl(.gz) file, or a folder of topics.")
    ],
    limit: Annotated[int | None, typer.Option(help="First N articles of each file.")] = None,
    json_out: JsonFlag = False,
    model: ModelOption = settings.MODEL.default,
) -> None:
    """Publication-date inference on dated articles with the date hidden (Timeline17)."""
    from dyad.bench.pubdate import run

    _bench("pubdate", run(data, limit=limit, model=model), json_out)


@bench_app.command("fusion")
@handles_errors
def bench_fusion(
    db: DbOption = Path(settings.DB.default),
    docs: Annotated[int, typer.Option(min=1, help="Documents in the smaller run.")] = 5000,
    json_out: JsonFlag = False,
) -> None:
    """Fusion time for N and 2N documents made by replicating a store's real mentions."""
    from dyad.bench.fusion import run

    _bench("fusion", run(db, docs), json_out)


@bench_app.command("chronology")
@handles_errors
def bench_chronology(
    data: Annotated[Path, typer.Option("--data", help="Folder of T17 topic folders.")],
    topic: Annotated[
        list[str] | None, typer.Option("--topic", help="Topic name; repeatable.")
    ] = None,
    limit: Annotated[int | None, typer.Option(help="At most N articles per topic.")] = None,
    signals: Annotated[
        DaySignals,
        typer.Option(help="Candidate days: events; also day timexes; also publication days."),
    ] = DaySignals.events_timexes_published,
    rouge: Annotated[RougeTokens, typer.Option(help="ROUGE tokens.")] = RougeTokens.stemmed,
    store_dir: Annotated[
        Path | None, typer.Option("--store-dir", help="Keep the per-topic stores for reruns.")
    ] = None,
    json_out: JsonFlag = False,
    model: ModelOption = settings.MODEL.default,
) -> None:
    """Timeline summarisation on Timeline17: dyad's chronology against journalists' ones."""
    from dyad.bench.chronology import run

    scores = run(data, topics=topic or None, limit=limit, model=model, signals=signals.value,
                 rouge=rouge.value, store_dir=store_dir)  # fmt: skip
    if json_out:
        return print_json(scores)
    keys = list(scores["mean"])
    table = Table("timeline", *keys, title="dyad bench chronology")
    for name, row in {**scores["topics"], "mean": scores["mean"]}.items():
        table.add_row(name, *(f"{row[k]:.3f}" for k in keys))
    out.print(table)
    out.print(f"seconds {scores['seconds']}")


@bench_app.command("pipeline")
@handles_errors
def bench_pipeline(
    paths: Annotated[list[Path], typer.Argument(help="Files, folders or manifests of articles.")],
    limit: Annotated[int | None, typer.Option(help="Use at most this many articles.")] = None,
    json_out: JsonFlag = False,
    model: ModelOption = settings.MODEL.default,
) -> None:
    """Speed of the per-document stage as a ratio to bare spaCy on the same texts."""
    from dyad.bench.pipeline import run

    _bench("pipeline", run(paths, model, limit), json_out)


def _counts(text: str) -> list[int]:
    try:
        return [int(x) for x in text.split(",") if x.strip()]
    except ValueError:
        raise typer.BadParameter(f"{text!r} is not a comma-separated list of numbers") from None


@bench_app.command("scale")
@handles_errors
def bench_scale(
    paths: Annotated[list[Path], typer.Argument(help="Files, folders or manifests of articles.")],
    limit: Annotated[int, typer.Option(help="Use the first this many readable articles.")] = 400,
    workers: Annotated[
        str, typer.Option(help="Worker process counts to compare, e.g. 1,2,4.")
    ] = "1,2",
    repeat: Annotated[
        str,
        typer.Option(help="Copies of each article (ids differ), e.g. 1,10 to compare memory."),
    ] = "1",
    batch_size: Annotated[int, typer.Option(help="Articles per task sent to a worker.")] = 16,
    work_dir: Annotated[
        Path | None, typer.Option(help="Keep manifests and stores here (default: a temp dir).")
    ] = None,
    json_out: JsonFlag = False,
    model: ModelOption = settings.MODEL.default,
) -> None:
    """Ingest the same articles on 1, 2, ... Dask workers: articles/s, speed-up, peak memory
    of client and workers, per-worker cost against bare spaCy, and identical outputs."""
    from dyad.bench.scale import run

    scores = run(paths, model, limit=limit, workers=_counts(workers), repeats=_counts(repeat),
                 batch_size=batch_size, work_dir=work_dir)  # fmt: skip
    if json_out:
        print_json(scores)
        return
    table = Table("copies", "workers", "articles", "s", "articles/s", "speed-up",
                  "× bare spaCy", "client MB", "worker MB", "start s", "digest",
                  title="dyad bench scale")  # fmt: skip
    for r in scores["runs"]:
        table.add_row(*(str(r[k]) for k in ("copies", "workers", "articles", "seconds",
                                             "articles_per_second", "speedup",
                                             "per_worker_ratio", "client_peak_rss_mb")),
                      str(max(r["worker_peak_rss_mb"])), str(r["startup_seconds"]),
                      r["digest"])  # fmt: skip
    out.print(table)
    out.print(f"cores {scores['cores']}; bare spaCy {scores['spacy_docs_per_second']} "
              f"articles/s; outputs identical: {scores['identical_outputs']}")  # fmt: skip
    for n, g in scores["memory_growth"].items():
        out.print(f"{n} workers, {g['articles'][0]} -> {g['articles'][1]} articles: client RSS "
                  f"x{g['client_rss_ratio']}, worker RSS x{g['worker_rss_ratio']}")  # fmt: skip
