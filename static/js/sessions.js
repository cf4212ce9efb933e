// Attendance roll: one click marks every delegate with the same status.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll(".js-attendance-all").forEach((button) => {
    button.addEventListener("click", () => {
      const status = button.dataset.status;
      button.closest("form").querySelectorAll(`input[type=radio][value="${status}"]`).forEach((input) => {
        input.checked = true;
      });
    });
  });
});
