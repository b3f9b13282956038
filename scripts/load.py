"""Drives a release build of the server with wrk and reports the figures of
docs/PERFORMANCE.md. Run through scripts/load.sh, which builds and seeds."""

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

BIN = "target/release/unified-radarr"
SEED = "target/release/examples/seed_library"
API_KEY = "0123456789abcdef0123456789abcdef"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_kib(pid, field="VmRSS"):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def wrk(url, connections, threads, seconds, script=None, headers=()):
    cmd = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency",
           "-H", f"X-Api-Key: {API_KEY}"]
    for h in headers:
        cmd += ["-H", h]
    if script:
        cmd += ["-s", script]
    out = subprocess.run(cmd + [url], capture_output=True, text=True, check=True).stdout
    latency = dict(re.findall(r"^\s+(50|75|90|99)%\s+(\S+)", out, re.M))
    requests = re.search(r"(\d+) requests in", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    return {
        "p50": latency.get("50"), "p99": latency.get("99"),
        "requests": int(requests.group(1)) if requests else 0,
        "non_2xx": int(non2xx.group(1)) if non2xx else 0,
        "socket_errors": errors.group(1) if errors else "none",
        "rps": re.search(r"Requests/sec:\s+(\S+)", out).group(1),
    }


def request(method, url, body=None, headers=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method)
    req.add_header("X-Api-Key", API_KEY)
    req.add_header("Content-Type", "application/json")
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def main():
    movies = int(sys.argv[1])
    work = tempfile.mkdtemp(prefix="unified-radarr-load-")
    data = os.path.join(work, "data")
    root = os.path.join(work, "movies")
    os.makedirs(root)
    print(f"seeding {movies} movies ...", flush=True)
    print(subprocess.run([SEED, data, str(movies)], check=True, capture_output=True, text=True).stdout.strip())
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    started = time.monotonic()
    server = subprocess.Popen([BIN, "serve", "--data-dir", data, "--port", str(port), "--bind-address", "127.0.0.1",
                               "--api-key", API_KEY, "--log-level", "error"])
    try:
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.05):
                    break
            except OSError:
                time.sleep(0.002)
        ready_ms = (time.monotonic() - started) * 1000
        status, _, _ = request("GET", f"{base}/ping")
        assert status == 200
        print(f"ready to serve: {ready_ms:.0f} ms after start")
        time.sleep(2)
        print(f"resident memory idle with {movies} movies: {rss_kib(server.pid) / 1024:.1f} MiB")

        t0 = time.monotonic()
        status, headers, body = request("GET", f"{base}/api/v3/movie")
        first_ms = (time.monotonic() - t0) * 1000
        listed = json.loads(body)
        etag = headers["ETag"]
        print(f"GET /api/v3/movie: {len(listed)} movies, {len(body) / 1e6:.1f} MB, {len(body) / len(listed) / 1000:.1f} KB each")
        print(f"first full list after start (rendered from the database): {first_ms:.0f} ms")
        time.sleep(1)
        print(f"resident memory after the first list: {rss_kib(server.pid) / 1024:.1f} MiB")
        status, _, _ = request("GET", f"{base}/api/v3/movie", headers={"If-None-Match": etag})
        print(f"conditional request with the ETag: {status}")
        status, headers, zipped = request("GET", f"{base}/api/v3/movie", headers={"Accept-Encoding": "gzip"})
        print(f"gzip: Content-Encoding {headers.get('Content-Encoding')}, {len(zipped) / 1e6:.1f} MB")
        gz = wrk(f"{base}/api/v3/movie", 1, 1, 10, headers=["Accept-Encoding: gzip"])
        print(f"GET /api/v3/movie with gzip, 1 client: p50 {gz['p50']}, p99 {gz['p99']}")

        def timed_lists(change):
            """Eight lists, each after `change(i)`, timed with curl (which costs less than urllib)."""
            times = []
            for i in range(8):
                change(i)
                out = subprocess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{time_total}", "-H", f"X-Api-Key: {API_KEY}",
                                      f"{base}/api/v3/movie"], capture_output=True, text=True, check=True).stdout
                times.append(float(out) * 1000)
                time.sleep(1)
            times.sort()
            return f"min {times[0]:.0f} ms, median {(times[3] + times[4]) / 2:.0f} ms, max {times[-1]:.0f} ms"

        # A movie write gives the list a new ETag: the kept list is patched
        # with the written movie.
        status, _, raw = request("GET", f"{base}/api/v3/movie/1")
        one_movie = json.loads(raw)

        def write_movie(i):
            one_movie["monitored"] = i % 2 == 0
            request("PUT", f"{base}/api/v3/movie/1", one_movie)

        print(f"full list after a movie changed (the kept list patched), 8 times: {timed_lists(write_movie)}")

        # A profile change changes every movie's rendering: the list is
        # rendered from the database again.
        status, _, raw = request("GET", f"{base}/api/v3/qualityprofile/1")
        profile = json.loads(raw)
        name = profile["name"]

        def rename_profile(i):
            profile["name"] = f"{name} {i}"
            request("PUT", f"{base}/api/v3/qualityprofile/1", profile)

        print(f"full list after a profile changed (rendered from the database), 8 times: {timed_lists(rename_profile)}")
        profile["name"] = name
        request("PUT", f"{base}/api/v3/qualityprofile/1", profile)

        script = os.path.join(work, "random_id.lua")
        with open(script, "w") as f:
            f.write(f'request = function() return wrk.format("GET", "/api/v3/movie/" .. math.random(1, {movies})) end\n')
        one = wrk(base + "/", 50, 2, 15, script)
        print(f"GET /api/v3/movie/{{id}}, 50 connections: p50 {one['p50']}, p99 {one['p99']}, "
              f"{one['rps']} req/s, non-2xx {one['non_2xx']}")

        single = wrk(f"{base}/api/v3/movie", 1, 1, 20)
        print(f"GET /api/v3/movie, 1 client: p50 {single['p50']}, p99 {single['p99']}")
        four = wrk(f"{base}/api/v3/movie", 4, 2, 20)
        print(f"GET /api/v3/movie, 4 at once: p50 {four['p50']}, p99 {four['p99']}")
        print(f"resident memory peak (VmHWM) after the full lists: {rss_kib(server.pid, 'VmHWM') / 1024:.1f} MiB")

        # The Wanted lists read every movie's outline, then render one page.
        for path in ("wanted/missing", "wanted/cutoff?page=3&pageSize=50&sortKey=movieMetadata.year"):
            wanted = wrk(f"{base}/api/v3/{path}", 1, 1, 10)
            print(f"GET /api/v3/{path}, 1 client: p50 {wanted['p50']}, p99 {wanted['p99']}")
        status, _, raw = request("POST", f"{base}/api/v3/command", {"name": "RssSync"})
        command = json.loads(raw)
        while command["status"] in ("queued", "started"):
            time.sleep(0.02)
            command = json.loads(request("GET", f"{base}/api/v3/command/{command['id']}")[2])
        print(f"RssSync over {movies} movies with no indexers: {command['status']} in {command.get('duration')}")

        # Downloads: a watch folder of 1,000 finished releases the queue
        # follows, then 100 movie files it imports (hard links).
        status, _, _ = request("POST", f"{base}/api/v3/rootfolder", {"path": root})
        watch = os.path.join(work, "watch")
        os.makedirs(watch)
        old = time.time() - 120
        for n in range(1000):
            folder = os.path.join(watch, f"Unknown.Release.{n}.2019.720p.WEB-DL-GRP")
            os.makedirs(folder)
            with open(os.path.join(folder, "info.nfo"), "w") as f:
                f.write("x")
            os.utime(folder, (old, old))
        status, _, _ = request("POST", f"{base}/api/v3/downloadclient", {
            "name": "Watch", "implementation": "TorrentBlackhole", "configContract": "TorrentBlackholeSettings",
            "enable": True, "tags": [], "fields": [{"name": "torrentFolder", "value": watch},
                                                  {"name": "watchFolder", "value": watch}]})
        assert status == 201, status

        def refresh():
            _, _, raw = request("POST", f"{base}/api/v3/command", {"name": "RefreshMonitoredDownloads"})
            command = json.loads(raw)
            while command["status"] in ("queued", "started"):
                time.sleep(0.01)
                command = json.loads(request("GET", f"{base}/api/v3/command/{command['id']}")[2])
            return command

        t0 = time.monotonic()
        entries = [(e.name, e.stat().st_mtime) for e in os.scandir(watch)]
        scan_ms = (time.monotonic() - t0) * 1000
        def client_seconds():
            # The client's own answers so far, from the metrics.
            text = request("GET", f"{base}/metrics")[2].decode()
            sums = [line.split()[-1] for line in text.splitlines()
                    if line.startswith("radarr_download_client_request_duration_seconds_sum")]
            return float(sums[0]) if sums else 0.0

        first = refresh()
        before = client_seconds()
        steady = [refresh()["duration"] for _ in range(5)]
        client_ms = (client_seconds() - before) / 5 * 1000
        print(f"queue poll, {len(entries)} downloads: first sight {first['duration']}, "
              f"then {', '.join(steady)}; the blackhole's own answer {client_ms:.1f} ms a poll "
              f"(listing the watch folder from Python: {scan_ms:.1f} ms)")
        for n in range(100):
            body = {"title": f"Bench Movie {n}", "tmdbId": 20_000_000 + n, "year": 2020, "qualityProfileId": 1,
                    "rootFolderPath": root, "monitored": True}
            status, _, _ = request("POST", f"{base}/api/v3/movie", body)
            assert status == 201, status
            path = os.path.join(watch, f"Bench.Movie.{n}.2020.1080p.BluRay.x264-GRP.mkv")
            with open(path, "wb") as f:
                f.write(b"\0" * 1_000_000)
            os.utime(path, (old, old))
        imported = refresh()
        print(f"queue poll that imports 100 movies (hard links) among 1,100 downloads: {imported['duration']} "
              f"({imported.get('message')})")

        # A writer adds and updates movies as fast as it can while wrk reads.
        failures = []
        written = [0]
        stop = threading.Event()

        def writer():
            n = 10_000_000
            while not stop.is_set():
                n += 1
                body = {"title": f"Written {n}", "tmdbId": n, "year": 2020, "qualityProfileId": 1,
                        "rootFolderPath": root, "monitored": True}
                status, _, raw = request("POST", f"{base}/api/v3/movie", body)
                if status != 201:
                    failures.append((status, raw[:200]))
                    continue
                movie = json.loads(raw)
                movie["monitored"] = False
                status, _, raw = request("PUT", f"{base}/api/v3/movie/{movie['id']}", movie)
                if status != 202:
                    failures.append((status, raw[:200]))
                written[0] += 2

        thread = threading.Thread(target=writer)
        thread.start()
        reads = wrk(base + "/", 16, 2, 15, script)
        lists = wrk(f"{base}/api/v3/movie", 2, 1, 15)
        print(f"resident memory peak (VmHWM) by the end: {rss_kib(server.pid, 'VmHWM') / 1024:.1f} MiB")
        stop.set()
        thread.join()
        print(f"while a writer made {written[0]} writes: {reads['requests']} reads by id "
              f"(non-2xx {reads['non_2xx']}, socket errors {reads['socket_errors']}, p99 {reads['p99']}), "
              f"{lists['requests']} full lists (non-2xx {lists['non_2xx']}, p50 {lists['p50']}), writer failures {len(failures)}")
        for f in failures[:5]:
            print("  writer failure:", f)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
