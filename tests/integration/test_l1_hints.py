"""What the help desk proposes to L1 for a ticket's classification, over the
real server: obscene words of the customer (in the subject, the first
message or a later one) give the proposal `obscene_language` with the words
as written; a clean ticket gets none; staff read it, customers may not; the
operator's classification is recorded against it; and the report counts how
many proposals were accepted."""

import unittest

from harness import ServerTestCase, report_period as period


class L1Hints(ServerTestCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.l1, _ = cls.server.staff_client("l1_operator")
        cls.manager, _ = cls.server.staff_client("incident_manager")
        cls.customer, _ = cls.server.customer("Angry Customer")
        cls.other, _ = cls.server.customer("Someone Else")

    def open(self, subject, body):
        created = self.customer.create_ticket(subject=subject, body=body)
        self.assertStatus(created, 201)
        return created.json()["id"]

    def hint(self, ticket, client=None):
        return (client or self.l1).get(f"/api/v1/tickets/{ticket}/l1-hint")

    def test_obscene_words_are_proposed_as_obscene_language_with_the_words_as_written(self):
        ticket = self.open("Какого х.у.я не работает вход", "Это п*здец, а не сервис. Sussex.")
        hint = self.assertStatus(self.hint(ticket), 200).json()
        self.assertEqual(hint["ticket_id"], ticket)
        self.assertEqual(hint["proposed_class"], "obscene_language")
        self.assertEqual(hint["source"], "obscenity")
        self.assertEqual(hint["evidence"], ["х.у.я", "п*здец"])
        self.assertEqual(hint["label"], "Нецензурная лексика")  # the operator reads Russian
        self.assertIsNone(hint["decided_class"])
        self.assertIsNone(hint["accepted"])

    def test_a_clean_ticket_gets_no_proposal(self):
        ticket = self.open("Застрахуйте мой сервер", "Не хочу оскорблять, но счёт в рублях неверен.")
        self.assertStatus(self.hint(ticket), 404)

    def test_a_later_message_of_the_customer_is_read_too(self):
        ticket = self.open("Printer", "It does not print.")
        self.assertStatus(self.hint(ticket), 404)
        reply = self.customer.post(f"/api/v1/tickets/{ticket}/messages",
                                   {"body": "What the fuck, still nothing"})
        self.assertStatus(reply, 201)
        hint = self.assertStatus(self.hint(ticket), 200).json()
        self.assertEqual(hint["evidence"], ["fuck"])

    def test_staff_words_are_not_read(self):
        ticket = self.open("Printer jam", "Paper stuck.")
        note = self.l1.post(f"/api/v1/tickets/{ticket}/messages",
                            {"body": "quoting the caller: f*ck", "internal": True})
        self.assertStatus(note, 201)
        self.assertStatus(self.hint(ticket), 404)

    def test_customers_may_not_read_proposals(self):
        ticket = self.open("Бл@дь", "опять")
        self.assertStatus(self.hint(ticket, self.customer), 403)
        self.assertStatus(self.hint(ticket, self.other), 403)
        self.assertStatus(self.hint(999999), 404)

    def test_the_operators_choice_is_recorded_and_reported(self):
        accepted = self.open("Вы меня заебали", "Третий день жду ответа.")
        overruled = self.open("fuuuck", "The export fails with error 502.")
        for ticket, transition in ((accepted, "close_obscene"), (overruled, "take_technical")):
            fired = self.l1.post(f"/api/v1/tickets/{ticket}/transitions/{transition}",
                                 {"fields": {}})
            self.assertStatus(fired, 200)
        hint = self.assertStatus(self.hint(accepted), 200).json()
        self.assertEqual(hint["decided_class"], "obscene_language")
        self.assertTrue(hint["accepted"])
        hint = self.assertStatus(self.hint(overruled), 200).json()
        self.assertEqual(hint["decided_class"], "technical_question")
        self.assertEqual(hint["decided_label"], "Технический вопрос")
        self.assertFalse(hint["accepted"])

        report = self.assertStatus(
            self.manager.get(f"/api/v1/reports/l1-hints?{period()}"), 200).json()
        row = next(r for r in report["items"] if r["proposed_class"] == "obscene_language")
        self.assertEqual(row["source"], "obscenity")
        # Every test of this class proposes; these two are decided.
        self.assertGreaterEqual(row["proposed"], 2)
        self.assertGreaterEqual(row["decided"], 2)
        self.assertEqual(row["decided"] - row["accepted"], 1)
        self.assertAlmostEqual(row["accepted_share"], row["accepted"] / row["decided"])
        self.assertEqual((report["proposed"], report["decided"], report["accepted"]),
                         (row["proposed"], row["decided"], row["accepted"]))
        csv = self.manager.get(f"/api/v1/reports/l1-hints?{period()}&format=csv")
        self.assertStatus(csv, 200)
        lines = csv.text().strip().split("\r\n")
        self.assertEqual(lines[0], "source,proposed_class,label,proposed,decided,accepted,"
                                   "accepted_share")
        self.assertTrue(lines[1].startswith("obscenity,obscene_language,"))

    def test_the_report_is_for_staff_and_checks_its_period(self):
        self.assertStatus(self.customer.get(f"/api/v1/reports/l1-hints?{period()}"), 403)
        self.assertProblem(self.manager.get("/api/v1/reports/l1-hints?from=2026-13-01&to=2027-01-01"),
                           422, field="from")
        self.assertProblem(self.manager.get(f"/api/v1/reports/l1-hints?{period()}&group=x"),
                           422, field="group")


if __name__ == "__main__":
    unittest.main()
