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

// Drop-downs that follow another field (data-follows="term", council.forms.follow): when the
// user changes that field, the same page is asked for with its new value (?term=5) and these
// drop-downs take the options it offers. What was chosen stays chosen if still offered. The
// request carries every leader of the form with its current value (?term=5&session=): a
// follower may lead another (a petition's meetings follow its session, which follows the term),
// and a refreshed follower fires "change", so a chain refreshes link by link, each link asked
// for with the fields above it as they are now.
document.addEventListener("DOMContentLoaded", () => {
  const followers = new Map();
  document.querySelectorAll("select[data-follows]").forEach((select) => {
    const leader = select.form && select.form.elements.namedItem(select.dataset.follows);
    if (!leader || !leader.name) return;
    if (!followers.has(leader)) followers.set(leader, []);
    followers.get(leader).push(select);
  });
  followers.forEach((selects, leader) => {
    let latest = 0;
    leader.addEventListener("change", async () => {
      const request = ++latest;
      const url = new URL(window.location.href);
      followers.forEach((_selects, other) => {
        if (other.form === leader.form) url.searchParams.set(other.name, other.value);
      });
      selects.forEach((select) => select.setAttribute("aria-busy", "true"));
      try {
        const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "text/html" } });
        if (!response.ok || request !== latest) return;
        const page = new DOMParser().parseFromString(await response.text(), "text/html");
        selects.forEach((select) => {
          const fresh = page.getElementById(select.id);
          if (!fresh) return;
          const chosen = new Set(Array.from(select.selectedOptions, (option) => option.value));
          select.replaceChildren(...Array.from(fresh.options, (option) => document.importNode(option, true)));
          Array.from(select.options).forEach((option) => { option.selected = chosen.has(option.value); });
          if (select.tomselect) select.tomselect.sync(); // the picker shows the new options
          else if (select.multiple) searchablePicker(select);
          select.dispatchEvent(new Event("change", { bubbles: true }));
        });
      } finally {
        if (request === latest) selects.forEach((select) => select.removeAttribute("aria-busy"));
      }
    });
  });
});

// Multi-selects of many options (the delegates at a voter meeting, the agencies an oversight
// activity supervises) become a searchable picker: type part of a name, pick, see what is chosen
// as removable tags. Tom Select is vendored (static/vendor/tom-select/); the <select> underneath
// is what the form sends. A list that grows later (a follower, above) gets its picker then.
const PICKER_MIN_OPTIONS = 10;
function searchablePicker(select) {
  if (!window.TomSelect || select.tomselect || select.options.length < PICKER_MIN_OPTIONS) return;
  new window.TomSelect(select, {
    plugins: { remove_button: { title: "Bỏ chọn" } },
    maxOptions: null,
    hidePlaceholder: true,
    placeholder: "Gõ để tìm, bấm để chọn…",
    render: {
      no_results: () => '<div class="no-results">Không tìm thấy</div>',
    },
  });
}
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("select[multiple]").forEach(searchablePicker);
});

// A form is sent once: its submit buttons are disabled on the first submit, so a double click
// sends one request (the server refuses a repeat anyway: council.idempotency). Forms another
// script sends itself (HTMX: the event is cancelled) and GET forms are left alone.
const submitButtons = (form) => Array.from(form.elements).filter((el) => el.type === "submit");
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || form.method !== "post") return;
  if (form.dataset.submitted) {
    event.preventDefault();
    return;
  }
  if (event.defaultPrevented) return;
  form.dataset.submitted = "true";
  // After this event: a button disabled now would not send its own name and value.
  setTimeout(() => submitButtons(form).forEach((button) => { button.disabled = true; }), 0);
});
// Back to a page kept in the back-forward cache: its forms can be sent again.
window.addEventListener("pageshow", () => {
  document.querySelectorAll("form[data-submitted]").forEach((form) => {
    delete form.dataset.submitted;
    submitButtons(form).forEach((button) => { button.disabled = false; });
  });
});
