// «Lịch của tôi»: copy a feed URL with one click; the field stays selectable by hand when the
// browser refuses the clipboard (an http:// page, an old browser).
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-select-on-focus]").forEach((input) => {
    input.addEventListener("focus", () => input.select());
  });
  document.querySelectorAll("[data-copy-target]").forEach((button) => {
    button.addEventListener("click", async () => {
      const input = document.getElementById(button.dataset.copyTarget);
      if (!input) return;
      input.focus();
      input.select();
      try {
        await navigator.clipboard.writeText(input.value);
      } catch {
        document.execCommand("copy");
      }
      const label = button.innerHTML;
      button.textContent = button.dataset.copied;
      setTimeout(() => { button.innerHTML = label; }, 2000);
    });
  });
});
