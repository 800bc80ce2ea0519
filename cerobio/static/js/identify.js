// Identifier enhancements; every page works without this file.
// Shows the "Print this summary" button, which only makes sense with JavaScript.
document.querySelectorAll(".identify-print-button").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
