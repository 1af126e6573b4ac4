"""Runs a real `helpdesk serve` for the integration tests and talks to it.

Server starts the binary named by HD_BINARY on a free loopback port with a
temporary data folder, waits for its "serving on" line and stops it with
SIGTERM. Client is a small HTTP client with a cookie jar that sends the
X-CSRF-Token header on unsafe requests once it has logged in, and checks
every answer against docs/openapi.yaml (contract.py). Python 3 with Debian's
python3-yaml and python3-jsonschema (and the `psql` client on PostgreSQL).

The database is SQLite in the data folder unless HD_TEST_DATABASE=postgres:
then each Server gets a fresh database of its own on the PostgreSQL server
named by HD_TEST_POSTGRES_URL (scripts/pg-cluster prints one), dropped by
cleanup(). Its URL is also exported as HD_DATABASE, so a test that runs the
binary itself reaches the database of the server it created last.
"""

import datetime
import http.client
import itertools
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import unittest
import uuid

import contract

# Settings that keep the server fast and its timeouts short under test.
TEST_SETTINGS = {
    "auth.password_hash_memory_kib": "8192",
    # Every test client signs up from 127.0.0.1.
    "auth.signups_per_hour": "1000000",
    "http.header_timeout_seconds": "2",
    "http.request_timeout_seconds": "3",
    "storage.busy_timeout_ms": "200",
    "log_level": "info",
}

START_TIMEOUT = 60  # seconds; an ASan build starts slowly
STOP_TIMEOUT = 60
UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
PASSWORD = "correct horse battery"

_serial = itertools.count(1)


def binary():
    path = os.environ.get("HD_BINARY")
    if not path:
        raise unittest.SkipTest("HD_BINARY is not set: the path of the helpdesk binary")
    return path


def report_period():
    """The `from` and `to` of a report: a range of days around today that
    holds it in every time zone."""
    today = datetime.datetime.now(datetime.timezone.utc).date()
    return (f"from={today - datetime.timedelta(days=1)}"
            f"&to={today + datetime.timedelta(days=2)}")


def unique_email(prefix="user"):
    return f"{prefix}-{os.getpid()}-{next(_serial)}-{uuid.uuid4().hex[:6]}@example.test"


class ServerError(Exception):
    pass


def without_clock_ticks(tickets):
    """`tickets` (JSON) without what changes by itself as time passes: an SLA
    clock's remaining_seconds counts down during working hours (and always
    on a 24/7 special request), so two reads of an unchanged ticket a second
    apart differ there."""
    out = []
    for ticket in tickets:
        ticket = dict(ticket)
        if isinstance(ticket.get("sla"), dict):
            ticket["sla"] = {k: v for k, v in ticket["sla"].items() if k != "remaining_seconds"}
        out.append(ticket)
    return out


def backend():
    """The database the tests run on: "sqlite" (default) or "postgres"."""
    return os.environ.get("HD_TEST_DATABASE", "sqlite")


def with_database(url, name):
    """`url` (postgresql://user@host:port/db?params) naming database `name`."""
    head, _, rest = url.partition("://")
    authority, _, path = rest.partition("/")
    query = path.partition("?")[2]
    return f"{head}://{authority}/{name}" + (f"?{query}" if query else "")


