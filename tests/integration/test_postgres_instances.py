"""Three `helpdesk serve` instances on one PostgreSQL database behave as one
help desk under concurrent load: no lost update, no duplicate from an
idempotent request retried on another instance, and every event reaches a
live-update client connected to another instance than the one that wrote
it; every instance runs the SLA job and each warning and breach is raised
once; levels and calendars changed through one instance (or the command
line) are in force on the others within seconds; agents served by different
instances see each other on a ticket. PostgreSQL only
(HD_TEST_POSTGRES_URL); skipped without it."""

import json
import os
import shutil
import tempfile
import threading
import time
import unittest
import uuid
from concurrent.futures import ThreadPoolExecutor

from harness import PostgresDatabase, Server, binary
from sse import EventStream

INSTANCES = 3
TICKETS_PER_WRITER = 8
WRITERS = 6
SOURCE_CONFIG = os.path.join(os.path.dirname(__file__), "..", "..", "config", "defaults")


def seconds_long_vip_config():
    """A copy of the shipped configuration whose VIP level answers within 6
    seconds around the clock, so the SLA job has warnings and breaches to
    raise while the test watches."""
    config_dir = tempfile.mkdtemp(prefix="hd-instances-config-")
    shutil.copytree(SOURCE_CONFIG, config_dir, dirs_exist_ok=True)
    path = os.path.join(config_dir, "levels.yaml")
    with open(path) as f:
        text = f.read()
    vip = text.index("  - id: client_vip")
    tail = text[vip:].replace("first_response: 2h", "first_response: 6s", 1)
    tail = tail.replace("calendar: ru-business", "calendar: 24x7", 1)
    with open(path, "w") as f:
        f.write(text[:vip] + tail)
    return config_dir


