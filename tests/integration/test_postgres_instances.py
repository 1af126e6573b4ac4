"""Three `helpdesk serve` instances on one PostgreSQL database behave as one
help desk under concurrent load: no lost update, no duplicate from an
idempotent request retried on another instance, and every event reaches a
live-update client connected to another instance than the one that wrote
it. PostgreSQL only (HD_TEST_POSTGRES_URL); skipped without it."""

import threading
import unittest
import uuid
from concurrent.futures import ThreadPoolExecutor

from harness import PostgresDatabase, Server, binary
from sse import EventStream

INSTANCES = 3
TICKETS_PER_WRITER = 8
WRITERS = 6


class ThreeInstances(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        binary()  # skips without HD_BINARY
        cls.database = PostgresDatabase()  # skips without HD_TEST_POSTGRES_URL
        cls.servers = [Server({"database": cls.database.url}) for _ in range(INSTANCES)]
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
        """Creates tickets, replies and status changes through instances 0
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
                change = staff.patch(f"/api/v1/tickets/{tid}", {"status": "open"},
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


if __name__ == "__main__":
    unittest.main()
