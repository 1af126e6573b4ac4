"""A small Server-Sent Events client for the integration tests: reads
GET /api/v1/events on a thread and keeps what arrives."""

import http.client
import json
import threading
import time


class EventStream:
    """One open GET /api/v1/events for a client (token or cookies)."""

    def __init__(self, client, last_event_id=None, timeout=40):
        headers = {"Accept": "text/event-stream"}
        if client.token:
            headers["Authorization"] = f"Bearer {client.token}"
        if client.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
        if last_event_id is not None:
            headers["Last-Event-ID"] = str(last_event_id)
        self.connection = http.client.HTTPConnection(client.host, client.port, timeout=timeout)
        self.connection.request("GET", "/api/v1/events", headers=headers)
        self.response = self.connection.getresponse()
        self.status = self.response.status
        self.content_type = self.response.getheader("Content-Type") or ""
        self.events = []     # [{"id": int, "data": {...}}] in arrival order
        self.comments = []   # comment lines (": ping", the opening comment)
        self.resets = 0
        self.ended = False
        self._lock = threading.Lock()
        self._opened = threading.Event()
        if self.status == 200:
            self._thread = threading.Thread(target=self._read, daemon=True)
            self._thread.start()
            self._opened.wait(timeout)

    def _read(self):
        fields = {}
        try:
            while True:
                line = self.response.readline()
                if not line:
                    break
                line = line.decode().rstrip("\r\n")
                if line == "":
                    self._dispatch(fields)
                    fields = {}
                elif line.startswith(":"):
                    with self._lock:
                        self.comments.append(line)
                    self._opened.set()
                else:
                    name, _, value = line.partition(":")
                    fields[name] = value[1:] if value.startswith(" ") else value
        except (OSError, http.client.HTTPException, ValueError):
            pass
        with self._lock:
            self.ended = True
        self._opened.set()

    def _dispatch(self, fields):
        with self._lock:
            if fields.get("event") == "reset":
                self.resets += 1
            elif "data" in fields:
                self.events.append({"id": int(fields["id"]), "data": json.loads(fields["data"])})

    def ids(self):
        with self._lock:
            return [e["id"] for e in self.events]

    def snapshot(self):
        with self._lock:
            return list(self.events)

    def wait_for(self, predicate, timeout=30):
        """Waits until predicate(events) is true; returns it."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate(self.snapshot()):
                return True
            time.sleep(0.05)
        return predicate(self.snapshot())

    def close(self):
        try:
            self.connection.sock.shutdown(2)
        except (OSError, AttributeError):
            pass
        self.connection.close()
