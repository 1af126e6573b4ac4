"""The agents' desk over HTTP: each role's queues with their counts (and
listing a queue), the RfC board's "awaiting my vote", who else has a ticket
open and who is typing, saved views, the new list filters and a history in
words. Every answer is checked against docs/openapi.yaml by the harness's
contract check."""

import time
import unittest
import urllib.parse

from harness import ServerTestCase

FULL_L2 = {"complexity": "high", "criticality": "high", "category": "shop",
           "planned_effort": 6, "expected_resolution": "2026-03-01"}
ENGLISH = {"Accept-Language": "en"}


def queues(client):
    response = client.get("/api/v1/queues", headers=ENGLISH)
    assert response.status == 200, response
    return {q["id"]: q for q in response.json()["items"]}


def listed(client, query):
    response = client.get(f"/api/v1/tickets?{query}&limit=200")
    assert response.status == 200, response
    return [t["id"] for t in response.json()["items"]]


class Desk(ServerTestCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.staff, cls.ids = {}, {}
        for role in ("l1_operator", "l1_operator2", "incident_manager", "rfc_board",
                     "rfc_board2", "tester", "it_operator"):
            cls.staff[role], _ = cls.server.staff_client(role.rstrip("2"))
            me = cls.staff[role].get("/api/v1/me").json()
            cls.ids[role] = (me.get("user") or me)["id"]

    def setUp(self):
        self.customer, _ = self.server.customer("Desk Customer")

    def open_ticket(self, subject="The shop shows an error"):
        return self.assertStatus(self.customer.create_ticket(subject=subject), 201).json()["id"]

    def fire(self, tid, role, transition, fields=None):
        client = self.customer if role == "customer" else self.staff[role]
        self.assertStatus(client.post(f"/api/v1/tickets/{tid}/transitions/{transition}",
                                      {"fields": fields or {}}), 200)

    def at_the_board(self, subject):
        tid = self.open_ticket(subject)
        self.fire(tid, "l1_operator", "take_technical")
        self.fire(tid, "l1_operator", "escalate", {"escalation_reason": "needs L2"})
        self.fire(tid, "incident_manager", "classify_rfc", FULL_L2)
        return tid

    # -- queues ----------------------------------------------------------------

    def test_an_operator_s_queues_count_a_new_ticket_and_list_it(self):
        l1 = self.staff["l1_operator"]
        before = queues(l1)
        self.assertEqual(list(before)[0], "mine")
        for expected in ("state:l1_new", "state:l1_technical", "my_group", "unassigned",
                         "breaching_soon", "tier_1", "tier_2", "tier_3"):
            self.assertIn(expected, before)
        self.assertEqual(before["state:l1_new"]["label"], "New, to classify")
        self.assertNotIn("awaiting_my_vote", before)

        tid = self.open_ticket("Counted in the queues")
        after = queues(l1)
        for queue in ("state:l1_new", "unassigned", "tier_1"):
            self.assertEqual(after[queue]["count"], before[queue]["count"] + 1, queue)
        self.assertEqual(after["mine"]["count"], before["mine"]["count"])
        self.assertIn(tid, listed(l1, "scope=queue&queue=state:l1_new"))
        self.assertNotIn(tid, listed(l1, "scope=queue&queue=state:l1_technical"))
        self.assertNotIn(tid, listed(l1, "scope=queue&queue=tier_2"))

        self.fire(tid, "l1_operator", "take_technical")
        moved = queues(l1)
        self.assertEqual(moved["state:l1_new"]["count"], before["state:l1_new"]["count"])
        self.assertIn(tid, listed(l1, "scope=queue&queue=state:l1_technical"))
        # Russian labels for a Russian reader.
        russian = l1.get("/api/v1/queues", headers={"Accept-Language": "ru"}).json()["items"]
        self.assertEqual(russian[0]["label"], "Назначенные мне")

    def test_the_board_sees_the_rounds_it_has_not_voted_in(self):
        board, board2 = self.staff["rfc_board"], self.staff["rfc_board2"]
        before = queues(board)["awaiting_my_vote"]["count"]
        tid = self.at_the_board("Add a CSV export")
        self.assertEqual(queues(board)["awaiting_my_vote"]["count"], before + 1)
        self.assertIn(tid, listed(board, "scope=queue&queue=awaiting_my_vote"))
        self.fire(tid, "rfc_board", "approve_change")  # one of two votes
        self.assertNotIn(tid, listed(board, "scope=queue&queue=awaiting_my_vote"))
        self.assertEqual(queues(board)["awaiting_my_vote"]["count"], before)
        self.assertIn(tid, listed(board2, "scope=queue&queue=awaiting_my_vote"))
        self.fire(tid, "rfc_board2", "approve_change")
        self.assertNotIn(tid, listed(board2, "scope=queue&queue=awaiting_my_vote"))

    def test_a_tester_s_queue_per_state_to_verify(self):
        tester = queues(self.staff["tester"])
        self.assertEqual(tester["state:incident_verification"]["label"],
                         "Incident fix to verify")
        self.assertIn("state:rfc_verification", tester)
        self.assertNotIn("state:l1_new", tester)
        operator = queues(self.staff["it_operator"])
        self.assertEqual(operator["state:awaiting_deployment"]["label"],
                         "Change verified, to deploy")

    def test_queues_refuse_customers_and_unknown_ids(self):
        self.assertProblem(self.customer.get("/api/v1/queues"), 403)
        self.assertProblem(self.customer.get("/api/v1/tickets?queue=mine"), 422, field="queue")
        l1 = self.staff["l1_operator"]
        self.assertProblem(l1.get("/api/v1/tickets?scope=queue&queue=awaiting_my_vote"), 422,
                           field="queue")
        self.assertProblem(l1.get("/api/v1/tickets?scope=queue&queue=no%20such"), 422,
                           field="queue")

    # -- list filters ------------------------------------------------------------

    def test_tickets_filter_by_process_state_company_and_creation_time(self):
        l1 = self.staff["l1_operator"]
        start = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - 1))
        tid = self.open_ticket("Filtered by state and time")
        end = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 2))
        self.assertIn(tid, listed(l1, "scope=queue&state=l1_new,l1_technical"))
        self.assertNotIn(tid, listed(l1, "scope=queue&state=im_triage"))
        window = urllib.parse.urlencode({"created_from": start, "created_to": end})
        self.assertIn(tid, listed(l1, f"scope=queue&{window}"))
        self.assertNotIn(tid, listed(l1, f"scope=queue&created_to={urllib.parse.quote(start)}"))
        self.assertEqual(listed(l1, "scope=queue&company=999999"), [])
        self.assertProblem(l1.get("/api/v1/tickets?created_from=yesterday"), 422,
                           field="created_from")
        self.assertProblem(l1.get("/api/v1/tickets?state=a;b"), 422, field="state")
        self.assertProblem(l1.get("/api/v1/tickets?company=x"), 422, field="company")
        self.assertProblem(self.customer.get("/api/v1/tickets?company=1"), 422, field="company")

    # -- presence ----------------------------------------------------------------

    def test_two_agents_on_one_ticket_see_each_other_and_who_is_typing(self):
        a, b = self.staff["l1_operator"], self.staff["l1_operator2"]
        tid = self.open_ticket("Two agents at once")
        path = f"/api/v1/tickets/{tid}/presence"
        first = self.assertStatus(a.request("PUT", path, {}), 200).json()
        self.assertEqual(first["items"], [])
        self.assertGreater(first["fresh_seconds"], 10)
        second = self.assertStatus(b.request("PUT", path, {"typing": True}), 200).json()
        self.assertEqual([v["user_id"] for v in second["items"]], [self.ids["l1_operator"]])
        self.assertFalse(second["items"][0]["typing"])
        seen = self.assertStatus(a.get(path), 200).json()["items"]
        self.assertEqual([(v["user_id"], v["typing"], v["role"]) for v in seen],
                         [(self.ids["l1_operator2"], True, "l1_operator")])
        self.assertTrue(seen[0]["name"])
        # Typing stops; then b closes the ticket.
        self.assertStatus(b.request("PUT", path, {"typing": False}), 200)
        self.assertFalse(a.get(path).json()["items"][0]["typing"])
        self.assertStatus(b.request("DELETE", path), 204)
        self.assertEqual(a.get(path).json()["items"], [])
        # An empty body is an announcement without typing.
        self.assertStatus(b.request("PUT", path), 200)
        self.assertEqual(len(a.get(path).json()["items"]), 1)

    def test_presence_is_for_staff_who_may_read_the_ticket(self):
        tid = self.open_ticket("Presence rules")
        path = f"/api/v1/tickets/{tid}/presence"
        self.assertProblem(self.customer.request("PUT", path, {}), 403)
        self.assertProblem(self.customer.get(path), 403)
        # A tester reads tickets awaiting verification only.
        self.assertProblem(self.staff["tester"].request("PUT", path, {}), 404)
        l1 = self.staff["l1_operator"]
        self.assertProblem(l1.request("PUT", path, {"typing": "yes"}), 422, field="typing")
        self.assertProblem(l1.request("PUT", path, {"typing": True, "mood": 1}), 422,
                           field="mood")
        self.assertProblem(l1.request("PUT", "/api/v1/tickets/999999/presence", {}), 404)

    # -- canned replies -------------------------------------------------------------

    def test_canned_replies_are_the_templates_filled_in_for_the_ticket(self):
        english, _ = self.server.customer("Desk Customer", language="en")
        tid = self.assertStatus(english.create_ticket(subject="Where is my key"), 201).json()
        number, tid = tid["number"], tid["id"]
        response = self.staff["l1_operator"].get(f"/api/v1/tickets/{tid}/replies",
                                                 headers=ENGLISH)
        replies = {r["id"]: r for r in self.assertStatus(response, 200).json()["items"]}
        self.assertIn("request_information", replies)
        self.assertIn("off_topic", replies)
        asking = replies["request_information"]
        self.assertEqual(asking["title"], "Ask the customer")
        self.assertIn(f"#{number}", asking["text"])
        self.assertIn("we need more information", asking["text"])
        self.assertNotIn("{{", asking["text"])
        self.assertIn('"Where is my key"', replies["off_topic"]["text"])
        titles = [r["title"] for r in response.json()["items"]]
        self.assertEqual(titles, sorted(titles))

    def test_canned_replies_speak_the_customers_language_titled_in_the_agents(self):
        tid = self.open_ticket("Не приходит ключ")  # a customer with no language: Russian
        response = self.staff["l1_operator"].get(f"/api/v1/tickets/{tid}/replies",
                                                 headers=ENGLISH)
        asking = {r["id"]: r for r in response.json()["items"]}["request_information"]
        self.assertEqual(asking["title"], "Ask the customer")
        self.assertIn("нужны дополнительные сведения", asking["text"])
        russian = self.staff["l1_operator"].get(f"/api/v1/tickets/{tid}/replies",
                                                headers={"Accept-Language": "ru"}).json()
        titles = {r["id"]: r["title"] for r in russian["items"]}
        self.assertEqual(titles["request_information"], "Запросить сведения у клиента")

    def test_canned_replies_are_for_staff_who_may_read_the_ticket(self):
        tid = self.open_ticket()
        self.assertProblem(self.customer.get(f"/api/v1/tickets/{tid}/replies"), 403)
        self.assertProblem(self.staff["l1_operator"].get("/api/v1/tickets/999999/replies"), 404)

    # -- saved views --------------------------------------------------------------

    def test_saved_views_are_kept_per_person_and_checked(self):
        l1, other = self.staff["l1_operator"], self.staff["l1_operator2"]
        query = "scope=queue&status=new,open&level=client_vip&sort=due"
        made = self.assertStatus(l1.post("/api/v1/me/views",
                                         {"name": "  VIP first ", "query": query}), 201).json()
        self.assertEqual((made["name"], made["query"]), ("VIP first", query))
        mine = l1.get("/api/v1/me/views").json()["items"]
        self.assertIn(made["id"], [v["id"] for v in mine])
        self.assertNotIn(made["id"], [v["id"] for v in other.get("/api/v1/me/views").json()["items"]])
        self.assertProblem(l1.post("/api/v1/me/views", {"name": "VIP first", "query": "sort=id"}),
                           422, field="name")
        self.assertProblem(l1.post("/api/v1/me/views", {"name": "Bad", "query": "sort=sideways"}),
                           422, field="query")
        self.assertProblem(l1.post("/api/v1/me/views", {"name": "", "query": "sort=id"}),
                           422, field="name")
        self.assertProblem(l1.post("/api/v1/me/views", {"name": "No query"}), 422, field="query")
        self.assertProblem(other.request("DELETE", f"/api/v1/me/views/{made['id']}"), 404)
        self.assertStatus(l1.request("DELETE", f"/api/v1/me/views/{made['id']}"), 204)
        self.assertProblem(l1.request("DELETE", f"/api/v1/me/views/{made['id']}"), 404)

    # -- history in words -----------------------------------------------------------

    def test_the_history_names_transitions_states_and_options_in_words(self):
        tid = self.open_ticket("History in words")
        self.fire(tid, "l1_operator", "take_technical")
        self.fire(tid, "l1_operator", "escalate", {"escalation_reason": "needs L2"})
        self.fire(tid, "incident_manager", "classify_rfc", FULL_L2)
        staff = self.staff["incident_manager"].get(f"/api/v1/tickets/{tid}/events",
                                                   headers=ENGLISH).json()["items"]
        fired = [e for e in staff if e["kind"] == "transition_fired"]
        self.assertEqual(fired[0]["field"], "take_technical")
        self.assertTrue(fired[0]["field_label"])
        self.assertNotEqual(fired[0]["field_label"], "take_technical")
        self.assertEqual(fired[0]["old_label"], "New, to classify")
        self.assertEqual(fired[0]["new_label"], "Technical question at L1")
        complexity = [e for e in staff if e["kind"] == "field_changed" and
                      e["field"] == "complexity"]
        self.assertEqual(complexity[0]["new"], "high")
        self.assertTrue(complexity[0]["field_label"])
        self.assertTrue(complexity[0]["new_label"])
        russian = self.staff["incident_manager"].get(
            f"/api/v1/tickets/{tid}/events", headers={"Accept-Language": "ru"}).json()["items"]
        first = [e for e in russian if e["kind"] == "transition_fired"][0]
        self.assertEqual(first["old_label"], "Новое, ждёт классификации")
        # Customers read the states in their own words.
        theirs = self.customer.get(f"/api/v1/tickets/{tid}/events",
                                   headers=ENGLISH).json()["items"]
        labels = {e["new_label"] for e in theirs if e["kind"] == "transition_fired"}
        labels |= {e["old_label"] for e in theirs if e["kind"] == "transition_fired"}
        self.assertNotIn("New, to classify", labels)
        plain = [e for e in theirs if e["kind"] == "created"]
        self.assertIsNone(plain[0]["field_label"])


if __name__ == "__main__":
    unittest.main()
