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
    """Checkout sessions (create, retrieve, expire), PaymentIntents (create, retrieve, cancel) and
    refunds, enough for the shop's use of Stripe."""

    def __init__(self):
        self.sessions: dict[str, dict] = {}
        self.intents: dict[str, dict] = {}
        self.idempotency_keys: list[tuple[str, str]] = []  # (path, key) of every POST that sent one
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
                if self.path.startswith("/v1/payment_intents/") and session_id in fake.intents:
                    return self._send(200, fake.intents[session_id])
                return self._send(404, {"error": {"type": "invalid_request_error", "message": "No such session"}})

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                form = _form(self.rfile.read(length))
                fake.requests.append(("POST", self.path))
                key = self.headers.get("Idempotency-Key", "")
                if key:
                    fake.idempotency_keys.append((self.path, key))
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
                elif self.path == "/v1/payment_intents":
                    result = fake.create_intent(form)
                elif self.path.startswith("/v1/payment_intents/") and self.path.endswith("/cancel"):
                    intent = fake.intents.get(self.path.split("/")[-2])
                    if intent is None or intent["status"] in ("succeeded", "processing", "canceled"):
                        return self._send(400, {"error": {
                            "type": "invalid_request_error",
                            "message": "You cannot cancel this PaymentIntent because it has a status of "
                            f"{intent and intent['status']}.",
                        }})
                    intent.update(status="canceled")
                    result = intent
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
            # Stripe's real host, so the site's form-action rule for it is used; browser tests answer
            # it themselves (nothing here is ever fetched from the internet).
            "url": f"https://checkout.stripe.com/c/pay/cs_test_{n}",
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

    def create_intent(self, form: dict) -> dict:
        n = next(_ids)
        intent = {
            "id": f"pi_test_{n}",
            "object": "payment_intent",
            "amount": int(form["amount"]),
            "amount_received": 0,
            "currency": form["currency"],
            "status": "requires_payment_method",
            "client_secret": f"pi_test_{n}_secret_fake",
            "description": form.get("description"),
            "automatic_payment_methods": {"enabled": form.get("automatic_payment_methods[enabled]") == "true"},
            "last_payment_error": None,
            "metadata": {k[len("metadata["):-1]: v for k, v in form.items() if k.startswith("metadata[")},
        }
        self.intents[intent["id"]] = intent
        return intent

    def set_intent(self, intent_id: str, status: str, **changes) -> dict:
        """Move an intent on as Stripe would after the customer's card was tried: "succeeded"
        (the whole amount received), "processing", "requires_action", or "declined" (back to
        requires_payment_method with the card error Stripe reports)."""
        intent = self.intents[intent_id]
        if status == "declined":
            error = {"type": "card_error", "code": "card_declined", "message": "Your card has insufficient funds."}
            intent.update(status="requires_payment_method", last_payment_error=error)
        else:
            received = intent["amount"] if status == "succeeded" else 0
            intent.update(status=status, amount_received=received, last_payment_error=None)
        intent.update(changes)
        return intent

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
