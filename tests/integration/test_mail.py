"""The e-mail channel end to end, on real mail servers (docs/mail.md).

A customer's mail arrives in a Dovecot mailbox over IMAP and becomes a
ticket; the acknowledgement leaves through Postfix's smtp-sink with the
number, the deadline and Auto-Submitted, and is read back; replies land in
the ticket they answer; staff's web reply reaches the customer threaded
under the first mail; automatic mail and bounces open nothing and get no
answer; an SMTP server that is down delays mail without losing or repeating
it; a server killed in the middle of a poll loses and duplicates nothing;
forged reply addresses and strangers never land in someone's ticket; a
mail template an administrator edited is what the next mail says. The
servers come from scripts/mail-servers (started by scripts/test).
"""

import json
import os
import signal
import subprocess
import time
import unittest
import uuid
from email.utils import make_msgid

import harness
import mailservers

SUPPORT = "support@helpdesk.example"


def customer_address(name="anna"):
    return f"{name}-{uuid.uuid4().hex[:10]}@customer.example"


def message(sender, subject, body, message_id=None, headers=None, to=SUPPORT):
    """A plain UTF-8 mail as bytes, CRLF line ends."""
    message_id = message_id or make_msgid(domain="customer.example")
    lines = [f"From: {sender}", f"To: {to}", f"Subject: {subject}", f"Message-ID: {message_id}",
             "Date: Mon, 12 Jan 2026 10:15:00 +0300", "MIME-Version: 1.0",
             "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit"]
    lines += headers or []
    return ("\r\n".join(lines) + "\r\n\r\n" + body + "\r\n").encode(), message_id


def mail_settings(env, user, smtp_url=None):
    return {
        "mail.address": SUPPORT,
        "mail.imap.url": env.imap_url.rstrip("/") + "/INBOX",
        "mail.imap.user": user,
        "mail.imap.password": env.password,
        "mail.imap.poll_seconds": "1",
        "mail.smtp.url": smtp_url or env.smtp_url,
        "mail.send_seconds": "1",
        "mail.retry_first_seconds": "1",
        "mail.retry_max_seconds": "2",
        "mail.base_url": "https://desk.example",
    }


def tickets(client):
    return client.list_all("/api/v1/tickets?scope=queue")


def wait_for_ticket(client, subject, timeout=30):
    def found():
        return next((t for t in tickets(client) if t["subject"] == subject), None)
    return mailservers.wait_until(found, timeout, what=f"ticket {subject!r}")


def wait_done(user, count, timeout=30):
    """Waits until `count` messages of `user`'s INBOX carry the done flag."""
    def done():
        messages = mailservers.list_messages(user)
        flagged = [m for m in messages if "$HelpdeskDone" in m.flags]
        return messages if len(flagged) >= count else None
    return mailservers.wait_until(done, timeout, what=f"{count} messages marked done")


def to(address):
    return lambda m: address in m.rcpt_to


def body_of(mail):
    part = mail.message.get_body(preferencelist=("plain",))
    return part.get_content() if part is not None else ""


class MailServerTestCase(unittest.TestCase):
    """One helpdesk server reading a mailbox of its own and sending through
    the shared smtp-sink (or `smtp_url`)."""

    smtp_url = None

    @classmethod
    def setUpClass(cls):
        cls.env = mailservers.servers()
        cls.mailbox = mailservers.unique_user("support")
        cls.server = harness.Server(mail_settings(cls.env, cls.mailbox, cls.smtp_url))
        try:
            cls.server.start()
        except Exception:
            cls.server.cleanup()
            raise
        cls.staff, _ = cls.server.staff_client("administrator")

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def deliver(self, raw):
        return mailservers.append_message(self.mailbox, raw)


