"""The command line: each command parses its options, calls one library function and turns
dyad's typed errors into a clean message and exit code (1: some input failed; 2: cannot run)."""

from __future__ import annotations

import csv
import io
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from dyad import settings
from dyad.chronology.filters import EventFilter
from dyad.chronology.timeline import TimelineDate
from dyad.cli.bench import bench_app
from dyad.cli.common import (
    ActorOption,
    ChronologyFormat,
    DaySignals,
    DbOption,
    EventFormat,
    ModelOption,
    SinceOption,
    TableJson,
    UntilOption,
    err,
    event_filter,
    handles_errors,
    open_store,
    out,
    print_json,
)
from dyad.cli.serve import serve
from dyad.report.chronology import (
    actor_labels,
    chronology,
    date_label,
    document_rows,
    event_rows,
    flags,
    markdown,
    timeline_row,
    when_label,
)

app = typer.Typer(
    help="dyad: sourced, structured knowledge from articles about relations between states.",
    no_args_is_help=True,
    add_completion=False,
)
app.add_typer(bench_app, name="bench")


@app.command()
@handles_errors
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files and folders of articles.")],
    db: DbOption = Path(settings.DB.default),
    model: ModelOption = settings.MODEL.default,
    batch: Annotated[int, typer.Option(help=settings.BATCH.help)] = int(settings.BATCH.default),
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            help="Analyse on N single-threaded Dask worker processes on this machine "
            "(1: in this process).",
        ),
    ] = 1,
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="Analyse on the running Dask cluster whose scheduler is at this address "
            "(tcp://host:port); its workers need dyad and the model installed."
        ),
    ] = None,
    allow_outside: Annotated[
        bool,
        typer.Option(
            "--allow-outside",
            help="Let manifest rows name files outside the manifest's folder.",
        ),
    ] = False,
) -> None:
    """Read .txt, .html, .pdf files and .jsonl/.csv manifests into the database."""
    from contextlib import ExitStack

    from dyad.app.ingest import Analyser
    from dyad.app.ingest import ingest as run_ingest
    from dyad.nlp.pipeline import build_pipeline

    for p in paths:
        if not p.exists():
            raise typer.BadParameter(f"{p} does not exist", param_hint="PATHS")
    stack = ExitStack()
    nlp = None
    analyser: Analyser | None = None
    if workers > 1 or scheduler is not None:
        from dyad.app.distributed import connect, dask_analyser, local_cluster

        where = scheduler or f"{workers} local workers"
        with err.status(f"Starting Dask ({where})…"):
            client = stack.enter_context(
                connect(scheduler) if scheduler is not None else local_cluster(workers)
            )
        analyser = dask_analyser(client, model, batch)
    else:
        with err.status(f"Loading spaCy pipeline {model}…"):
            nlp = build_pipeline(model)
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TextColumn(
            "{task.fields[added]} added, {task.fields[known]} known, {task.fields[errors]} failed"
        ),
        TextColumn("{task.fields[rate]:.1f} docs/s"),
        TimeElapsedColumn(),
    )
    counts = {"added": 0, "known": 0, "error": 0}
    started = time.perf_counter()
    with (
        stack,
        open_store(db, create=True) as store,
        Progress(*columns, console=err, transient=False) as progress,
    ):
        task = progress.add_task("Ingesting", added=0, known=0, errors=0, rate=0.0)

        def on_item(status: str, path: str) -> None:
            counts[status] += 1
            elapsed = max(1e-6, time.perf_counter() - started)
            progress.update(
                task,
                advance=1,
                added=counts["added"],
                known=counts["known"],
                errors=counts["error"],
                rate=counts["added"] / elapsed,
            )

        result = run_ingest(
            paths,
            store,
            nlp,
            model,
            batch_size=batch,
            on_item=on_item,
            analyser=analyser,
            allow_outside=allow_outside,
        )
        progress.update(task, description="Fusing events")
    for e in result.errors:
        err.print(
            f"[red]failed:[/red] {escape(e.path)}: {escape(e.reason)}", markup=True, highlight=False
        )
    err.print(
        f"{result.added} added, {result.known} already stored, {len(result.errors)} failed; "
        f"{result.events} events in {db} ({result.seconds:.1f} s)",
        highlight=False,
    )
    if not result.ok:
        raise typer.Exit(1)


