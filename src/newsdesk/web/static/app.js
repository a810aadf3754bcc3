// newsdesk: live ingest progress on the job page. Pages work without it.
// Strings from the server are put into the page with textContent only, never innerHTML.
"use strict";

(function () {
  const box = document.getElementById("job");
  if (!box) return;
  const url = box.dataset.job;
  const el = (tag, text, href) => {
    const node = document.createElement(tag);
    if (href) {
      const a = document.createElement("a");
      a.href = href;
      a.textContent = text;
      node.appendChild(a);
    } else {
      node.textContent = text;
    }
    return node;
  };
  const plural = (n, word) => n + " " + word + (n === 1 ? "" : "s");
  async function poll() {
    let job;
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" } });
      job = await response.json();
    } catch (err) {
      setTimeout(poll, 2000);
      return;
    }
    document.getElementById("job-state").textContent = job.state;
    document.getElementById("job-state").className = "state state-" + job.state;
    document.getElementById("job-counts").textContent =
      plural(job.read, "article") + " read: " + job.stored + " stored, " + job.skipped +
      " already stored, " + job.failed + " failed";
    const articles = document.getElementById("job-articles");
    articles.replaceChildren(...job.articles.map((id) => el("li", id, "/articles/" + encodeURIComponent(id))));
    const failures = document.getElementById("job-failures");
    failures.replaceChildren(...job.failures.map((f) => el("li", f.source + ": " + f.reason)));
    box.dataset.state = job.state;
    const bar = document.getElementById("job-progress");
    if (job.state === "done" || job.state === "failed") {
      bar.max = 1;
      bar.value = 1;
      if (job.error) box.appendChild(el("p", job.error)).className = "error";
    } else {
      setTimeout(poll, 700);
    }
  }
  if (box.dataset.state === "queued" || box.dataset.state === "running") poll();
})();
