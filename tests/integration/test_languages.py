"""Texts for people come in the reader's language: the process state, its
instructions and the transitions' labels are Russian or English by the
user's profile, else by Accept-Language, else the installation's default
(Russian out of the box)."""

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


if __name__ == "__main__":
    unittest.main()
