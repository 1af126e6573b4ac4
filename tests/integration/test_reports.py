"""The reports on how tickets end, over the real server: four tickets walked
through the default process (one answered and rated, two escalated to the
RfC board, one rejected there, one left alone), and every report's figures
checked against what those walks must give; then who may read reports, how
bad parameters are refused, and the CSV downloads."""

import unittest

from harness import ServerTestCase, report_period as period

L2_FIELDS = {"complexity": "high", "criticality": "high", "category": "shop",
             "planned_effort": 6, "expected_resolution": "2026-03-01"}
REPORTS = ["compliance", "breaches", "tiers", "changes", "satisfaction", "workload", "backlog"]


class OutcomeReports(ServerTestCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.l1, _ = cls.server.staff_client("l1_operator")
        cls.manager, _ = cls.server.staff_client("incident_manager")
        cls.board, _ = cls.server.staff_client("rfc_board")
        cls.l1_id = cls.l1.get("/api/v1/me").json()["user"]["id"]
        cls.customer, _ = cls.server.customer("Reporting Customer")
        cls.answered = cls.open("Answered and rated")
        cls.fire(cls.l1, cls.answered, "take_technical")
        reply = cls.l1.post(f"/api/v1/tickets/{cls.answered}/messages",
                            {"body": "Please update the module."})
        assert reply.status == 201, reply
        for rating, comment in ((5, "Quick"), (1, "Too slow")):
            given = cls.customer.post(f"/api/v1/tickets/{cls.answered}/feedback",
                                      {"rating": rating, "comment": comment})
            assert given.status == 201, given
        cls.pending = cls.at_the_board("Add a PDF export")
        cls.rejected = cls.at_the_board("Make the logo blink")
        cls.fire(cls.board, cls.rejected, "reject_change",
                 {"rejection_reason": "Accessibility"})
        cls.untouched = cls.open("Nobody has looked yet", category="licence")  # the L1 group

    @classmethod
    def open(cls, subject, **fields):
        created = cls.customer.create_ticket(subject=subject, **fields)
        assert created.status == 201, created
        return created.json()["id"]

    @classmethod
    def fire(cls, client, tid, transition, fields=None):
        fired = client.post(f"/api/v1/tickets/{tid}/transitions/{transition}",
                            {"fields": fields or {}})
        assert fired.status == 200, fired

    @classmethod
    def at_the_board(cls, subject):
        tid = cls.open(subject)
        cls.fire(cls.l1, tid, "take_technical")
        cls.fire(cls.l1, tid, "escalate", {"escalation_reason": "needs L2"})
        cls.fire(cls.manager, tid, "classify_rfc", L2_FIELDS)
        return tid

    def report(self, name, query="", client=None):
        path = f"/api/v1/reports/{name}?{period()}{query}"
        return self.assertStatus((client or self.l1).get(path), 200).json()

    def test_intake_and_compliance_count_every_ticket_opened(self):
        intake = self.report("intake", "&period=day")
        self.assertEqual(sum(row["tickets"] for row in intake["items"]), 4)
        labels = {row["key"]: row["label"] for row in self.report(
            "intake", "&period=month&by=category")["items"]}
        self.assertIn(labels["licence"], ("Licences and activation", "Лицензии и активация"))
        compliance = self.report("compliance", "&period=week")
        self.assertEqual(sum(row["tickets"] for row in compliance["items"]), 4)
        met = sum(row["first_response"]["met"] for row in compliance["items"])
        missed = sum(row["first_response"]["missed"] for row in compliance["items"])
        self.assertGreaterEqual(met, 1)  # answered at once, long before its due
        self.assertEqual(missed, 0)
        for row in compliance["items"]:
            judged = row["first_response"]["met"] + row["first_response"]["missed"]
            if judged:
                self.assertAlmostEqual(row["first_response"]["within_target"],
                                       row["first_response"]["met"] / judged)
        breaches = self.report("breaches")
        self.assertEqual(breaches, {"items": [], "next": None})

    def test_tiers_count_the_two_escalated_and_the_one_solved(self):
        tiers = self.report("tiers")
        self.assertEqual(tiers["tickets"], 4)
        self.assertEqual(tiers["escalated"], 2)
        self.assertAlmostEqual(tiers["escalation_rate"], 0.5)
        self.assertEqual([row["tier"] for row in tiers["items"]], [1, 2, 3])
        self.assertEqual(sum(row["tickets"] for row in tiers["items"]), 4)
        self.assertEqual(sum(row["solved"] for row in tiers["items"]), 1)
        self.assertAlmostEqual(sum(row["solved_share"] for row in tiers["items"]), 1.0)
        self.assertEqual(tiers["items"][1]["open"], 1)  # the one at the board

    def test_changes_count_one_pending_and_one_rejected(self):
        changes = self.report("changes")
        self.assertEqual((changes["tickets"], changes["pending"], changes["rejected"],
                          changes["approved"]), (2, 1, 1, 0))
        rows = {(row["decision"], row["state"]): row for row in changes["items"]}
        self.assertEqual(rows[("pending", "rfc_review")]["tickets"], 1)
        self.assertEqual(rows[("rejected", "closed")]["tickets"], 1)
        labels = {}
        for language in ("en", "ru"):
            reader, _ = self.server.staff_client("incident_manager")
            self.assertStatus(reader.patch("/api/v1/me", {"language": language}), 200)
            labels[language] = {row["state"]: row["label"] for row in self.report(
                "changes", client=reader)["items"]}
        self.assertEqual(labels["en"]["rfc_review"], "Request for change at the RfC board")
        self.assertEqual(labels["ru"]["rfc_review"], "Запрос на изменение в совете по изменениям")

    def test_satisfaction_averages_and_lists_the_low_rating(self):
        s = self.report("satisfaction")
        self.assertEqual(s["ratings"], 2)
        self.assertAlmostEqual(s["average"], 3.0)
        self.assertEqual([row["count"] for row in s["distribution"]], [1, 0, 0, 0, 1])
        self.assertEqual(len(s["low"]), 1)
        self.assertEqual(s["low"][0]["ticket"]["id"], self.answered)
        self.assertEqual((s["low"][0]["rating"], s["low"][0]["comment"]), (1, "Too slow"))
        csv = self.assertStatus(self.l1.get(
            f"/api/v1/reports/satisfaction?{period()}&format=csv"), 200).text()
        self.assertEqual(csv.split("\r\n")[:6],
                         ["rating,count", "1,1", "2,0", "3,0", "4,0", "5,1"])

    def test_workload_counts_the_operators_ticket_reply_and_first_response(self):
        rows = {row["agent"]["id"]: row for row in self.report("workload")["items"]}
        mine = rows[self.l1_id]
        self.assertEqual((mine["assigned"], mine["open"], mine["replies"],
                          mine["first_responses"]), (1, 1, 1, 1))
        # Answered within the minute: the median's minute bucket is the first.
        self.assertEqual(mine["median_first_response_hours"], 0)
        customer = self.customer.get("/api/v1/me").json()["user"]["id"]
        self.assertNotIn(customer, rows)  # customers' messages are not support's work

    def test_a_filter_narrows_every_report(self):
        other = "&level=no_such_level"
        self.assertEqual(self.report("tiers", other)["tickets"], 0)
        self.assertEqual(self.report("changes", other)["tickets"], 0)
        self.assertEqual(self.report("satisfaction", other)["ratings"], 0)
        self.assertEqual(self.report("compliance", other)["items"], [])

    def test_backlog_counts_todays_open_tickets_now(self):
        backlog = self.report("backlog", "&by=status")
        self.assertEqual(backlog["time_zone"], "Europe/Moscow")
        self.assertIsNone(backlog["history_from"])  # no day has ended since the first ticket
        by_day = {}
        for row in backlog["items"]:
            by_day.setdefault(row["day"], {})[row["key"]] = row["tickets"]
        self.assertEqual(len(by_day), 1)
        today = list(by_day.values())[0]
        self.assertEqual(sum(today.values()), 3)  # all but the rejected, closed one
        self.assertNotIn("closed", today)
        self.assertEqual(today.get("new"), 1)
        groups = self.report("backlog", "&by=group")["items"]
        self.assertEqual(sum(row["tickets"] for row in groups), 3)
        self.assertTrue(all(row["label"] or row["key"] == "" for row in groups))
        tiers = {row["key"]: row["tickets"] for row in self.report("backlog", "&by=tier")["items"]}
        self.assertEqual(tiers.get("2"), 1)  # the one at the board
        csv = self.l1.get(f"/api/v1/reports/backlog?{period()}&by=tier&format=csv").text()
        self.assertTrue(csv.startswith("period,day,tier,label,tickets\r\n"), csv[:60])

    def test_unassigned_in_my_groups_is_a_queue(self):
        queues = {q["id"]: q for q in self.assertStatus(
            self.l1.get("/api/v1/queues"), 200).json()["items"]}
        self.assertEqual(queues["my_group_unassigned"]["count"], 1)
        listed = self.l1.list_all(
            "/api/v1/tickets?scope=queue&queue=my_group_unassigned")
        self.assertEqual([t["id"] for t in listed], [self.untouched])

    def test_reports_are_for_staff_who_read_every_ticket(self):
        tester, _ = self.server.staff_client("tester")
        integrator, _ = self.server.staff_client("integrator")
        for name in REPORTS + ["sla", "intake"]:
            path = f"/api/v1/reports/{name}?{period()}"
            for client in (self.customer, tester, integrator):
                self.assertProblem(client.get(path), 403)
            self.assertStatus(self.manager.get(path), 200)

    def test_bad_parameters_are_refused_naming_the_field(self):
        base = f"/api/v1/reports/breaches?{period()}"
        self.assertProblem(self.l1.get(base + "&target=speed"), 422, field="target")
        self.assertProblem(self.l1.get(base + "&cursor=yesterday"), 422, field="cursor")
        self.assertProblem(self.l1.get(base + "&limit=0"), 422, field="limit")
        self.assertProblem(self.l1.get(base + "&limit=501"), 422, field="limit")
        self.assertProblem(self.l1.get("/api/v1/reports/tiers?from=2026-13-01&to=2027-01-01"),
                           422, field="from")
        self.assertProblem(self.l1.get("/api/v1/reports/tiers?from=2026-02-01&to=2026-01-01"),
                           422, field="to")
        self.assertProblem(self.l1.get(f"/api/v1/reports/compliance?{period()}&period=hour"),
                           422, field="period")
        self.assertProblem(self.l1.get(f"/api/v1/reports/workload?{period()}&group=x"),
                           422, field="group")
        self.assertProblem(self.l1.get(f"/api/v1/reports/changes?{period()}&format=pdf"),
                           422, field="format")

    def test_every_report_downloads_as_csv(self):
        heads = {"compliance": "week,tickets,first_response_met,",
                 "breaches": "number,subject,level,target,due,done_at,late_hours",
                 "tiers": "tier,tickets,open,solved,solved_share",
                 "changes": "decision,state,label,tickets",
                 "satisfaction": "rating,count",
                 "workload": "agent,name,assigned,open,first_responses,"}
        for name, head in heads.items():
            response = self.assertStatus(self.l1.get(
                f"/api/v1/reports/{name}?{period()}&period=week&format=csv"), 200)
            self.assertTrue(response.header("Content-Type").startswith("text/csv"), name)
            self.assertIn("attachment", response.header("Content-Disposition"), name)
            self.assertTrue(response.text().startswith(head), (name, response.text()[:80]))
        tiers = self.l1.get(f"/api/v1/reports/tiers?{period()}&format=csv").text()
        self.assertEqual(len(tiers.strip().split("\r\n")), 4)  # the head and L1..L3


if __name__ == "__main__":
    unittest.main()
