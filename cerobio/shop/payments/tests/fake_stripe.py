"""A stand-in for Stripe's servers (the only thing faked): the real Stripe SDK talks to it over HTTP."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl

_ids = itertools.count(1)


def _form(body: bytes) -> dict:
    return dict(parse_qsl(body.decode(), keep_blank_values=True))


class FakeStripe:
    """Checkout sessions (create, retrieve, expire) and refunds, enough for the shop's use of Stripe."""

    def __init__(self):
        self.sessions: dict[str, dict] = {}
        self.by_idempotency: dict[str, dict] = {}
        self.refunds: list[dict] = []
        self.requests: list[tuple[str, str]] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _send(self, status: int, data: dict):
                body = json.dumps(data).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Request-Id", f"req_{next(_ids)}")
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):
                fake.requests.append(("GET", self.path))
                session_id = self.path.split("?")[0].rsplit("/", 1)[-1]
                if self.path.startswith("/v1/checkout/sessions/") and session_id in fake.sessions:
                    return self._send(200, fake.sessions[session_id])
                return self._send(404, {"error": {"type": "invalid_request_error", "message": "No such session"}})

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                form = _form(self.rfile.read(length))
                fake.requests.append(("POST", self.path))
                key = self.headers.get("Idempotency-Key", "")
                if key and key in fake.by_idempotency:
                    return self._send(200, fake.by_idempotency[key])
                if self.path == "/v1/checkout/sessions":
                    result = fake.create_session(form)
                elif self.path.startswith("/v1/checkout/sessions/") and self.path.endswith("/expire"):
                    session = fake.sessions.get(self.path.split("/")[-2])
                    if session is None or session["status"] != "open":
                        return self._send(400, {"error": {
                            "type": "invalid_request_error",
                            "message": "Only Checkout Sessions with a status in [\"open\"] can be expired.",
                        }})
                    session.update(status="expired")
                    result = session
                elif self.path == "/v1/refunds":
                    result = {"id": f"re_{next(_ids)}", "object": "refund", "amount": int(form["amount"]), "status": "succeeded"}
                    fake.refunds.append(result)
                else:
                    return self._send(404, {"error": {"type": "invalid_request_error", "message": "Unknown path"}})
                if key:
                    fake.by_idempotency[key] = result
                return self._send(200, result)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def create_session(self, form: dict) -> dict:
        total, i = 0, 0
        while f"line_items[{i}][quantity]" in form:
            total += int(form[f"line_items[{i}][quantity]"]) * int(form[f"line_items[{i}][price_data][unit_amount]"])
            i += 1
        n = next(_ids)
        session = {
            "id": f"cs_test_{n}",
            "object": "checkout.session",
            "url": f"https://checkout.stripe.test/c/pay/cs_test_{n}",
            "status": "open",
            "payment_status": "unpaid",
            "amount_total": total,
            "currency": form.get("currency", "gbp"),
            "client_reference_id": form.get("client_reference_id"),
            "customer_email": form.get("customer_email"),
            "expires_at": int(form["expires_at"]),
            "payment_intent": f"pi_test_{n}",
            "metadata": {k[len("metadata["):-1]: v for k, v in form.items() if k.startswith("metadata[")},
        }
        self.sessions[session["id"]] = session
        return session

    def pay(self, session_id: str) -> dict:
        self.sessions[session_id].update(status="complete", payment_status="paid")
        return self.sessions[session_id]

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


def signed_event(secret: str, event_id: str, kind: str, session: dict, timestamp: int | None = None) -> tuple[bytes, str]:
    """An event body and its Stripe-Signature header, computed as Stripe does (HMAC-SHA256 of "t.body")."""
    timestamp = timestamp or int(time.time())
    payload = json.dumps(
        {"id": event_id, "object": "event", "type": kind, "created": timestamp, "livemode": False,
         "api_version": "2025-01-27.acacia", "data": {"object": session}}
    )
    signature = hmac.new(secret.encode(), f"{timestamp}.{payload}".encode(), hashlib.sha256).hexdigest()
    return payload.encode(), f"t={timestamp},v1={signature}"
