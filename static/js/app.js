// No inline scripts anywhere (Content-Security-Policy): page behaviour lives here.
document.addEventListener("DOMContentLoaded", () => {
  // Confirmation before destructive actions that are plain links or buttons.
  document.querySelectorAll("[data-confirm]").forEach((el) => {
    el.addEventListener("click", (event) => {
      if (!window.confirm(el.dataset.confirm)) event.preventDefault();
    });
  });
});
// Send the CSRF token with every HTMX request.
document.addEventListener("htmx:configRequest", (event) => {
  const token = document.querySelector('meta[name="csrf-token"]');
  if (token) event.detail.headers["X-CSRFToken"] = token.content;
});
