"""Interactive search against the real server: five fake Torznab indexers
(in this script, on loopback) answer 100 releases each for the movie asked,
after a set latency; the script times GET /api/v3/release and reports how
much the server adds beyond the slowest indexer. Run through
scripts/search_load.sh, which builds and seeds."""

import http.server
import json
import os
import socketserver
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

from load import API_KEY, BIN, SEED, free_port, request

INDEXERS = 5
RELEASES = 100
SEARCHES = 40

CAPS = """<?xml version="1.0" encoding="UTF-8"?>
<caps><server title="bench"/><limits max="100" default="100"/>
<searching><search available="yes" supportedParams="q"/>
<movie-search available="yes" supportedParams="q,imdbid,tmdbid"/></searching>
<categories><category id="2000" name="Movies"><subcat id="2040" name="Movies/HD"/></category></categories></caps>"""

QUALITIES = ["2160p.UHD.BluRay.x265", "1080p.BluRay.x264", "1080p.WEB-DL.DD5.1.H.264",
             "720p.BluRay.x264", "720p.HDTV.x264", "1080p.WEBRip.x265", "DVDRip.XviD", "2160p.WEB-DL.HDR.DV"]


def feed(indexer, title, year):
    """RELEASES items for the movie, varied in quality, group, size and seeders."""
    items = []
    dotted = title.replace(" ", ".")
    for n in range(RELEASES):
        name = f"{dotted}.{year}.{QUALITIES[n % len(QUALITIES)]}-GRP{n % 17}"
        size = (2 + n % 40) * 1024 ** 3
        items.append(
            f"<item><title>{name}</title><guid>bench-{indexer}-{n}</guid><link>http://127.0.0.1/dl/{n}.torrent</link>"
            f"<pubDate>Sun, 15 Oct 2023 12:00:00 +0000</pubDate><size>{size}</size>"
            f"<torznab:attr name=\"category\" value=\"2040\"/><torznab:attr name=\"seeders\" value=\"{n % 90}\"/>"
            f"<torznab:attr name=\"peers\" value=\"{n % 90 + 5}\"/></item>")
    return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:torznab="http://torznab.com/schemas/2015/feed">'
            f"<channel><title>bench</title>{''.join(items)}</channel></rss>")


def start_indexer(indexer, latency, movie):
    body = feed(indexer, movie["title"], movie["year"]).encode()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            query = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query)
            answer = CAPS.encode() if query.get("t") == ["caps"] else body
            if query.get("t") != ["caps"]:
                # A full first page of 100 makes the client ask for page two,
                # as Radarr does; it is empty and answered at once, so the
                # indexer's own latency is the first page's.
                if int(query.get("offset", ["0"])[0]) > 0:
                    answer = feed(indexer, "", 0).split("<item>")[0].encode() + b"</channel></rss>"
                else:
                    time.sleep(latency)
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args):
            pass

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main():
    latency = float(sys.argv[1]) / 1000 if len(sys.argv) > 1 else 0.0
    work = tempfile.mkdtemp(prefix="unified-radarr-search-")
    data = os.path.join(work, "data")
    subprocess.run([SEED, data, "1000"], check=True, capture_output=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([BIN, "serve", "--data-dir", data, "--port", str(port), "--bind-address", "127.0.0.1",
                               "--api-key", API_KEY, "--log-level", "error"])
    try:
        for _ in range(500):
            try:
                if request("GET", f"{base}/ping")[0] == 200:
                    break
            except OSError:
                time.sleep(0.01)
        movie = json.loads(request("GET", f"{base}/api/v3/movie/1")[2])
        fakes = [start_indexer(i, latency, movie) for i in range(INDEXERS)]
        for i, fake in enumerate(fakes):
            body = {"name": f"Bench {i}", "implementation": "Torznab", "configContract": "TorznabSettings",
                    "enableRss": True, "enableAutomaticSearch": True, "enableInteractiveSearch": True,
                    "priority": 25, "tags": [],
                    "fields": [{"name": "baseUrl", "value": f"http://127.0.0.1:{fake.server_address[1]}"},
                               {"name": "apiPath", "value": "/api"}, {"name": "apiKey", "value": "bench"},
                               {"name": "categories", "value": [2000, 2040]}]}
            status, _, answer = request("POST", f"{base}/api/v3/indexer?forceSave=true", body)
            assert status == 201, answer
        times = []
        for n in range(SEARCHES + 3):
            t0 = time.monotonic()
            status, _, answer = request("GET", f"{base}/api/v3/release?movieId=1")
            elapsed = (time.monotonic() - t0) * 1000
            assert status == 200, answer
            releases = json.loads(answer)
            if n >= 3:  # the first searches also ask each indexer's caps
                times.append(elapsed)
        approved = sum(1 for r in releases if r["approved"])
        times.sort()
        p50, p95 = statistics.median(times), times[int(len(times) * 0.95) - 1]
        print(f"{INDEXERS} indexers x {RELEASES} releases, each answering after {latency * 1000:.0f} ms: "
              f"{len(releases)} releases ({approved} approved) per search")
        print(f"GET /api/v3/release over {len(times)} searches: p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {times[-1]:.1f} ms; "
              f"beyond the indexers' latency: p50 {p50 - latency * 1000:.1f} ms, p95 {p95 - latency * 1000:.1f} ms")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
