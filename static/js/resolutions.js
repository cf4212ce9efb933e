// Resolution form: propose the next free number when the kind or the adoption date changes.
document.addEventListener("DOMContentLoaded", () => {
  const script = document.getElementById("resolutions-js");
  const number = document.querySelector(".js-resolution-number");
  const kind = document.querySelector(".js-resolution-kind");
  const date = document.querySelector(".js-resolution-date");
  if (!script || !number || !kind) return;
  const url = script.dataset.nextNumberUrl;

  const yearOf = () => {
    const match = date && /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(date.value.trim());
    return match ? match[3] : "";
  };

  const refresh = async () => {
    const params = new URLSearchParams({ is_normative: kind.checked ? "true" : "false" });
    const year = yearOf();
    if (year) params.set("year", year);
    const response = await fetch(`${url}?${params}`, { headers: { Accept: "application/json" } });
    if (!response.ok) return;
    const data = await response.json();
    number.placeholder = String(data.number);
  };

  kind.addEventListener("change", refresh);
  if (date) date.addEventListener("change", refresh);
});
