"""Stale updates, retried creations and shutdown never lose or duplicate work."""

import threading
import time
import unittest
import uuid

from harness import Server, ServerTestCase


class OptimisticConcurrency(ServerTestCase):

    def test_an_unchanged_ticket_is_304_with_its_validator_and_no_body(self):
        staff, _ = self.server.staff_client("l1_operator")
        tid = self.assertStatus(staff.create_ticket(subject="cached"), 201).json()["id"]
        etag = staff.get(f"/api/v1/tickets/{tid}").header("ETag")
        cached = staff.get(f"/api/v1/tickets/{tid}", headers={"If-None-Match": etag})
        self.assertEqual(cached.status, 304)
        self.assertEqual(cached.body, b"")
        self.assertEqual(cached.header("ETag"), etag)
        self.assertIsNone(cached.header("Content-Type"))

    def test_stale_patch_gets_412_and_does_not_overwrite(self):
        staff, _ = self.server.staff_client("l1_operator")
        tid = self.assertStatus(staff.create_ticket(subject="original"), 201).json()["id"]
        first = self.assertStatus(staff.get(f"/api/v1/tickets/{tid}"), 200)
        etag = first.header("ETag")
        self.assertEqual(etag, f'"{first.json()["version"]}"')

        fresh = staff.patch(f"/api/v1/tickets/{tid}", {"subject": "first writer"},
                            headers={"If-Match": etag})
        self.assertStatus(fresh, 200)
        self.assertNotEqual(fresh.header("ETag"), etag)
        self.assertEqual(fresh.json()["version"], first.json()["version"] + 1)

        stale = staff.patch(f"/api/v1/tickets/{tid}", {"subject": "second writer"},
                            headers={"If-Match": etag})
        self.assertProblem(stale, 412)
        now = staff.get(f"/api/v1/tickets/{tid}").json()
        self.assertEqual(now["subject"], "first writer")
        self.assertEqual(now["version"], fresh.json()["version"])
        subjects = [e["new"] for e in staff.get(f"/api/v1/tickets/{tid}/events").json()["items"]
                    if e["field"] == "subject"]
        self.assertEqual(subjects, ["first writer"])

    def test_concurrent_patches_with_one_etag_let_exactly_one_win(self):
        staff, _ = self.server.staff_client("l1_operator")
        tid = self.assertStatus(staff.create_ticket(subject="race"), 201).json()["id"]
        etag = staff.get(f"/api/v1/tickets/{tid}").header("ETag")
        statuses = {}

        def writer(n):
            statuses[n] = staff.patch(f"/api/v1/tickets/{tid}", {"subject": f"writer {n}"},
                                      headers={"If-Match": etag}).status

        threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(sorted(statuses.values()), [200] + [412] * 7)
        winner = [n for n, status in statuses.items() if status == 200][0]
        self.assertEqual(staff.get(f"/api/v1/tickets/{tid}").json()["subject"],
                         f"writer {winner}")


class IdempotentCreation(ServerTestCase):

    def setUp(self):
        self.staff, _ = self.server.staff_client("l1_operator")

    def queue_ids(self):
        return [t["id"] for t in self.staff.list_all("/api/v1/tickets?scope=queue")]

    def test_retried_creation_returns_the_same_ticket(self):
        key = uuid.uuid4().hex
        before = self.queue_ids()
        first = self.staff.create_ticket(subject="idempotent", headers={"Idempotency-Key": key})
        self.assertStatus(first, 201)
        self.assertIsNone(first.header("Idempotent-Replayed"))
        again = self.staff.create_ticket(subject="idempotent", headers={"Idempotency-Key": key})
        self.assertStatus(again, 201)
        self.assertEqual(again.header("Idempotent-Replayed"), "true")
        self.assertEqual(again.json()["id"], first.json()["id"])
        self.assertEqual(len(self.queue_ids()), len(before) + 1)

    def test_same_key_with_another_body_is_409(self):
        key = uuid.uuid4().hex
        self.assertStatus(self.staff.create_ticket(subject="one",
                                                   headers={"Idempotency-Key": key}), 201)
        before = self.queue_ids()
        self.assertProblem(self.staff.create_ticket(subject="two",
                                                    headers={"Idempotency-Key": key}), 409)
        self.assertEqual(self.queue_ids(), before)

    def test_concurrent_identical_requests_create_one_ticket(self):
        key = uuid.uuid4().hex
        before = self.queue_ids()
        responses = [None] * 12
        barrier = threading.Barrier(len(responses))

        def send(i):
            barrier.wait()
            responses[i] = self.staff.create_ticket(subject="concurrent retry",
                                                    headers={"Idempotency-Key": key})

        threads = [threading.Thread(target=send, args=(i,)) for i in range(len(responses))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual([r.status for r in responses], [201] * len(responses), responses)
        self.assertEqual(len({r.json()["id"] for r in responses}), 1)
        self.assertEqual(sum(r.header("Idempotent-Replayed") == "true" for r in responses),
                         len(responses) - 1)
        self.assertEqual(len(self.queue_ids()), len(before) + 1)


class GracefulShutdown(unittest.TestCase):

    def test_every_acknowledged_creation_survives_sigterm_and_restart(self):
        server = Server()
        try:
            server.start()
            staff, _ = server.staff_client("l1_operator")
            token = staff.token
            acked, lock = [], threading.Lock()
            stop = threading.Event()

            def creator(n):
                client = server.client(token=token)
                for i in range(10_000):
                    if stop.is_set():
                        return
                    try:
                        response = client.create_ticket(subject=f"load {n}-{i}", timeout=30)
                    except OSError:
                        return  # the server has closed its listener
                    if response.status == 201:
                        with lock:
                            acked.append(response.json()["id"])

            threads = [threading.Thread(target=creator, args=(n,)) for n in range(16)]
            for t in threads:
                t.start()
            deadline = time.monotonic() + 60
            while len(acked) < 100 and time.monotonic() < deadline:
                time.sleep(0.05)
            code = server.terminate()  # SIGTERM while creations are in flight
            stop.set()
            for t in threads:
                t.join(60)
            self.assertEqual(code, 0, server.log_tail())
            self.assertGreaterEqual(len(acked), 100)

            server.start()
            after_restart = server.client(token=token)
            stored = {t["id"] for t in after_restart.list_all("/api/v1/tickets?scope=queue")}
            missing = set(acked) - stored
            self.assertEqual(missing, set(), f"{len(missing)} acknowledged tickets were lost")
        finally:
            try:
                server.terminate()
            finally:
                server.cleanup()


if __name__ == "__main__":
    unittest.main()