def psql(url, sql):
    done = subprocess.run(["psql", url, "-qAtX", "-v", "ON_ERROR_STOP=1", "-c", sql],
                          capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        raise ServerError(f"psql {sql!r} failed: {done.stderr}")
    return done.stdout


class PostgresDatabase:
    """A fresh, empty database on the test PostgreSQL server."""

    def __init__(self, server_url=None):
        self.server_url = server_url or os.environ.get("HD_TEST_POSTGRES_URL")
        if not self.server_url:
            raise unittest.SkipTest("HD_TEST_POSTGRES_URL is not set")
        self.name = f"hd_integ_{os.getpid()}_{next(_serial)}_{uuid.uuid4().hex[:8]}"
        psql(self.server_url, f"CREATE DATABASE {self.name}")
        self.url = with_database(self.server_url, self.name)

    def drop(self):
        psql(self.server_url, f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)")


class Server:
    """One `helpdesk serve` process and its data folder.

    The data folder is a fresh temporary folder unless `data_dir` is given
    (then it is left in place). `settings` are added to TEST_SETTINGS as
    `--set key=value` flags.
    """

    def __init__(self, settings=None, data_dir=None):
        self.binary = binary()  # skips the test first when HD_BINARY is unset
        self.settings = dict(TEST_SETTINGS)
        self.settings.update(settings or {})
        self._own_dir = data_dir is None
        self.data_dir = data_dir or tempfile.mkdtemp(prefix="hd-integ-")
        self.log_path = os.path.join(
            tempfile.gettempdir(), f"hd-integ-{os.getpid()}-{next(_serial)}.log")
        self.process = None
        self.port = None
        self.database = None
        if backend() == "postgres" and "database" not in self.settings:
            self.database = PostgresDatabase()
            self.settings["database"] = self.database.url
            os.environ["HD_DATABASE"] = self.database.url

    # -- lifecycle ---------------------------------------------------------

    def _set_flags(self):
        flags = []
        for key, value in self.settings.items():
            flags += ["--set", f"{key}={value}"]
        return flags

    def start(self):
        command = [self.binary, "serve", "--listen", "127.0.0.1:0", "--data", self.data_dir]
        command += self._set_flags()
        self._log = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=self._log, stdin=subprocess.DEVNULL)
        line = self._read_line(START_TIMEOUT)
        match = re.search(r"serving on http://127\.0\.0\.1:(\d+)", line or "")
        if not match:
            self.process.kill()
            self.process.wait()
            raise ServerError(f"server did not start (stdout {line!r}):\n{self.log_tail()}")
        self.port = int(match.group(1))
        return self

    def _read_line(self, timeout):
        result = []
        reader = threading.Thread(
            target=lambda: result.append(self.process.stdout.readline().decode()), daemon=True)
        reader.start()
        reader.join(timeout)
        return result[0] if result else None

    def terminate(self):
        """Sends SIGTERM and returns the exit code."""
        if self.process is None:
            return None
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            code = self.process.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            code = self.process.wait()
            raise ServerError(f"server ignored SIGTERM:\n{self.log_tail()}")
        finally:
            self.process.stdout.close()
            self._log.close()
            self.process = None
        return code

    def restart(self):
        self.terminate()
        return self.start()

    def cleanup(self):
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process.stdout.close()
            self._log.close()
            self.process = None
        if self._own_dir:
            shutil.rmtree(self.data_dir, ignore_errors=True)
        if self.database is not None:
            self.database.drop()
            self.database = None
        if os.path.exists(self.log_path):
            os.unlink(self.log_path)

    def log_tail(self, lines=40):
        try:
            with open(self.log_path, "rb") as f:
                return b"\n".join(f.read().splitlines()[-lines:]).decode(errors="replace")
        except OSError:
            return "(no log)"

    # -- clients and CLI ---------------------------------------------------

    def client(self, token=None):
        return Client("127.0.0.1", self.port, token=token)

    def cli(self, *args, check=True):
        command = [self.binary, *args, "--data", self.data_dir] + self._set_flags()
        done = subprocess.run(command, capture_output=True, timeout=120, stdin=subprocess.DEVNULL)
        if check and done.returncode != 0:
            raise ServerError(f"{' '.join(args)} failed ({done.returncode}): "
                              f"{done.stderr.decode(errors='replace')}")
        return done

    def add_user(self, role, email=None, name=None, company=None):
        email = email or unique_email(role)
        args = ["user", "add", "--email", email, "--password", PASSWORD, "--role", role]
        if name:
            args += ["--name", name]
        if company:
            args += ["--company", company]
        self.cli(*args)
        return email

    def token_for(self, email):
        return self.cli("token", "create", "--user", email).stdout.decode().strip()

    def staff_client(self, role="l1_operator"):
        """A bearer-token client for a new user of `role`, and its e-mail."""
        email = self.add_user(role)
        return self.client(token=self.token_for(email)), email

    def customer(self, name="Customer", language=None):
        """A registered, logged-in cookie client and its e-mail; `language` is
        what its browser asks for at sign-up (Accept-Language)."""
        client = self.client()
        email = unique_email("customer")
        headers = {"Accept-Language": language} if language else None
        response = client.register(email, PASSWORD, name, headers=headers)
        if response.status != 201:
            raise ServerError(f"register failed: {response.status} {response.text()}")
        return client, email

    def db_path(self):
        return os.path.join(self.data_dir, "helpdesk.db")


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers  # list of (name, value)
        self.body = body

    def header(self, name):
        name = name.lower()
        for key, value in self.headers:
            if key.lower() == name:
                return value
        return None

    def all_headers(self, name):
        return [v for k, v in self.headers if k.lower() == name.lower()]

    def text(self):
        return self.body.decode(errors="replace")

    def json(self):
        return json.loads(self.body)

    def __repr__(self):
        return f"<Response {self.status} {self.body[:300]!r}>"