@app.command()
@handles_errors
def reanalyse(
    db: DbOption = Path(settings.DB.default),
    model: ModelOption = settings.MODEL.default,
    batch: Annotated[int, typer.Option(help=settings.BATCH.help)] = int(settings.BATCH.default),
) -> None:
    """Analyse every stored document again with this version of dyad, then fuse anew."""
    from dyad.app.reanalyse import reanalyse as run_reanalyse
    from dyad.nlp.pipeline import build_pipeline

    with err.status(f"Loading spaCy pipeline {model}…"):
        nlp = build_pipeline(model)
    with open_store(db, write=True) as store:
        total = store.count_documents()
        with Progress(
            SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
            MofNCompleteColumn(), TimeElapsedColumn(), console=err, transient=False,
        ) as progress:  # fmt: skip
            task = progress.add_task("Re-analysing", total=total)
            result = run_reanalyse(
                store,
                nlp,
                model,
                batch_size=batch,
                on_item=lambda _: progress.advance(task),
                on_fuse=lambda: progress.update(task, description="Fusing events"),
            )
            progress.update(task, description="Re-analysed and fused")
    for e in result.errors:
        err.print(
            f"[red]failed:[/red] {escape(e.path)}: {escape(e.reason)}", markup=True, highlight=False
        )
    err.print(
        f"{result.done} re-analysed, {len(result.errors)} failed (their old analysis kept); "
        f"{result.events} events in {db} ({result.seconds:.1f} s)",
        highlight=False,
    )
    if result.errors:
        raise typer.Exit(1)


@app.command()
@handles_errors
def documents(
    db: DbOption = Path(settings.DB.default),
    format: Annotated[TableJson, typer.Option("--format")] = TableJson.table,
) -> None:
    """List stored documents with their publication date and how it was established."""
    with open_store(db) as store:
        rows = document_rows(store.documents())
    if format is TableJson.json:
        return print_json(rows)
    table = Table("doc_id", "path", "title", "outlet", "published", "source", "conf.", "reason")
    for r in rows:
        table.add_row(
            r["doc_id"][:10],
            r["path"],
            r["title"],
            r["outlet"],
            r["published"],
            r["published_source"],
            str(r["published_confidence"]),
            r["published_reason"],
        )
    out.print(table)


@app.command()
@handles_errors
def events(
    db: DbOption = Path(settings.DB.default),
    actor: ActorOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    format: Annotated[EventFormat, typer.Option("--format")] = EventFormat.table,
) -> None:
    """Every event with PLOVER type, CAMEO code, actors, date and provenance."""
    with open_store(db) as store:
        rows = event_rows(store, event_filter(actor, since, until))
    if format is EventFormat.json:
        return print_json(rows)
    if format is EventFormat.csv:
        return _events_csv(rows)
    table = Table("date", "type", "cameo", "source", "target", "docs", "summary")
    for r in rows:
        when = date_label(r["start"], r["end"]) if r["start"] else "undated"
        table.add_row(
            when,
            r["type"] + (f" ({flags(r)})" if flags(r) else ""),
            r["cameo"],
            ", ".join(actor_labels(r["source"], r["source_unresolved"], r["members"])),
            ", ".join(actor_labels(r["target"], r["target_unresolved"], r["members"])),
            str(len({m["doc_id"] for m in r["mentions"]})),
            r["summary"],
        )
    out.print(table)


