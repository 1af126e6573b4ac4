"""The checker every integration test's answers go through (contract.py)
catches what it must: an undocumented route, method or status, and a body
that does not fit its schema. No server needed."""

import json
import unittest

from contract import Contract, ContractError

PROBLEM = "application/problem+json"


class ContractChecks(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.contract = Contract()

    def test_a_documented_answer_passes(self):
        body = json.dumps({"status": "ok"}).encode()
        self.contract.check("GET", "/healthz", 200, "application/json", body)
        problem = json.dumps({"type": "urn:helpdesk:problem:not-found", "title": "Not Found",
                              "status": 404, "detail": "no such ticket"}).encode()
        self.contract.check("GET", "/api/v1/tickets/7", 404, PROBLEM, problem)

    def test_an_undocumented_status_fails(self):
        with self.assertRaises(ContractError) as caught:
            self.contract.check("GET", "/api/v1/tickets/7", 418, PROBLEM, b"{}")
        self.assertIn("418 is not documented", str(caught.exception))

    def test_an_undocumented_api_path_fails(self):
        with self.assertRaises(ContractError):
            self.contract.check("GET", "/api/v1/no-such-thing/3", 200, "application/json", b"{}")

    def test_a_body_that_breaks_its_schema_fails(self):
        problem = json.dumps({"type": "urn:helpdesk:problem:x", "title": "Bad",
                              "status": "404", "detail": "status is a string"}).encode()
        with self.assertRaises(ContractError) as caught:
            self.contract.check("GET", "/api/v1/tickets/7", 404, PROBLEM, problem)
        self.assertIn("status", str(caught.exception))


if __name__ == "__main__":
    unittest.main()
