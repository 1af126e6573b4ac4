"""Bad input of every kind gets a clear problem+json answer and changes nothing."""

import socket
import unittest

from harness import ServerTestCase, raw_connection, read_until_closed, without_clock_ticks

MAX_BODY = 256 * 1024


class BadInputTestCase(ServerTestCase):
    server_settings = {"http.max_body_bytes": str(MAX_BODY), "http.max_header_bytes": "8192",
                       "http.idle_timeout_seconds": "5"}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.staff, _ = cls.server.staff_client("l1_operator")
        cls.customer, _ = cls.server.customer("Owner")
        created = cls.customer.create_ticket()
        assert created.status == 201, created
        cls.ticket = created.json()

    def queue(self):
        return self.staff.list_all("/api/v1/tickets?scope=queue")

    def setUp(self):
        self.tickets_before = self.queue()

    def tearDown(self):
        # Whatever the test sent, nothing changed and the server still serves.
        self.assertEqual(without_clock_ticks(self.queue()),
                         without_clock_ticks(self.tickets_before))
        self.assertStatus(self.staff.get("/healthz"), 200)


class MalformedAndInvalidRequests(BadInputTestCase):

    def test_malformed_json_is_400(self):
        for text in ('{"subject": "x", ', "not json", "[1, 2", '{"subject": "a"} trailing'):
            response = self.customer.post("/api/v1/tickets", text,
                                          headers={"Content-Type": "application/json"})
            self.assertProblem(response, 400)

    def test_wrong_types_are_422_naming_the_field(self):
        cases = [({"subject": 123, "body": "b"}, "subject"),
                 ({"subject": "s", "body": ["b"]}, "body"),
                 ({"subject": "s", "body": "b", "category": 7}, "category"),
                 ({"subject": "s", "body": "b", "steps": {"a": 1}}, "steps")]
        for payload, field in cases:
            with self.subTest(field=field):
                self.assertProblem(self.customer.post("/api/v1/tickets", payload), 422,
                                   field=field)
        tid = self.ticket["id"]
        self.assertProblem(self.customer.post(f"/api/v1/tickets/{tid}/messages",
                                              {"body": "hi", "internal": "yes"}), 422,
                           field="internal")
        self.assertProblem(self.customer.post(f"/api/v1/tickets/{tid}/feedback",
                                              {"rating": "five", "comment": ""}), 422,
                           field="rating")

    def test_a_json_body_that_is_not_an_object_is_rejected(self):
        response = self.customer.post("/api/v1/tickets", [{"subject": "s", "body": "b"}])
        self.assertIn(response.status, (400, 422), response)
        self.assertProblem(response, response.status)

    def test_missing_fields_are_422_naming_the_field(self):
        self.assertProblem(self.customer.post("/api/v1/tickets", {"body": "b"}), 422,
                           field="subject")
        self.assertProblem(self.customer.post("/api/v1/tickets", {"subject": "s"}), 422,
                           field="body")
        self.assertProblem(self.customer.post("/api/v1/tickets", {"subject": "  ", "body": "b"}),
                           422, field="subject")
        self.assertProblem(self.customer.post(f"/api/v1/tickets/{self.ticket['id']}/messages",
                                              {}), 422, field="body")

    def test_oversize_fields_are_422_naming_the_field(self):
        cases = [({"subject": "s" * 301, "body": "b"}, "subject"),
                 ({"subject": "s", "body": "b" * 100_001}, "body"),
                 ({"subject": "s", "body": "b", "steps": "x" * 20_001}, "steps")]
        for payload, field in cases:
            with self.subTest(field=field):
                self.assertProblem(self.customer.post("/api/v1/tickets", payload), 422,
                                   field=field)

    def test_an_unknown_channel_is_422_for_browsers_and_tokens_alike(self):
        for client in (self.customer, self.staff):
            response = client.post("/api/v1/tickets",
                                   {"subject": "s", "body": "b", "channel": "pigeon"})
            self.assertProblem(response, 422, field="channel")

    def test_out_of_range_rating_is_422(self):
        tid = self.ticket["id"]
        for rating in (0, 6):
            self.assertProblem(self.customer.post(f"/api/v1/tickets/{tid}/feedback",
                                                  {"rating": rating}), 422, field="rating")
        listed = self.customer.get(f"/api/v1/tickets/{tid}/feedback").json()
        self.assertEqual(listed["items"] if isinstance(listed, dict) else listed, [])

    def test_unknown_route_is_404(self):
        for path in ("/api/v1/nothing-here", "/api/v2/tickets", "/api/v1/tickets/abc",
                     "/api/v1/tickets/999999999"):
            with self.subTest(path=path):
                self.assertProblem(self.staff.get(path), 404)

    def test_unknown_method_is_405_with_allow(self):
        response = self.customer.request("DELETE", "/api/v1/tickets")
        self.assertProblem(response, 405)
        allow = response.header("Allow") or ""
        self.assertIn("GET", allow)
        self.assertIn("POST", allow)
        self.assertProblem(self.customer.request("PUT", f"/api/v1/tickets/{self.ticket['id']}",
                                                 {"subject": "x"}), 405)
        self.assertEqual(
            without_clock_ticks([self.customer.get(f"/api/v1/tickets/{self.ticket['id']}").json()]),
            without_clock_ticks([self.ticket]))


