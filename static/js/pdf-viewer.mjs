// A delegate's document page: the PDF drawn page by page into canvases as wide as the screen,
// with pdf.js from static/vendor (same origin). The site forbids framing and inline scripts, and
// phone browsers do not show a PDF inside a page anyway. Pages are drawn when scrolled near, so a
// long report does not fill a phone's memory. The download link stays the fallback.
const viewer = document.getElementById("pdf-viewer");

async function show(viewer) {
  const status = viewer.querySelector("[data-role=status]");
  const pages = viewer.querySelector("[data-role=pages]");
  try {
    const pdfjs = await import(viewer.dataset.lib);
    pdfjs.GlobalWorkerOptions.workerSrc = viewer.dataset.worker;
    const pdf = await pdfjs.getDocument({
      url: viewer.dataset.src,
      isEvalSupported: false,
      standardFontDataUrl: viewer.dataset.fonts,
    }).promise;
    const first = (await pdf.getPage(1)).getViewport({ scale: 1 });
    const drawn = new Set();
    const draw = async (slot) => {
      const number = Number(slot.dataset.page);
      if (drawn.has(number)) return;
      drawn.add(number);
      const page = await pdf.getPage(number);
      const base = page.getViewport({ scale: 1 });
      const ratio = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: (slot.clientWidth / base.width) * ratio });
      const canvas = document.createElement("canvas");
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      await page.render({ canvasContext: canvas.getContext("2d"), viewport }).promise;
      slot.style.aspectRatio = "";
      slot.replaceChildren(canvas);
    };
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (entry.isIntersecting) draw(entry.target);
        }
      },
      { rootMargin: "600px 0px" },
    );
    for (let number = 1; number <= pdf.numPages; number++) {
      const slot = document.createElement("div");
      slot.className = "pdf-page";
      slot.dataset.page = String(number);
      slot.setAttribute("role", "img");
      slot.setAttribute("aria-label", `${viewer.dataset.pageLabel} ${number}/${pdf.numPages}`);
      slot.style.aspectRatio = `${first.width} / ${first.height}`;
      pages.appendChild(slot);
      observer.observe(slot);
    }
    status.textContent = `${pdf.numPages} ${viewer.dataset.pagesLabel}`;
    viewer.dataset.state = "shown";
  } catch (error) {
    console.error(error);
    status.textContent = viewer.dataset.failed;
    status.classList.add("text-danger");
    viewer.dataset.state = "failed";
  }
}

if (viewer) show(viewer);
