#!/usr/bin/env python
"""Many reviewers tagging one comparison at once, through the real HTTP endpoints.

Starts gunicorn (2 workers) on 127.0.0.1 against a fresh database, logs N reviewers in through the
login form, and lets each tag random rows of one comparison (htmx POSTs, as the browser sends them)
until the time or request budget runs out. Then it checks the database: every acknowledged change
(HTTP 200) is the reviewer's stored verdict or was overtaken by that reviewer's own later change, each
acknowledged change is in the history exactly once, no verdict is duplicated, and nothing answered 5xx.

    .venv/bin/python bench/load_review.py                       # SQLite and PostgreSQL, 20 reviewers
    .venv/bin/python bench/load_review.py --database sqlite --reviewers 40 --seconds 30
    .venv/bin/python bench/load_review.py --think-seconds       # at human pace: one action every 2-5 s each
    .venv/bin/python bench/load_review.py --think-seconds 3 --conn-max-age 0 --port 8765

Two modes: stress (no pause: throughput and latency under saturation) and, with --think-seconds, reviewers
who pause like people between actions (a random pause in the range given, "2-5" by default; a first pause
spreads their starts). Besides latency it prints the CPU the gunicorn workers (and, on PostgreSQL, the
database server's processes on this machine) spent per request. --conn-max-age sets CONN_MAX_AGE for the
server (default: the settings' default).

Only 127.0.0.1 is ever contacted. Exit status 1 when a check fails.
"""

import argparse
import http.client
import json
import os
import random
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
SLUG = "load-test"
PASSWORD = "load-test-password"
POSTGRES_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_env(database_url: str) -> dict:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        SESSION_COOKIE_SECURE="0",
        CSRF_COOKIE_SECURE="0",
        SECURE_HSTS_SECONDS="0",
        DJANGO_SETTINGS_MODULE="newsdiff.settings",
    )
    return env


