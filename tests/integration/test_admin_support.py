"""Administering what support promises, over the real server: licences
searched by customer, renewed and revoked (a revoked licence gives no level
from then on), coupons searched and revoked (a revoked coupon cannot be
redeemed), and ticket categories edited in the app and kept across restarts.
Each change is refused to everyone but administrators and audited."""

import datetime
import unittest

from harness import ServerTestCase


def today():
    return datetime.datetime.now(datetime.timezone.utc).date().isoformat()


class LicencesAndCoupons(ServerTestCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin, _ = cls.server.staff_client("administrator")
        cls.agent, _ = cls.server.staff_client("l1_operator")

    def add_licence(self, email, edition="Business", support="vip"):
        return self.assertStatus(self.admin.post("/api/v1/admin/licences", {
            "user": email, "edition": edition, "support": support, "activated": today()}),
            201).json()

    def test_a_revoked_licence_gives_no_level_and_cannot_be_renewed(self):
        client, email = self.server.customer("Licence Holder")
        issued = self.add_licence(email)
        lid = issued["licence"]["id"]
        self.assertEqual(client.create_ticket().json()["level"], "client_vip")
        found = self.assertStatus(self.admin.get(
            f"/api/v1/admin/licences?q={email.split('@')[0].upper()}"), 200).json()["items"]
        self.assertEqual([item["id"] for item in found], [lid])
        self.assertEqual(found[0]["holder"], {"kind": "user", "id": found[0]["user_id"],
                                              "name": "Licence Holder", "email": email})
        self.assertEqual(found[0]["state"], "active")
        path = f"/api/v1/admin/licences/{lid}/revoke"
        self.assertProblem(self.admin.post(path, {"reason": "  "}), 422, field="reason")
        self.assertProblem(self.admin.post(path, {}), 422, field="reason")
        self.assertProblem(self.agent.post(path, {"reason": "Unpaid"}), 403)
        revoked = self.assertStatus(self.admin.post(path, {"reason": "Unpaid"}), 200).json()
        self.assertEqual((revoked["state"], revoked["revoke_reason"]), ("revoked", "Unpaid"))
        self.assertIsNotNone(revoked["revoked_at"])
        self.assertProblem(self.admin.post(path, {"reason": "Again"}), 409)
        self.assertProblem(self.admin.post(f"/api/v1/admin/licences/{lid}/renew",
                                           {"activated": today()}), 409)
        self.assertProblem(self.admin.post("/api/v1/admin/licences", {
            "user": email, "edition": "Business", "activated": today()}), 409)
        self.assertEqual(client.create_ticket().json()["level"], "non_commercial")
        states = {item["id"]: item["state"] for item in self.admin.get(
            "/api/v1/admin/licences?state=revoked").json()["items"]}
        self.assertEqual(states.get(lid), "revoked")
        self.assertNotIn(lid, [item["id"] for item in self.admin.get(
            "/api/v1/admin/licences?state=active").json()["items"]])
        audit = self.admin.get(f"/api/v1/admin/audit?action=licence.revoke&subject=licence:{lid}")
        entries = self.assertStatus(audit, 200).json()["items"]
        self.assertEqual(len(entries), 1)
        self.assertIn("Unpaid", entries[0]["detail"])

    def test_renewing_a_licence_extends_it_and_issues_a_renewal_coupon(self):
        _, email = self.server.customer()
        issued = self.add_licence(email, edition="Enterprise", support="standard")
        lid = issued["licence"]["id"]
        renewed = self.assertStatus(self.admin.post(
            f"/api/v1/admin/licences/{lid}/renew", {"activated": today()}), 200).json()
        self.assertTrue(renewed["renewed"])
        self.assertEqual(renewed["coupon"]["origin"], "renewal")
        self.assertGreater(renewed["licence"]["expires"], issued["licence"]["expires"])
        self.assertProblem(self.admin.post(f"/api/v1/admin/licences/{lid}/renew",
                                           {"activated": "soon"}), 422, field="activated")
        self.assertProblem(self.admin.post("/api/v1/admin/licences/999999/renew",
                                           {"activated": today()}), 404)
        self.assertProblem(self.admin.get("/api/v1/admin/licences?state=lost"), 422,
                           field="state")

    def test_a_revoked_coupon_cannot_be_redeemed_and_leaves_the_customers_list(self):
        client, email = self.server.customer("Coupon Holder")
        code = self.assertStatus(self.admin.post("/api/v1/admin/coupons", {"user": email}),
                                 201).json()["code"]
        found = self.assertStatus(self.admin.get(f"/api/v1/admin/coupons?q={code.lower()}"),
                                  200).json()["items"]
        self.assertEqual([(c["code"], c["state"]) for c in found], [(code, "unused")])
        self.assertEqual(found[0]["holder"]["name"], "Coupon Holder")
        path = f"/api/v1/admin/coupons/{code}/revoke"
        self.assertProblem(self.agent.post(path, {"reason": "Issued by mistake"}), 403)
        revoked = self.assertStatus(self.admin.post(path, {"reason": "Issued by mistake"}),
                                    200).json()
        self.assertEqual((revoked["state"], revoked["revoke_reason"]),
                         ("revoked", "Issued by mistake"))
        self.assertProblem(client.create_ticket(coupon=code), 422, "coupon-revoked", "coupon")
        mine = self.assertStatus(client.get("/api/v1/me/coupons"), 200).json()["items"]
        self.assertNotIn(code, [c["code"] for c in mine])
        self.assertProblem(self.admin.post(path, {"reason": "Again"}), 409)
        used = self.assertStatus(self.admin.post("/api/v1/admin/coupons", {"user": email}),
                                 201).json()["code"]
        self.assertStatus(client.create_ticket(coupon=used), 201)
        self.assertProblem(self.admin.post(f"/api/v1/admin/coupons/{used}/revoke",
                                           {"reason": "Late"}), 409)
        self.assertProblem(self.admin.post("/api/v1/admin/coupons/SR-NONE-NONE-NONE/revoke",
                                           {"reason": "Unknown"}), 404)
        by_state = {c["code"]: c["state"] for c in self.admin.get(
            f"/api/v1/admin/coupons?q={email}").json()["items"]}
        self.assertEqual(by_state, {code: "revoked", used: "used"})


class CategoriesInTheApp(ServerTestCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin, _ = cls.server.staff_client("administrator")
        groups = cls.admin.get("/api/v1/groups").json()["items"]
        cls.groups = {g["slug"]: g["id"] for g in groups}

    def categories(self):
        items = self.assertStatus(self.admin.get("/api/v1/admin/categories"), 200).json()["items"]
        return {c["slug"]: c for c in items}

    def test_an_administrator_adds_and_edits_categories_kept_across_restarts(self):
        before = self.categories()["licence"]
        self.assertEqual(before["labels"]["en"], "Licences and activation")
        self.assertFalse(before["edited"])
        added = self.assertStatus(self.admin.post("/api/v1/admin/categories", {
            "slug": "billing", "label": {"en": "Billing", "ru": "Оплата"},
            "hint": {"en": "Invoices and payments.", "ru": "Счета и платежи."},
            "group": self.groups["partners"]}), 201).json()
        self.assertEqual((added["labels"], added["group_id"], added["edited"]),
                         ({"en": "Billing", "ru": "Оплата"}, self.groups["partners"], True))
        changed = self.assertStatus(self.admin.patch("/api/v1/admin/categories/licence", {
            "hint": {"en": "Keys and activation go to support.",
                     "ru": "Ключи и активация — в техподдержку."},
            "group": self.groups["administration"]}), 200).json()
        self.assertTrue(changed["edited"])
        audit = self.admin.get("/api/v1/admin/audit?action=category.update").json()["items"]
        fields = {c["field"] for c in audit[0]["changes"]}
        self.assertEqual(fields, {"hint", "group"})
        self.server.restart()
        self.admin.port = self.server.port  # the restarted server listens on a new port
        after = self.categories()
        self.assertEqual(after["licence"]["hints"]["en"], "Keys and activation go to support.")
        self.assertEqual(after["licence"]["group_id"], self.groups["administration"])
        self.assertEqual(after["billing"]["labels"]["ru"], "Оплата")
        self.assertFalse(after["product"]["edited"])  # still the file's
        public = self.server.client().get("/api/v1/categories",
                                          headers={"Accept-Language": "ru"}).json()["items"]
        self.assertIn("Оплата", [c["label"] for c in public])

    def test_bad_categories_are_refused_naming_the_field(self):
        path = "/api/v1/admin/categories"
        good = {"slug": "refunds", "label": "Refunds"}
        self.assertProblem(self.admin.post(path, dict(good, slug="Refunds!")), 422,
                           field="slug")
        self.assertProblem(self.admin.post(path, dict(good, label="")), 422, field="label")
        self.assertProblem(self.admin.post(path, dict(good, label={"de": "Erstattung"})), 422,
                           field="label")
        self.assertProblem(self.admin.post(path, dict(good, group=999999)), 422, field="group")
        self.assertProblem(self.admin.post(path, dict(good, colour="red")), 422)
        self.assertProblem(self.admin.post(path, dict(good, slug="product")), 409,
                           field="slug")
        self.assertProblem(self.admin.patch("/api/v1/admin/categories/no-such", {"hint": "x"}),
                           404)
        agent, _ = self.server.staff_client("l1_operator")
        customer, _ = self.server.customer()
        for client in (agent, customer):
            self.assertProblem(client.get(path), 403)
            self.assertProblem(client.post(path, good), 403)
            self.assertProblem(client.patch("/api/v1/admin/categories/product",
                                            {"hint": "x"}), 403)
        self.assertNotIn("refunds", self.categories())


if __name__ == "__main__":
    unittest.main()
