"""Pagination, attachments, login throttling and the operator endpoints."""

import hashlib
import os
import re
import unittest

from harness import (PASSWORD, ServerTestCase, backend, multipart, unique_email,
                     without_clock_ticks)

MAX_ATTACHMENT = 100_000


class CursorPagination(ServerTestCase):

    def test_queue_pages_cover_every_ticket_once_in_order(self):
        staff, _ = self.server.staff_client("l1_operator")
        created = [self.assertStatus(staff.create_ticket(subject=f"page {i}"), 201).json()["id"]
                   for i in range(7)]
        pages, cursor = [], None
        for _ in range(10):
            url = "/api/v1/tickets?scope=queue&limit=3" + (f"&cursor={cursor}" if cursor else "")
            page = self.assertStatus(staff.get(url), 200).json()
            pages.append([t["id"] for t in page["items"]])
            cursor = page["next_cursor"]
            if not cursor:
                break
        self.assertEqual([len(p) for p in pages], [3, 3, 1])
        seen = [tid for page in pages for tid in page]
        self.assertEqual(sorted(seen), sorted(created))
        self.assertEqual(len(set(seen)), len(seen))
        self.assertIn(seen, (sorted(seen), sorted(seen, reverse=True)))

    def test_status_filter_and_bad_cursor(self):
        staff, _ = self.server.staff_client("l1_operator")
        tid = self.assertStatus(staff.create_ticket(subject="to close"), 201).json()["id"]
        etag = staff.get(f"/api/v1/tickets/{tid}").header("ETag")
        # The ticket runs on the process: its status changes by a transition.
        self.assertStatus(staff.post(f"/api/v1/tickets/{tid}/transitions/answer_off_topic", {},
                                     headers={"If-Match": etag}), 200)
        closed = staff.list_all("/api/v1/tickets?scope=queue&status=closed")
        self.assertIn(tid, [t["id"] for t in closed])
        self.assertTrue(all(t["status"] == "closed" for t in closed))
        self.assertProblem(staff.get("/api/v1/tickets?scope=queue&cursor=garbage!"), 422,
                           field="cursor")
        self.assertProblem(staff.get("/api/v1/tickets?scope=queue&limit=0"), 422, field="limit")


class QueueFilters(ServerTestCase):

    def test_queue_filters_by_level_criticality_channel_category_and_assignee(self):
        staff, _ = self.server.staff_client("l1_operator")
        me = staff.get("/api/v1/me").json()
        my_id = (me.get("user") or me)["id"]
        customer, _ = self.server.customer()
        by_web = self.assertStatus(customer.create_ticket(subject="filters: web", category="licence"),
                                   201).json()
        by_api = self.assertStatus(staff.create_ticket(subject="filters: api"), 201).json()
        self.assertStatus(staff.patch(f"/api/v1/tickets/{by_api['id']}",
                                      {"criticality": "critical", "assignee_id": my_id},
                                      headers={"If-Match": f'"{by_api["version"]}"'}), 200)

        def ids(query):
            return {t["id"] for t in staff.list_all("/api/v1/tickets?scope=queue&" + query)}

        self.assertIn(by_api["id"], ids("criticality=critical,high"))
        self.assertNotIn(by_web["id"], ids("criticality=critical,high"))
        self.assertIn(by_web["id"], ids("channel=web"))
        self.assertNotIn(by_api["id"], ids("channel=web"))
        self.assertEqual(ids(f"assignee={my_id}") & {by_web["id"], by_api["id"]}, {by_api["id"]})
        level = by_web["level"]
        self.assertTrue(all(t["level"] == level
                            for t in staff.list_all(f"/api/v1/tickets?scope=queue&level={level}")))
        category = by_web["category"]
        self.assertIn(by_web["id"], ids(f"category={category}"))
        self.assertNotIn(by_web["id"], ids("category=no-such-category"))
        self.assertProblem(staff.get("/api/v1/tickets?scope=queue&criticality=urgent"), 422,
                           field="criticality")
        self.assertProblem(staff.get("/api/v1/tickets?scope=queue&channel=fax"), 422,
                           field="channel")
        self.assertProblem(staff.get("/api/v1/tickets?scope=queue&level=a;b"), 422, field="level")
        self.assertProblem(customer.get(f"/api/v1/tickets?assignee={my_id}"), 422,
                           field="assignee")


