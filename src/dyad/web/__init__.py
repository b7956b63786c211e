"""The analyst's web app (`dyad serve`): FastAPI pages rendered on the server with Jinja2
(autoescaped), a JSON API under /api/, over a store opened read-only."""
