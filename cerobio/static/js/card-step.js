// The card step: Stripe's Payment Element for this order's PaymentIntent (docs/shop.md, "Payments").
// Without this file, or if Stripe.js (loaded just before it) did not arrive, the page's "Continue to
// Stripe's page" button pays on Stripe's hosted Checkout instead: nothing here is needed to pay.
// The browser never decides that the order is paid: Stripe returns the customer to return_url, and
// the server asks Stripe there.
const form = document.getElementById("card-form");
const summary = document.getElementById("error-summary");
if (summary) summary.focus(); // back after a declined payment: keyboard and screen reader users hear why first


if (form && typeof window.Stripe === "function") {
  const error = document.getElementById("card-error");
  const status = document.getElementById("card-status");
  const pay = document.getElementById("card-pay");
  const hosted = document.getElementById("hosted-pay");
  const css = getComputedStyle(document.documentElement);
  const token = (name) => css.getPropertyValue(name).trim() || undefined;

  const stripe = window.Stripe(form.dataset.publishableKey);
  const elements = stripe.elements({
    clientSecret: form.dataset.clientSecret,
    appearance: {
      theme: "stripe",
      variables: {
        colorPrimary: token("--colour-primary"),
        colorText: token("--colour-text"),
        colorDanger: token("--colour-urgent"),
        fontFamily: token("--font-sans"),
        borderRadius: token("--radius"),
      },
    },
  });
  const element = elements.create("payment");

  const finish = (message) => {
    error.textContent = message; // role="alert": read out as it appears
    status.textContent = "";
    form.removeAttribute("aria-busy");
    pay.disabled = false;
  };

  element.on("loaderror", () => {
    // Stripe's form could not be shown: Stripe's own page stays the way to pay.
    form.hidden = true;
    hosted.classList.remove("button--secondary");
  });
  form.hidden = false;
  hosted.classList.add("button--secondary"); // the card form is the main way now
  element.mount("#payment-element");

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (pay.disabled) return;
    pay.disabled = true;
    error.textContent = "";
    status.textContent = "Sending your payment to Stripe…";
    form.setAttribute("aria-busy", "true");
    try {
      // Stripe leaves for return_url once the payment is confirmed (after any check by the bank);
      // only a problem comes back here.
      const { error: problem } = await stripe.confirmPayment({
        elements,
        confirmParams: { return_url: form.dataset.returnUrl },
      });
      const known = problem && (problem.type === "card_error" || problem.type === "validation_error");
      finish(
        known
          ? `${problem.message} Nothing was charged.`
          : "The payment could not be sent. Nothing was charged. Try again, or pay on Stripe’s page below.",
      );
    } catch {
      finish("The payment could not be sent. Nothing was charged. Try again, or pay on Stripe’s page below.");
    }
  });
}
