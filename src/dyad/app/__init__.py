"""Application layer: runs (ingest, re-analysis, fusion) and the queries every surface shares."""
