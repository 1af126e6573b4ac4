"""The demo help desk that the README's first command serves."""

import subprocess
import unittest

from harness import Server, ServerError, binary

PASSWORD = "demo-password"


class DemoHelpDesk(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        seeded = subprocess.run([binary(), "demo", "--data", cls.server.data_dir],
                                capture_output=True, text=True, timeout=120)
        if seeded.returncode != 0:
            cls.server.cleanup()
            raise ServerError(f"helpdesk demo failed: {seeded.stderr}")
        cls.logins = seeded.stdout
        cls.server.start()

    @classmethod
    def tearDownClass(cls):
        try:
            cls.server.terminate()
        finally:
            cls.server.cleanup()

    def login(self, email):
        client = self.server.client()
        self.assertEqual(client.login(email, PASSWORD).status, 200, email)
        return client

    def test_prints_a_login_for_every_role(self):
        for role in ("customer", "l1_operator", "incident_manager", "tester", "it_operator",
                     "developer", "rfc_board", "integrator", "administrator"):
            self.assertIn(role, self.logins)
        self.assertIn(PASSWORD, self.logins)

    def test_every_printed_login_works(self):
        for line in self.logins.splitlines()[1:]:
            email = line.split()[-1]
            self.login(email)

    def test_a_sharing_company_shows_colleagues_tickets(self):
        anna = self.login("anna@acme.example")
        subjects = {t["subject"] for t in anna.list_all("/api/v1/tickets?scope=mine")}
        self.assertIn("Shop returns 500 on every page after the update", subjects)  # Pavel's
        dina = self.login("dina@mail.example")
        self.assertEqual(len(dina.list_all("/api/v1/tickets?scope=mine")), 1)

    def test_the_queue_holds_tickets_in_different_states_with_conversations(self):
        agent = self.login("l1@helpdesk.example")
        tickets = agent.list_all("/api/v1/tickets?scope=queue")
        self.assertGreaterEqual(len(tickets), 6)
        self.assertGreaterEqual({t["status"] for t in tickets},
                                {"new", "open", "pending", "resolved", "closed"})
        talked = [t for t in tickets
                  if len(agent.get(f"/api/v1/tickets/{t['id']}/messages").json()["items"]) > 1]
        self.assertGreaterEqual(len(talked), 4)

    def test_l1_sees_a_proposal_for_the_ticket_with_obscene_words(self):
        agent = self.login("l1@helpdesk.example")
        tickets = agent.list_all("/api/v1/tickets?scope=queue")
        hinted = [t for t in tickets
                  if agent.get(f"/api/v1/tickets/{t['id']}/l1-hint").status == 200]
        self.assertEqual(len(hinted), 1)
        hint = agent.get(f"/api/v1/tickets/{hinted[0]['id']}/l1-hint").json()
        self.assertEqual(hint["proposed_class"], "obscene_language")
        self.assertEqual(hint["evidence"], ["х.у.я", "п*здец"])

    def test_running_demo_again_changes_nothing(self):
        agent = self.login("l1@helpdesk.example")
        # The SLA clocks run on between the two reads: compare everything else.
        def stored(tickets):
            return [{k: v for k, v in t.items() if k != "sla"} for t in tickets]
        before = stored(agent.list_all("/api/v1/tickets?scope=queue"))
        again = subprocess.run([binary(), "demo", "--data", self.server.data_dir],
                               capture_output=True, text=True, timeout=120)
        self.assertEqual(again.returncode, 0, again.stderr)
        self.assertEqual(stored(agent.list_all("/api/v1/tickets?scope=queue")), before)


if __name__ == "__main__":
    unittest.main()
