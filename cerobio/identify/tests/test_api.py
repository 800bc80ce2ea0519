"""The JSON API: documented in OpenAPI, one error shape, the allowed values listed on a 422."""

import pytest

from cerobio.identify.answers import QUESTIONS

URL = "/api/v1/identify"


def post(client, body):
    return client.post(URL, body, content_type="application/json")


def test_the_response_shape(client, demo_db):
    response = post(client, {"age_group": "newborn", "sites": ["nose"], "onset": "at_birth"})
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store, private"
    data = response.json()
    assert set(data) == {
        "matches", "less_likely", "red_flags", "advice", "safety_net", "not_a_diagnosis", "product_suggested"
    }
    best = data["matches"][0]
    assert best == {
        "slug": "congenital-milia",
        "name": best["name"],
        "kind": "primary",
        "fit": "strong",
        "reasons": best["reasons"],
        "url": "/types/congenital-milia/",
    }
    assert "you said they were there from birth or the first weeks" in best["reasons"]
    assert [card["key"] for card in data["safety_net"]] == [
        "safety-net-newborn-urgent", "safety-net-newborn-gp", "safety-net-changes", "safety-net-route"
    ]
    assert all(card["heading"] and card["text"] and "<" not in card["text"] for card in data["safety_net"])


def test_less_likely_descriptions_come_apart_and_say_what_is_missing(client, demo_db):
    data = post(client, {"age_group": "adult", "sites": ["hands"], "look": ["white_dome"], "count": "few",
                         "history": ["burn_or_injury"]}).json()
    assert [m["slug"] for m in data["matches"]] == ["trauma-associated-milia"]
    less = {m["slug"]: m for m in data["less_likely"]}
    assert "disease-associated-milia" in less and less["disease-associated-milia"]["fit"] == "weak"
    assert less["disease-associated-milia"]["reasons"][-1] == "but you did not say: where blisters were"
    assert "syringoma" not in less  # never found on the hands


def test_the_openapi_document_describes_less_likely_and_the_safety_net(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    out = schema["components"]["schemas"]["IdentifyOut"]
    assert {"less_likely", "safety_net"} <= set(out["properties"])
    assert "less likely" in out["properties"]["less_likely"]["description"].lower()
    assert out["properties"]["matches"]["maxItems"] == 3


def test_look_alikes_point_at_their_section(client, demo_db):
    data = post(client, {"look": ["central_dip"]}).json()
    assert data["matches"][0]["url"] == "/look-alikes/#molluscum-contagiosum"
    assert data["matches"][0]["kind"] == "look-alike"


def test_every_field_is_optional(client, demo_db):
    assert post(client, {}).status_code == 200
    empty = client.post(URL, "", content_type="application/json")  # no JSON object at all
    assert empty.status_code == 422 and empty.json()["code"] == "invalid_request"


def test_an_unknown_field_lists_the_allowed_fields(client, demo_db):
    response = post(client, {"colour": "white"})
    assert response.status_code == 422
    data = response.json()
    assert data["code"] == "invalid_request" and data["message"]
    error = data["errors"][0]
    assert error["field"] == "colour"
    assert error["allowed"] == [q.key for q in QUESTIONS]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"age_group": "baby"}, "age_group"),
        ({"sites": ["nose", "moon"]}, "sites[1]"),
        ({"look": ["sparkly"]}, "look[0]"),
        ({"count": "two"}, "count"),
        ({"onset": "yesterday"}, "onset"),
        ({"history": ["cat"]}, "history[0]"),
        ({"symptoms": ["hungry"]}, "symptoms[0]"),
        ({"sites": "nose"}, "sites"),
    ],
)
def test_an_unknown_value_lists_the_allowed_values(client, demo_db, body, field):
    response = post(client, body)
    assert response.status_code == 422
    error = response.json()["errors"][0]
    key = next(iter(body))
    allowed = next(q.values for q in QUESTIONS if q.key == key)
    assert error["field"] == field
    assert error["allowed"] == list(allowed)
    assert "Allowed: " + ", ".join(allowed) in error["message"]


def test_errors_never_echo_the_answers(client, demo_db):
    text = post(client, {"sites": ["nose", "secret-value"]}).content.decode()
    assert "secret-value" not in text


def test_a_body_that_is_not_json(client, demo_db):
    response = client.post(URL, "{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {"code": "bad_request", "message": "Cannot parse request body", "errors": []}


def test_a_wrong_method_and_an_unknown_address_use_the_error_shape(client, db):
    response = client.get(URL)
    assert response.status_code == 405 and response["Allow"] == "POST"
    assert response.json()["code"] == "method_not_allowed"
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404 and response.json()["code"] == "not_found"


def test_the_openapi_document_describes_the_endpoint(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["info"]["title"] == "Cerobio API"
    operation = schema["paths"]["/api/v1/identify"]["post"]
    assert set(operation["responses"]) >= {"200", "422"}
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    ref = body["$ref"].rsplit("/", 1)[-1]
    request = schema["components"]["schemas"][ref]
    assert request["additionalProperties"] is False
    assert set(request["properties"]) == {q.key for q in QUESTIONS}
    assert client.get("/api/v1/docs").status_code == 200
