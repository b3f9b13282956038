"""Drives a running Unified-Radarr server with pyarr 5.2.0, as a real client would.

Usage: python pyarr_compat.py BASE_URL API_KEY ROOT_FOLDER

BASE_URL is the server's address (e.g. http://127.0.0.1:7878, with any URL base),
API_KEY its key, and ROOT_FOLDER an existing, writable, empty directory that is not yet
a root folder. The server cannot reach TMDB, so the movie is added from a lookup record
built by hand; pyarr adds the rest of the body. Each step prints one line; the first
failure prints why and exits 1. The last line is "pyarr compatibility: N passed, M failed".

The calls and their order follow pyarr 5.2.0's source (pyarr/radarr.py, pyarr/base.py,
pyarr/request_handler.py): what each method sends is noted beside its step.
"""

from __future__ import annotations

import contextlib
import io
import sys
from typing import Any

try:
    from pyarr import RadarrAPI
    from pyarr.exceptions import PyarrResourceNotFound
    from steps import CompatFailure, Runner, check
except ImportError as error:  # pragma: no cover - environment problem, not a server one
    print(f"pyarr compatibility: cannot import pyarr ({error}); install pyarr==5.2.0")
    sys.exit(2)

# Radarr's default quality profiles, created on first start.
DEFAULT_PROFILES = {"Any", "SD", "HD-720p", "HD-1080p", "Ultra-HD", "HD - 720p/1080p"}

# What `lookup_movie` would have returned, trimmed to what an add needs.
MATRIX_LOOKUP: dict[str, Any] = {
    "title": "The Matrix",
    "year": 1999,
    "tmdbId": 603,
    "titleSlug": "603",
    "images": [],
    "imdbId": "tt0133093",
}

TAG_LABEL = "pyarr-compat"


def same_path(a: Any, b: str) -> bool:
    """Root-folder paths compare without a trailing separator (Radarr may add one)."""
    return isinstance(a, str) and a.rstrip("/\\") == b.rstrip("/\\")


@contextlib.contextmanager
def quiet_stdout():
    """pyarr 5.2.0's upd_movie and del_movie print debugging output; keep it out of ours."""
    with contextlib.redirect_stdout(io.StringIO()):
        yield


