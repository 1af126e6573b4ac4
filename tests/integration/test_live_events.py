"""GET /api/v1/events: the live ticket-event stream (Server-Sent Events).
Runs on SQLite and on PostgreSQL."""

import time
import unittest

from harness import ServerTestCase, raw_connection, read_until_closed
from sse import EventStream


def of_ticket(tid, kind=None):
    return lambda events: any(
        e["data"]["ticket_id"] == tid and (kind is None or e["data"]["kind"] == kind)
        for e in events)


class LiveEvents(ServerTestCase):

    def setUp(self):
        self.staff, _ = self.server.staff_client("l1_operator")
        self.streams = []

    def tearDown(self):
        for stream in self.streams:
            stream.close()

    def open(self, client, last_event_id=None):
        stream = EventStream(client, last_event_id)
        self.streams.append(stream)
        return stream

    def test_staff_are_sent_each_event_with_its_id(self):
        stream = self.open(self.staff)
        self.assertEqual(stream.status, 200)
        self.assertTrue(stream.content_type.startswith("text/event-stream"), stream.content_type)
        created = self.assertStatus(self.staff.create_ticket(subject="live"), 201).json()
        self.assertTrue(stream.wait_for(of_ticket(created["id"], "created")))
        history = self.staff.get(f"/api/v1/tickets/{created['id']}/events").json()["items"]
        sent = [e for e in stream.snapshot() if e["data"]["ticket_id"] == created["id"]]
        self.assertEqual([e["id"] for e in sent], [e["id"] for e in history][:len(sent)])
        for event in sent:
            self.assertEqual(event["id"], event["data"]["id"])
            self.assertIn("actor_id", event["data"])
            self.assertIn("at", event["data"])

    def test_customer_is_sent_only_public_events_of_their_own_tickets(self):
        ann, _ = self.server.customer("Ann")
        bob, _ = self.server.customer("Bob")
        ann_stream = self.open(ann)
        own = self.assertStatus(ann.create_ticket(subject="ann's"), 201).json()
        other = self.assertStatus(bob.create_ticket(subject="bob's"), 201).json()
        self.assertStatus(self.staff.post(f"/api/v1/tickets/{own['id']}/messages",
                                          {"body": "internal remark", "internal": True}), 201)
        self.assertStatus(self.staff.post(f"/api/v1/tickets/{own['id']}/messages",
                                          {"body": "public answer"}), 201)
        self.assertTrue(ann_stream.wait_for(of_ticket(own["id"], "replied")))
        staff_view = self.staff.get(f"/api/v1/tickets/{own['id']}/events").json()["items"]
        internal_ids = {e["id"] for e in staff_view if e["kind"] == "note_added"}
        self.assertTrue(internal_ids)
        sent = ann_stream.snapshot()
        self.assertFalse(any(e["data"]["ticket_id"] == other["id"] for e in sent), sent)
        self.assertFalse(internal_ids & {e["id"] for e in sent}, sent)

    def test_customer_is_told_without_details_that_support_moved_their_ticket_on(self):
        ann, _ = self.server.customer("Ann")
        stream = self.open(ann)
        own = self.assertStatus(ann.create_ticket(subject="moved on"), 201).json()
        self.assertStatus(self.staff.post(
            f"/api/v1/tickets/{own['id']}/transitions/take_technical", {"fields": {}}), 200)
        self.assertTrue(stream.wait_for(of_ticket(own["id"], "transition_fired")))
        moved = [e["data"] for e in stream.snapshot()
                 if e["data"]["ticket_id"] == own["id"] and e["data"]["kind"] == "transition_fired"]
        self.assertEqual(len(moved), 1, moved)
        self.assertEqual((moved[0]["field"], moved[0]["old"], moved[0]["new"]), ("", "", ""))
        self.assertIsNone(moved[0]["actor_id"])
        staff_view = self.staff.get(f"/api/v1/tickets/{own['id']}/events").json()["items"]
        fired = [e for e in staff_view if e["kind"] == "transition_fired"]
        self.assertEqual([e["id"] for e in fired], [moved[0]["id"]])
        self.assertEqual(fired[0]["field"], "take_technical")
        # The customer's history still leaves support's hand-offs out.
        history = ann.get(f"/api/v1/tickets/{own['id']}/events").json()["items"]
        self.assertNotIn("transition_fired", [e["kind"] for e in history])

    def test_resuming_with_last_event_id_replays_what_was_missed(self):
        first = self.assertStatus(self.staff.create_ticket(subject="before"), 201).json()
        history = self.staff.get(f"/api/v1/tickets/{first['id']}/events").json()["items"]
        last_seen = history[-1]["id"]
        missed = self.assertStatus(self.staff.create_ticket(subject="missed"), 201).json()
        stream = self.open(self.staff, last_event_id=last_seen)
        self.assertTrue(stream.wait_for(of_ticket(missed["id"], "created")))
        live = self.assertStatus(self.staff.create_ticket(subject="live"), 201).json()
        self.assertTrue(stream.wait_for(of_ticket(live["id"], "created")))
        ids = stream.ids()
        self.assertTrue(all(i > last_seen for i in ids), ids)
        self.assertEqual(len(ids), len(set(ids)), ids)

    def test_a_stream_whose_session_logged_out_is_sent_nothing_more_and_ends(self):
        ann, _ = self.server.customer("Ann")
        stream = self.open(ann)
        own = self.assertStatus(ann.create_ticket(subject="before logout"), 201).json()
        self.assertTrue(stream.wait_for(of_ticket(own["id"], "created")))
        self.assertIn(ann.post("/api/v1/auth/logout").status, (200, 204))
        self.assertStatus(self.staff.post(f"/api/v1/tickets/{own['id']}/messages",
                                          {"body": "answer after logout"}), 201)
        deadline = time.monotonic() + 30
        while not stream.ended and time.monotonic() < deadline:
            time.sleep(0.05)
        self.assertTrue(stream.ended)
        self.assertFalse(of_ticket(own["id"], "replied")(stream.snapshot()), stream.snapshot())

    def test_head_answers_the_header_without_a_body(self):
        # On a raw socket: an HTTP client reads no body after HEAD whatever
        # the server sends, so only the bytes on the wire tell.
        with raw_connection(self.server.port, timeout=10) as sock:
            sock.sendall(f"HEAD /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                         f"Authorization: Bearer {self.staff.token}\r\n"
                         "Connection: close\r\n\r\n".encode())
            answer = read_until_closed(sock)
        head, _, rest = answer.partition(b"\r\n\r\n")
        self.assertTrue(head.startswith(b"HTTP/1.1 200"), head)
        self.assertIn(b"text/event-stream", head.lower())
        self.assertEqual(rest, b"")

    def test_without_credentials_is_401(self):
        stream = self.open(self.server.client())
        self.assertEqual(stream.status, 401)


if __name__ == "__main__":
    unittest.main()
