"""Administrators edit the texts the help desk sends, per language, over
the real server: a reply template edited in Russian is what the next
transition posts to a Russian-speaking customer and what agents are offered
as a canned reply; reverting it brings the file's text back; a new reply
template is created by its first text. Bad texts are refused naming the
field, everyone but administrators gets 403, and each change is audited
with its old and new text, and the audit log of thousands of edits
downloads whole as CSV while it is read. (The mail templates' edits
reaching a real SMTP server: test_mail.py.)"""

import csv
import io
import unittest

from harness import ServerTestCase

OFF_TOPIC_RU = "/api/v1/admin/templates/off_topic/ru"


class ReplyTemplates(ServerTestCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin, _ = cls.server.staff_client("administrator")
        cls.l1, _ = cls.server.staff_client("l1_operator")
        cls.customer, _ = cls.server.customer("Template Reader")  # no language: Russian

    def templates(self):
        items = self.assertStatus(self.admin.get("/api/v1/admin/templates"), 200).json()["items"]
        return {t["id"]: t for t in items}

    def text_in(self, template, language):
        return next(t for t in template["texts"] if t["language"] == language)

    def off_topic_reply(self, subject):
        """The customer's ticket answered off topic: the reply's text."""
        tid = self.assertStatus(self.customer.create_ticket(subject=subject), 201).json()["id"]
        self.assertStatus(self.l1.post(f"/api/v1/tickets/{tid}/transitions/answer_off_topic",
                                       {"fields": {}}), 200)
        messages = self.customer.get(f"/api/v1/tickets/{tid}/messages").json()["items"]
        return messages[-1]["body"]

    def test_the_list_holds_every_reply_and_mail_template_in_both_languages(self):
        templates = self.templates()
        off_topic = templates["off_topic"]
        self.assertEqual((off_topic["kind"], off_topic["part"]), ("reply", "txt"))
        self.assertIn("ticket.number", off_topic["placeholders"])
        self.assertTrue(off_topic["used_by"])
        self.assertEqual(off_topic["used_by"][0]["process"], "support")
        self.assertEqual(off_topic["used_by"][0]["process_label"], "Трёхуровневая поддержка")
        self.assertEqual([t["language"] for t in off_topic["texts"]], ["ru", "en"])
        self.assertIn("выходит за", self.text_in(off_topic, "ru")["file_text"])
        subject = templates["mail.ticket_created.subject"]
        self.assertEqual((subject["kind"], subject["event"], subject["part"]),
                         ("mail", "ticket_created", "subject"))
        self.assertEqual(subject["used_by"], [])
        self.assertIn("deadline_text", subject["placeholders"])
        self.assertIn("[#{{number}}]", self.text_in(subject, "en")["text"])
        kinds = [t["kind"] for t in templates.values()]
        self.assertEqual(kinds, sorted(kinds, reverse=True))  # replies first

    def test_an_edited_reply_is_posted_and_offered_until_it_is_reverted(self):
        edited = "Вопрос № {{ticket.number}} не о нашем магазине. {{ actor.name }}"
        entry = self.assertStatus(self.admin.put(OFF_TOPIC_RU, {"text": edited}), 200).json()
        ru = self.text_in(entry, "ru")
        self.assertEqual((ru["text"], ru["edited"]), (edited, True))
        self.assertIn("выходит за", ru["file_text"])
        self.assertIsNotNone(ru["updated_at"])
        self.assertEqual(self.text_in(entry, "en")["edited"], False)

        posted = self.off_topic_reply("Какая погода завтра?")
        self.assertRegex(posted, r"^Вопрос № \d+ не о нашем магазине\. \S")
        tid = self.assertStatus(self.customer.create_ticket(subject="Курс рубля"), 201).json()["id"]
        offered = {r["id"]: r for r in self.l1.get(f"/api/v1/tickets/{tid}/replies").json()["items"]}
        self.assertIn("не о нашем магазине", offered["off_topic"]["text"])

        reverted = self.assertStatus(self.admin.delete(OFF_TOPIC_RU), 200).json()
        self.assertEqual(self.text_in(reverted, "ru")["edited"], False)
        self.assertIn("выходит за", self.off_topic_reply("Где купить билеты?"))
        self.assertProblem(self.admin.delete(OFF_TOPIC_RU), 404)

        audit = self.admin.get("/api/v1/admin/audit?subject=template:off_topic/ru").json()["items"]
        self.assertEqual([a["action"] for a in audit], ["template.revert", "template.edit"])
        edit = audit[1]["changes"][0]
        self.assertEqual((edit["field"], edit["after"]), ("text", edited))
        self.assertIn("выходит за", edit["before"])
        self.assertEqual(audit[0]["changes"][0]["before"], edited)

    def test_a_new_reply_template_is_made_by_its_first_text_and_offered(self):
        text = "We will call you back about #{{ticket.number}} today."
        self.assertStatus(self.admin.put("/api/v1/admin/templates/callback_promised/en",
                                         {"text": text}), 200)
        entry = self.templates()["callback_promised"]
        self.assertEqual(entry["used_by"], [])
        self.assertIsNone(self.text_in(entry, "en")["file_text"])
        self.assertIsNone(self.text_in(entry, "ru")["text"])
        tid = self.assertStatus(self.customer.create_ticket(), 201).json()
        offered = {r["id"]: r for r in
                   self.l1.get(f"/api/v1/tickets/{tid['id']}/replies").json()["items"]}
        # No Russian text yet: the Russian-speaking customer would read the English one.
        self.assertEqual(offered["callback_promised"]["text"],
                         f"We will call you back about #{tid['number']} today.")
        self.assertEqual(offered["callback_promised"]["title"], "Callback promised")

    def test_only_administrators_see_and_edit_templates(self):
        for client in (self.l1, self.customer):
            self.assertProblem(client.get("/api/v1/admin/templates"), 403)
            self.assertProblem(client.put(OFF_TOPIC_RU, {"text": "Нет."}), 403)
            self.assertProblem(client.delete(OFF_TOPIC_RU), 403)
        self.assertNotIn("Нет.", self.text_in(self.templates()["off_topic"], "ru")["text"])

    def test_bad_texts_are_refused_naming_the_field(self):
        put = self.admin.put
        self.assertProblem(put(OFF_TOPIC_RU, {"text": "  \n "}), 422, field="text")
        self.assertProblem(put(OFF_TOPIC_RU, {}), 422, field="text")
        self.assertProblem(put(OFF_TOPIC_RU, {"text": 5}), 422, field="text")
        self.assertProblem(put(OFF_TOPIC_RU, {"text": "x" * 65537}), 422, field="text")
        self.assertProblem(put(OFF_TOPIC_RU, {"text": "Bell \u0007"}), 422, field="text")
        unknown = self.assertProblem(put(OFF_TOPIC_RU, {"text": "Hi {{customer_name}}"}), 422,
                                     field="text")
        self.assertIn("customer_name", unknown["detail"])
        self.assertIn("ticket.number", unknown["detail"])
        unclosed = self.assertProblem(put(OFF_TOPIC_RU, {"text": "Hi\n{{ticket.number"}), 422,
                                      field="text")
        self.assertIn("line 2", unclosed["detail"])
        subject = "/api/v1/admin/templates/mail.reply.subject/en"
        self.assertProblem(put(subject, {"text": "Re: [#{{number}}]\n{{subject}}"}), 422,
                           field="text")
        self.assertProblem(put(subject, {"text": "Re: {{subject}}"}), 422, field="text")
        self.assertProblem(put("/api/v1/admin/templates/mail.reply.txt/en",
                               {"text": "{{reply_text}}"}), 422, field="text")
        self.assertProblem(put("/api/v1/admin/templates/mail.reply.txt/en",
                               {"text": "{{ticket.number}}"}), 422, field="text")
        self.assertProblem(put("/api/v1/admin/templates/off_topic/de", {"text": "Hallo"}), 422,
                           field="language")
        self.assertProblem(put("/api/v1/admin/templates/Bad%20Id/en", {"text": "Hi"}), 422,
                           field="id")
        self.assertProblem(put("/api/v1/admin/templates/mail.no_such.txt/en", {"text": "Hi"}),
                           404)
        self.assertProblem(self.admin.delete("/api/v1/admin/templates/off_topic/de"), 422,
                           field="language")
        self.assertFalse(self.text_in(self.templates()["mail.reply.subject"], "en")["edited"])

    def test_a_long_audit_log_downloads_whole_as_csv_while_it_is_read(self):
        # More than a page (1,000 rows) of edits: the file is streamed.
        path = "/api/v1/admin/templates/audit_filler/en"
        for n in range(1105):
            self.assertStatus(self.admin.put(path, {"text": f"Filler text {n}."}), 200)
        response = self.assertStatus(self.admin.get(
            "/api/v1/admin/audit?format=csv&subject=template:audit_filler/en"), 200)
        self.assertEqual(response.header("Transfer-Encoding"), "chunked")
        self.assertTrue(response.header("Content-Type").startswith("text/csv"))
        rows = list(csv.reader(io.StringIO(response.body.decode("utf-8"))))
        self.assertEqual(rows[0], ["id", "at", "actor", "action", "subject", "detail", "changes"])
        ids = [int(r[0]) for r in rows[1:]]
        self.assertEqual(len(ids), 1105)
        self.assertEqual(ids, sorted(ids, reverse=True))
        self.assertEqual(len(set(ids)), 1105)
        self.assertIn("-> Filler text 1104.", rows[1][6])
        self.assertIn("-> Filler text 0.", rows[-1][6])


if __name__ == "__main__":
    unittest.main()