def main(argv: list[str]) -> int:
    if len(argv) != 4:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    base_url, api_key, root_folder = argv[1], argv[2], argv[3]

    api = RadarrAPI(base_url, api_key)
    run = Runner("pyarr compatibility")
    state: dict[str, Any] = {}

    # GET /api/v3/system/status
    def system_status() -> str:
        status = api.get_system_status()
        check(isinstance(status, dict), f"expected an object, got {status!r}")
        version = status.get("version")
        check(isinstance(version, str), f"no version string in {status!r}")
        major = version.split(".")[0]
        check(major.isdigit() and int(major) >= 4, f"version {version!r}: major must be >= 4")
        return f"version {version}"

    run.step("system status", system_status)

    # POST /api/v3/rootfolder {"path": ROOT_FOLDER}
    def add_root_folder() -> str:
        folder = api.add_root_folder(root_folder)
        check(isinstance(folder, dict), f"expected an object, got {folder!r}")
        check(same_path(folder.get("path"), root_folder), f"path {folder.get('path')!r}")
        check(isinstance(folder.get("id"), int), f"no integer id in {folder!r}")
        state["root_folder_id"] = folder["id"]
        return f"id {folder['id']}"

    run.step("add root folder", add_root_folder)

    # GET /api/v3/rootfolder
    def list_root_folders() -> str:
        folders = api.get_root_folder()
        check(isinstance(folders, list), f"expected an array, got {folders!r}")
        paths = [folder.get("path") for folder in folders]
        check(any(same_path(path, root_folder) for path in paths), f"{root_folder} not in {paths}")
        return f"{len(folders)} root folder(s)"

    run.step("list root folders", list_root_folders)

    # GET /api/v3/qualityprofile
    def quality_profiles() -> str:
        profiles = api.get_quality_profile()
        check(isinstance(profiles, list), f"expected an array, got {profiles!r}")
        by_name = {profile.get("name"): profile for profile in profiles}
        missing = DEFAULT_PROFILES - by_name.keys()
        check(not missing, f"missing default profiles {sorted(missing)}; got {sorted(map(str, by_name))}")
        check(isinstance(by_name["HD-1080p"].get("id"), int), "HD-1080p has no integer id")
        state["profile_id"] = by_name["HD-1080p"]["id"]
        return f"{len(profiles)} profiles, HD-1080p is id {state['profile_id']}"

    run.step("list quality profiles", quality_profiles)

    # POST /api/v3/movie: the lookup record plus rootFolderPath, qualityProfileId,
    # monitored, minimumAvailability, addOptions {monitor, searchForMovie}, tags.
    def add_movie() -> str:
        movie = api.add_movie(
            dict(MATRIX_LOOKUP),
            root_dir=root_folder,
            quality_profile_id=state["profile_id"],
            monitored=True,
            search_for_movie=False,
        )
        check(isinstance(movie, dict), f"expected an object, got {movie!r}")
        check(isinstance(movie.get("id"), int) and movie["id"] > 0, f"no id in {movie!r}")
        check(movie.get("tmdbId") == 603, f"tmdbId {movie.get('tmdbId')!r}")
        check(movie.get("title") == "The Matrix", f"title {movie.get('title')!r}")
        check(movie.get("year") == 1999, f"year {movie.get('year')!r}")
        check(movie.get("qualityProfileId") == state["profile_id"], f"qualityProfileId {movie.get('qualityProfileId')!r}")
        check(movie.get("monitored") is True, f"monitored {movie.get('monitored')!r}")
        path = movie.get("path")
        check(
            isinstance(path, str) and path.startswith(root_folder.rstrip("/\\")),
            f"path {path!r} is not under {root_folder}",
        )
        state["movie_id"] = movie["id"]
        return f"id {movie['id']}, path {path}"

    run.step("add movie", add_movie)

    # GET /api/v3/movie/{id}
    def get_by_id() -> str:
        movie = api.get_movie(state["movie_id"])
        check(isinstance(movie, dict), f"expected an object, got {movie!r}")
        check(movie.get("id") == state["movie_id"], f"id {movie.get('id')!r}")
        check(movie.get("tmdbId") == 603, f"tmdbId {movie.get('tmdbId')!r}")
        return f"{movie.get('title')} ({movie.get('year')})"

    run.step("get movie by id", get_by_id)

    # GET /api/v3/movie?tmdbid=603 (lower-case query name, as pyarr sends it)
    def get_by_tmdb() -> str:
        movies = api.get_movie(603, tmdb=True)
        check(isinstance(movies, list), f"expected an array, got {movies!r}")
        check(len(movies) == 1, f"expected 1 movie, got {len(movies)}")
        check(movies[0].get("id") == state["movie_id"], f"id {movies[0].get('id')!r}")
        return "1 movie"

    run.step("get movie by tmdb id", get_by_tmdb)

    # POST /api/v3/tag {"label": "pyarr-compat"}
    def create_tag() -> str:
        tag = api.create_tag(TAG_LABEL)
        check(isinstance(tag, dict), f"expected an object, got {tag!r}")
        check(isinstance(tag.get("id"), int), f"no integer id in {tag!r}")
        check(tag.get("label") == TAG_LABEL, f"label {tag.get('label')!r}")
        state["tag_id"] = tag["id"]
        return f"id {tag['id']}"

    run.step("create tag", create_tag)

    # GET /api/v3/movie/{id}, then PUT /api/v3/movie (no id in the path, no query:
    # pyarr adds moveFiles only when asked) with the whole resource as the body.
    def update_movie() -> str:
        movie = api.get_movie(state["movie_id"])
        movie["monitored"] = False
        movie["tags"] = [state["tag_id"]]
        with quiet_stdout():
            updated = api.upd_movie(movie)
        check(isinstance(updated, dict), f"expected an object, got {updated!r}")
        check(updated.get("id") == state["movie_id"], f"id {updated.get('id')!r}")
        check(updated.get("monitored") is False, f"monitored {updated.get('monitored')!r}")
        check(updated.get("tags") == [state["tag_id"]], f"tags {updated.get('tags')!r}")
        return "monitored false, tagged"

    run.step("update movie", update_movie)

    # GET /api/v3/movie/{id}
    def update_stuck() -> str:
        movie = api.get_movie(state["movie_id"])
        check(movie.get("monitored") is False, f"monitored {movie.get('monitored')!r} after update")
        check(movie.get("tags") == [state["tag_id"]], f"tags {movie.get('tags')!r} after update")
        check(movie.get("qualityProfileId") == state["profile_id"], f"qualityProfileId {movie.get('qualityProfileId')!r}")
        return "fresh GET shows the change"

    run.step("update persisted", update_stuck)

    # DELETE /api/v3/movie/{id}?deleteFiles=True&addImportExclusion=True (requests
    # writes Python's True as "True"; no body).
    def delete_movie() -> str:
        with quiet_stdout():
            response = api.del_movie(state["movie_id"], delete_files=True, add_exclusion=True)
        status = getattr(response, "status_code", None)
        if status is not None:
            check(200 <= status < 300, f"status {status}")
        return f"status {status}" if status is not None else "JSON body"

    run.step("delete movie", delete_movie)

    # GET /api/v3/movie/{id} → 404, which pyarr raises as PyarrResourceNotFound;
    # GET /api/v3/movie?tmdbid=603 → [].
    def movie_gone() -> str:
        try:
            movie = api.get_movie(state["movie_id"])
        except PyarrResourceNotFound:
            pass
        else:
            raise CompatFailure(f"GET /movie/{state['movie_id']} still answers: {movie!r}")
        movies = api.get_movie(603, tmdb=True)
        check(movies == [], f"?tmdbid=603 still lists {movies!r}")
        return "404 by id, [] by tmdb id"

    run.step("movie gone", movie_gone)

    # pyarr 5.2.0's RadarrAPI has no exclusion method: use its generic GET helper,
    # which is how a pyarr user reaches it. GET /api/v3/exclusions.
    def exclusion_listed() -> str:
        exclusions = api._get("exclusions", api.ver_uri)
        check(isinstance(exclusions, list), f"expected an array, got {exclusions!r}")
        tmdb_ids = [exclusion.get("tmdbId") for exclusion in exclusions]
        check(603 in tmdb_ids, f"tmdbId 603 not in exclusions {tmdb_ids}")
        return "tmdbId 603 excluded"

    run.step("import exclusion", exclusion_listed)

    return run.done()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