class MailRoundTrip(MailServerTestCase):

    def test_a_mail_becomes_a_ticket_and_the_acknowledgement_comes_back(self):
        anna = customer_address()
        raw, message_id = message(f"Anna Petrova <{anna}>", "Не работает оплата",
                                  "Страница оплаты отвечает 502.")
        self.deliver(raw)
        ticket = wait_for_ticket(self.staff, "Не работает оплата")
        self.assertEqual(ticket["channel"], "email")
        self.assertEqual(ticket["level"], "non_commercial")
        ack = mailservers.shared_sink_messages(to(anna))[0]
        self.assertIn(f"[#{ticket['number']}]", ack.message["Subject"])
        self.assertEqual(ack.message["Auto-Submitted"], "auto-replied")
        self.assertEqual(ack.message["In-Reply-To"], message_id)
        text = body_of(ack)
        self.assertRegex(text, r"до (пн|вт|ср|чт|пт) \d+ [а-я]+\.?, \d\d:\d\d МСК")
        self.assertIn("https://desk.example/#/set-password?token=", text)
        self.assertRegex(ack.message["Reply-To"], r"support\+%d\.[0-9a-f]{16}@helpdesk\.example"
                         % ticket["number"])
        wait_done(self.mailbox, 1)
        # The raw mail is kept as received and staff can download it.
        first = self.staff.get(f"/api/v1/tickets/{ticket['id']}/messages").json()["items"][0]
        raw_response = self.staff.get(f"/api/v1/tickets/{ticket['id']}/messages/{first['id']}/raw")
        self.assertEqual(raw_response.status, 200)
        self.assertEqual(raw_response.body.replace(b"\r\n", b"\n"), raw.replace(b"\r\n", b"\n"))

    def test_the_customers_reply_lands_in_the_same_ticket(self):
        anna = customer_address()
        raw, _ = message(anna, "Licence renewal", "The renewal page fails.")
        self.deliver(raw)
        ticket = wait_for_ticket(self.staff, "Licence renewal")
        ack = mailservers.shared_sink_messages(to(anna))[0]
        reply, _ = message(anna, "Re: " + ack.message["Subject"],
                           "It fails with code 17.\r\n\r\n> earlier text", to=ack.message["Reply-To"],
                           headers=[f"In-Reply-To: {ack.message['Message-ID']}"])
        self.deliver(reply)

        def two_messages():
            items = self.staff.get(f"/api/v1/tickets/{ticket['id']}/messages").json()["items"]
            return items if len(items) >= 2 else None
        items = mailservers.wait_until(two_messages, what="the reply in the ticket")
        self.assertEqual(items[1]["body"], "It fails with code 17.")
        self.assertEqual(len([t for t in tickets(self.staff) if t["subject"] == "Licence renewal"]), 1)

    def test_a_web_reply_reaches_the_customer_threaded_under_the_first_mail(self):
        anna = customer_address()
        raw, first_id = message(anna, "Slow search", "Search takes a minute.")
        self.deliver(raw)
        ticket = wait_for_ticket(self.staff, "Slow search")
        mailservers.shared_sink_messages(to(anna))  # the acknowledgement
        response = self.staff.post(f"/api/v1/tickets/{ticket['id']}/messages",
                                   {"body": "Rebuild the index, please."})
        self.assertEqual(response.status, 201, response.text())
        note = self.staff.post(f"/api/v1/tickets/{ticket['id']}/messages",
                               {"body": "Internal: customer is on the old version", "internal": True})
        self.assertEqual(note.status, 201, note.text())
        replies = mailservers.shared_sink_messages(
            lambda m: to(anna)(m) and "Rebuild the index" in body_of(m))
        reply = replies[0]
        self.assertEqual(reply.message["In-Reply-To"], first_id)
        self.assertIn(first_id, reply.message["References"])
        self.assertIsNone(reply.message["Auto-Submitted"])
        time.sleep(2)  # give a wrongly mailed note the time to show up
        for mail in mailservers.sink_messages(self.env.sink_dir, self.env.sink_pid()):
            if anna in mail.rcpt_to:
                self.assertNotIn("old version", body_of(mail))


