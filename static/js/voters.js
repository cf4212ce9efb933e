// Voters pages: "select all" for the petition checkboxes of a forwarding letter.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll(".js-check-all").forEach((button) => {
    button.addEventListener("click", () => {
      const boxes = document.querySelectorAll(`input[type=checkbox][name="${button.dataset.target}"]`);
      const allChecked = Array.from(boxes).every((box) => box.checked);
      boxes.forEach((box) => { box.checked = !allChecked; });
    });
  });
});

// The forwarding letter's "show this session's petitions": reload with the typed values kept
// in the query string (only the named fields, never the CSRF token).
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll(".js-reload-with").forEach((button) => {
    button.addEventListener("click", () => {
      const params = new URLSearchParams();
      button.dataset.fields.split(",").forEach((name) => {
        const field = button.form.elements[name];
        if (field && field.value) params.set(name, field.value);
      });
      window.location.search = params.toString();
    });
  });
});