def prepare_database(env: dict, reviewers: int, passages: int) -> None:
    subprocess.run([PYTHON, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
    subprocess.run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
    script = f"""
import django; django.setup()
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from newsdiff.services.articles import ArticleMeta, article_import, comparison_get_or_create
group = Group.objects.get(name="reviewer")
for i in range({reviewers}):
    user = get_user_model().objects.create_user(f"load{{i}}", password={PASSWORD!r})
    user.groups.add(group)
words = "border trade security tariff meeting cartel energy investment migration fentanyl sovereignty".split()
def text(seed):
    return "\\n".join(
        f"Officials said the {{words[(i + seed) % 11]}} plan {{i}} covered {{words[(i * 7) % 11]}} and {{words[(i * 3 + seed) % 11]}}."
        for i in range({passages})
    )
comparison = comparison_get_or_create(slug={SLUG!r})
article_import(comparison=comparison, meta=ArticleMeta(source="Side A"), content=text(0))
article_import(comparison=comparison, meta=ArticleMeta(source="Side B"), content=text(1))
"""
    subprocess.run([PYTHON, "-c", script], cwd=ROOT, env=env, check=True)


def row_keys(env: dict) -> list[tuple[str, list[str]]]:
    """Each row key of the comparison with the labels it accepts."""
    script = f"""
import django, json; django.setup()
from newsdiff.selectors import comparison_side_by_side
from newsdiff.models import Comparison
view = comparison_side_by_side(Comparison.objects.get(slug={SLUG!r}), highlight=False)
print(json.dumps([
    [row.key, ["matching", "conflicting", ""] if row.kind == "pair" else ["unique", ""]]
    for row in view.reviewable_rows
]))
"""
    out = subprocess.run([PYTHON, "-c", script], cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    return [tuple(item) for item in json.loads(out.stdout.strip().splitlines()[-1])]


class Reviewer:
    """One reviewer's HTTP session: cookies, CSRF token, sequential requests."""

    def __init__(self, port: int, username: str):
        self.port = port
        self.username = username
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: dict | None = None, headers: dict | None = None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        all_headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        data = None
        if body is not None:
            data = urlencode(body)
            all_headers["Content-Type"] = "application/x-www-form-urlencoded"
        all_headers.update(headers or {})
        connection.request(method, path, body=data, headers=all_headers)
        response = connection.getresponse()
        content = response.read()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        connection.close()
        return response.status, content

    def login(self) -> None:
        status, page = self.request("GET", "/accounts/login/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
        status, _ = self.request(
            "POST",
            "/accounts/login/",
            {"csrfmiddlewaretoken": token, "username": self.username, "password": PASSWORD},
        )
        if status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"{self.username} could not log in (HTTP {status})")

    def tag(self, key: str, label: str, note: str):
        return self.request(
            "POST",
            f"/c/{SLUG}/rows/{key}/tag/",
            {"label": label, "note": note},
            {"X-CSRFToken": self.cookies["csrftoken"], "HX-Request": "true", "HX-Target": f"row-{key}"},
        )


def think_range(value: str | None) -> tuple[float, float] | None:
    """'2-5' -> (2.0, 5.0); '3' -> (3.0, 3.0); None -> None (no pause: stress mode)."""
    if value is None:
        return None
    low, _, high = value.partition("-")
    return float(low), float(high or low)


def run_load(port: int, reviewers: int, rows, seconds: float, max_requests: int, think=None, on_ready=lambda: None):
    budget = threading.Semaphore(max_requests)
    results: list[dict] = []
    lock = threading.Lock()
    sessions = [Reviewer(port, f"load{i}") for i in range(reviewers)]
    for session in sessions:
        session.login()
    on_ready()  # logins (a password hash each, ~0.3 s of CPU) are not part of the measured load
    deadline = time.monotonic() + seconds

    def work(session: Reviewer, seed: int):
        rng = random.Random(seed)
        sequence = 0
        if think:
            time.sleep(rng.uniform(0, think[1]))  # people do not all start at the same second
        while time.monotonic() < deadline and budget.acquire(blocking=False):
            key, labels = rng.choice(rows)
            label = rng.choice(labels)
            sequence += 1
            note = f"{session.username}#{sequence}"
            started = time.perf_counter()
            try:
                status, _ = session.tag(key, label, note)
            except (OSError, http.client.HTTPException) as error:
                status = f"error: {error.__class__.__name__}"
            elapsed = time.perf_counter() - started
            with lock:
                results.append(
                    {"user": session.username, "seq": sequence, "key": key, "label": label, "note": note,
                     "status": status, "seconds": elapsed}
                )
            if think:
                time.sleep(max(0.0, min(rng.uniform(*think), deadline - time.monotonic())))

    threads = [threading.Thread(target=work, args=(s, i)) for i, s in enumerate(sessions)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, time.perf_counter() - started


def verify(env: dict, results: list[dict]) -> list[str]:
    """Compare what the server acknowledged with what the database holds; return the problems found."""
    acknowledged = [r for r in results if r["status"] == 200]
    last_ack: dict[tuple[str, str], dict] = {}
    for result in sorted(acknowledged, key=lambda r: (r["user"], r["seq"])):
        last_ack[(result["user"], result["key"])] = result
    script = f"""
import django, json; django.setup()
from newsdiff.models import Annotation, AnnotationEvent
annotations = [
    [a.reviewer.username, f"l{{a.link_id}}" if a.link_id else f"p{{a.passage_id}}", a.label, a.note]
    for a in Annotation.objects.filter(comparison__slug={SLUG!r}).select_related("reviewer")
]
notes = [e.after.get("note", "") for e in AnnotationEvent.objects.filter(comparison__slug={SLUG!r}) if e.after]
print(json.dumps({{"annotations": annotations, "notes": notes}}))
"""
    out = subprocess.run([PYTHON, "-c", script], cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    state = json.loads(out.stdout.strip().splitlines()[-1])
    problems = []
    stored = {}
    for user, key, label, note in state["annotations"]:
        if (user, key) in stored:
            problems.append(f"duplicated verdict for {user} on {key}")
        stored[(user, key)] = (label, note)
    for (user, key), result in last_ack.items():
        if stored.get((user, key)) != (result["label"], result["note"]):
            problems.append(f"{user} on {key}: acknowledged {result['label']!r}/{result['note']} but stored {stored.get((user, key))}")
    history = {}
    for note in state["notes"]:
        history[note] = history.get(note, 0) + 1
    # An acknowledged request that changed nothing writes no event (same label and note as before);
    # notes carry a unique sequence number, so every acknowledged request changed something.
    for result in acknowledged:
        count = history.get(result["note"], 0)
        if count != 1:
            problems.append(f"{result['note']} appears {count} times in the history")
    server_errors = [r for r in results if not isinstance(r["status"], int) or r["status"] >= 500]
    if server_errors:
        problems.append(f"{len(server_errors)} requests failed with 5xx or a broken connection")
    return problems


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU of these processes so far, and of their children that have exited, from /proc.

    The children's part matters for PostgreSQL without CONN_MAX_AGE: a backend per request, which exits
    and whose CPU then counts in the postmaster's "children" fields.
    """
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += sum(int(value) for value in fields[11:15])  # utime, stime, cutime, cstime
    return total / os.sysconf("SC_CLK_TCK")


def server_pids(server: subprocess.Popen) -> list[int]:
    """The gunicorn master and its workers."""
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children")
    return [server.pid, *(int(pid) for pid in children.read_text().split())] if children.exists() else [server.pid]


def postgres_pids() -> list[int]:
    """Every PostgreSQL server process on this machine (the benchmark's database is on 127.0.0.1)."""
    pids = []
    for stat in Path("/proc").glob("[0-9]*/comm"):
        try:
            if stat.read_text().strip() == "postgres":
                pids.append(int(stat.parent.name))
        except OSError:
            continue
    return pids


def run_one(database: str, args) -> bool:
    tmp = tempfile.mkdtemp(prefix="newsdiff-load-")
    if database == "sqlite":
        url = f"sqlite:///{tmp}/load.sqlite3"
    else:
        name = f"newsdiff_load_{os.getpid()}"
        import psycopg

        with psycopg.connect(POSTGRES_ADMIN_URL.replace("postgres://", "postgresql://"), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        url = f"postgres://postgres@127.0.0.1:5432/{name}"
    env = server_env(url)
    if args.conn_max_age is not None:
        env["CONN_MAX_AGE"] = str(args.conn_max_age)
    prepare_database(env, args.reviewers, args.passages)
    rows = row_keys(env)
    port = args.port or free_port()
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "newsdiff.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}",
         "--timeout", "60", "--log-level", "warning"],
        cwd=ROOT,
        env=env,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        time.sleep(0.5)  # workers booted
        pids = server_pids(server)
        db_pids = postgres_pids() if database == "postgres" else []
        server_before, db_before = cpu_seconds(pids), cpu_seconds(db_pids)
        think = think_range(args.think_seconds)
        seconds = args.seconds if args.seconds is not None else (60.0 if think else 20.0)
        results, elapsed = run_load(port, args.reviewers, rows, seconds, args.max_requests, think)
        # Logins are part of the run: count them as requests for the CPU per request.
        server_cpu = cpu_seconds(server_pids(server)) - server_before
        db_cpu = cpu_seconds(postgres_pids() if db_pids else []) - db_before if db_pids else None
    finally:
        server.terminate()
        server.wait(timeout=30)
    problems = verify(env, results)
    if not results:
        problems.append("no request was sent")
    statuses: dict = {}
    for result in results:
        statuses[result["status"]] = statuses.get(result["status"], 0) + 1
    latencies = [r["seconds"] * 1000 for r in results if isinstance(r["status"], int)]
    mode = f"think {args.think_seconds} s" if args.think_seconds else "stress"
    requests = max(len(results), 1)
    print(
        f"{database:10} {mode} CONN_MAX_AGE={env.get('CONN_MAX_AGE', 'default')} reviewers={args.reviewers}"
        f" rows={len(rows)} requests={len(results)} in {elapsed:.1f}s = {len(results) / elapsed:.1f} req/s"
        f"  p50={percentile(latencies, 0.5):.0f} ms  p95={percentile(latencies, 0.95):.0f} ms"
        f"  max={max(latencies, default=float('nan')):.0f} ms  statuses={statuses}"
    )
    print(
        f"  server CPU {server_cpu:.1f} s = {server_cpu / requests * 1000:.1f} ms per request"
        + (f"; PostgreSQL CPU {db_cpu:.1f} s = {db_cpu / requests * 1000:.1f} ms per request" if db_cpu is not None else "")
        + " (logins excluded)"
    )
    for problem in problems[:20]:
        print(f"  PROBLEM: {problem}")
    print(f"  checks: {'all acknowledged changes stored and in history once; no duplicates; no 5xx' if not problems else f'{len(problems)} problems'}")
    if database == "postgres":
        import psycopg

        with psycopg.connect(POSTGRES_ADMIN_URL.replace("postgres://", "postgresql://"), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return not problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--reviewers", type=int, default=20)
    parser.add_argument(
        "--seconds", type=float, default=None, help="stop sending new requests after this long (20 s; 60 s with pauses)"
    )
    parser.add_argument(
        "--think-seconds", nargs="?", const="2-5", default=None, metavar="S",
        help="pause between one reviewer's actions: S seconds or a range A-B drawn at random (default 2-5)",
    )
    parser.add_argument("--port", type=int, default=0, help="bind gunicorn to this port (default: a free one)")
    parser.add_argument("--conn-max-age", type=int, default=None, help="CONN_MAX_AGE for the server (seconds)")
    parser.add_argument("--max-requests", type=int, default=4000, help="stop after this many requests in all")
    parser.add_argument("--passages", type=int, default=60, help="passages per account")
    args = parser.parse_args()
    databases = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    ok = all([run_one(database, args) for database in databases])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