@app.command()
@handles_errors
def quotes(
    db: DbOption = Path(settings.DB.default),
    speaker: Annotated[
        str | None, typer.Option("--speaker", help="Words of the speaker's name or description.")
    ] = None,
    actor: Annotated[
        str | None, typer.Option("--actor", help="Actor code or prefix of the speaker (RUS...).")
    ] = None,
    search: Annotated[
        str | None, typer.Option("--search", help="Words of the quote (stemmed, as a phrase).")
    ] = None,
    format: Annotated[TableJson, typer.Option("--format")] = TableJson.table,
) -> None:
    """Attributed quotes: who said what, with the cue and the sentence behind it."""
    from dyad.report.quotes import quote_rows

    with open_store(db) as store:
        rows = quote_rows(store, speaker, actor, search)
    if format is TableJson.json:
        return print_json(rows)
    table = Table("speaker", "actor", "cue", "sentence (quote in bold)", "document")
    for r in rows:
        table.add_row(
            r["speaker"] or "(none)",
            r["actor"] or "",
            r["cue"],
            _bold_quote(r),
            f"{r['title'] or r['doc_id']} ({r['published'] or 'undated'})",
        )
    out.print(table)
    err.print(f"{len(rows)} quotes")


def _bold_quote(row: dict[str, Any]) -> Text:
    """The sentence with the quote's content in bold (article text is never Rich markup)."""
    s = row["sentence"]
    text = Text(s["text"])
    for start, end in row["content"]:
        text.stylize("bold", start - s["start"], end - s["start"])
    return text


