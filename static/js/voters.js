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