class Client:
    """HTTP client for one user: a bearer token, or a session cookie plus the
    CSRF token learnt from register/login. One connection per request."""

    def __init__(self, host, port, token=None):
        self.host = host
        self.port = port
        self.token = token
        self.cookies = {}
        self.csrf_token = None
        # Every answer is checked against docs/openapi.yaml (contract.py);
        # off only for a test that sends what no client would.
        self.check_contract = True

    def request(self, method, path, body=None, headers=None, csrf=True, timeout=30):
        all_headers = {}
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode()
            all_headers["Content-Type"] = "application/json"
        elif isinstance(body, str):
            body = body.encode()
        if self.token:
            all_headers["Authorization"] = f"Bearer {self.token}"
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if csrf and self.csrf_token and method in UNSAFE_METHODS:
            all_headers["X-CSRF-Token"] = self.csrf_token
        all_headers.update(headers or {})
        connection = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        try:
            connection.request(method, path, body=body, headers=all_headers)
            raw = connection.getresponse()
            response = Response(raw.status, raw.getheaders(), raw.read())
        finally:
            connection.close()
        self._remember_cookies(response)
        if self.check_contract:
            contract.check(method, path.split("?", 1)[0], response.status,
                           response.header("Content-Type"), response.body)
        return response

    def _remember_cookies(self, response):
        for value in response.all_headers("Set-Cookie"):
            name, _, rest = value.partition("=")
            cookie_value = rest.split(";", 1)[0]
            if "Max-Age=0" in value or not cookie_value:
                self.cookies.pop(name.strip(), None)
            else:
                self.cookies[name.strip()] = cookie_value

    def _learn_session(self, response):
        if response.status in (200, 201):
            self.csrf_token = response.json().get("csrf_token")
        return response

    # -- API helpers -------------------------------------------------------

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, body=None, **kw):
        return self.request("POST", path, body, **kw)

    def patch(self, path, body=None, **kw):
        return self.request("PATCH", path, body, **kw)

    def put(self, path, body=None, **kw):
        return self.request("PUT", path, body, **kw)

    def delete(self, path, **kw):
        return self.request("DELETE", path, **kw)

    def register(self, email, password, name, headers=None):
        return self._learn_session(self.post(
            "/api/v1/auth/register", {"email": email, "password": password, "name": name},
            headers=headers))

    def login(self, email, password):
        return self._learn_session(
            self.post("/api/v1/auth/login", {"email": email, "password": password}))

    def create_ticket(self, subject="Cannot renew my licence", body="The renewal page fails.",
                      headers=None, timeout=30, **fields):
        """POST /api/v1/tickets with these JSON fields."""
        payload = {"subject": subject, "body": body}
        payload.update(fields)
        return self.post("/api/v1/tickets", payload, headers=headers, timeout=timeout)

    def list_all(self, path="/api/v1/tickets?scope=mine"):
        """Every item of a paginated listing, following next_cursor."""
        items, cursor = [], None
        for _ in range(1000):
            sep = "&" if "?" in path else "?"
            url = path if cursor is None else f"{path}{sep}cursor={cursor}"
            response = self.get(url)
            if response.status != 200:
                raise ServerError(f"GET {url}: {response.status} {response.text()}")
            page = response.json()
            items += page["items"]
            cursor = page.get("next_cursor")
            if not cursor:
                return items
        raise ServerError("pagination did not end")


def multipart(fields, files):
    """Encodes text `fields` {name: value} and `files` [(name, filename,
    content_type, bytes)] as multipart/form-data; returns (body, content_type)."""
    boundary = "hd-" + uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                     .encode() + str(value).encode() + b"\r\n")
    for name, filename, content_type, data in files:
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                     f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'.encode()
                     + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def raw_connection(port, timeout=10):
    """A plain TCP socket to the server, for clients that misbehave."""
    return socket.create_connection(("127.0.0.1", port), timeout=timeout)


def read_until_closed(sock, limit=1 << 20):
    """Reads until the peer closes; returns the bytes (raises socket.timeout
    when the peer keeps the connection open)."""
    chunks = []
    while sum(map(len, chunks)) < limit:
        chunk = sock.recv(65536)
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


class ServerTestCase(unittest.TestCase):
    """Starts one server per test class (in setUpClass) and stops it after."""

    server_settings = {}

    @classmethod
    def setUpClass(cls):
        cls.server = Server(cls.server_settings)
        try:
            cls.server.start()
        except BaseException:
            cls.server.cleanup()
            raise

    @classmethod
    def tearDownClass(cls):
        try:
            code = cls.server.terminate()
        finally:
            cls.server.cleanup()
        if code not in (0, None):
            raise ServerError(f"server exited with {code} on SIGTERM")

    def assertProblem(self, response, status, slug=None, field=None):
        """The response is an RFC 9457 problem with this status (and field)."""
        self.assertEqual(response.status, status, response)
        self.assertTrue((response.header("Content-Type") or "").startswith(
            "application/problem+json"), response.headers)
        problem = response.json()
        self.assertEqual(problem["status"], status)
        self.assertTrue(problem["type"].startswith("urn:helpdesk:problem:"), problem)
        self.assertTrue(problem.get("title"), problem)
        if slug is not None:
            self.assertEqual(problem["type"], f"urn:helpdesk:problem:{slug}")
        if field is not None:
            self.assertEqual(problem.get("field"), field, problem)
        return problem

    def assertStatus(self, response, status):
        self.assertEqual(response.status, status, response)
        return response
