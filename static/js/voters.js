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

// The forwarding letter: choosing a term or a session shows that term's or session's petitions
// at once. The page is asked for again with the typed values kept in the query string (only the
// fields named in data-keep, never the CSRF token); a new term drops the session of the old one.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("form.js-reload-on-change").forEach((form) => {
    const keep = form.dataset.keep.split(",");
    form.dataset.reloadOn.split(",").forEach((name) => {
      const leader = form.elements.namedItem(name);
      if (!leader) return;
      leader.addEventListener("change", () => {
        const params = new URLSearchParams();
        keep.forEach((kept) => {
          if (name === "term" && kept === "session") return;
          const field = form.elements.namedItem(kept);
          if (field && field.value) params.set(kept, field.value);
        });
        window.location.search = params.toString();
      });
    });
  });
});