class Attachments(ServerTestCase):
    server_settings = {"attachments.max_bytes": str(MAX_ATTACHMENT)}

    def post_multipart(self, client, path, fields, files):
        body, content_type = multipart(fields, files)
        return client.post(path, body, headers={"Content-Type": content_type})

    def messages(self, client, tid):
        listed = self.assertStatus(client.get(f"/api/v1/tickets/{tid}/messages"), 200).json()
        return listed["items"] if isinstance(listed, dict) else listed

    def test_uploaded_files_download_byte_for_byte_only_by_readers(self):
        customer, _ = self.server.customer()
        screenshot = bytes(range(256)) * 100
        log = b"2024-05-01 ERROR licence check failed\n" * 50
        created = self.post_multipart(
            customer, "/api/v1/tickets",
            {"subject": "Crash on start", "body": "See the screenshot and log.",
             "category": "product", "steps": "Start the app"},
            [("attachments", "screen.png", "image/png", screenshot),
             ("attachments", "app.log", "text/plain", log)])
        self.assertStatus(created, 201)
        ticket = created.json()
        self.assertEqual(ticket["steps"], "Start the app")

        first = self.messages(customer, ticket["id"])[0]
        files = {a["filename"]: a for a in first["attachments"]}
        self.assertEqual(set(files), {"screen.png", "app.log"})
        for name, data in (("screen.png", screenshot), ("app.log", log)):
            meta = files[name]
            self.assertEqual(meta["size"], len(data))
            self.assertEqual(meta["sha256"], hashlib.sha256(data).hexdigest())
            download = self.assertStatus(customer.get(meta["url"]), 200)
            self.assertEqual(download.body, data)
        self.assertTrue(files["screen.png"]["content_type"].startswith("image/png"))

        stranger, _ = self.server.customer()
        self.assertProblem(stranger.get(files["app.log"]["url"]), 404)
        agent, _ = self.server.staff_client("l1_operator")
        self.assertEqual(agent.get(files["app.log"]["url"]).body, log)

        reply = self.post_multipart(agent, f"/api/v1/tickets/{ticket['id']}/messages",
                                    {"body": "Here is the fixed config."},
                                    [("attachments", "fixed.conf", "text/plain", b"key=1\n")])
        self.assertStatus(reply, 201)
        sent = reply.json()["attachments"][0]
        self.assertEqual(customer.get(sent["url"]).body, b"key=1\n")
        self.assertIn("attachment_added",
                      [e["kind"] for e in agent.get(
                          f"/api/v1/tickets/{ticket['id']}/events").json()["items"]])

    def test_only_safe_types_are_shown_inline_the_rest_is_bytes_to_save(self):
        customer, _ = self.server.customer()
        page = b"<html><script>alert(document.cookie)</script></html>"
        created = self.post_multipart(
            customer, "/api/v1/tickets",
            {"subject": "Files", "body": "Three files.", "category": "product"},
            [("attachments", "shot.png", "image/png", b"\x89PNG\r\n\x1a\n"),
             ("attachments", "page.html", "text/html", page),
             ("attachments", "logo.svg", "image/svg+xml", b"<svg onload='alert(1)'/>")])
        self.assertStatus(created, 201)
        first = self.messages(customer, created.json()["id"])[0]
        served = {}
        for meta in first["attachments"]:
            download = self.assertStatus(customer.get(meta["url"]), 200)
            served[meta["filename"]] = (download.header("Content-Type"),
                                        download.header("Content-Disposition").split(";")[0],
                                        download.header("Content-Security-Policy"),
                                        download.header("X-Content-Type-Options"))
        self.assertEqual(served["shot.png"][:2], ("image/png", "inline"))
        for name in ("page.html", "logo.svg"):
            self.assertEqual(served[name][:2], ("application/octet-stream", "attachment"), name)
        for name, (_, _, policy, nosniff) in served.items():
            self.assertIn("default-src 'none'", policy, name)
            self.assertEqual(nosniff, "nosniff", name)

    def test_oversize_attachment_is_413_and_creates_nothing(self):
        staff, _ = self.server.staff_client("l1_operator")
        before = staff.list_all("/api/v1/tickets?scope=queue")
        response = self.post_multipart(
            staff, "/api/v1/tickets", {"subject": "huge", "body": "too big"},
            [("attachments", "dump.bin", "application/octet-stream",
              b"\x01" * (MAX_ATTACHMENT + 1))])
        self.assertProblem(response, 413)
        self.assertEqual(without_clock_ticks(staff.list_all("/api/v1/tickets?scope=queue")),
                         without_clock_ticks(before))


