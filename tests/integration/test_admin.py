"""Administration over HTTP: users (invited by link, edited, disabled,
password reset), companies, groups with members, the audit log (JSON and
CSV), process definitions checked before they are stored, and a calendar's
year view and import preview. Every change is for administrators only and
leaves an audit row with its old and new values."""

import csv
import io
import json
import os
import unittest
import urllib.parse

from harness import PASSWORD, ServerTestCase, unique_email

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
STAFF_ROLES = ["l1_operator", "incident_manager", "tester", "it_operator", "developer",
               "rfc_board", "integrator"]


def token_of(link):
    query = urllib.parse.urlparse(link.split("#", 1)[1]).query
    return urllib.parse.parse_qs(query)["token"][0]


class AdminTestCase(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin, cls.admin_email = cls.server.staff_client("administrator")

    def audit(self, **filters):
        query = urllib.parse.urlencode(filters)
        return self.assertStatus(self.admin.get(f"/api/v1/admin/audit?{query}"), 200).json()

    def invite(self, role="l1_operator", **extra):
        email = unique_email(role)
        body = {"email": email, "role": role, **extra}
        return self.assertStatus(self.admin.post("/api/v1/admin/users", body), 201).json()


class AdminPermissionsTest(AdminTestCase):
    CHANGES = [
        ("POST", "/api/v1/admin/users", {"email": "x@example.com", "role": "developer"}),
        ("PATCH", "/api/v1/admin/users/1", {"name": "X"}),
        ("POST", "/api/v1/admin/users/1/password-reset", None),
        ("POST", "/api/v1/admin/users/1/tokens", {"name": "ci"}),
        ("POST", "/api/v1/admin/companies", {"name": "Nobody's"}),
        ("PATCH", "/api/v1/admin/companies/1", {"share_tickets": True}),
        ("POST", "/api/v1/admin/groups", {"slug": "x", "name": "X", "tier": 1}),
        ("PATCH", "/api/v1/admin/groups/1", {"members": []}),
        ("POST", "/api/v1/processes/check", {"source": "id: x"}),
    ]
    READS = ["/api/v1/admin/users", "/api/v1/admin/users/1", "/api/v1/admin/companies",
             "/api/v1/admin/groups", "/api/v1/admin/audit", "/api/v1/admin/audit?format=csv",
             "/api/v1/admin/calendars/ru-business/years/2026"]

    def test_no_role_but_administrator_may_read_or_change_anything(self):
        customer, _ = self.server.customer()
        clients = [("customer", customer)]
        for role in STAFF_ROLES:
            clients.append((role, self.server.staff_client(role)[0]))
        before = self.audit()["items"]
        for role, client in clients:
            for method, path, body in self.CHANGES:
                with self.subTest(role=role, method=method, path=path):
                    self.assertProblem(client.request(method, path, body), 403)
            for path in self.READS:
                with self.subTest(role=role, path=path):
                    self.assertProblem(client.get(path), 403)
        self.assertEqual(self.audit()["items"], before)

    def test_signed_out_callers_are_asked_to_sign_in(self):
        anonymous = self.server.client()
        for path in self.READS:
            self.assertProblem(anonymous.get(path), 401)


class UsersTest(AdminTestCase):
    def test_an_invited_agent_signs_in_through_the_link_once(self):
        invited = self.invite("developer", name="Dana Developer", language="en")
        user = invited["user"]
        self.assertEqual((user["role"], user["name"], user["has_password"], user["disabled"]),
                         ("developer", "Dana Developer", False, False))
        self.assertTrue(invited["link"].startswith("/#/set-password?token="))
        person = self.server.client()
        self.assertProblem(person.login(user["email"], PASSWORD), 401)
        token = token_of(invited["link"])
        signed_in = person.post("/api/v1/auth/password", {"token": token, "password": PASSWORD},
                                csrf=False)
        self.assertStatus(signed_in, 200)
        self.assertEqual(person.get("/api/v1/me").json()["user"]["role"], "developer")
        self.assertProblem(self.server.client().post(
            "/api/v1/auth/password", {"token": token, "password": "another-pass"}, csrf=False),
            401)
        shown = self.assertStatus(self.admin.get(f"/api/v1/admin/users/{user['id']}"), 200).json()
        self.assertTrue(shown["has_password"])
        entry = self.audit(subject=f"user:{user['id']}")["items"][0]
        self.assertEqual((entry["action"], entry["actor"]), ("user.invite", self.admin_email))
        self.assertIn({"field": "role", "before": "", "after": "developer"}, entry["changes"])

    def test_the_invitation_is_mailed_in_the_persons_language(self):
        invited = self.invite("tester", language="ru")
        person = self.server.client()
        person.post("/api/v1/auth/password",
                    {"token": token_of(invited["link"]), "password": PASSWORD}, csrf=False)
        notes = self.assertStatus(person.get("/api/v1/notifications"), 200).json()["items"]
        self.assertEqual([n["kind"] for n in notes], ["account_invited"])
        self.assertEqual(notes[0]["subject"], "Приглашение в службу поддержки")

    def test_bad_invitations_name_the_field(self):
        taken = self.invite()["user"]["email"]
        cases = [({"email": "not-an-address", "role": "developer"}, 422, "email"),
                 ({"email": unique_email(), "role": "wizard"}, 422, "role"),
                 ({"email": unique_email()}, 422, "role"),
                 ({"email": unique_email(), "role": "customer", "company": "No Such Ltd"},
                  422, "company"),
                 ({"email": unique_email(), "role": "developer", "language": "de"}, 422,
                  "language"),
                 ({"email": unique_email(), "role": "developer", "time_zone": "Mars/Base"}, 422,
                  "time_zone"),
                 ({"email": unique_email(), "role": "developer", "password": "x"}, 422,
                  "password"),
                 ({"email": taken.upper(), "role": "developer"}, 409, "email")]
        for body, status, field in cases:
            with self.subTest(body=body):
                self.assertProblem(self.admin.post("/api/v1/admin/users", body), status,
                                   field=field)

    def test_an_edit_is_audited_with_old_and_new_values(self):
        user = self.invite("l1_operator", name="Old Name")["user"]
        patched = self.assertStatus(self.admin.patch(
            f"/api/v1/admin/users/{user['id']}",
            {"name": "New Name", "role": "incident_manager", "time_zone": "Asia/Yekaterinburg"}),
            200).json()
        self.assertEqual((patched["name"], patched["role"], patched["time_zone"]),
                         ("New Name", "incident_manager", "Asia/Yekaterinburg"))
        entry = self.audit(subject=f"user:{user['id']}", action="user.update")["items"][0]
        self.assertEqual(entry["changes"], [
            {"field": "name", "before": "Old Name", "after": "New Name"},
            {"field": "role", "before": "l1_operator", "after": "incident_manager"},
            {"field": "time_zone", "before": "", "after": "Asia/Yekaterinburg"}])
        self.assertProblem(self.admin.patch(f"/api/v1/admin/users/{user['id']}",
                                            {"role": "wizard"}), 422, field="role")
        self.assertProblem(self.admin.patch(f"/api/v1/admin/users/{user['id']}",
                                            {"email": self.admin_email}), 409, field="email")
        self.assertProblem(self.admin.patch("/api/v1/admin/users/999999", {"name": "X"}), 404)

    def test_a_disabled_user_is_locked_out_at_once_and_back_when_enabled(self):
        client, email = self.server.staff_client("developer")
        user_id = client.get("/api/v1/me").json()["user"]["id"]
        self.assertStatus(client.get("/api/v1/tickets"), 200)
        self.assertStatus(self.admin.patch(f"/api/v1/admin/users/{user_id}", {"disabled": True}),
                          200)
        self.assertProblem(client.get("/api/v1/tickets"), 401)
        self.assertProblem(self.server.client().login(email, PASSWORD), 401)
        self.assertEqual(self.audit(subject=f"user:{user_id}")["items"][0]["action"],
                         "user.disable")
        self.assertStatus(self.admin.patch(f"/api/v1/admin/users/{user_id}", {"disabled": False}),
                          200)
        self.assertStatus(client.get("/api/v1/tickets"), 200)

    def test_a_password_reset_link_sets_a_new_password(self):
        client, email = self.server.staff_client("tester")
        user_id = client.get("/api/v1/me").json()["user"]["id"]
        reset = self.assertStatus(self.admin.post(
            f"/api/v1/admin/users/{user_id}/password-reset"), 200).json()
        self.assertStatus(self.server.client().login(email, PASSWORD), 200)
        person = self.server.client()
        self.assertStatus(person.post("/api/v1/auth/password",
                                      {"token": token_of(reset["link"]), "password": "brand-new-pw"},
                                      csrf=False), 200)
        self.assertProblem(self.server.client().login(email, PASSWORD), 401)
        self.assertStatus(self.server.client().login(email, "brand-new-pw"), 200)
        self.assertEqual(self.audit(subject=f"user:{user_id}")["items"][0]["action"],
                         "user.password_reset")

    def test_a_token_for_an_integration_is_shown_once_and_works(self):
        invited = self.invite("integrator")["user"]
        issued = self.assertStatus(self.admin.post(
            f"/api/v1/admin/users/{invited['id']}/tokens", {"name": "build server"}), 201).json()
        me = self.server.client(token=issued["token"]).get("/api/v1/me").json()
        self.assertEqual(me["user"]["id"], invited["id"])
        entry = self.audit(subject=f"user:{invited['id']}", action="token.create")["items"][0]
        self.assertEqual(entry["detail"], "build server")
        self.assertNotIn(issued["token"], json.dumps(self.audit()))
        self.assertProblem(self.admin.post(f"/api/v1/admin/users/{invited['id']}/tokens",
                                           {"name": ""}), 422, field="name")
        self.assertProblem(self.admin.post("/api/v1/admin/users/999999/tokens", {"name": "x"}),
                           404)

    def test_the_list_searches_and_filters(self):
        marker = unique_email("zz").split("@")[0]
        a = self.invite("developer", name=f"{marker} One")["user"]
        b = self.invite("integrator", name=f"{marker} Two")["user"]
        found = self.admin.get(f"/api/v1/admin/users?q={marker}").json()["items"]
        self.assertEqual([u["id"] for u in found], [a["id"], b["id"]])
        found = self.admin.get(f"/api/v1/admin/users?q={marker}&role=integrator").json()["items"]
        self.assertEqual([u["id"] for u in found], [b["id"]])
        first = self.admin.get(f"/api/v1/admin/users?q={marker}&limit=1").json()
        self.assertEqual([u["id"] for u in first["items"]], [a["id"]])
        rest = self.admin.get(
            f"/api/v1/admin/users?q={marker}&limit=1&cursor={first['next']}").json()
        self.assertEqual([u["id"] for u in rest["items"]], [b["id"]])
        for query, field in [("limit=0", "limit"), ("role=wizard", "role"),
                             ("disabled=maybe", "disabled"), ("cursor=zzz", "cursor"),
                             ("company=x", "company")]:
            self.assertProblem(self.admin.get(f"/api/v1/admin/users?{query}"), 422, field=field)


class LastAdministratorTest(ServerTestCase):
    def test_the_last_active_administrator_cannot_lock_everyone_out(self):
        admin, _ = self.server.staff_client("administrator")
        me = admin.get("/api/v1/me").json()["user"]["id"]
        self.assertProblem(admin.patch(f"/api/v1/admin/users/{me}", {"disabled": True}), 409,
                           field="disabled")
        self.assertProblem(admin.patch(f"/api/v1/admin/users/{me}", {"role": "developer"}), 409,
                           field="role")
        _, other = self.server.staff_client("administrator")
        other_id = admin.get(f"/api/v1/admin/users?q={other}").json()["items"][0]["id"]
        self.assertIsNotNone(other_id)
        self.assertStatus(admin.patch(f"/api/v1/admin/users/{me}", {"role": "developer"}), 200)


class CompaniesAndGroupsTest(AdminTestCase):
    def test_a_company_is_added_renamed_and_shares_its_tickets(self):
        name = unique_email("co").split("@")[0]
        company = self.assertStatus(self.admin.post("/api/v1/admin/companies", {"name": name}),
                                    201).json()
        self.assertFalse(company["share_tickets"])
        self.assertProblem(self.admin.post("/api/v1/admin/companies", {"name": name}), 409,
                           field="name")
        self.assertProblem(self.admin.post("/api/v1/admin/companies", {"name": "  "}), 422,
                           field="name")
        member = self.invite("customer", company=name)["user"]
        self.assertEqual((member["company_id"], member["company"]), (company["id"], name))
        listed = self.admin.get(f"/api/v1/admin/users?company={company['id']}").json()["items"]
        self.assertEqual([u["id"] for u in listed], [member["id"]])
        patched = self.assertStatus(self.admin.patch(
            f"/api/v1/admin/companies/{company['id']}",
            {"share_tickets": True, "name": name + " Ltd"}), 200).json()
        self.assertEqual((patched["share_tickets"], patched["name"]), (True, name + " Ltd"))
        entry = self.audit(subject=f"company:{company['id']}")["items"][0]
        self.assertEqual(entry["changes"], [
            {"field": "name", "before": name, "after": name + " Ltd"},
            {"field": "share_tickets", "before": "false", "after": "true"}])
        moved = self.assertStatus(self.admin.patch(f"/api/v1/admin/users/{member['id']}",
                                                   {"company": None}), 200).json()
        self.assertEqual(moved["company_id"], None)

    def test_a_group_member_gets_its_tickets_in_my_groups(self):
        slug = unique_email("grp").split("@")[0].replace(".", "-").lower()[:60]
        group = self.assertStatus(self.admin.post("/api/v1/admin/groups", {
            "slug": slug, "name": {"en": "Billing desk", "ru": "Биллинг"}, "tier": 2}), 201).json()
        self.assertEqual((group["name"], group["names"], group["members"]),
                         ("Биллинг", {"en": "Billing desk", "ru": "Биллинг"}, []))
        agent, _ = self.server.staff_client("developer")
        agent_id = agent.get("/api/v1/me").json()["user"]["id"]
        customer, _ = self.server.customer()
        customer_id = customer.get("/api/v1/me").json()["user"]["id"]
        self.assertProblem(self.admin.patch(f"/api/v1/admin/groups/{group['id']}",
                                            {"members": [agent_id, customer_id]}), 422,
                           field="members")
        patched = self.assertStatus(self.admin.patch(f"/api/v1/admin/groups/{group['id']}",
                                                     {"members": [agent_id]}), 200).json()
        self.assertEqual(patched["members"], [agent_id])
        ticket = customer.create_ticket(category="partner").json()
        routed = self.admin.get("/api/v1/admin/groups").json()["items"]
        home = next(g for g in routed if g["id"] == ticket["group_id"])
        self.assertNotIn(ticket["id"], [t["id"] for t in agent.get(
            "/api/v1/tickets?queue=my_group").json()["items"]])
        self.assertStatus(self.admin.patch(f"/api/v1/admin/groups/{home['id']}",
                                           {"members": [agent_id]}), 200)
        mine = agent.get("/api/v1/tickets?queue=my_group").json()["items"]
        self.assertIn(ticket["id"], [t["id"] for t in mine])
        self.assertStatus(self.admin.patch(f"/api/v1/admin/groups/{home['id']}",
                                           {"members": []}), 200)
        person = self.admin.get(f"/api/v1/admin/users/{agent_id}").json()
        self.assertEqual(person["groups"], [slug])
        entry = self.audit(subject=f"group:{slug}", action="group.")["items"][0]
        self.assertEqual(entry["changes"], [{"field": "members", "before": "",
                                             "after": str(agent_id)}])
        for body, field in [({"slug": "Bad Slug", "name": "X", "tier": 1}, "slug"),
                            ({"slug": slug + "x", "name": "X", "tier": 4}, "tier"),
                            ({"slug": slug + "y", "name": {"de": "X"}, "tier": 1}, "name")]:
            self.assertProblem(self.admin.post("/api/v1/admin/groups", body), 422, field=field)
        self.assertProblem(self.admin.post("/api/v1/admin/groups",
                                           {"slug": slug, "name": "X", "tier": 1}), 409,
                           field="slug")


class AuditLogTest(AdminTestCase):
    def test_the_log_filters_pages_and_downloads_as_csv(self):
        for _ in range(3):
            self.invite("developer")
        latest = self.audit(action="user.invite", limit=2)
        self.assertEqual(len(latest["items"]), 2)
        self.assertGreater(latest["items"][0]["id"], latest["items"][1]["id"])
        more = self.audit(action="user.invite", limit=2, cursor=latest["next"])
        self.assertLess(more["items"][0]["id"], latest["items"][1]["id"])
        by_actor = self.audit(actor=self.admin.get("/api/v1/me").json()["user"]["id"])["items"]
        self.assertTrue(all(e["actor"] == self.admin_email for e in by_actor))
        self.assertEqual(self.audit(action="user.invite", to="2020-01-01")["items"], [])
        response = self.assertStatus(self.admin.get(
            "/api/v1/admin/audit?format=csv&action=user."), 200)
        self.assertTrue(response.header("Content-Type").startswith("text/csv"))
        rows = list(csv.reader(io.StringIO(response.body.decode("utf-8"))))
        self.assertEqual(rows[0], ["id", "at", "actor", "action", "subject", "detail", "changes"])
        everything = self.audit(action="user.", limit=1000)["items"]
        self.assertEqual([int(r[0]) for r in rows[1:]], [e["id"] for e in everything])
        self.assertIn("role:  -> developer", rows[1][6])
        for query, field in [("from=yesterday", "from"), ("limit=5000", "limit"),
                             ("format=xml", "format"), ("from=2026-02-02&to=2026-01-01", "to")]:
            self.assertProblem(self.admin.get(f"/api/v1/admin/audit?{query}"), 422, field=field)


class ProcessCheckTest(AdminTestCase):
    def source(self):
        with open(os.path.join(ROOT, "config", "defaults", "processes", "support.yaml"),
                  encoding="utf-8") as f:
            return f.read()

    def test_problems_come_with_their_lines_and_nothing_is_stored(self):
        broken = self.source().replace("to: administration", "to: administraton", 1)
        self.assertNotEqual(broken, self.source())
        line = broken.splitlines().index(
            next(l for l in broken.splitlines() if "administraton" in l)) + 1
        before = self.admin.get("/api/v1/processes").json()["items"]
        checked = self.assertStatus(self.admin.post("/api/v1/processes/check",
                                                    {"source": broken, "file_name": "x.yaml"}),
                                    200).json()
        self.assertFalse(checked["valid"])
        self.assertIn(line, [p["line"] for p in checked["problems"]])
        self.assertTrue(any("administraton" in p["message"] for p in checked["problems"]))
        self.assertEqual(self.admin.get("/api/v1/processes").json()["items"], before)

    def test_a_valid_definition_is_drawn_and_its_stored_version_named(self):
        checked = self.assertStatus(self.admin.post("/api/v1/processes/check",
                                                    {"source": self.source()}), 200).json()
        self.assertTrue(checked["valid"], checked)
        self.assertEqual((checked["id"], checked["problems"]), ("support", []))
        self.assertGreater(checked["states"], 5)
        self.assertIn("<svg", checked["svg"])
        self.assertEqual(checked["stored_as"], checked["version"])
        conflict = self.admin.post("/api/v1/processes/check", {"source": self.source() + "\n"})
        self.assertFalse(conflict.json()["valid"])
        self.assertIn("higher version", conflict.json()["problems"][0]["message"])

    def test_loading_a_version_is_audited(self):
        source = self.source()
        current = max(v["version"] for v in self.admin.get("/api/v1/processes").json()["items"]
                      if v["id"] == "support")
        newer = source.replace(f"version: {current}\n", f"version: {current + 1}\n", 1)
        self.assertNotEqual(newer, source)
        self.assertStatus(self.admin.post("/api/v1/processes", {"source": newer}), 201)
        entry = self.audit(subject="process:support", action="process.load")["items"][0]
        self.assertEqual(entry["changes"], [{"field": "version", "before": "",
                                             "after": str(current + 1)}])
        self.assertProblem(self.admin.post("/api/v1/processes/check", {"source": 5}), 422,
                           field="source")


class CalendarYearTest(AdminTestCase):
    def year(self, year):
        return self.assertStatus(self.admin.get(
            f"/api/v1/admin/calendars/ru-business/years/{year}"), 200).json()

    def test_the_year_view_shows_each_days_kind_and_hours(self):
        year = self.year(2026)
        self.assertTrue(year["covered"])
        self.assertEqual(len(year["days"]), 365)
        days = {d["date"]: d for d in year["days"]}
        self.assertEqual(days["2026-01-01"]["kind"], "holiday")
        self.assertEqual(days["2026-01-01"]["hours"], 0)
        self.assertEqual((days["2026-01-12"]["kind"], days["2026-01-12"]["hours"]), ("working", 9))
        self.assertEqual(days["2026-01-10"]["kind"], "weekend")
        self.assertEqual(year["working_days"], sum(1 for d in year["days"] if d["hours"] > 0))
        self.assertEqual(year["working_hours"], 9 * year["working_days"])
        listed = {c["id"]: c for c in self.admin.get("/api/v1/admin/calendars").json()["items"]}
        self.assertTrue(listed["ru-business"]["in_use"])
        self.assertProblem(self.admin.get("/api/v1/admin/calendars/nope/years/2026"), 404)
        self.assertProblem(self.admin.get("/api/v1/admin/calendars/ru-business/years/1800"), 422,
                           field="year")

    def test_an_import_is_previewed_before_it_is_stored(self):
        self.assertFalse(self.year(2033)["covered"])
        holidays = {"format": "ru-production-calendar/1", "years": {"2033": {
            "holidays": ["2033-01-03", "2033-01-04", "2033-01-05", "2033-01-06", "2033-01-07"],
            "working_weekends": ["2033-01-08"], "short_days": ["2033-02-22"]}}}
        path = "/api/v1/admin/calendars/ru-business"
        before = self.audit()["items"]
        preview = self.assertStatus(self.admin.request("PUT", path + "?dry_run=true", holidays),
                                    200).json()
        self.assertFalse(preview["stored"])
        self.assertEqual(len(preview["changes"]), 365)
        first = preview["changes"][0]
        self.assertEqual((first["date"], first["before"], first["after"]["kind"]),
                         ("2033-01-01", None, "weekend"))
        saturday = next(c for c in preview["changes"] if c["date"] == "2033-01-08")
        self.assertEqual(saturday["after"], {"kind": "working", "transferred": True,
                                             "short": False, "hours": 9})
        self.assertFalse(self.year(2033)["covered"])
        self.assertEqual(self.audit()["items"], before)
        stored = self.assertStatus(self.admin.request("PUT", path, holidays), 200).json()
        self.assertEqual((stored["stored"], stored["changes"]), (True, []))
        days = {d["date"]: d for d in self.year(2033)["days"]}
        self.assertEqual(days["2033-01-03"]["kind"], "holiday")
        self.assertTrue(days["2033-02-22"]["short"])
        again = self.admin.request("PUT", path + "?dry_run=1", holidays).json()
        self.assertEqual(again["changes"], [])
        self.assertProblem(self.admin.request("PUT", path + "?dry_run=maybe", holidays), 422,
                           field="dry_run")


if __name__ == "__main__":
    unittest.main()
