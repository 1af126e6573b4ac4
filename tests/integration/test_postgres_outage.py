"""PostgreSQL killed under a running server: requests in flight and during the
outage get 503 problem+json with Retry-After (never a hang or a 500), nothing
acknowledged is lost, and the server serves again by itself once the
database is back. Runs its own throw-away cluster (scripts/pg-cluster), since
it stops the database."""

import os
import shutil
import subprocess
import tempfile
import threading
import time
import unittest

from harness import PostgresDatabase, Server, binary

PG_CLUSTER = os.path.join(os.path.dirname(__file__), "..", "..", "scripts", "pg-cluster")
RECOVERY_TIMEOUT = 60  # seconds


def pg_cluster(*args):
    done = subprocess.run([PG_CLUSTER, *args], capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise AssertionError(f"pg-cluster {' '.join(args)} failed: {done.stderr}")
    return done.stdout.strip()


class PostgresOutage(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        binary()  # skips without HD_BINARY
        if not shutil.which("psql") or not os.path.isdir("/usr/lib/postgresql"):
            raise unittest.SkipTest("PostgreSQL is not installed")
        cls.cluster_dir = tempfile.mkdtemp(prefix="hd-pg-outage-")
        cls.cluster_url = pg_cluster("start", cls.cluster_dir)  # fsync on: nothing acked is lost
        cls.database = PostgresDatabase(cls.cluster_url)
        cls.server = Server({"database": cls.database.url})
        cls.server.start()

    @classmethod
    def tearDownClass(cls):
        try:
            cls.server.terminate()
        finally:
            cls.server.cleanup()
            pg_cluster("stop", cls.cluster_dir)

    def assert_unavailable(self, response):
        self.assertEqual(response.status, 503, response)
        self.assertTrue((response.header("Content-Type") or "").startswith(
            "application/problem+json"), response.headers)
        self.assertEqual(response.json()["status"], 503)
        self.assertGreater(int(response.header("Retry-After") or "0"), 0, response.headers)

    def test_killed_database_gives_503_and_the_server_recovers_alone(self):
        staff, _ = self.server.staff_client("l1_operator")
        acked, failed, lock = [], [], threading.Lock()
        stop = threading.Event()

        def creator(n):
            client = self.server.client(token=staff.token)
            i = 0
            while not stop.is_set():
                response = client.create_ticket(subject=f"outage {n}-{i}", timeout=30)
                i += 1
                with lock:
                    (acked if response.status == 201 else failed).append(response)

        threads = [threading.Thread(target=creator, args=(n,)) for n in range(8)]
        for t in threads:
            t.start()
        deadline = time.monotonic() + 60
        while len(acked) < 50 and time.monotonic() < deadline:
            time.sleep(0.02)
        pg_cluster("kill", self.cluster_dir)  # immediate shutdown, requests in flight
        time.sleep(1.0)
        stop.set()
        for t in threads:
            t.join(60)
        self.assertGreaterEqual(len(acked), 50)
        self.assertTrue(failed, "no request saw the database go away")
        for response in failed:
            self.assert_unavailable(response)

        # While it is down, reads and writes answer 503 at once and /readyz says so.
        self.assert_unavailable(staff.get("/api/v1/tickets?scope=queue"))
        self.assert_unavailable(staff.create_ticket(subject="while down"))
        self.assertEqual(staff.get("/readyz").status, 503)

        pg_cluster("restart", self.cluster_dir)
        deadline = time.monotonic() + RECOVERY_TIMEOUT
        while staff.get("/readyz").status != 200 and time.monotonic() < deadline:
            time.sleep(0.2)
        for i in range(20):  # every request succeeds again, on every pooled connection
            self.assertEqual(staff.create_ticket(subject=f"after {i}").status, 201)
        stored = {t["id"] for t in staff.list_all("/api/v1/tickets?scope=queue")}
        missing = {r.json()["id"] for r in acked} - stored
        self.assertEqual(missing, set(), f"{len(missing)} acknowledged tickets were lost")


if __name__ == "__main__":
    unittest.main()