class ThreeInstances(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        binary()  # skips without HD_BINARY
        cls.database = PostgresDatabase()  # skips without HD_TEST_POSTGRES_URL
        cls.config_dir = seconds_long_vip_config()
        settings = {"database": cls.database.url, "config_dir": cls.config_dir,
                    "jobs.sla_interval_seconds": "1", "sla.policy_check_seconds": "1"}
        cls.servers = [Server(settings) for _ in range(INSTANCES)]
        try:
            # Started together: the migrations run once, under the advisory lock.
            with ThreadPoolExecutor(INSTANCES) as pool:
                list(pool.map(lambda s: s.start(), cls.servers))
        except BaseException:
            cls._stop_all()
            raise
        email = cls.servers[0].add_user("l1_operator")
        token = cls.servers[0].token_for(email)
        cls.staff = [s.client(token=token) for s in cls.servers]

    @classmethod
    def _stop_all(cls):
        for server in cls.servers:
            server.cleanup()
        cls.database.drop()
        shutil.rmtree(cls.config_dir, ignore_errors=True)

    @classmethod
    def tearDownClass(cls):
        codes = []
        try:
            for server in cls.servers:
                codes.append(server.terminate())
        finally:
            for server in cls.servers:
                server.database = None  # the shared database is dropped once, below
                server.cleanup()
            cls.database.drop()
            shutil.rmtree(cls.config_dir, ignore_errors=True)
        assert all(code in (0, None) for code in codes), codes

    def test_every_event_written_anywhere_reaches_a_stream_on_another_instance(self):
        watcher = EventStream(self.staff[2])  # writes go through instances 0 and 1
        self.assertEqual(watcher.status, 200)
        ann, _ = self.servers[1].customer("Ann")
        ann_on_2 = self.servers[2].client()
        ann_on_2.cookies = dict(ann.cookies)
        ann_stream = EventStream(ann_on_2)
        self.assertEqual(ann_stream.status, 200)
        ticket_ids = self._load(ann)
        expected = set()
        for tid in ticket_ids:
            history = self.staff[0].get(f"/api/v1/tickets/{tid}/events").json()["items"]
            expected |= {e["id"] for e in history}
        self.assertTrue(watcher.wait_for(
            lambda events: expected <= {e["id"] for e in events}, timeout=60),
            f"missing {sorted(expected - set(watcher.ids()))[:20]}")
        ids = [i for i in watcher.ids() if i in expected]
        self.assertEqual(len(ids), len(set(ids)), "an event was sent twice")
        ann_tickets = {t["id"] for t in ann.list_all("/api/v1/tickets?scope=mine")}
        self.assertTrue(ann_tickets)
        ann_expected = set()
        for tid in ann_tickets:
            history = ann.get(f"/api/v1/tickets/{tid}/events").json()["items"]
            ann_expected |= {e["id"] for e in history}
        self.assertTrue(ann_stream.wait_for(
            lambda events: ann_expected <= {e["id"] for e in events}, timeout=60))
        self.assertTrue(all(e["data"]["ticket_id"] in ann_tickets for e in ann_stream.snapshot()))
        watcher.close()
        ann_stream.close()

    def _load(self, customer):
        """Creates tickets, replies and field changes through instances 0
        and 1 at once; returns the ids of the tickets created."""
        created, lock = [], threading.Lock()

        def writer(n):
            staff = self.staff[n % 2]
            for i in range(TICKETS_PER_WRITER):
                if n == 0 and i % 2 == 0:
                    response = customer.create_ticket(subject=f"customer {i}")
                else:
                    response = staff.create_ticket(subject=f"load {n}-{i}")
                self.assertEqual(response.status, 201, response)
                tid = response.json()["id"]
                other = self.staff[(n + 1) % 2]
                reply = other.post(f"/api/v1/tickets/{tid}/messages", {"body": f"on it {n}"})
                self.assertEqual(reply.status, 201, reply)
                etag = staff.get(f"/api/v1/tickets/{tid}").header("ETag")
                change = staff.patch(f"/api/v1/tickets/{tid}", {"criticality": "high"},
                                     headers={"If-Match": etag})
                self.assertEqual(change.status, 200, change)
                with lock:
                    created.append(tid)

        with ThreadPoolExecutor(WRITERS) as pool:
            list(pool.map(writer, range(WRITERS)))
        return created

    def test_concurrent_updates_on_different_instances_let_exactly_one_win(self):
        tid = self.staff[0].create_ticket(subject="contended").json()["id"]
        etag = self.staff[1].get(f"/api/v1/tickets/{tid}").header("ETag")
        barrier = threading.Barrier(9)
        statuses = {}

        def writer(n):
            barrier.wait()
            statuses[n] = self.staff[n % INSTANCES].patch(
                f"/api/v1/tickets/{tid}", {"subject": f"writer {n}"},
                headers={"If-Match": etag}).status

        threads = [threading.Thread(target=writer, args=(n,)) for n in range(9)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(sorted(statuses.values()), [200] + [412] * 8, statuses)
        winner = [n for n, status in statuses.items() if status == 200][0]
        for staff in self.staff:
            self.assertEqual(staff.get(f"/api/v1/tickets/{tid}").json()["subject"],
                             f"writer {winner}")

    def test_agents_on_different_instances_see_each_other_on_a_ticket(self):
        tid = self.staff[0].create_ticket(subject="watched from two instances").json()["id"]
        other_email = self.servers[1].add_user("l1_operator")
        other = self.servers[1].client(token=self.servers[1].token_for(other_email))
        path = f"/api/v1/tickets/{tid}/presence"
        self.assertEqual(self.staff[0].request("PUT", path, {}).json()["items"], [])
        seen = other.request("PUT", path, {"typing": True}).json()["items"]
        self.assertEqual(len(seen), 1)
        watchers = self.staff[2].get(path).json()["items"]  # a third instance, same person
        self.assertEqual([(v["typing"], v["role"]) for v in watchers], [(True, "l1_operator")])
        self.assertEqual(other.request("DELETE", path).status, 204)
        self.assertEqual(self.staff[0].get(path).json()["items"], [])

    def test_an_idempotent_creation_retried_on_other_instances_makes_one_ticket(self):
        key = uuid.uuid4().hex
        subject = f"retried {key[:8]}"
        barrier = threading.Barrier(6)
        responses = [None] * 6

        def send(i):
            barrier.wait()
            responses[i] = self.staff[i % INSTANCES].create_ticket(
                subject=subject, headers={"Idempotency-Key": key})

        threads = [threading.Thread(target=send, args=(i,)) for i in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual([r.status for r in responses], [201] * 6, responses)
        self.assertEqual(len({r.json()["id"] for r in responses}), 1, responses)
        self.assertEqual(sum(r.header("Idempotent-Replayed") == "true" for r in responses), 5)
        queue = self.staff[2].list_all("/api/v1/tickets?scope=queue")
        self.assertEqual(sum(t["subject"] == subject for t in queue), 1)

    def _vip_customer(self, n):
        client, email = self.servers[n].customer(f"VIP {n}")
        out = self.servers[0].cli("licence", "add", "--user", email, "--edition", "Business",
                                  "--activated", time.strftime("%Y-%m-%d"),
                                  "--support", "vip").stdout.decode()
        self.assertRegex(out, r"licence \d+ ")
        return client

    def _wait(self, predicate, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate():
                return True
            time.sleep(0.5)
        return predicate()

    def test_sla_warnings_and_breaches_are_raised_once_with_every_instance_running_jobs(self):
        tids = []
        for n in range(INSTANCES):
            client = self._vip_customer(n)
            for i in range(4):
                ticket = client.create_ticket(subject=f"urgent {n}-{i}").json()
                self.assertEqual(ticket["level"], "client_vip", ticket)
                tids.append(ticket["id"])

        def kinds(tid, n=0):
            events = self.staff[n].get(f"/api/v1/tickets/{tid}/events").json()["items"]
            return [e["kind"] for e in events]

        self.assertTrue(self._wait(lambda: all("sla_breached" in kinds(t) for t in tids), 60),
                        {t: kinds(t) for t in tids})
        time.sleep(3)  # further passes on every instance raise nothing new
        for n, tid in enumerate(tids):
            seen = kinds(tid, n % INSTANCES)
            self.assertEqual(seen.count("sla_warning"), 1, (tid, seen))
            self.assertEqual(seen.count("sla_breached"), 1, (tid, seen))

    def test_level_and_calendar_changes_on_one_instance_reach_the_others(self):
        email = self.servers[0].add_user("administrator")
        token = self.servers[0].token_for(email)
        admins = [s.client(token=token) for s in self.servers]
        put = admins[0].request("PUT", "/api/v1/admin/levels/partner_standard",
                                {"first_response": "7h"})
        self.assertEqual(put.status, 200, put)

        def level_on(n):
            items = admins[n].get("/api/v1/admin/levels").json()["items"]
            return [lv for lv in items if lv["id"] == "partner_standard"][0]["first_response"]

        self.assertTrue(self._wait(lambda: level_on(1) == "7h" and level_on(2) == "7h", 15))
        definition = {"format": "helpdesk-calendar/1", "id": "de-bremen",
                      "time_zone": "Europe/Berlin", "week": {"mon": ["09:00-17:00"]}}
        put = admins[1].request("PUT", "/api/v1/admin/calendars/de-bremen", definition)
        self.assertEqual(put.status, 200, put)

        def calendars_on(n):
            items = admins[n].get("/api/v1/admin/calendars").json()["items"]
            return {c["id"]: c["years"] for c in items}

        self.assertTrue(self._wait(lambda: "de-bremen" in calendars_on(0)
                                   and "de-bremen" in calendars_on(2), 15))
        holidays = os.path.join(self.config_dir, "ru-2028-import.json")
        with open(holidays, "w") as f:
            json.dump({"format": "ru-production-calendar/1", "years": {"2028": {
                "holidays": ["2028-01-03"], "working_weekends": [], "short_days": []}}}, f)
        out = self.servers[0].cli("calendar", "import", holidays).stdout.decode()
        self.assertIn("2028", out)
        self.assertTrue(self._wait(lambda: all(
            calendars_on(n)["ru-business"][1] == 2028 for n in range(INSTANCES)), 15),
            [calendars_on(n)["ru-business"] for n in range(INSTANCES)])


if __name__ == "__main__":
    unittest.main()
