// Checkout enhancement; the page works without this file.
// A new country brings its delivery options, prices and address labels at once: the form is sent
// with action=refresh (what the "Update delivery options" button does) and the parts that depend on
// the country are taken from the answer. Card fields and everything else typed stay as they are.
// If anything goes wrong, the form is submitted the ordinary way.
const form = document.querySelector("form.checkout");
const country = form && form.querySelector("#country");
const refresh = form && form.querySelector('button[name="action"][value="refresh"]');
const status = document.getElementById("delivery-status");
const PARTS = ["checkout-summary", "checkout-local-address", "checkout-delivery", "checkout-pay"];
const WAIT_MS = 350; // arrow keys on a closed <select> change it at every press: wait for a pause

if (country && refresh && window.fetch && window.DOMParser) {
  let timer;
  let pending;
  form.classList.add("checkout--live");

  const update = async () => {
    if (pending) pending.abort();
    const mine = new AbortController();
    pending = mine;
    const data = new FormData(form);
    data.set("action", "refresh");
    for (const name of ["card_number", "card_expiry", "card_cvc", "card_name"]) data.delete(name);
    form.setAttribute("aria-busy", "true");
    try {
      // getAttribute: form.action would be the buttons named "action"
      const response = await fetch(form.getAttribute("action"), {
        method: "POST",
        body: data,
        credentials: "same-origin",
        signal: mine.signal,
      });
      if (!response.ok) throw new Error(`The checkout answered ${response.status}`);
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      for (const id of PARTS) {
        const now = document.getElementById(id);
        const next = page.getElementById(id);
        if (!now || !next) throw new Error(`The checkout's answer has no #${id}`);
        now.replaceWith(document.adoptNode(next));
      }
      const name = country.options[country.selectedIndex].text;
      status.textContent = `Delivery options and prices are now for ${name}.`;
    } catch (error) {
      if (error.name !== "AbortError") form.requestSubmit(refresh);
    } finally {
      if (pending === mine) form.removeAttribute("aria-busy");
    }
  };

  country.addEventListener("change", () => {
    clearTimeout(timer);
    timer = setTimeout(update, WAIT_MS);
  });
}