class OversizeRequests(BadInputTestCase):

    def test_oversize_body_is_413(self):
        payload = {"subject": "big", "body": "x" * (MAX_BODY + 10)}
        self.assertProblem(self.customer.post("/api/v1/tickets", payload), 413)

    def test_declared_oversize_body_is_refused_before_it_is_sent(self):
        with raw_connection(self.server.port) as sock:
            sock.sendall(b"POST /api/v1/tickets HTTP/1.1\r\nHost: t\r\n"
                         b"Authorization: Bearer " + self.staff.token.encode() + b"\r\n"
                         b"Content-Type: application/json\r\n"
                         b"Content-Length: 1000000000\r\n\r\n")
            answer = read_until_closed(sock, limit=4096)
        self.assertTrue(answer.startswith(b"HTTP/1.1 413"), answer[:200])
        self.assertIn(b"application/problem+json", answer)

    def test_oversize_header_is_refused(self):
        response = self.staff.get("/api/v1/me", headers={"X-Padding": "p" * 16384})
        self.assertIn(response.status, (400, 431), response)


class MisbehavingClients(BadInputTestCase):

    def test_slow_client_is_disconnected_after_the_header_timeout(self):
        with raw_connection(self.server.port, timeout=15) as sock:
            sock.sendall(b"POST /api/v1/tickets HTTP/1.1\r\nHost: t\r\n")
            # The header is never finished: the server must give up and close.
            answer = read_until_closed(sock)
        self.assertTrue(answer == b"" or answer.startswith(b"HTTP/1.1 408"), answer[:200])

    def test_client_that_stops_mid_body_is_disconnected_and_nothing_is_created(self):
        body = b'{"subject": "half", "body": "never finished"}'
        with raw_connection(self.server.port, timeout=15) as sock:
            sock.sendall(b"POST /api/v1/tickets HTTP/1.1\r\nHost: t\r\n"
                         b"Authorization: Bearer " + self.staff.token.encode() + b"\r\n"
                         b"Content-Type: application/json\r\n"
                         b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n"
                         + body[:10])
            answer = read_until_closed(sock)
        self.assertFalse(answer.startswith(b"HTTP/1.1 201"), answer[:200])

    def test_half_open_client_is_closed_and_nothing_is_created(self):
        body = b'{"subject": "half-open", "body": "peer shut its side"}'
        with raw_connection(self.server.port, timeout=15) as sock:
            sock.sendall(b"POST /api/v1/tickets HTTP/1.1\r\nHost: t\r\n"
                         b"Authorization: Bearer " + self.staff.token.encode() + b"\r\n"
                         b"Content-Type: application/json\r\n"
                         b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n"
                         + body[:20])
            sock.shutdown(socket.SHUT_WR)
            answer = read_until_closed(sock)
        self.assertFalse(answer.startswith(b"HTTP/1.1 201"), answer[:200])

    def test_idle_connection_without_a_byte_is_closed(self):
        with raw_connection(self.server.port, timeout=15) as sock:
            self.assertEqual(read_until_closed(sock), b"")