class AutomaticMail(MailServerTestCase):

    def test_an_auto_reply_and_a_bounce_open_no_ticket_and_get_no_answer(self):
        away = customer_address("away")
        oof, _ = message(away, "Out of office", "Back on Monday.",
                         headers=["Auto-Submitted: auto-replied", "X-Autoreply: yes"])
        daemon = f"MAILER-DAEMON@{away.split('@')[1]}"
        bounce = (f"From: {daemon}\r\nTo: {SUPPORT}\r\nSubject: Undelivered Mail\r\n"
                  f"Message-ID: <{uuid.uuid4().hex}@mx.example>\r\nMIME-Version: 1.0\r\n"
                  "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n"
                  "\r\n--b\r\nContent-Type: text/plain\r\n\r\nNot delivered.\r\n--b\r\n"
                  "Content-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example\r\n"
                  f"\r\nFinal-Recipient: rfc822; {away}\r\nAction: failed\r\nStatus: 5.1.1\r\n"
                  "\r\n--b--\r\n").encode()
        before = len(tickets(self.staff))
        self.deliver(oof)
        self.deliver(bounce)
        wait_done(self.mailbox, 2)
        self.assertEqual(len(tickets(self.staff)), before)
        time.sleep(2)  # an answer, were one wrongly sent, would be out by now
        sent = mailservers.sink_messages(self.env.sink_dir, self.env.sink_pid())
        self.assertFalse([m for m in sent if away in m.rcpt_to or daemon in m.rcpt_to])
        state = self.staff.get("/api/v1/admin/mail").json()
        self.assertIn(away, [f["address"] for f in state["failing_addresses"]])


class EditedMailTemplates(MailServerTestCase):

    def test_an_edited_subject_is_what_the_next_mail_carries_until_it_is_reverted(self):
        path = "/api/v1/admin/templates/mail.ticket_created.subject/ru"
        edited = self.staff.put(path, {"text": "Принято [#{{number}}] — {{subject}}"})
        self.assertEqual(edited.status, 200, edited.text())
        client, email = self.server.customer("Mail Reader")
        number = client.create_ticket(subject="Печать счёта").json()["number"]
        ack = mailservers.shared_sink_messages(to(email))[0]
        self.assertEqual(str(ack.message["Subject"]), f"Принято [#{number}] — Печать счёта")
        self.assertEqual(self.staff.delete(path).status, 200)
        number = client.create_ticket(subject="Второй вопрос").json()["number"]
        second = mailservers.shared_sink_messages(
            lambda m: email in m.rcpt_to and "Второй" in str(m.message["Subject"]))[0]
        self.assertEqual(str(second.message["Subject"]),
                         f"[#{number}] Ваше обращение принято: Второй вопрос")


class Strangers(MailServerTestCase):

    def test_forged_reply_addresses_and_strangers_never_land_in_a_ticket(self):
        anna = customer_address()
        raw, _ = message(anna, "Private matter", "Only for support.")
        self.deliver(raw)
        ticket = wait_for_ticket(self.staff, "Private matter")
        eve = customer_address("eve")
        forged = f"support+{ticket['number']}.0123456789abcdef@helpdesk.example"
        by_address, _ = message(eve, "Re: Private matter", "Forged address", to=forged)
        by_tag, _ = message(eve, f"Re: [#{ticket['number']}] Private matter", "Subject tag")
        self.deliver(by_address)
        self.deliver(by_tag)
        wait_done(self.mailbox, 3)
        items = self.staff.get(f"/api/v1/tickets/{ticket['id']}/messages").json()["items"]
        self.assertEqual([m["body"] for m in items], ["Only for support."])
        # Each stranger's mail opened a ticket of its own instead.
        subjects = [t["subject"] for t in tickets(self.staff)]
        self.assertIn("Re: Private matter", subjects)


class SmtpOutage(unittest.TestCase):

    def test_the_outbox_retries_while_smtp_is_down_and_delivers_once(self):
        env = mailservers.servers()
        sink = mailservers.SmtpSink()
        server = harness.Server(mail_settings(env, mailservers.unique_user("support"), sink.url))
        try:
            server.start()
            customer, email = server.customer("Dina")
            created = customer.create_ticket(subject="Outage while SMTP is down")
            self.assertEqual(created.status, 201, created.text())
            admin, _ = server.staff_client("administrator")

            def retrying():
                outbox = admin.get("/api/v1/admin/mail").json()["outbox"]
                return outbox if outbox["pending"] >= 1 and outbox["last_error"] else None
            mailservers.wait_until(retrying, what="a failed delivery attempt")
            sink.start()
            sink.wait_for(to(email))
            time.sleep(3)  # further runs of the sender must not repeat it
            self.assertEqual(len([m for m in sink.messages() if email in m.rcpt_to]), 1)
            outbox = admin.get("/api/v1/admin/mail").json()["outbox"]
            self.assertEqual(outbox["pending"], 0)
        finally:
            server.cleanup()
            sink.cleanup()