class LoginThrottling(ServerTestCase):
    server_settings = {"auth.login_max_failures": "3"}

    def test_repeated_failures_are_throttled_with_429(self):
        client = self.server.client()
        email = unique_email("throttled")
        self.assertStatus(client.register(email, PASSWORD, "Throttled"), 201)
        other = self.server.client()
        for _ in range(3):
            self.assertProblem(other.login(email, "wrong password!"), 401)
        throttled = other.login(email, "wrong password!")
        self.assertProblem(throttled, 429)
        # The throttle lifts when the oldest counted failure leaves the
        # 15-minute window: not before, and the header says when.
        self.assertTrue(850 <= int(throttled.header("Retry-After")) <= 900,
                        throttled.header("Retry-After"))
        # Even the right password is refused while throttled.
        self.assertProblem(other.login(email, PASSWORD), 429)
        self.assertNotIn("hd_session", other.cookies)


class SignupThrottling(ServerTestCase):
    server_settings = {"auth.signups_per_hour": "2"}

    def test_sign_ups_from_one_address_are_limited_per_hour(self):
        for n in range(2):
            self.assertStatus(self.server.client().register(
                unique_email(f"signup{n}"), PASSWORD, "New"), 201)
        refused = self.server.client().register(unique_email("signup3"), PASSWORD, "New")
        self.assertProblem(refused, 429)
        self.assertTrue(3500 <= int(refused.header("Retry-After")) <= 3600,
                        refused.header("Retry-After"))
        # Log-ins are not sign-ups: an existing account still logs in.
        staff, _ = self.server.staff_client("l1_operator")
        self.assertStatus(staff.get("/api/v1/me"), 200)


class LoginFailures(ServerTestCase):

    def test_wrong_email_and_wrong_password_look_the_same(self):
        client = self.server.client()
        email = unique_email("known")
        self.assertStatus(client.register(email, PASSWORD, "Known"), 201)
        unknown = self.server.client().login(unique_email("unknown"), "whatever123")
        wrong = self.server.client().login(email, "whatever123")
        self.assertProblem(unknown, 401)
        self.assertProblem(wrong, 401)
        self.assertEqual(unknown.json()["detail"], wrong.json()["detail"])


class OperatorEndpoints(ServerTestCase):

    def test_health_readiness_and_metrics(self):
        client = self.server.client()
        self.assertStatus(client.register(unique_email("ops"), PASSWORD, "Ops"), 201)
        self.assertStatus(client.get("/healthz"), 200)
        self.assertStatus(client.get("/readyz"), 200)
        self.assertProblem(client.get("/api/v1/no-such-route"), 404)
        metrics = self.assertStatus(client.get("/metrics"), 200)
        self.assertTrue(metrics.header("Content-Type").startswith("text/plain"))
        text = metrics.text()
        self.assertIn("# TYPE hd_http_requests_total counter", text)
        healthz = re.search(r'hd_http_requests_total\{route="/healthz",method="GET",'
                            r'status="200"\} (\d+)', text)
        self.assertIsNotNone(healthz, text)
        self.assertGreaterEqual(int(healthz.group(1)), 1)
        self.assertRegex(text, r"hd_http_request_duration_seconds_count \d+")
        if backend() == "sqlite":
            # The registration was a durable write of the SQLite writer.
            writes = re.search(r"^hd_sqlite_writes_total (\d+)$", text, re.M)
            self.assertIsNotNone(writes, text)
            self.assertGreaterEqual(int(writes.group(1)), 1)
            self.assertRegex(text, r"(?m)^hd_sqlite_wal_syncs_total [1-9]\d*$")
            self.assertIn("# TYPE hd_sqlite_wal_restarts_total counter", text)
            self.assertIn("# TYPE hd_sqlite_checkpoints_total counter", text)


class SecurityHeaders(ServerTestCase):
    server_settings = {"http.web_root": os.path.join(os.path.dirname(__file__), "..", "..", "web")}

    def test_pages_may_load_only_their_own_origin_and_never_sit_in_a_frame(self):
        page = self.assertStatus(self.server.client().get("/"), 200)
        self.assertTrue(page.header("Content-Type").startswith("text/html"))
        policy = page.header("Content-Security-Policy")
        for directive in ("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'"):
            self.assertIn(directive, policy)
        self.assertNotIn("unsafe-inline", policy)
        self.assertEqual(page.header("Referrer-Policy"), "no-referrer")
        self.assertEqual(page.header("X-Content-Type-Options"), "nosniff")

    def test_every_api_answer_and_error_carries_the_headers(self):
        staff, _ = self.server.staff_client("l1_operator")
        for response in (staff.get("/api/v1/me"), self.server.client().get("/api/v1/me"),
                         staff.get("/api/v1/nowhere")):
            self.assertIn("frame-ancestors 'none'", response.header("Content-Security-Policy"))
            self.assertEqual(response.header("X-Content-Type-Options"), "nosniff")
            self.assertEqual(response.header("Referrer-Policy"), "no-referrer")


if __name__ == "__main__":
    unittest.main()