class AccessRefused(BadInputTestCase):

    def test_unauthenticated_requests_are_401(self):
        anonymous = self.server.client()
        for method, path, body in [("GET", "/api/v1/tickets", None),
                                   ("GET", "/api/v1/me", None),
                                   ("GET", f"/api/v1/tickets/{self.ticket['id']}", None),
                                   ("POST", "/api/v1/tickets", {"subject": "s", "body": "b"})]:
            with self.subTest(method=method, path=path):
                self.assertProblem(anonymous.request(method, path, body), 401)
        forged = self.server.client(token="not-a-real-token")
        self.assertProblem(forged.create_ticket(), 401)
        anonymous.cookies["hd_session"] = "forged-session"
        self.assertProblem(anonymous.get("/api/v1/me"), 401)

    def test_cookie_request_without_csrf_token_is_403(self):
        self.assertProblem(self.customer.post("/api/v1/tickets", {"subject": "s", "body": "b"},
                                              csrf=False), 403)
        self.assertProblem(self.customer.post("/api/v1/tickets", {"subject": "s", "body": "b"},
                                              csrf=False, headers={"X-CSRF-Token": "wrong"}),
                           403)
        tid = self.ticket["id"]
        self.assertProblem(self.customer.post(f"/api/v1/tickets/{tid}/messages",
                                              {"body": "no csrf"}, csrf=False), 403)
        messages = self.customer.get(f"/api/v1/tickets/{tid}/messages").json()
        items = messages["items"] if isinstance(messages, dict) else messages
        self.assertNotIn("no csrf", [m["body"] for m in items])
        # Safe methods do not need it.
        self.assertStatus(self.customer.get("/api/v1/me", csrf=False), 200)

    def test_another_customers_ticket_is_404_and_untouched(self):
        stranger, _ = self.server.customer("Stranger")
        tid = self.ticket["id"]
        before = self.staff.get(f"/api/v1/tickets/{tid}/messages").body
        self.assertProblem(stranger.get(f"/api/v1/tickets/{tid}"), 404)
        self.assertProblem(stranger.patch(f"/api/v1/tickets/{tid}", {"status": "closed"}), 404)
        self.assertProblem(stranger.post(f"/api/v1/tickets/{tid}/messages", {"body": "x"}), 404)
        self.assertProblem(stranger.post(f"/api/v1/tickets/{tid}/feedback", {"rating": 1}), 404)
        self.assertProblem(stranger.get(f"/api/v1/tickets/{tid}/events"), 404)
        # The same answer as for a ticket that does not exist at all.
        missing = stranger.get("/api/v1/tickets/987654321").json()
        hidden = stranger.get(f"/api/v1/tickets/{tid}").json()
        self.assertEqual(missing["type"], hidden["type"])
        self.assertEqual(self.staff.get(f"/api/v1/tickets/{tid}/messages").body, before)
        self.assertEqual(without_clock_ticks([self.customer.get(f"/api/v1/tickets/{tid}").json()]),
                         without_clock_ticks([self.ticket]))

    def test_customer_cannot_read_the_staff_queue(self):
        response = self.customer.get("/api/v1/tickets?scope=queue")
        self.assertProblem(response, 403)


if __name__ == "__main__":
    unittest.main()
