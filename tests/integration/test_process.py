"""Every branch of the default support process (config/defaults/processes/
support.yaml), walked end to end through the HTTP API by users of the right
roles. After each step the ticket's state, status, assignee, fields and
history are checked; every transition is first tried by a wrong role (403)
and, when it asks for fields, without them (422 naming the field)."""

import unittest

from harness import ServerTestCase

ROLES = ["l1_operator", "incident_manager", "it_operator", "developer", "tester",
         "rfc_board", "integrator", "administrator"]

FULL_L2 = {"complexity": "high", "criticality": "high", "category": "shop",
           "planned_effort": 6, "expected_resolution": "2026-03-01"}


class ProcessWalk(ServerTestCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.staff, cls.ids = {}, {}
        for role in ROLES:
            cls.staff[role], email = cls.server.staff_client(role)
            cls.ids[role] = cls.staff[role].get("/api/v1/me").json()
        cls.staff["rfc_board2"], _ = cls.server.staff_client("rfc_board")
        for role, client in cls.staff.items():
            me = client.get("/api/v1/me").json()
            cls.ids[role] = (me.get("user") or me)["id"]

    def setUp(self):
        self.customer, _ = self.server.customer("Walking Customer")

    # -- helpers -------------------------------------------------------------

    def who(self, role):
        return self.customer if role == "customer" else self.staff[role]

    def open_ticket(self, subject="The shop shows an error"):
        created = self.assertStatus(self.customer.create_ticket(subject=subject), 201).json()
        self.assertEqual(created["state"], "l1_new")
        self.assertEqual(created["status"], "new")
        self.assertEqual(created["process"], {"id": "support", "version": 2})
        self.assertFalse(created["final"])
        self.assertTrue(created["instructions"])
        return created["id"]

    def ticket(self, tid, role="l1_operator"):
        return self.assertStatus(self.who(role).get(f"/api/v1/tickets/{tid}"), 200).json()

    def events(self, tid):
        response = self.staff["l1_operator"].get(f"/api/v1/tickets/{tid}/events")
        return self.assertStatus(response, 200).json()["items"]

    def step(self, tid, role, transition, fields=None, state=None, status=None,
             assignee="keep", missing=None, wrong="auto"):
        """Fires `transition` as `role` after the negative checks; asserts
        the outcome and one transition_fired (or vote) event."""
        path = f"/api/v1/tickets/{tid}/transitions/{transition}"
        before = self.ticket(tid)
        if wrong == "auto":
            wrong = "l1_operator" if role == "customer" else "customer"
        if wrong:
            self.assertProblem(self.who(wrong).post(path, {"fields": fields or {}}), 403)
        if missing:
            self.assertProblem(self.who(role).post(path, {"fields": {}}), 422,
                               field=f"fields.{missing}")
        listed = self.assertStatus(self.who(role).get(f"/api/v1/tickets/{tid}/transitions"),
                                   200).json()["items"]
        offered = {t["id"]: t for t in listed}
        self.assertIn(transition, offered, f"{role} is not offered {transition}")
        if missing:
            required = [f["name"] for f in offered[transition]["fields"] if f["required"]]
            self.assertIn(missing, required)
        fired = self.who(role).post(path, {"fields": fields or {}},
                                    headers={"If-Match": f'"{before["version"]}"'})
        after = self.assertStatus(fired, 200).json()
        self.assertEqual(after["version"], before["version"] + 1)
        now = self.ticket(tid)
        if state:
            self.assertEqual(now["state"], state, transition)
            self.assertEqual(now["state_label"] != "", True)
            kinds = [(e["kind"], e["field"], e["old"], e["new"]) for e in self.events(tid)]
            if state != before["state"]:
                self.assertIn(("transition_fired", transition, before["state"], state), kinds)
        if status:
            self.assertEqual(now["status"], status, transition)
        if assignee != "keep":
            expected = self.ids[assignee] if assignee else None
            self.assertEqual(now["assignee_id"], expected, transition)
        for name, value in (fields or {}).items():
            self.assertEqual(now["fields"][name], str(value), name)
        return now

    def replies(self, tid):
        response = self.customer.get(f"/api/v1/tickets/{tid}/messages")
        return [m["body"] for m in self.assertStatus(response, 200).json()["items"]]

    # -- L1 --------------------------------------------------------------------

    def test_appeal_to_administration_back_to_l1_and_answered(self):
        tid = self.open_ticket("A complaint about a moderator")
        self.step(tid, "l1_operator", "route_to_administration", state="administration",
                  status="open", assignee=None)
        self.step(tid, "administrator", "return_to_l1", {"return_reason": "not ours"},
                  state="l1_new", status="new", missing="return_reason")
        self.step(tid, "l1_operator", "route_to_administration", state="administration")
        t = self.step(tid, "administrator", "answer_appeal", {"resolution": "We apologise."},
                      state="closed", status="closed", missing="resolution")
        self.assertTrue(t["final"])
        self.assertTrue(any("We apologise." in body for body in self.replies(tid)))

    def test_obscene_language_is_closed_marked_and_cannot_be_reopened(self):
        tid = self.open_ticket("!!!")
        t = self.step(tid, "l1_operator", "close_obscene", state="closed", status="closed")
        self.assertEqual(t["fields"]["obscene"], "true")
        self.assertEqual(t["fields"]["l1_class"], "obscene_language")
        # The customer chose no language: the reply is in the installation's, Russian.
        self.assertTrue(any("в корректной форме" in body for body in self.replies(tid)))
        reopen = self.customer.post(f"/api/v1/tickets/{tid}/transitions/reopen",
                                    {"fields": {"customer_comment": "sorry"}})
        self.assertProblem(reopen, 409)

    def test_off_topic_answered_closed_and_reopened_by_the_customer(self):
        tid = self.open_ticket("What is the weather?")
        self.step(tid, "l1_operator", "answer_off_topic", state="closed", status="closed")
        self.assertTrue(any("выходит за" in body for body in self.replies(tid)))
        self.step(tid, "customer", "reopen", {"customer_comment": "It is about your shop"},
                  state="l1_new", status="new", missing="customer_comment")

    def test_the_customer_withdraws_a_request_nobody_has_answered(self):
        tid = self.open_ticket("Never mind, found it")
        self.step(tid, "l1_operator", "take_technical", state="l1_technical")
        t = self.step(tid, "customer", "withdraw", {"customer_comment": "Found it myself"},
                      state="closed", status="closed")
        self.assertTrue(t["final"])
        # Once support has answered, there is nothing left to withdraw.
        answered = self.open_ticket("How do I export?")
        self.step(answered, "l1_operator", "take_technical", state="l1_technical")
        self.step(answered, "l1_operator", "answer_technical", {"resolution": "Menu > Export"},
                  state="awaiting_confirmation")
        listed = self.customer.get(f"/api/v1/tickets/{answered}/transitions").json()["items"]
        self.assertNotIn("withdraw", [t["id"] for t in listed])
        self.assertProblem(self.customer.post(f"/api/v1/tickets/{answered}/transitions/withdraw",
                                              {"fields": {}}), 409)

    def test_customers_read_their_own_words_for_each_state(self):
        tid = self.open_ticket("Where is my invoice?")
        english = {"Accept-Language": "en"}
        mine = self.customer.get(f"/api/v1/tickets/{tid}", headers=english).json()
        staff = self.staff["l1_operator"].get(f"/api/v1/tickets/{tid}", headers=english).json()
        self.assertEqual(mine["state_label"], "Received, waiting for an operator")
        self.assertEqual(staff["state_label"], "New, to classify")
        self.step(tid, "l1_operator", "take_technical", state="l1_technical")
        self.step(tid, "l1_operator", "ask_customer", state="waiting_for_customer")
        russian = self.customer.get(f"/api/v1/tickets/{tid}", headers={"Accept-Language": "ru"})
        self.assertEqual(russian.json()["state_label"], "Ждём вашего ответа")
        listed = self.customer.get("/api/v1/tickets?scope=mine", headers=english).json()["items"]
        self.assertIn("Waiting for your answer",
                      [t["state_label"] for t in listed if t["id"] == tid])

    def test_faq_answer_objected_then_faq_answer_accepted(self):
        tid = self.open_ticket("How do I reindex?")
        self.step(tid, "l1_operator", "answer_from_faq", {"faq_article": "https://faq/reindex"},
                  state="faq_answered", status="pending", missing="faq_article")
        self.assertTrue(any("https://faq/reindex" in body for body in self.replies(tid)))
        self.step(tid, "customer", "customer_objects", {"customer_comment": "Not my case"},
                  state="l1_technical", status="open", missing="customer_comment")
        tid2 = self.open_ticket("How do I export?")
        self.step(tid2, "l1_operator", "answer_from_faq", {"faq_article": "https://faq/export"})
        self.step(tid2, "customer", "close_faq_answered", state="closed", status="closed")

    def test_content_question_answered_or_sent_back(self):
        tid = self.open_ticket("A listing shows a wrong address")
        self.step(tid, "l1_operator", "route_to_content", state="content_moderation",
                  assignee=None)
        self.step(tid, "administrator", "return_to_l1", {"return_reason": "a technical issue"},
                  state="l1_new")
        self.step(tid, "l1_operator", "route_to_content", state="content_moderation")
        self.step(tid, "l1_operator", "answer_content_question", {"resolution": "Fixed it."},
                  state="closed", status="closed", missing="resolution", wrong="it_operator")

    def test_technical_question_asked_resumed_answered_rejected_and_confirmed(self):
        tid = self.open_ticket("Error 500 on checkout")
        self.step(tid, "l1_operator", "take_technical", state="l1_technical", status="open",
                  assignee="l1_operator")
        self.step(tid, "l1_operator", "ask_customer", state="waiting_for_customer",
                  status="pending")
        # A customer's reply resumes the ticket where it was.
        self.assertStatus(self.customer.post(f"/api/v1/tickets/{tid}/messages",
                                             {"body": "Here is the log"}), 201)
        t = self.ticket(tid)
        self.assertEqual((t["state"], t["status"]), ("l1_technical", "open"))
        self.step(tid, "l1_operator", "ask_customer", state="waiting_for_customer")
        self.step(tid, "customer", "customer_replied", state="l1_technical")
        self.step(tid, "l1_operator", "answer_technical", {"resolution": "Clear the cache"},
                  state="awaiting_confirmation", status="pending", missing="resolution")
        self.step(tid, "customer", "not_resolved_at_l1", {"customer_comment": "Still there"},
                  state="l1_technical", status="open", missing="customer_comment")
        self.step(tid, "l1_operator", "answer_technical", {"resolution": "Update the module"})
        self.step(tid, "customer", "confirm_resolution", state="closed", status="closed")

    # -- L2 --------------------------------------------------------------------

    def escalated(self, subject):
        tid = self.open_ticket(subject)
        self.step(tid, "l1_operator", "take_technical")
        self.step(tid, "l1_operator", "escalate", {"escalation_reason": "needs L2"},
                  state="im_triage", status="open", assignee=None, missing="escalation_reason")
        return tid

    def test_outage_branch_with_send_back_and_customer_rejection(self):
        tid = self.escalated("The whole shop is down")
        self.step(tid, "incident_manager", "return_to_l1_technical",
                  {"return_reason": "try the FAQ"}, state="l1_technical", missing="return_reason")
        self.step(tid, "l1_operator", "escalate", {"escalation_reason": "really down"})
        self.step(tid, "incident_manager", "ask_customer_l2", state="waiting_for_customer",
                  status="pending")
        self.step(tid, "customer", "customer_replied", state="im_triage", status="open")
        fields = {k: v for k, v in FULL_L2.items() if k != "criticality"}
        t = self.step(tid, "incident_manager", "classify_outage", fields, state="outage",
                      status="open", assignee=None, missing="complexity")
        self.assertEqual(t["criticality"], "critical")
        self.assertEqual(t["fields"]["ticket_type"], "outage")
        self.assertEqual(t["tier"], 2)
        self.step(tid, "it_operator", "restore_service", {"resolution": "Restarted"},
                  state="outage_verification", missing="resolution")
        self.step(tid, "tester", "send_back_outage", {"verification_note": "Still 500"},
                  state="outage", missing="verification_note")
        self.step(tid, "developer", "restore_service", {"resolution": "Rolled back"})
        self.step(tid, "tester", "verify_outage_fix", state="awaiting_confirmation",
                  status="pending")
        self.step(tid, "customer", "not_resolved_outage", {"customer_comment": "Slow"},
                  state="outage", status="open", missing="customer_comment")
        self.step(tid, "it_operator", "restore_service", {"resolution": "Cache warmed"})
        self.step(tid, "tester", "verify_outage_fix")
        self.step(tid, "customer", "confirm_resolution", state="closed", status="closed")

    def test_incident_branch_with_send_back_and_customer_rejection(self):
        tid = self.escalated("Orders are not exported")
        self.step(tid, "incident_manager", "classify_incident", FULL_L2, state="incident_work",
                  status="open", assignee=None, missing="complexity")
        self.step(tid, "it_operator", "ask_customer_l2", state="waiting_for_customer")
        self.step(tid, "customer", "customer_replied", state="incident_work")
        self.step(tid, "developer", "resolve_incident", {"resolution": "Patched exporter"},
                  state="incident_verification", missing="resolution")
        self.step(tid, "tester", "send_back_incident", {"verification_note": "CSV empty"},
                  state="incident_work", missing="verification_note")
        self.step(tid, "it_operator", "resolve_incident", {"resolution": "Fixed the query"})
        self.step(tid, "tester", "verify_incident_fix", state="awaiting_confirmation",
                  status="pending")
        self.assertTrue(any("устранена и проверена" in b for b in self.replies(tid)))
        self.step(tid, "customer", "not_resolved_incident", {"customer_comment": "One missing"},
                  state="incident_work", missing="customer_comment")
        self.step(tid, "it_operator", "resolve_incident", {"resolution": "All orders now"})
        self.step(tid, "tester", "verify_incident_fix")
        self.step(tid, "customer", "confirm_resolution", state="closed", status="closed")
        # The customer's history: what happened to the request and their own
        # actions, never support's hand-offs, assignments or routing.
        seen = self.assertStatus(self.customer.get(f"/api/v1/tickets/{tid}/events"),
                                 200).json()["items"]
        kinds = {e["kind"] for e in seen}
        self.assertIn("status_changed", kinds)
        self.assertFalse(kinds & {"assigned", "group_changed", "vote_cast"}, kinds)
        fired = {e["field"] for e in seen if e["kind"] == "transition_fired"}
        self.assertEqual(fired, {"customer_replied", "not_resolved_incident",
                                 "confirm_resolution"})

    def rfc(self, subject):
        tid = self.escalated(subject)
        self.step(tid, "incident_manager", "classify_rfc", FULL_L2, state="rfc_review",
                  missing="complexity")
        return tid

    def test_the_staff_directory_offers_the_roles_a_field_accepts(self):
        manager = self.staff["incident_manager"]
        found = self.assertStatus(manager.get("/api/v1/users?role=developer"), 200).json()
        self.assertIn(self.ids["developer"], [u["id"] for u in found["items"]])
        self.assertEqual({u["role"] for u in found["items"]}, {"developer"})
        two = manager.get("/api/v1/users?role=developer,tester&limit=100").json()["items"]
        self.assertEqual({u["role"] for u in two}, {"developer", "tester"})
        email = self.staff["tester"].get("/api/v1/me").json()
        email = (email.get("user") or email)["email"]
        by_text = manager.get(f"/api/v1/users?q={email.split('@')[0].upper()}").json()["items"]
        self.assertEqual([u["id"] for u in by_text], [self.ids["tester"]])
        self.assertProblem(self.customer.get("/api/v1/users?role=developer"), 403)
        self.assertProblem(manager.get("/api/v1/users?role=customer"), 422, field="role")
        self.assertProblem(manager.get("/api/v1/users?role=wizard"), 422, field="role")
        self.assertProblem(manager.get("/api/v1/users?limit=0"), 422, field="limit")

    def test_rfc_approved_built_by_a_developer_verified_deployed_closed(self):
        tid = self.rfc("Add a PDF export")
        self.step(tid, "rfc_board", "approve_change", state="rfc_review")  # one of two votes
        self.assertProblem(self.staff["rfc_board"].post(
            f"/api/v1/tickets/{tid}/transitions/approve_change", {}), 409)
        self.step(tid, "rfc_board2", "approve_change", state="rfc_approved", wrong="developer")
        # The developer field takes developers only, and says so to pickers.
        offered = {t["id"]: t for t in self.staff["incident_manager"].get(
            f"/api/v1/tickets/{tid}/transitions").json()["items"]}
        field = [f for f in offered["start_development"]["fields"] if f["name"] == "developer"]
        self.assertEqual(field[0]["options"], ["developer"])
        self.assertProblem(self.staff["incident_manager"].post(
            f"/api/v1/tickets/{tid}/transitions/start_development",
            {"fields": {"developer": self.ids["tester"]}}), 422, field="fields.developer")
        self.step(tid, "incident_manager", "start_development",
                  {"developer": self.ids["developer"]}, state="rfc_development",
                  assignee="developer", missing="developer")
        self.step(tid, "developer", "submit_change", {"resolution": "PDF export added"},
                  state="rfc_verification", assignee=None, missing="resolution")
        self.step(tid, "tester", "send_back_to_developer", {"verification_note": "Fonts"},
                  state="rfc_development", assignee="developer", missing="verification_note")
        self.step(tid, "developer", "submit_change", {"resolution": "Fonts embedded"})
        self.step(tid, "tester", "accept_change", state="awaiting_deployment")
        self.step(tid, "it_operator", "deploy_change", state="deployed", status="resolved")
        self.step(tid, "incident_manager", "close_deployed", state="closed", status="closed",
                  wrong="it_operator")

    def test_rfc_handed_to_the_integrator_and_closed_by_the_customer(self):
        tid = self.rfc("Integrate with the delivery service")
        self.step(tid, "rfc_board", "approve_change")
        self.step(tid, "rfc_board2", "approve_change", state="rfc_approved")
        # The integrator sees only tickets handed to the contractor.
        self.assertProblem(self.staff["integrator"].get(f"/api/v1/tickets/{tid}"), 404)
        self.step(tid, "incident_manager", "hand_off_to_integrator",
                  {"contractor_brief": "Use their v2 API"}, state="rfc_integration",
                  missing="contractor_brief")
        self.ticket(tid, "integrator")
        self.step(tid, "integrator", "deliver_change", {"resolution": "Module delivered"},
                  state="rfc_verification", missing="resolution")
        self.step(tid, "tester", "send_back_to_integrator", {"verification_note": "Fails"},
                  state="rfc_integration", missing="verification_note")
        self.step(tid, "integrator", "deliver_change", {"resolution": "Fixed"})
        self.step(tid, "tester", "accept_change")
        self.step(tid, "developer", "deploy_change", state="deployed")
        self.step(tid, "customer", "close_deployed", state="closed", status="closed")

    def test_rfc_rejected_tells_the_customer_why(self):
        tid = self.rfc("Make the logo blink")
        self.step(tid, "rfc_board", "reject_change", {"rejection_reason": "Accessibility"},
                  state="closed", status="closed", missing="rejection_reason")
        self.assertTrue(any("Accessibility" in body for body in self.replies(tid)))

    def test_administrator_cancels_from_any_state(self):
        tid = self.escalated("Duplicate of another ticket")
        self.step(tid, "administrator", "cancel", {"resolution": "Duplicate"}, state="closed",
                  status="closed", missing="resolution")

    def test_timed_transitions_are_not_fired_by_people(self):
        tid = self.open_ticket()
        self.step(tid, "l1_operator", "take_technical")
        self.step(tid, "l1_operator", "ask_customer", state="waiting_for_customer")
        for role in ("customer", "l1_operator", "administrator"):
            self.assertProblem(self.who(role).post(
                f"/api/v1/tickets/{tid}/transitions/close_unanswered", {}), 403)

    # -- the API around the walk -----------------------------------------------

    def test_stale_if_match_unknown_transition_and_diagram(self):
        tid = self.open_ticket()
        l1 = self.staff["l1_operator"]
        self.assertProblem(l1.post(f"/api/v1/tickets/{tid}/transitions/take_technical", {},
                                   headers={"If-Match": '"99"'}), 412)
        self.assertProblem(l1.post(f"/api/v1/tickets/{tid}/transitions/no_such", {}), 404)
        self.assertProblem(l1.post(f"/api/v1/tickets/{tid}/transitions/take_technical",
                                   {"fields": {"bogus": "x"}}), 422, field="fields.bogus")
        self.step(tid, "l1_operator", "take_technical")
        svg = self.assertStatus(self.customer.get(f"/api/v1/tickets/{tid}/process.svg"), 200)
        self.assertEqual(svg.header("Content-Type"), "image/svg+xml")
        self.assertIn(b"<svg", svg.body)
        stranger, _ = self.server.customer("Stranger")
        self.assertProblem(stranger.get(f"/api/v1/tickets/{tid}/process.svg"), 404)
        self.assertProblem(stranger.get(f"/api/v1/tickets/{tid}/transitions"), 404)


if __name__ == "__main__":
    unittest.main()
