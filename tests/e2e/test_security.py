"""The Content-Security-Policy in a real browser: Chromium reports no violation on the main page types.

A listener for `securitypolicyviolation` is installed in every document before its own scripts run;
console errors (where Chromium also reports a blocked inline style or script) are collected by the
`page` fixture. A deliberate inline style first proves the policy is enforced and the listener hears it.
"""

import re

from .conftest import DESKTOP, PHONE, create_admin_user, manage, sign_in_to_admin

PRODUCT = "/shop/cerobio-exfoliating-kit/"
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`);
});
"""


def open_page(new_page, viewport):
    page = new_page(viewport)
    page.context.add_init_script(LISTEN)
    page.seen = []
    return page


def visit(page, response, where: str, status: int = 200):
    """Check the page now shown: strict policy header, no violation reported, no console error."""
    assert response.status == status, (where, response.status)
    policy = response.headers["content-security-policy"]
    script_src = re.search(r"script-src ([^;]*)", policy).group(1)
    assert script_src.strip() == "'self'", (where, policy)
    page.wait_for_load_state("load")
    violations = page.evaluate("window.__cspViolations")
    assert violations == [], (where, violations)
    errors = [e for e in page.console_errors if not (status == 404 and "404 (Not Found)" in e)]
    assert errors == [], (where, errors)
    page.seen.append(where)


def test_the_policy_is_enforced_and_reported(new_page):
    page = open_page(new_page, PHONE)
    page.goto(page.base_url + "/")
    page.evaluate(
        "document.body.insertAdjacentHTML('beforeend', '<p id=probe style=\"color: red\">x</p>')"
    )
    page.wait_for_function("window.__cspViolations.length > 0")
    assert page.evaluate("window.__cspViolations")[0].startswith("style-src-attr blocked inline")
    assert (
        page.evaluate("getComputedStyle(document.getElementById('probe')).color")
        != "rgb(255, 0, 0)"
    )


def test_no_violation_on_the_main_page_types(new_page):
    for viewport in (PHONE, DESKTOP):
        page = open_page(new_page, viewport)
        base = page.base_url
        visit(page, page.goto(base + "/"), "home")
        # JSON-LD blocks are data: present, readable, and not reported as blocked scripts.
        assert page.locator('script[type="application/ld+json"]').count() >= 1
        visit(page, page.goto(base + "/types/milia-en-plaque/"), "subtype page")
        visit(page, page.goto(base + "/search/?q=milk+spots"), "search")

        visit(page, page.goto(base + "/identify/"), "identifier intro")
        with page.expect_response(
            lambda r: r.url.endswith("/identify/") and r.request.method == "POST"
        ) as answer:
            page.click('button[value="start"]')
        visit(page, answer.value, "identifier step 1")
        page.check("#age_group-adult")
        with page.expect_response(
            lambda r: r.url.endswith("/identify/") and r.request.method == "POST"
        ) as answer:
            page.click('button[value="next"]')
        visit(page, answer.value, "identifier step 2 (body map)")
        # The progress bar and the body map are drawn without style attributes, at the right size.
        assert page.locator(".identify-progress__done").get_attribute("width") == "14"
        canvas = page.locator(".bodymap__canvas").first.bounding_box()
        assert canvas["height"] > canvas["width"] * 0.5

        visit(page, page.goto(base + PRODUCT), "product page")
        assert page.locator('script[type="application/ld+json"]').count() >= 1
        with page.expect_response(
            lambda r: r.url.endswith("/basket/") and r.request.method == "GET"
        ) as basket:
            page.click("form.buy-box button[type=submit]")
        visit(page, basket.value, "basket")
        visit(page, page.goto(base + "/checkout/"), "checkout")
        visit(page, page.goto(base + "/no-such-page/"), "page not found", status=404)
        assert len(page.seen) == 10, page.seen


def preview_heading(page, timeout_s: float = 15) -> str:
    """The <h1> shown in the preview panel, once Wagtail has swapped in the loaded preview frame."""
    for _ in range(int(timeout_s * 5)):
        for frame in page.frames:
            if "/edit/preview/" in frame.url and frame.locator("h1").count():
                return frame.locator("h1").first.inner_text()
        page.wait_for_timeout(200)
    return ""


def test_the_admin_and_its_preview_work_under_the_admin_policy(new_page):
    """Wagtail's admin keeps its inline scripts and styles, loads nothing from elsewhere, and its
    preview panel can frame the page being edited (frame-ancestors 'self', X-Frame-Options SAMEORIGIN)."""
    page = open_page(new_page, DESKTOP)
    create_admin_user("csp-checker", "a-long-admin-password-1")
    sign_in_to_admin(page, "csp-checker", "a-long-admin-password-1")
    causes = manage(
        "shell",
        "--no-imports",
        "-c",
        "from wagtail.models import Page; print(Page.objects.get(slug='causes').pk)",
    )
    for path in ("/admin/", "/admin/images/multiple/add/", "/django-admin/"):
        response = page.goto(page.base_url + path)
        assert "'unsafe-inline'" in response.headers["content-security-policy"], path
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__cspViolations") == [], path
    page.goto(f"{page.base_url}/admin/pages/{causes.strip()}/edit/")
    with page.expect_response(
        lambda r: "/edit/preview/" in r.url and r.request.method == "GET"
    ) as preview:
        page.locator('[data-side-panel-toggle="preview"]').click()
    assert preview.value.headers["x-frame-options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in preview.value.headers["content-security-policy"]
    assert "What causes milia?" in preview_heading(page)
    for frame in page.frames:
        assert frame.evaluate("window.__cspViolations") == [], frame.url
    assert [
        e for e in page.console_errors if "Content Security Policy" in e or "Refused" in e
    ] == []