class KilledWhilePolling(unittest.TestCase):

    def test_a_server_killed_mid_poll_loses_and_duplicates_nothing(self):
        env = mailservers.servers()
        mailbox = mailservers.unique_user("support")
        subjects = [f"Storm {i} {uuid.uuid4().hex[:6]}" for i in range(40)]
        with mailservers.Mailbox(mailbox) as box:
            for i, subject in enumerate(subjects):
                box.append(message(customer_address(f"c{i}"), subject, "Body")[0])
        server = harness.Server(mail_settings(env, mailbox))
        try:
            server.start()
            admin, _ = server.staff_client("administrator")
            mailservers.wait_until(lambda: len(tickets(admin)) >= 1, what="the first ticket")
            server.process.send_signal(signal.SIGKILL)
            server.process.wait()
            server.process.stdout.close()
            server._log.close()
            server.process = None
            server.start()
            admin.port = server.port
            wait_done(mailbox, len(subjects), timeout=60)
            found = [t["subject"] for t in tickets(admin) if t["subject"].startswith("Storm ")]
            self.assertEqual(sorted(found), sorted(subjects))
        finally:
            server.cleanup()


class MailCommands(unittest.TestCase):

    def setUp(self):
        self.server = harness.Server({"mail.max_message_bytes": "4096"})
        self.addCleanup(self.server.cleanup)
        self.server.cli("migrate")

    def ingest(self, raw, database=None):
        flags = self.server._set_flags()
        if database:
            flags += ["--set", f"database={database}"]
        command = [self.server.binary, "mail", "ingest", "--data", self.server.data_dir, *flags]
        return subprocess.run(command, input=raw, capture_output=True, timeout=120)

    def test_mail_ingest_answers_an_mta_with_0_65_or_75(self):
        raw, _ = message(customer_address(), "By pipe", "From Postfix's pipe.")
        taken = self.ingest(raw)
        self.assertEqual(taken.returncode, 0, taken.stderr)
        self.assertIn(b"accepted", taken.stderr)
        again = self.ingest(raw)
        self.assertEqual(again.returncode, 0, again.stderr)
        self.assertIn(b"received before", again.stderr)
        big, _ = message(customer_address(), "Too big", "x" * 8000)
        refused = self.ingest(big)
        self.assertEqual(refused.returncode, 65, refused.stderr)
        self.assertIn(b"refused", refused.stderr)
        closed = mailservers.free_port()
        away = self.ingest(raw, database=f"postgresql://nobody@127.0.0.1:{closed}/none")
        self.assertEqual(away.returncode, 75, away.stderr)

    def test_mail_parse_prints_one_json_object(self):
        raw, message_id = message("Anna <anna@customer.example>", "=?UTF-8?B?0J/RgNC40LLQtdGC?=",
                                  "Тело письма")
        path = os.path.join(self.server.data_dir, "one.eml")
        with open(path, "wb") as f:
            f.write(raw)
        done = subprocess.run([self.server.binary, "mail", "parse", path], capture_output=True,
                              timeout=60)
        self.assertEqual(done.returncode, 0, done.stderr)
        parsed = json.loads(done.stdout)
        self.assertEqual(parsed["subject"], "Привет")
        self.assertEqual(parsed["from"], {"name": "Anna", "address": "anna@customer.example"})
        self.assertEqual(parsed["message_id"], message_id.strip("<>"))
        self.assertEqual(parsed["body_text"].strip(), "Тело письма")
        self.assertIsNone(parsed["in_reply_to"])
        missing = subprocess.run([self.server.binary, "mail", "parse", path + ".none"],
                                 capture_output=True, timeout=60)
        self.assertNotEqual(missing.returncode, 0)
        self.assertEqual(missing.stdout, b"")


if __name__ == "__main__":
    unittest.main()
