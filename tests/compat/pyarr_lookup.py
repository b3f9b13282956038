"""Finds, adds and refreshes a movie with pyarr 5.2.0 against a server whose TMDB is a fake.

Usage: python pyarr_lookup.py BASE_URL API_KEY ROOT_FOLDER

The server's TMDB answers for The Matrix (TMDB 603, IMDb tt0133093). Each step
prints one line; the first failure prints why and exits 1. The last line is
"pyarr lookup: N passed, M failed".
"""

from __future__ import annotations

import sys
import time
import warnings
from typing import Any

try:
    from pyarr import RadarrAPI
    from steps import Runner, check
except ImportError as error:  # pragma: no cover - environment problem, not a server one
    print(f"pyarr lookup: cannot import pyarr ({error}); install pyarr==5.2.0")
    sys.exit(2)


def by_tmdb_id(api: RadarrAPI, tmdb_id: int) -> Any:
    """pyarr 5.2.0 warns that lookup_movie_by_tmdb_id is deprecated; it still works."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return api.lookup_movie_by_tmdb_id(tmdb_id)


def by_imdb_id(api: RadarrAPI, imdb_id: str) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return api.lookup_movie_by_imdb_id(imdb_id)


def main(argv: list[str]) -> int:
    if len(argv) != 4:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    base_url, api_key, root_folder = argv[1], argv[2], argv[3]
    api = RadarrAPI(base_url, api_key)
    state: dict[str, Any] = {}
    run = Runner("pyarr lookup")
    step = run.step

    # GET /api/v3/movie/lookup?term=The Matrix
    def by_text() -> str:
        found = api.lookup_movie("The Matrix")
        check(isinstance(found, list) and found, f"expected results, got {found!r}")
        ids = [movie.get("tmdbId") for movie in found]
        check(603 in ids, f"603 not in {ids}")
        matrix = next(movie for movie in found if movie.get("tmdbId") == 603)
        check("id" not in matrix, f"a movie not in the library has no id: {matrix.get('id')!r}")
        state["lookup"] = matrix
        return f"{len(found)} results"

    step("lookup by text", by_text)

    # GET /api/v3/movie/lookup?term=tmdb:603 and ?term=imdb:tt0133093
    def by_ids() -> str:
        for found in (by_tmdb_id(api, 603), by_imdb_id(api, "tt0133093")):
            check(isinstance(found, list) and len(found) == 1, f"expected one result, got {found!r}")
            check(found[0].get("tmdbId") == 603, f"tmdbId {found[0].get('tmdbId')!r}")
            check(found[0].get("certification") == "R", f"certification {found[0].get('certification')!r}")
        return "tmdb:603 and imdb:tt0133093 find The Matrix"

    step("lookup by ids", by_ids)

    # POST /api/v3/rootfolder, GET /api/v3/qualityprofile
    def setup() -> str:
        api.add_root_folder(root_folder)
        profiles = api.get_quality_profile()
        state["profile_id"] = next(p["id"] for p in profiles if p.get("name") == "HD-1080p")
        return f"profile {state['profile_id']}"

    step("root folder and profile", setup)

    # POST /api/v3/movie with the lookup result, as pyarr's add_movie sends it.
    def add() -> str:
        movie = api.add_movie(
            dict(state["lookup"]),
            root_dir=root_folder,
            quality_profile_id=state["profile_id"],
            monitored=True,
            search_for_movie=False,
        )
        check(isinstance(movie.get("id"), int), f"no id in {movie!r}")
        check(movie.get("title") == "The Matrix", f"title {movie.get('title')!r}")
        check(movie.get("runtime") == 136, f"runtime {movie.get('runtime')!r}")
        check(movie.get("imdbId") == "tt0133093", f"imdbId {movie.get('imdbId')!r}")
        state["id"] = movie["id"]
        return f"id {movie['id']}, {movie.get('path')}"

    step("add from lookup", add)

    # GET /api/v3/movie/lookup?term=tmdb:603 again: now the library's movie.
    def added_shows() -> str:
        found = by_tmdb_id(api, 603)
        check(found[0].get("id") == state["id"], f"id {found[0].get('id')!r}, want {state['id']}")
        check(found[0].get("monitored") is True, f"monitored {found[0].get('monitored')!r}")
        return "lookup carries the library id"

    step("lookup after adding", added_shows)

    # POST /api/v3/command {"name": "RefreshMovie", "movieIds": [id]}, then
    # GET /api/v3/command/{id} until it ends, as pyarr's users poll it.
    def refresh() -> str:
        command = api.post_command("RefreshMovie", movieIds=[state["id"]])
        check(command.get("name") == "RefreshMovie", f"name {command.get('name')!r}")
        check(command.get("status") in ("queued", "started"), f"status {command.get('status')!r}")
        for _ in range(100):
            polled = api.get_command(command["id"])
            if polled.get("status") not in ("queued", "started"):
                break
            time.sleep(0.1)
        check(polled.get("status") == "completed", f"ended {polled.get('status')!r}: {polled.get('message')!r}")
        listed = api.get_command()
        check(any(c.get("id") == command["id"] for c in listed), "the command is not listed")
        return f"command {command['id']} completed"

    step("refresh command", refresh)

    # GET /api/v3/system/task
    def tasks() -> str:
        found = {task.get("taskName"): task for task in api.get_task()}
        check("RefreshMovie" in found, f"tasks {sorted(found)}")
        check(found["RefreshMovie"].get("interval") == 1440, f"{found['RefreshMovie']!r}")
        return f"{len(found)} tasks"

    step("scheduled tasks", tasks)

    return run.done()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