def _events_csv(rows: list[dict[str, Any]]) -> None:
    """One CSV line per mention, so that each line keeps its provenance."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(
        [
            "event_id",
            "type",
            "cameo",
            "quad_class",
            "goldstein",
            "source",
            "target",
            "source_unresolved",
            "target_unresolved",
            "start",
            "end",
            "flags",
            "doc_id",
            "sent_start",
            "sent_end",
            "trigger",
            "figures",
            "sentence",
        ]
    )
    for r in rows:
        for m in r["mentions"]:
            writer.writerow(
                [
                    r["event_id"],
                    r["type"],
                    r["cameo"],
                    r["quad_class"],
                    r["goldstein"],
                    " ".join(r["source"]),
                    " ".join(r["target"]),
                    "; ".join(r["source_unresolved"]),
                    "; ".join(r["target_unresolved"]),
                    r["start"],
                    r["end"],
                    flags(r),
                    m["doc_id"],
                    m["start"],
                    m["end"],
                    m["trigger"],
                    "; ".join(m["figures"]),
                    m["text"],
                ]
            )
    sys.stdout.write(buf.getvalue())


@app.command(name="chronology")
@handles_errors
def chronology_cmd(
    db: DbOption = Path(settings.DB.default),
    actor: ActorOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    type_: Annotated[
        list[str] | None,
        typer.Option("--type", help="PLOVER event type (CONSULT, AGREE...); repeatable."),
    ] = None,
    max_events: Annotated[
        int | None,
        typer.Option(
            "--max",
            min=1,
            help="Keep the N most salient events (sources, "
            "date precision, intensity, the actors asked for).",
        ),
    ] = None,
    dates: Annotated[
        int | None,
        typer.Option(
            "--dates",
            min=1,
            help="A date timeline instead: the K days with the most documents behind them "
            "(within --since/--until), each summarised.",
        ),
    ] = None,
    per_date: Annotated[
        int, typer.Option("--per-date", min=1, help="With --dates: summary sentences per date.")
    ] = 1,
    query: Annotated[
        str | None,
        typer.Option(
            "--query", help="With --dates: topic words; only evidence sharing one counts."
        ),
    ] = None,
    signals: Annotated[
        DaySignals,
        typer.Option(
            help="With --dates: candidate days from events; also day timexes; also "
            "publication days (the articles published on a day or the next)."
        ),
    ] = DaySignals.events_timexes_published,
    format: Annotated[ChronologyFormat, typer.Option("--format")] = ChronologyFormat.table,
) -> None:
    """One line per dated event, oldest first, with its sources; with --dates, a timeline of
    K dates, each with its summary."""
    flt = replace(event_filter(actor, since, until), types=tuple(type_ or ()))
    if dates is None:
        if query is not None or per_date != 1 or signals is not DaySignals.events_timexes_published:
            raise typer.BadParameter("--per-date, --query and --signals need --dates")
        with open_store(db) as store:
            entries = chronology(store, flt, max_events)
        return _print_chronology(entries, format)
    if max_events is not None:
        raise typer.BadParameter("--max lists events; --dates chooses days: give one of them")
    from dyad.app.chronology import TimelineAsk, store_timeline

    ask = TimelineAsk(dates, per_date, flt.since, flt.until, query, signals.value,
                      EventFilter(flt.actors, types=flt.types))  # fmt: skip
    with open_store(db) as store:
        days = store_timeline(store, ask)
    _print_timeline(days, format)


def _print_chronology(entries: list[dict[str, Any]], format: ChronologyFormat) -> None:
    if format is ChronologyFormat.json:
        return print_json(entries)
    if format is ChronologyFormat.md:
        sys.stdout.write(markdown(entries))
        return None
    table = Table("date", "type", "actors", "event", "sources")
    for e in entries:
        table.add_row(
            when_label(e),
            e["type"] + (" (planned)" if e["planned"] else ""),
            ", ".join(actor_labels(e["actors"], e["unresolved"], e["members"])),
            e["summary"],
            "\n".join(s["title"] or s["doc_id"][:10] for s in e["sources"]),
        )
    out.print(table)


def _print_timeline(days: list[TimelineDate], format: ChronologyFormat) -> None:
    if format is ChronologyFormat.json:
        return print_json([timeline_row(d) for d in days])
    if format is ChronologyFormat.md:
        sys.stdout.write("".join(f"- **{d.day}** ({d.documents} documents): "
                                 f"{' '.join(d.summary)}\n" for d in days))  # fmt: skip
        return None
    table = Table("date", "documents", "summary")
    for d in days:
        table.add_row(d.day.isoformat(), str(d.documents), "\n".join(d.summary))
    out.print(table)


@app.command()
@handles_errors
def report(
    out_file: Annotated[Path, typer.Option("--out", help="HTML file to write.")],
    db: DbOption = Path(settings.DB.default),
    actor: ActorOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
) -> None:
    """Write one self-contained HTML report: chronology, events, documents, linked sentences."""
    from dyad.report.html import write_report

    with open_store(db) as store:
        path = write_report(store, out_file, event_filter(actor, since, until))
    err.print(f"report written to {path}", highlight=False)


@app.command()
@handles_errors
def figures(
    db: DbOption = Path(settings.DB.default),
    actor: Annotated[
        str | None, typer.Option("--actor", help="Actor code or prefix (RUS, CHNBUS...).")
    ] = None,
    search: Annotated[
        str | None,
        typer.Option("--search", help="Words of what is measured or of the source sentences."),
    ] = None,
    conflicts: Annotated[
        bool,
        typer.Option(
            "--conflicts",
            help="Only groups whose values differ (CONFLICT, or differ within "
            "what their qualifiers allow).",
        ),
    ] = False,
    format: Annotated[TableJson, typer.Option("--format")] = TableJson.table,
) -> None:
    """Figures grouped by what they measure across sources; differing values side by side."""
    from dyad.report.figures import figure_rows

    with open_store(db) as store:
        rows = figure_rows(store, actor, search, conflicts)
    if format is TableJson.json:
        return print_json(rows)
    table = Table()
    table.add_column("flag", no_wrap=True)
    table.add_column("measured", no_wrap=True)
    for name in ("actors", "value", "as written", "source"):
        table.add_column(name)
    for r in rows:
        flag = {"conflict": "CONFLICT", "differ": "differs"}.get(r["status"], "")
        table.add_section()
        for k, v in enumerate(r["values"]):
            table.add_row(
                flag if k == 0 else "",
                r["measured"] + (f" ({r['year']})" if r["year"] else "") if k == 0 else "",
                " ".join(r["actors"]) if k == 0 else "",
                v["display"],
                Text(v["text"]),
                Text(f"{v['title'] or v['doc_id'][:10]} ({v['published'] or 'undated'}): ")
                + Text(v["sentence"]["text"], style="dim"),
            )
    out.print(table)
    n_conflicts = sum(r["status"] == "conflict" for r in rows)
    err.print(f"{len(rows)} groups, {n_conflicts} in conflict", highlight=False)


app.command(name="serve")(serve)  # the web app (dyad.cli.serve)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
