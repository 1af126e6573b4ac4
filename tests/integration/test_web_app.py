"""The web app built into the binary, as a browser receives it from
`helpdesk serve` with no web_root: index.html revalidated by ETag, hashed
assets cached for a year, pre-compressed variants by Accept-Encoding, a
strict Content Security Policy, and a first load under 200 KB of compressed
JavaScript."""

import gzip
import re
import unittest

from harness import ServerTestCase

ASSET = re.compile(r'(?:src|href)="(/assets/[^"]+)"')
JS_BUDGET = 200 * 1024


class WebAppTest(ServerTestCase):
    def setUp(self):
        self.browser = self.server.client()
        self.index = self.browser.get("/")

    def test_index_is_html_revalidated_by_etag_under_a_strict_policy(self):
        self.assertEqual(self.index.status, 200)
        self.assertTrue(self.index.header("Content-Type").startswith("text/html"))
        self.assertEqual(self.index.header("Cache-Control"), "no-cache")
        policy = self.index.header("Content-Security-Policy")
        self.assertIn("script-src 'self'", policy)
        self.assertIn("frame-ancestors 'none'", policy)
        self.assertNotIn("unsafe-inline", policy)
        etag = self.index.header("ETag")
        self.assertRegex(etag, r'^"[0-9a-f]+"$')
        again = self.browser.get("/", headers={"If-None-Match": etag})
        self.assertEqual(again.status, 304)
        self.assertEqual(again.body, b"")
        self.assertEqual(self.browser.get("/index.html").body, self.index.body)

    def test_index_runs_no_inline_script_and_names_hashed_assets(self):
        html = self.index.text()
        for tag in re.findall(r"<script\b[^>]*>", html):
            self.assertIn("src=", tag, "an inline script would break the CSP")
        self.assertNotRegex(html, r"\sstyle=")
        assets = ASSET.findall(html)
        self.assertTrue(any(a.endswith(".js") for a in assets), html)
        self.assertTrue(any(a.endswith(".css") for a in assets), html)
        for asset in assets:
            self.assertRegex(asset, r"-[A-Za-z0-9_-]{8,}\.(js|css)$", "a content hash in the name")

    def test_assets_are_immutable_and_sent_compressed_when_accepted(self):
        js_brotli = 0
        for asset in ASSET.findall(self.index.text()):
            plain = self.browser.get(asset, headers={"Accept-Encoding": "identity"})
            self.assertEqual(plain.status, 200, asset)
            self.assertIsNone(plain.header("Content-Encoding"))
            self.assertEqual(plain.header("Cache-Control"), "public, max-age=31536000, immutable")
            self.assertEqual(plain.header("X-Content-Type-Options"), "nosniff")
            zipped = self.browser.get(asset, headers={"Accept-Encoding": "gzip"})
            self.assertEqual(zipped.header("Content-Encoding"), "gzip", asset)
            self.assertEqual(gzip.decompress(zipped.body), plain.body)
            self.assertEqual(zipped.header("Vary"), "Accept-Encoding")
            self.assertNotEqual(zipped.header("ETag"), plain.header("ETag"))
            brotli = self.browser.get(asset, headers={"Accept-Encoding": "gzip, deflate, br"})
            self.assertEqual(brotli.header("Content-Encoding"), "br", asset)
            self.assertLess(len(brotli.body), len(zipped.body))
            if asset.endswith(".js"):
                js_brotli += len(brotli.body)
        self.assertLess(js_brotli, JS_BUDGET)

    def test_unknown_files_and_api_paths_are_not_the_app(self):
        self.assertEqual(self.browser.get("/assets/nope-12345678.js").status, 404)
        self.assertEqual(self.browser.get("/../etc/passwd").status, 404)
        missing = self.browser.get("/api/v1/nothing-here")
        self.assertEqual(missing.status, 404)
        self.assertTrue(missing.header("Content-Type").startswith("application/problem+json"))
        head = self.browser.request("HEAD", "/")
        self.assertEqual(head.status, 200)
        self.assertEqual(head.body, b"")


if __name__ == "__main__":
    unittest.main()
