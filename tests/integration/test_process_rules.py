"""The rules around tickets on the business process, through the HTTP API:
a PATCH may not change the status behind the process's back, staff queues
follow the same reading rules as single tickets and carry the process
fields, and the process's notify actions reach people in the app."""

import unittest

from harness import ServerTestCase

L2_FIELDS = {"complexity": "low", "criticality": "normal", "category": "shop",
             "planned_effort": 2, "expected_resolution": "2026-03-01"}
RFC_ROLES = ["l1_operator", "incident_manager", "it_operator", "tester", "integrator",
             "rfc_board", "administrator"]


class ProcessRules(ServerTestCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.staff = {role: cls.server.staff_client(role)[0] for role in RFC_ROLES}
        cls.staff["rfc_board2"], _ = cls.server.staff_client("rfc_board")
        cls.staff["tester2"], _ = cls.server.staff_client("tester")

    def setUp(self):
        self.customer, _ = self.server.customer("Rules Customer")

    def open(self, subject):
        return self.assertStatus(self.customer.create_ticket(subject=subject), 201).json()["id"]

    def fire(self, tid, role, transition, fields=None):
        path = f"/api/v1/tickets/{tid}/transitions/{transition}"
        return self.assertStatus(self.staff[role].post(path, {"fields": fields or {}}), 200).json()

    def escalated(self, subject, classify="classify_incident"):
        tid = self.open(subject)
        self.fire(tid, "l1_operator", "take_technical")
        self.fire(tid, "l1_operator", "escalate", {"escalation_reason": "needs L2"})
        self.fire(tid, "incident_manager", classify, L2_FIELDS)
        return tid

    def queue(self, role):
        return self.staff[role].list_all("/api/v1/tickets?scope=queue&limit=2")

    def notifications(self, role, query=""):
        response = self.staff[role].get(f"/api/v1/notifications{query}")
        return self.assertStatus(response, 200).json()

    # -- PATCH and the status --------------------------------------------------

    def test_patch_of_status_is_refused_naming_status_and_the_transitions(self):
        tid = self.open("Cannot log in")
        staff = self.staff["l1_operator"]
        etag = staff.get(f"/api/v1/tickets/{tid}").header("ETag")
        problem = self.assertProblem(
            staff.patch(f"/api/v1/tickets/{tid}", {"status": "closed"},
                        headers={"If-Match": etag}),
            409, slug="status-follows-process", field="status")
        self.assertIn(f"/api/v1/tickets/{tid}/transitions", problem["detail"])
        self.assertProblem(self.customer.patch(f"/api/v1/tickets/{tid}", {"status": "closed"}),
                           409, field="status")
        changed = self.assertStatus(
            staff.patch(f"/api/v1/tickets/{tid}", {"subject": "Cannot log in since 9:00",
                                                   "status": "new"},
                        headers={"If-Match": etag}), 200).json()
        self.assertEqual(changed["subject"], "Cannot log in since 9:00")
        self.assertEqual((changed["status"], changed["state"]), ("new", "l1_new"))
        # The transition is the way; status and state move together.
        closed = self.fire(tid, "l1_operator", "answer_off_topic")
        self.assertEqual((closed["status"], closed["state"]), ("closed", "closed"))

    # -- queues ------------------------------------------------------------------

    def test_tester_queue_lists_tickets_awaiting_verification_with_process_fields(self):
        verifying = self.escalated("Totals are wrong")
        self.fire(verifying, "it_operator", "resolve_incident", {"resolution": "Rounding fixed"})
        working = self.escalated("Export is slow")
        fresh = self.open("New question")
        listed = {t["id"]: t for t in self.queue("tester")}
        self.assertIn(verifying, listed)
        self.assertNotIn(working, listed)
        self.assertNotIn(fresh, listed)
        for ticket in listed.values():
            self.assertIn(ticket["state"], ("incident_verification", "outage_verification",
                                            "rfc_verification"))
        item = listed[verifying]
        # In the installation's default language: the tester chose none.
        self.assertEqual(item["state_label"], "Исправление инцидента, ждёт проверки")
        self.assertEqual((item["tier"], item["final"]), (2, False))
        self.assertTrue(item["instructions"])
        # Every ticket the queue shows, the tester may open; the others not.
        self.assertStatus(self.staff["tester"].get(f"/api/v1/tickets/{verifying}"), 200)
        self.assertProblem(self.staff["tester"].get(f"/api/v1/tickets/{working}"), 404)
        self.fire(verifying, "tester", "verify_incident_fix")
        self.assertNotIn(verifying, {t["id"] for t in self.queue("tester")})

    def test_integrator_queue_lists_only_tickets_handed_to_the_contractor(self):
        change = self.escalated("Integrate the courier", classify="classify_rfc")
        self.fire(change, "rfc_board", "approve_change")
        self.fire(change, "rfc_board2", "approve_change")
        other = self.escalated("Report is empty")
        self.assertNotIn(change, {t["id"] for t in self.queue("integrator")})
        self.fire(change, "incident_manager", "hand_off_to_integrator",
                  {"contractor_brief": "Use their v2 API"})
        listed = {t["id"]: t for t in self.queue("integrator")}
        self.assertIn(change, listed)
        self.assertNotIn(other, listed)
        self.assertEqual(listed[change]["state"], "rfc_integration")
        self.assertEqual(listed[change]["tier"], 3)
        for tid in listed:
            self.assertStatus(self.staff["integrator"].get(f"/api/v1/tickets/{tid}"), 200)

    # -- notifications -------------------------------------------------------------

    def test_notify_actions_reach_every_user_of_the_role_in_the_app(self):
        before = {role: self.notifications(role)["unread"] for role in ("tester", "tester2")}
        tid = self.escalated("Checkout fails")
        self.fire(tid, "it_operator", "resolve_incident", {"resolution": "Fixed"})
        for role in ("tester", "tester2"):
            page = self.notifications(role)
            self.assertEqual(page["unread"], before[role] + 1)
            newest = page["items"][0]
            self.assertEqual(newest["ticket_id"], tid)
            self.assertEqual(newest["kind"], "process")
            self.assertEqual(newest["audience"], "role:tester")
            self.assertFalse(newest["read"])
        newest = self.notifications("tester")["items"][0]
        read = self.assertStatus(
            self.staff["tester"].post(f"/api/v1/notifications/{newest['id']}/read"), 200).json()
        self.assertEqual(read["unread"], before["tester"])
        again = self.assertStatus(
            self.staff["tester"].post(f"/api/v1/notifications/{newest['id']}/read"), 200).json()
        self.assertEqual(again["unread"], before["tester"])
        self.assertTrue(self.notifications("tester")["items"][0]["read"])
        self.assertEqual(self.notifications("tester2")["unread"], before["tester2"] + 1)
        # Someone else's notification does not exist for you.
        self.assertProblem(
            self.staff["tester2"].post(f"/api/v1/notifications/{newest['id']}/read"), 404)

    def test_group_notifications_reach_the_staff_of_the_group(self):
        tid = self.open("Complaint about an operator")
        self.fire(tid, "l1_operator", "route_to_administration")
        items = self.notifications("administrator")["items"]
        self.assertTrue(any(n["ticket_id"] == tid and n["audience"] == "group:administration"
                            for n in items), items)

    def test_notifications_page_newest_first_and_refuse_bad_input(self):
        for i in range(3):
            tid = self.open(f"Escalated {i}")
            self.fire(tid, "l1_operator", "take_technical")
            self.fire(tid, "l1_operator", "escalate", {"escalation_reason": "L2"})
        seen, cursor = [], None
        for _ in range(50):
            page = self.notifications("incident_manager",
                                      "?limit=2" + (f"&cursor={cursor}" if cursor else ""))
            self.assertLessEqual(len(page["items"]), 2)
            seen += [n["id"] for n in page["items"]]
            cursor = page["next_cursor"]
            if not cursor:
                break
        self.assertGreaterEqual(len(seen), 3)
        self.assertEqual(seen, sorted(seen, reverse=True))
        self.assertEqual(len(seen), len(set(seen)))
        staff = self.staff["incident_manager"]
        self.assertProblem(staff.get("/api/v1/notifications?limit=0"), 422, field="limit")
        self.assertProblem(staff.get("/api/v1/notifications?cursor=garbage!"), 422,
                           field="cursor")
        self.assertProblem(staff.post("/api/v1/notifications/999999999/read"), 404)
        self.assertProblem(self.server.client().get("/api/v1/notifications"), 401)


if __name__ == "__main__":
    unittest.main()
