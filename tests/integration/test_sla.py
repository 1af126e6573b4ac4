"""Support levels through the real server: licences from the command line and
the admin API, the level and SLA clock on every ticket, coupons with their
errors, the timeline, queues by due instant, reports, and warnings and
breaches raised by the SLA job (with a test levels file of seconds-long
targets on the 24/7 calendar)."""

import os
import re
import shutil
import tempfile
import time
import unittest

from harness import Server, ServerTestCase

SOURCE_CONFIG = os.path.join(os.path.dirname(__file__), "..", "..", "config", "defaults")


def licence(server, email, support="standard", activated="2026-01-01", edition="Business"):
    """`helpdesk licence add`; returns (licence id, coupon code) from its output."""
    out = server.cli("licence", "add", "--user", email, "--edition", edition,
                     "--activated", activated, "--support", support).stdout.decode()
    match = re.search(r"licence (\d+) .*\ncoupon (SR-[A-Z0-9-]+)", out)
    if not match:
        raise AssertionError(f"unexpected output: {out!r}")
    return int(match.group(1)), match.group(2)


class LevelsAndCoupons(ServerTestCase):

    def test_licence_gives_the_ticket_its_level_reason_and_clock(self):
        client, email = self.server.customer()
        licence(self.server, email, support="vip")
        ticket = self.assertStatus(client.create_ticket(), 201).json()
        self.assertEqual(ticket["level"], "client_vip")
        # Why, in the installation's default language, or the one asked for.
        self.assertIn("действующая лицензия Business с VIP-поддержкой до", ticket["level_reason"])
        sla = ticket["sla"]
        self.assertRegex(sla["first_response_due"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
        self.assertEqual(sla["state"], "ok")
        self.assertGreater(sla["remaining_seconds"], 0)
        self.assertLessEqual(sla["remaining_seconds"], 2 * 3600)
        # The promise in the installation's default language, or the one asked for.
        self.assertRegex(sla["deadline_text"],
                         r"^ответим до (пн|вт|ср|чт|пт) \d+ [а-я]+\.?, \d\d:\d\d МСК$")
        english = client.get(f"/api/v1/tickets/{ticket['id']}",
                             headers={"Accept-Language": "en-US"}).json()["sla"]
        self.assertRegex(english["deadline_text"],
                         r"^we will answer by (Mon|Tue|Wed|Thu|Fri) \d+ [A-Z][a-z]{2}, \d\d:\d\d MSK$")
        english_ticket = client.get(f"/api/v1/tickets/{ticket['id']}",
                                    headers={"Accept-Language": "en-US"}).json()
        self.assertIn("active licence Business with VIP support until",
                      english_ticket["level_reason"])

    def test_customer_without_licence_is_non_commercial(self):
        client, _ = self.server.customer()
        ticket = self.assertStatus(client.create_ticket(), 201).json()
        self.assertEqual(ticket["level"], "non_commercial")
        self.assertEqual(ticket["level_reason"], "нет действующей лицензии и партнёрского статуса")

    def test_coupon_makes_a_special_request_once(self):
        client, email = self.server.customer()
        _, code = licence(self.server, email)
        special = self.assertStatus(client.create_ticket(coupon=code), 201).json()
        self.assertEqual(special["level"], "special")
        self.assertEqual(special["sla"]["remaining_seconds"], 3600)
        self.assertProblem(client.create_ticket(coupon=code), 422, "coupon-used", "coupon")
        self.assertProblem(client.create_ticket(coupon="SR-AAAA-BBBB-CCCC"), 422,
                           "coupon-unknown", "coupon")
        other, _ = self.server.customer()
        self.assertProblem(other.create_ticket(coupon=code), 422, "coupon-not-yours", "coupon")
        plain = self.assertStatus(client.create_ticket(), 201).json()
        self.assertEqual(plain["level"], "client_standard")
        mine = self.assertStatus(client.get("/api/v1/me/coupons"), 200).json()["items"]
        self.assertEqual([c["code"] for c in mine], [code])
        self.assertIsNotNone(mine[0]["used_at"])

    def test_a_special_request_promises_its_answer_in_the_customer_s_time_zone(self):
        client, email = self.server.customer()
        _, code = licence(self.server, email)
        special = self.assertStatus(client.create_ticket(coupon=code), 201).json()
        # The 24/7 calendar keeps UTC; the customer reads Moscow time (the default)...
        self.assertRegex(special["sla"]["deadline_text"], r"^ответим до .* \d\d:\d\d МСК$")
        # ...or their own zone once they set one.
        self.assertStatus(client.patch("/api/v1/me", {"time_zone": "Asia/Yekaterinburg"}), 200)
        shown = client.get(f"/api/v1/tickets/{special['id']}",
                           headers={"Accept-Language": "en"}).json()["sla"]
        self.assertRegex(shown["deadline_text"], r"^we will answer by .* \d\d:\d\d UTC\+05$")

    def test_me_names_the_level_of_the_customer_s_next_ticket(self):
        client, email = self.server.customer()
        level = self.assertStatus(client.get("/api/v1/me"), 200).json()["level"]
        self.assertEqual(level["id"], "non_commercial")
        self.assertEqual(level["title"], "Некоммерческий")
        self.assertEqual(level["reason"], "нет действующей лицензии и партнёрского статуса")
        english = client.get("/api/v1/me", headers={"Accept-Language": "en"}).json()["level"]
        self.assertEqual(english["title"], "Non-commercial")
        self.assertEqual(english["reason"], "no active licence and no partner status")
        licence(self.server, email, support="operative")
        level = client.get("/api/v1/me", headers={"Accept-Language": "en"}).json()["level"]
        self.assertEqual(level["id"], "client_operative")
        self.assertEqual(level["title"], "Client, operative support")
        self.assertIn("operative support", level["reason"])
        staff, _ = self.server.staff_client("l1_operator")
        self.assertIsNone(staff.get("/api/v1/me").json()["level"])

    def test_ticket_sla_has_a_timeline(self):
        client, _ = self.server.customer()
        tid = self.assertStatus(client.create_ticket(), 201).json()["id"]
        time.sleep(1.5)  # the timeline has whole seconds
        sla = self.assertStatus(client.get(f"/api/v1/tickets/{tid}/sla"), 200).json()
        self.assertEqual(sla["level"], "non_commercial")
        self.assertEqual(sla["level_version"]["first_response"], "24h")
        self.assertTrue(sla["timeline"])
        self.assertIn(sla["timeline"][0]["kind"],
                      {"running", "outside_hours", "weekend", "holiday"})

    def test_admin_api_manages_licences_partners_coupons_and_levels(self):
        admin, _ = self.server.staff_client("administrator")
        agent, _ = self.server.staff_client("l1_operator")
        client, email = self.server.customer()
        created = self.assertStatus(admin.post("/api/v1/admin/licences", {
            "user": email, "edition": "Enterprise", "activated": "2026-01-01"}), 201).json()
        self.assertEqual(created["licence"]["expires"], "2026-12-31")
        self.assertTrue(created["coupon"]["code"].startswith("SR-"))
        self.assertEqual(client.create_ticket().json()["level"], "enterprise")
        self.assertProblem(agent.post("/api/v1/admin/licences", {
            "user": email, "edition": "Business", "activated": "2026-01-01"}), 403)
        partner, partner_email = self.server.customer()
        self.assertStatus(admin.post("/api/v1/admin/partners",
                                     {"user": partner_email, "level": "operative"}), 200)
        self.assertEqual(partner.create_ticket().json()["level"], "partner_operative")
        coupon = self.assertStatus(admin.post("/api/v1/admin/coupons", {"user": partner_email}),
                                   201).json()
        self.assertEqual(coupon["origin"], "admin")
        levels = self.assertStatus(admin.get("/api/v1/admin/levels"), 200).json()["items"]
        self.assertEqual(len(levels), 8)
        put = self.assertStatus(admin.request("PUT", "/api/v1/admin/levels/partner_standard",
                                          {"first_response": "4h"}), 200).json()
        self.assertEqual(put["first_response"], "4h")
        self.assertEqual(put["source"], "admin")
        self.assertProblem(admin.request("PUT", "/api/v1/admin/levels/partner_standard",
                                     {"first_response": "soon"}), 422, None, "first_response")
        moved = self.assertStatus(admin.post("/api/v1/admin/levels/partner_standard/reapply"),
                                  200).json()
        self.assertEqual(moved["level"], "partner_standard")

    def test_admin_gives_a_level_title_in_each_language_and_bad_titles_are_refused(self):
        admin, _ = self.server.staff_client("administrator")
        path = "/api/v1/admin/levels/partner_operative"
        self.assertStatus(admin.request("PUT", path, {"title": {"en": "Partner, fast",
                                                                "ru": "Партнёр, быстро"}}), 200)

        def title(language):
            items = admin.get("/api/v1/admin/levels",
                              headers={"Accept-Language": language}).json()["items"]
            return [lv for lv in items if lv["id"] == "partner_operative"][0]["title"]

        self.assertEqual(title("en"), "Partner, fast")
        self.assertEqual(title("ru"), "Партнёр, быстро")
        for bad in ({"de": "Partner"}, {"en": ""}, "", {}, ["Partner"], {"en": 7},
                    "x" * 201, "tab\u001e"):
            self.assertProblem(admin.request("PUT", path, {"title": bad}), 422, None, "title")
        self.assertEqual(title("ru"), "Партнёр, быстро")  # nothing refused was stored

    def test_admin_puts_calendars_and_holidays_in_force_at_once(self):
        admin, _ = self.server.staff_client("administrator")
        definition = {
            "format": "helpdesk-calendar/1", "id": "de-hamburg", "title": "Hamburg office",
            "time_zone": "Europe/Berlin",
            "week": {d: ["09:00-17:00"] for d in ("mon", "tue", "wed", "thu", "fri")}}
        put = self.assertStatus(admin.request("PUT", "/api/v1/admin/calendars/de-hamburg",
                                              definition), 200).json()
        self.assertEqual(put["kind"], "definition")
        calendars = admin.get("/api/v1/admin/calendars").json()["items"]
        self.assertIn("de-hamburg", [c["id"] for c in calendars])
        # A level may use it at once: the running catalogue has it.
        level = self.assertStatus(admin.request("PUT", "/api/v1/admin/levels/partner_operative",
                                                {"calendar": "de-hamburg"}), 200).json()
        self.assertEqual(level["calendar"], "de-hamburg")
        self.assertStatus(admin.request("PUT", "/api/v1/admin/levels/partner_operative",
                                        {"calendar": "ru-business"}), 200)

        holidays = {"format": "ru-production-calendar/1", "years": {"2028": {
            "holidays": ["2028-01-03", "2028-01-04", "2028-01-05", "2028-01-06", "2028-01-07"],
            "working_weekends": [], "short_days": []}}}
        put = self.assertStatus(admin.request("PUT", "/api/v1/admin/calendars/ru-business",
                                              holidays), 200).json()
        self.assertEqual((put["kind"], put["source_years"], put["years"]),
                         ("holidays", [2028], [2023, 2028]))
        ics = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-HELPDESK-YEARS:2029\r\nBEGIN:VEVENT\r\n"
               "DTSTART;VALUE=DATE:20290101\r\nSUMMARY:New Year\r\nEND:VEVENT\r\n"
               "END:VCALENDAR\r\n")
        put = self.assertStatus(admin.request(
            "PUT", "/api/v1/admin/calendars/ru-business?source=ru-2029.ics", ics,
            headers={"Content-Type": "text/calendar"}), 200).json()
        self.assertEqual((put["source"], put["source_years"]), ("ru-2029.ics", [2029]))

    def test_bad_calendars_get_a_problem_naming_the_field(self):
        admin, _ = self.server.staff_client("administrator")
        agent, _ = self.server.staff_client("l1_operator")
        good = {"format": "helpdesk-calendar/1", "id": "x-bad", "time_zone": "Europe/Berlin",
                "week": {"mon": ["09:00-17:00"]}}
        path = "/api/v1/admin/calendars/x-bad"
        self.assertProblem(admin.request("PUT", path, dict(good, time_zone="Mars/Olympus")),
                           422, None, "time_zone")
        self.assertProblem(admin.request("PUT", path, dict(good, week={"mon": ["9-5"]})),
                           422, None, "week.mon")
        self.assertProblem(admin.request("PUT", path, dict(good, id="x-other")), 422, None, "id")
        self.assertProblem(admin.request("PUT", path, {"format": "nope"}), 422, None, "format")
        self.assertProblem(admin.request("PUT", "/api/v1/admin/calendars/no-such", {
            "format": "ru-production-calendar/1",
            "years": {"2028": {"holidays": ["2028-01-03"]}}}), 422, None, "calendar")
        self.assertProblem(admin.request("PUT", path, "hello",
                                         headers={"Content-Type": "text/plain"}), 415)
        self.assertProblem(agent.request("PUT", path, good), 403)
        ids = [c["id"] for c in admin.get("/api/v1/admin/calendars").json()["items"]]
        self.assertNotIn("x-bad", ids)

    def test_phone_channel_needs_a_level_with_phone_support(self):
        client, _ = self.server.customer()
        problem = self.assertProblem(client.create_ticket(channel="phone"), 422,
                                     "entitlement-not-included", "channel")
        self.assertIn("Special request", problem["detail"])

    def test_queue_by_due_and_reports(self):
        staff, _ = self.server.staff_client("incident_manager")
        slow, _ = self.server.customer()
        fast, email = self.server.customer()
        licence(self.server, email, support="vip")
        later = self.assertStatus(slow.create_ticket(), 201).json()["id"]
        sooner = self.assertStatus(fast.create_ticket(), 201).json()["id"]
        queue = staff.list_all("/api/v1/tickets?scope=queue&sort=due&limit=2")
        ids = [t["id"] for t in queue]
        self.assertLess(ids.index(sooner), ids.index(later))
        report = self.assertStatus(staff.get(
            "/api/v1/reports/sla?from=2020-01-01&to=2100-01-01&by=level"), 200).json()
        levels = {row["level"]: row for row in report["items"]}
        self.assertGreaterEqual(levels["client_vip"]["tickets"], 1)
        csv = self.assertStatus(staff.get(
            "/api/v1/reports/sla?from=2020-01-01&to=2100-01-01&by=tier&format=csv"), 200)
        self.assertTrue(csv.header("Content-Type").startswith("text/csv"))
        self.assertTrue(csv.text().startswith("tier,tickets,answered,"))
        self.assertProblem(fast.get("/api/v1/reports/sla?from=2020-01-01&to=2100-01-01"), 403)


class SlaJobAlerts(unittest.TestCase):
    """A levels file whose VIP target is six seconds around the clock, and the
    SLA job every second: the warning and the breach arrive as events."""

    @classmethod
    def setUpClass(cls):
        cls.config_dir = tempfile.mkdtemp(prefix="hd-sla-config-")
        shutil.copytree(SOURCE_CONFIG, cls.config_dir, dirs_exist_ok=True)
        path = os.path.join(cls.config_dir, "levels.yaml")
        with open(path) as f:
            text = f.read()
        vip = text.index("  - id: client_vip")
        head, tail = text[:vip], text[vip:]
        tail = tail.replace("first_response: 2h", "first_response: 6s", 1)
        tail = tail.replace("calendar: ru-business", "calendar: 24x7", 1)
        with open(path, "w") as f:
            f.write(head + tail)
        try:
            cls.server = Server({"config_dir": cls.config_dir, "jobs.sla_interval_seconds": "1"})
        except BaseException:
            shutil.rmtree(cls.config_dir, ignore_errors=True)
            raise
        try:
            cls.server.start()
        except BaseException:
            cls.server.cleanup()
            shutil.rmtree(cls.config_dir, ignore_errors=True)
            raise

    @classmethod
    def tearDownClass(cls):
        try:
            cls.server.terminate()
        finally:
            cls.server.cleanup()
            shutil.rmtree(cls.config_dir, ignore_errors=True)

    def test_job_raises_warning_then_breach_once(self):
        client, email = self.server.customer()
        licence(self.server, email, support="vip")
        staff, _ = self.server.staff_client("l1_operator")
        tid = client.create_ticket().json()["id"]
        kinds = []
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and "sla_breached" not in kinds:
            time.sleep(0.5)
            events = staff.get(f"/api/v1/tickets/{tid}/events").json()["items"]
            kinds = [e["kind"] for e in events]
        self.assertEqual(kinds.count("sla_warning"), 1, kinds)
        self.assertEqual(kinds.count("sla_breached"), 1, kinds)
        self.assertLess(kinds.index("sla_warning"), kinds.index("sla_breached"))
        time.sleep(2)  # further passes raise nothing new
        events = staff.get(f"/api/v1/tickets/{tid}/events").json()["items"]
        self.assertEqual([e["kind"] for e in events].count("sla_breached"), 1)
        ticket = staff.get(f"/api/v1/tickets/{tid}").json()
        self.assertEqual(ticket["sla"]["state"], "breached")
        self.assertLess(ticket["sla"]["remaining_seconds"], 0)


if __name__ == "__main__":
    unittest.main()
