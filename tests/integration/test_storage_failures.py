"""A locked database or a full disk gives 503 with Retry-After and no partial write."""

import errno
import os
import sqlite3
import subprocess
import sys
import tempfile
import unittest

from harness import Server, ServerTestCase, multipart, without_clock_ticks


def files_under(folder, skip=()):
    """{relative path: size} of every file under `folder` except `skip` names."""
    found = {}
    for root, _, names in os.walk(folder):
        for name in names:
            if name in skip:
                continue
            path = os.path.join(root, name)
            found[os.path.relpath(path, folder)] = os.path.getsize(path)
    return found


DB_FILES = ("helpdesk.db", "helpdesk.db-wal", "helpdesk.db-shm", "helpdesk.db-journal")


class LockedDatabase(ServerTestCase):
    server_settings = {"storage.busy_timeout_ms": "200"}

    def test_locked_database_gives_503_with_retry_after_and_creates_nothing(self):
        staff, _ = self.server.staff_client("l1_operator")
        self.assertStatus(staff.create_ticket(subject="before the lock"), 201)
        before = staff.list_all("/api/v1/tickets?scope=queue")

        lock = sqlite3.connect(self.server.db_path(), timeout=10, isolation_level=None)
        try:
            lock.execute("BEGIN EXCLUSIVE")
            response = staff.create_ticket(subject="while locked")
            problem = self.assertProblem(response, 503)
            self.assertTrue(response.header("Retry-After"), response.headers)
            self.assertGreater(int(response.header("Retry-After")), 0)
            self.assertTrue(problem.get("detail"))
        finally:
            lock.execute("ROLLBACK")
            lock.close()

        self.assertEqual(without_clock_ticks(staff.list_all("/api/v1/tickets?scope=queue")),
                         without_clock_ticks(before))
        after = self.assertStatus(staff.create_ticket(subject="after the lock"), 201).json()
        subjects = [t["subject"] for t in staff.list_all("/api/v1/tickets?scope=queue")]
        self.assertIn(after["subject"], subjects)
        self.assertNotIn("while locked", subjects)


@unittest.skipUnless(sys.platform.startswith("linux"), "needs Linux tmpfs")
class FullDisk(unittest.TestCase):
    """Runs the server on a 3 MB tmpfs and fills it."""

    def setUp(self):
        if os.geteuid() != 0:
            self.skipTest("mounting a small tmpfs needs root")
        self.mount_point = tempfile.mkdtemp(prefix="hd-fulldisk-")
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs",
                                  self.mount_point], capture_output=True)
        if mounted.returncode != 0:
            os.rmdir(self.mount_point)
            self.skipTest(f"cannot mount tmpfs: {mounted.stderr.decode().strip()}")
        self.server = Server(data_dir=self.mount_point)

    def tearDown(self):
        try:
            self.server.terminate()
        finally:
            self.server.cleanup()
            subprocess.run(["umount", self.mount_point], check=False)
            os.rmdir(self.mount_point)

    def fill(self, path):
        """Writes `path` until the file system is full."""
        block = b"\0" * 65536
        with open(path, "wb", buffering=0) as f:
            try:
                while True:
                    f.write(block)
            except OSError as e:
                self.assertEqual(e.errno, errno.ENOSPC)
            try:
                while True:
                    f.write(b"\0" * 512)
            except OSError:
                pass

    def create_with_attachment(self, staff, subject, data):
        body, content_type = multipart(
            {"subject": subject, "body": "log attached"},
            [("attachments", "server.log", "text/plain", data)])
        return staff.post("/api/v1/tickets", body, headers={"Content-Type": content_type})

    def test_full_disk_refuses_the_ticket_and_stores_nothing_partial(self):
        self.server.start()
        staff, _ = self.server.staff_client("l1_operator")
        first = self.create_with_attachment(staff, "disk has room", b"first log\n" * 100)
        self.assertEqual(first.status, 201, first)
        tickets_before = staff.list_all("/api/v1/tickets?scope=queue")

        filler = os.path.join(self.mount_point, "filler")
        self.fill(filler)
        files_before = files_under(self.mount_point, skip=DB_FILES + ("filler",))
        refused = self.create_with_attachment(staff, "disk is full", os.urandom(200_000))
        print(f"\nfull disk: POST /api/v1/tickets with an attachment -> {refused.status} "
              f"{refused.text()}", file=sys.stderr)
        self.assertEqual(refused.status, 503, refused)
        self.assertNotIn(self.mount_point, refused.text())  # no server paths leak to clients
        self.assertTrue(refused.header("Content-Type").startswith("application/problem+json"))
        if refused.status == 503:
            self.assertTrue(refused.header("Retry-After"))
        self.assertEqual(files_under(self.mount_point, skip=DB_FILES + ("filler",)),
                         files_before)

        os.unlink(filler)
        self.assertEqual(without_clock_ticks(staff.list_all("/api/v1/tickets?scope=queue")),
                         without_clock_ticks(tickets_before))
        later = self.create_with_attachment(staff, "room again", b"second log\n" * 100)
        self.assertEqual(later.status, 201, later)
        subjects = [t["subject"] for t in staff.list_all("/api/v1/tickets?scope=queue")]
        self.assertEqual(sorted(subjects), ["disk has room", "room again"])


if __name__ == "__main__":
    unittest.main()
