"""Texts for people come in the reader's language: the process state, its
instructions and the transitions' labels, the categories and groups, the
support levels with their entitlements, why a ticket has its level, the
notifications and the replies a process sends are Russian or English by the
user's profile, else by Accept-Language, else the installation's default
(Russian out of the box). A customer who registers keeps the language their
browser asked for."""

import unittest

from harness import ServerTestCase


class LanguagesTest(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer, _ = cls.server.customer("Марина")
        created = cls.customer.create_ticket()
        assert created.status == 201, created
        cls.ticket_id = created.json()["id"]
        cls.operator, _ = cls.server.staff_client("l1_operator")

    def read(self, client, language=None):
        headers = {"Accept-Language": language} if language else {}
        response = client.get(f"/api/v1/tickets/{self.ticket_id}", headers=headers)
        self.assertEqual(response.status, 200)
        return response.json()

    def test_state_and_instructions_follow_accept_language_then_the_default(self):
        russian = self.read(self.customer, "ru-RU,ru;q=0.9,en;q=0.8")
        self.assertEqual(russian["state_label"], "Получено, ждёт оператора")
        self.assertIn("Оператор", russian["instructions"])
        english = self.read(self.customer, "en-GB,en;q=0.9")
        self.assertEqual(english["state_label"], "Received, waiting for an operator")
        self.assertIn("operator", english["instructions"])
        # Neither language asked for, or none at all: the default, Russian.
        self.assertEqual(self.read(self.customer, "de-DE")["state_label"],
                         "Получено, ждёт оператора")
        self.assertEqual(self.read(self.customer)["state_label"], "Получено, ждёт оператора")
        # Staff read the process's own words.
        self.assertEqual(self.read(self.operator, "ru")["state_label"],
                         "Новое, ждёт классификации")

    def test_a_language_chosen_in_the_profile_wins_over_the_browser(self):
        operator, _ = self.server.staff_client("l1_operator")
        self.assertEqual(operator.patch("/api/v1/me", {"language": "en"}).status, 200)
        self.assertEqual(self.read(operator, "ru")["state_label"], "New, to classify")
        items = operator.get(f"/api/v1/tickets/{self.ticket_id}/transitions",
                             headers={"Accept-Language": "ru"}).json()["items"]
        self.assertIn("Technical question", [t["label"] for t in items])

    def test_transition_labels_come_in_the_callers_language(self):
        def labels(language):
            response = self.operator.get(f"/api/v1/tickets/{self.ticket_id}/transitions",
                                         headers={"Accept-Language": language})
            self.assertEqual(response.status, 200)
            return {t["id"]: t for t in response.json()["items"]}

        russian, english = labels("ru"), labels("en")
        self.assertEqual(russian["take_technical"]["label"], "Технический вопрос")
        self.assertEqual(english["take_technical"]["label"], "Technical question")
        faq_field = {f["name"]: f for f in russian["answer_from_faq"]["fields"]}["faq_article"]
        self.assertNotEqual(faq_field["label"],
                            {f["name"]: f for f in english["answer_from_faq"]["fields"]}
                            ["faq_article"]["label"])

    def test_categories_and_groups_come_in_the_callers_language(self):
        def categories(language):
            response = self.customer.get("/api/v1/categories",
                                         headers={"Accept-Language": language})
            return {c["slug"]: c for c in self.assertStatus(response, 200).json()["items"]}

        russian, english = categories("ru"), categories("en")
        self.assertEqual(russian["licence"]["label"], "Лицензии и активация")
        self.assertEqual(english["licence"]["label"], "Licences and activation")
        self.assertIn("хостер", russian["hosting"]["hint"])
        self.assertIn("hoster", english["hosting"]["hint"])
        for slug, category in russian.items():
            self.assertNotEqual(category["label"], english[slug]["label"], slug)
        groups = self.assertStatus(self.operator.get("/api/v1/groups",
                                                     headers={"Accept-Language": "ru"}), 200)
        names = {g["slug"]: g["name"] for g in groups.json()["items"]}
        self.assertEqual(names["support"], "Техническая поддержка (L1)")

    def test_levels_say_who_they_serve_and_what_they_promise_in_the_callers_language(self):
        def levels(language):
            response = self.customer.get("/api/v1/levels", headers={"Accept-Language": language})
            return {lv["id"]: lv for lv in self.assertStatus(response, 200).json()["items"]}

        russian, english = levels("ru"), levels("en")
        self.assertEqual(list(english), ["non_commercial", "client_standard", "client_operative",
                                         "client_vip", "partner_standard", "partner_operative",
                                         "enterprise", "special"])
        self.assertEqual(russian["client_vip"]["title"], "Клиент, VIP-поддержка")
        self.assertEqual(english["client_vip"]["title"], "Client, VIP support")
        self.assertEqual(english["client_vip"]["who"], "holders of an active licence with VIP support")
        self.assertIn("лицензии", russian["client_vip"]["who"])
        table = {e["key"]: e for e in english["client_standard"]["entitlements"]}
        self.assertEqual(len(table), 7)
        self.assertEqual(table["closed_forum"]["grant"], "yes")
        self.assertEqual(table["phone_support"]["grant"], "no")
        self.assertEqual(table["developers"],
                         {"key": "developers", "name": "developers involved in the problem",
                          "grant": "limited", "note": "with no guaranteed time frame"})
        ru_table = {e["key"]: e for e in russian["client_standard"]["entitlements"]}
        self.assertEqual(ru_table["developers"]["note"], "без гарантированного срока")
        self.assertEqual(ru_table["phone_support"]["name"], "поддержка по телефону и в мессенджерах")
        self.assertTrue(all(e["grant"] == "yes" for e in english["special"]["entitlements"]))

    def test_a_customer_keeps_the_language_their_browser_asked_for_at_sign_up(self):
        english, _ = self.server.customer("Jane", language="en-GB,en;q=0.9")
        self.assertEqual(english.get("/api/v1/me").json()["user"]["language"], "en")
        german, _ = self.server.customer("Jana", language="de-DE")
        self.assertEqual(german.get("/api/v1/me").json()["user"]["language"], "")
        plain, _ = self.server.customer("Без языка")
        self.assertEqual(plain.get("/api/v1/me").json()["user"]["language"], "")

    def test_a_process_reply_is_in_the_customers_language(self):
        english_customer, _ = self.server.customer("Jo", language="en")
        for client, words in ((self.customer, "выходит за"),
                              (english_customer, "is outside")):
            tid = self.assertStatus(client.create_ticket(subject="Weather?"), 201).json()["id"]
            self.assertStatus(self.operator.post(
                f"/api/v1/tickets/{tid}/transitions/answer_off_topic", {"fields": {}}), 200)
            bodies = [m["body"] for m in client.get(f"/api/v1/tickets/{tid}/messages")
                      .json()["items"]]
            self.assertTrue(any(words in b for b in bodies), bodies)

    def test_notifications_are_kept_in_both_languages_and_read_in_the_readers(self):
        admin, _ = self.server.staff_client("administrator")
        customer, email = self.server.customer("Купон")
        self.assertStatus(admin.post("/api/v1/admin/coupons", {"user": email}), 201)

        def first(language):
            response = customer.get("/api/v1/notifications",
                                    headers={"Accept-Language": language})
            return self.assertStatus(response, 200).json()["items"][0]

        russian, english = first("ru"), first("en")
        self.assertTrue(russian["subject"].startswith("Ваш купон на спецобращение SR-"))
        self.assertTrue(english["subject"].startswith("Your special-request coupon SR-"))
        self.assertIn("Служба поддержки выдала вам купон", russian["body"])
        self.assertNotIn("\x1e", russian["body"] + english["body"])


if __name__ == "__main__":
    unittest.main()
