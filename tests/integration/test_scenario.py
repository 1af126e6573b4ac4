"""The help-desk scenario of the foundation issue, end to end over HTTP."""

import unittest

from harness import ServerTestCase


class CustomerAndAgentScenario(ServerTestCase):

    def test_customer_ticket_agent_reply_feedback_and_history(self):
        customer, _ = self.server.customer("Alice Customer")
        me = self.assertStatus(customer.get("/api/v1/me"), 200).json()
        self.assertEqual(me["role"] if "role" in me else me["user"]["role"], "customer")

        categories = self.assertStatus(customer.get("/api/v1/categories"), 200).json()
        slugs = [c["slug"] for c in (categories["items"] if isinstance(categories, dict)
                                     else categories)]
        self.assertIn("licence", slugs)

        created = customer.create_ticket(
            subject="Licence key rejected after renewal",
            body="The product says my key is invalid since yesterday's renewal.",
            category="licence",
            sources_searched="Knowledge base article on licence renewal",
            steps="1. Open the product\n2. Enter the renewed key",
            expected="The key is accepted",
            actual="Error: key invalid")
        self.assertStatus(created, 201)
        ticket = created.json()
        for field, value in [("subject", "Licence key rejected after renewal"),
                             ("category", "licence"), ("status", "new"),
                             ("sources_searched", "Knowledge base article on licence renewal"),
                             ("expected", "The key is accepted"),
                             ("actual", "Error: key invalid")]:
            self.assertEqual(ticket[field], value, field)
        self.assertTrue(ticket["number"])
        tid = ticket["id"]

        # Another customer cannot tell that the ticket exists.
        stranger, _ = self.server.customer("Bob Stranger")
        for path in (f"/api/v1/tickets/{tid}", f"/api/v1/tickets/{tid}/messages",
                     f"/api/v1/tickets/{tid}/events"):
            self.assertProblem(stranger.get(path), 404)
        self.assertProblem(stranger.post(f"/api/v1/tickets/{tid}/messages",
                                         {"body": "me too"}), 404)
        self.assertEqual(stranger.list_all(), [])

        # An agent replies publicly and adds an internal note.
        agent, _ = self.server.staff_client("l1_operator")
        self.assertStatus(agent.get(f"/api/v1/tickets/{tid}"), 200)
        # The agent takes it on as a technical question (its status follows the process).
        self.assertStatus(agent.post(f"/api/v1/tickets/{tid}/transitions/take_technical", {}), 200)
        reply = agent.post(f"/api/v1/tickets/{tid}/messages",
                           {"body": "Please send the licence file.", "internal": False})
        self.assertStatus(reply, 201)
        note = agent.post(f"/api/v1/tickets/{tid}/messages",
                          {"body": "SECRET: customer on old contract", "internal": True})
        self.assertStatus(note, 201)
        self.assertTrue(note.json()["internal"])

        # The agent sees both; the customer sees the reply, never the note.
        agent_bodies = [m["body"] for m in self._messages(agent, tid)]
        self.assertIn("SECRET: customer on old contract", agent_bodies)
        customer_messages = self._messages(customer, tid)
        bodies = [m["body"] for m in customer_messages]
        self.assertIn("Please send the licence file.", bodies)
        self.assertNotIn("SECRET: customer on old contract", bodies)
        self.assertFalse(any(m.get("internal") for m in customer_messages))
        customer_kinds = [e["kind"] for e in self._events(customer, tid)]
        self.assertIn("replied", customer_kinds)
        self.assertNotIn("note_added", customer_kinds)
        note_id = str(note.json()["id"])
        self.assertNotIn(note_id, [str(e.get("new")) for e in self._events(customer, tid)
                                   if e.get("field") == "message"])
        self.assertNotIn(b"SECRET", customer.get(f"/api/v1/tickets/{tid}/events").body)

        # The customer rates the answer.
        feedback = customer.post(f"/api/v1/tickets/{tid}/feedback",
                                 {"rating": 5, "comment": "Quick and clear"})
        self.assertStatus(feedback, 201)
        listed = self.assertStatus(customer.get(f"/api/v1/tickets/{tid}/feedback"), 200).json()
        items = listed["items"] if isinstance(listed, dict) else listed
        self.assertEqual([(f["rating"], f["comment"]) for f in items], [(5, "Quick and clear")])

        # The staff history shows every step, in order.
        kinds = [e["kind"] for e in self._events(agent, tid)]
        self.assertEqual(kinds[0], "created")
        for kind in ("created", "replied", "note_added", "feedback_given"):
            self.assertIn(kind, kinds)
        self.assertLess(kinds.index("replied"), kinds.index("note_added"))
        self.assertLess(kinds.index("note_added"), kinds.index("feedback_given"))
        # Taking it on opened the ticket.
        self.assertEqual(customer.get(f"/api/v1/tickets/{tid}").json()["status"], "open")
        self.assertIn("status_changed", kinds)
        for event in self._events(agent, tid):
            self.assertEqual(event["ticket_id"], tid)
            self.assertTrue(event["at"])

        # The customer's own list shows it; the stranger's stays empty.
        self.assertEqual([t["id"] for t in customer.list_all()], [tid])
        self.assertEqual(stranger.list_all(), [])

    def test_the_session_probe_answers_200_signed_in_or_not(self):
        nobody = self.assertStatus(self.server.client().get("/api/v1/auth/session"), 200).json()
        self.assertEqual(nobody, {"signed_in": False})
        customer, email = self.server.customer()
        session = self.assertStatus(customer.get("/api/v1/auth/session"), 200).json()
        self.assertTrue(session["signed_in"])
        self.assertEqual(session["user"]["email"], email)
        self.assertEqual(session["csrf_token"], customer.csrf_token)

    def test_logout_ends_the_session(self):
        customer, email = self.server.customer()
        self.assertStatus(customer.get("/api/v1/me"), 200)
        old_cookies = dict(customer.cookies)
        self.assertIn(customer.post("/api/v1/auth/logout").status, (200, 204))
        self.assertNotIn("hd_session", customer.cookies)
        customer.cookies = old_cookies  # the old session cookie no longer works
        self.assertProblem(customer.get("/api/v1/me"), 401)
        self.assertStatus(customer.login(email, "correct horse battery"), 200)
        self.assertStatus(customer.get("/api/v1/me"), 200)

    def _messages(self, client, tid):
        response = self.assertStatus(client.get(f"/api/v1/tickets/{tid}/messages"), 200).json()
        return response["items"] if isinstance(response, dict) else response

    def _events(self, client, tid):
        response = self.assertStatus(client.get(f"/api/v1/tickets/{tid}/events"), 200).json()
        return response["items"] if isinstance(response, dict) else response


if __name__ == "__main__":
    unittest.main()
