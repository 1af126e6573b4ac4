"""Moving an installation from SQLite to PostgreSQL with `helpdesk db copy`,
and `helpdesk db backup`: the same tickets, conversations, attachments and
accounts answer on PostgreSQL, new tickets continue after the copied ids, a
non-empty target is refused. Needs HD_TEST_POSTGRES_URL."""

import os
import sqlite3
import subprocess
import unittest

from harness import (PASSWORD, PostgresDatabase, Server, binary, multipart,
                     without_clock_ticks)


def helpdesk(*args):
    return subprocess.run([binary(), *args], capture_output=True, text=True, timeout=300)


class DbCopyToPostgres(unittest.TestCase):

    def setUp(self):
        binary()
        self.database = PostgresDatabase()  # skips without HD_TEST_POSTGRES_URL
        self.server = Server()  # SQLite in its data folder

    def tearDown(self):
        try:
            self.server.terminate()
        finally:
            self.server.cleanup()
            self.database.drop()

    def seed(self):
        """Tickets with replies and an attachment on SQLite; what the API shows."""
        customer, email = self.server.customer()
        agent, _ = self.server.staff_client("l1_operator")
        body, content_type = multipart({"subject": "Crash on start", "body": "See the log."},
                                       [("attachments", "app.log", "text/plain", b"ERROR\n" * 99)])
        first = customer.post("/api/v1/tickets", body, headers={"Content-Type": content_type})
        self.assertEqual(first.status, 201, first)
        for i in range(5):
            ticket = customer.create_ticket(subject=f"Printer {i}").json()
            reply = agent.post(f"/api/v1/tickets/{ticket['id']}/messages", {"body": f"Answer {i}"})
            self.assertEqual(reply.status, 201, reply)
        tickets = customer.list_all()
        messages = {t["id"]: customer.get(f"/api/v1/tickets/{t['id']}/messages").json()["items"]
                    for t in tickets}
        return email, tickets, messages

    def test_copy_serves_the_same_help_desk_on_postgres(self):
        self.server.start()
        email, tickets, messages = self.seed()
        self.server.terminate()

        source = "sqlite:" + self.server.db_path()
        copied = helpdesk("db", "copy", "--from", source, "--to", self.database.url)
        self.assertEqual(copied.returncode, 0, copied.stderr)
        self.assertIn("the counts match", copied.stdout)

        again = helpdesk("db", "copy", "--from", source, "--to", self.database.url)
        self.assertEqual(again.returncode, 2, again.stdout)
        self.assertIn("--replace", again.stderr)

        self.server.settings["database"] = self.database.url
        self.server.start()
        customer = self.server.client()
        self.assertEqual(customer.login(email, PASSWORD).status, 200)
        self.assertEqual(without_clock_ticks(customer.list_all()), without_clock_ticks(tickets))
        for tid, items in messages.items():
            self.assertEqual(customer.get(f"/api/v1/tickets/{tid}/messages").json()["items"], items)
        attachment = messages[min(messages)][0]["attachments"][0]
        self.assertEqual(customer.get(attachment["url"]).body, b"ERROR\n" * 99)
        new = customer.create_ticket(subject="After the move").json()
        self.assertGreater(new["id"], max(t["id"] for t in tickets))

    def test_backup_of_a_serving_sqlite_database_holds_every_ticket(self):
        self.server.start()
        _, tickets, _ = self.seed()
        backup = os.path.join(self.server.data_dir, "backup.db")
        done = helpdesk("db", "backup", "--data", self.server.data_dir, "--to", backup)
        self.assertEqual(done.returncode, 0, done.stderr)
        with sqlite3.connect(backup) as db:
            self.assertEqual(db.execute("PRAGMA integrity_check").fetchone()[0], "ok")
            stored = {row[0] for row in db.execute("SELECT id FROM tickets")}
        self.assertLessEqual({t["id"] for t in tickets}, stored)

    def test_backup_of_postgres_uses_pg_dump(self):
        backup = os.path.join(self.server.data_dir, "backup.dump")
        helpdesk("migrate", "--data", self.server.data_dir, "--database", self.database.url)
        done = helpdesk("db", "backup", "--data", self.server.data_dir,
                        "--database", self.database.url, "--to", backup)
        self.assertEqual(done.returncode, 0, done.stderr)
        listed = subprocess.run(["pg_restore", "--list", backup], capture_output=True, text=True)
        self.assertEqual(listed.returncode, 0, listed.stderr)
        self.assertIn("TABLE public tickets", listed.stdout)


if __name__ == "__main__":
    unittest.main()
