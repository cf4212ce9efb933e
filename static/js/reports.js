// Reports pages: the dashboard's year and term selectors apply on change.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("form.js-autosubmit select").forEach((select) => {
    select.addEventListener("change", () => select.form.submit());
  });
});
