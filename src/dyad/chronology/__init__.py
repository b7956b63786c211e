"""Chronology: the date timeline of a set of articles (pure functions over typed records).

`timeline` chooses the days and writes their summaries; `filters` decides which events a
chronology keeps. The store is read by `dyad.app.chronology`, never here."""
