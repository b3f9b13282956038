"""Measures the Movies page of a release build holding a large library: the
HTML's answer time on the server, and in headless Chromium (driven over
chromedriver's WebDriver HTTP API) first contentful paint and the time until
every movie is counted on the page. Run through scripts/ui_load.sh."""

import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

BIN = "target/release/unified-radarr"
SEED = "target/release/examples/seed_library"
API_KEY = "0123456789abcdef0123456789abcdef"
RUNS = 5


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def call(method, url, body=None, headers=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    with urllib.request.urlopen(req, timeout=60) as r:
        text = r.read()
        return json.loads(text) if text else None


def wait_for_port(port):
    for _ in range(2000):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.05):
                return
        except OSError:
            time.sleep(0.01)
    raise RuntimeError(f"nothing listens on {port}")


def main():
    movies = int(sys.argv[1])
    work = tempfile.mkdtemp(prefix="unified-radarr-ui-")
    data = os.path.join(work, "data")
    print(f"seeding {movies} movies ...", flush=True)
    subprocess.run([SEED, data, str(movies)], check=True, capture_output=True, text=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([BIN, "serve", "--data-dir", data, "--port", str(port), "--bind-address", "127.0.0.1",
                               "--api-key", API_KEY, "--log-level", "error"])
    driver_port = free_port()
    driver = subprocess.Popen(["/usr/bin/chromedriver", f"--port={driver_port}"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port)
        wait_for_port(driver_port)
        key = {"X-Api-Key": API_KEY}
        # No login for the measurement: the page, not the sign-in, is timed.
        host = call("GET", f"{base}/api/v3/config/host", headers=key)
        host["authenticationMethod"] = "none"
        call("PUT", f"{base}/api/v3/config/host", host, headers=key)

        times = []
        for _ in range(50):
            out = subprocess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{time_total}", f"{base}/"],
                                 capture_output=True, text=True, check=True).stdout
            times.append(float(out) * 1000)
        times.sort()
        print(f"GET / (the page's HTML), 50 times: median {statistics.median(times):.2f} ms, "
              f"p95 {times[int(len(times) * 0.95) - 1]:.2f} ms, max {times[-1]:.2f} ms")

        wd = f"http://127.0.0.1:{driver_port}"
        profile = tempfile.mkdtemp(prefix="unified-radarr-chromium-")
        args = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                f"--user-data-dir={profile}", "--window-size=1280,900"]
        session = call("POST", f"{wd}/session", {"capabilities": {"alwaysMatch": {
            "goog:chromeOptions": {"binary": "/usr/bin/chromium", "args": args}}}})["value"]["sessionId"]
        s = f"{wd}/session/{session}"
        fcp, listed, script_bytes = [], [], 0
        for _ in range(RUNS):
            call("POST", f"{s}/url", {"url": f"{base}/"})
            for _ in range(600):
                count = call("POST", f"{s}/execute/sync", {
                    "script": "const c = document.querySelector('.count'); return c ? c.textContent : '';",
                    "args": []})["value"]
                if count.startswith(f"{movies} of {movies}"):
                    break
                time.sleep(0.01)
            else:
                raise RuntimeError(f"the movies were never all counted: {count!r}")
            timing = call("POST", f"{s}/execute/sync", {"script": """
                const paint = performance.getEntriesByName('first-contentful-paint')[0];
                const scripts = performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.js'));
                return [paint ? paint.startTime : -1, performance.now(),
                        scripts.reduce((sum, r) => sum + r.decodedBodySize, 0)];""", "args": []})["value"]
            fcp.append(timing[0])
            listed.append(timing[1])
            script_bytes = max(script_bytes, timing[2])
        call("DELETE", s)
        print(f"scripts the Movies page loaded: {script_bytes / 1024:.0f} KB")
        print(f"first contentful paint, {RUNS} loads: median {statistics.median(fcp):.0f} ms, max {max(fcp):.0f} ms")
        print(f"every movie counted and the first screenful drawn (at most; polled every 10 ms), {RUNS} loads: "
              f"median {statistics.median(listed):.0f} ms, max {max(listed):.0f} ms")
    finally:
        driver.terminate()
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
