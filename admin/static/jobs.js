// A job's live progress bar: polls the job's JSON every second; once the job has finished, reloads the
// page, which then shows the final report. Loaded as a file (the CSP forbids inline scripts).
const bar = document.getElementById('job-progress');
const text = document.getElementById('job-progress-text');
const status = document.getElementById('job-status');

function show(job) {
  bar.max = Math.max(job.partitions_total, 1);
  bar.value = job.partitions_done;
  bar.textContent = `${job.percent}%`;
  text.textContent = `${job.percent}%: ${job.partitions_done} of ${job.partitions_total} partitions, ` +
    `${job.scanned} messages scanned, ${job.changed} changed`;
  status.textContent = job.status + (job.cancel_requested && !job.finished ? ' (cancel requested)' : '');
}

async function poll() {
  try {
    const response = await fetch(bar.dataset.progressUrl, {headers: {Accept: 'application/json'}, cache: 'no-store'});
    if (response.ok) {
      const job = await response.json();
      show(job);
      if (job.finished) {
        window.location.reload();
        return;
      }
    }
  } catch (error) {
    // The server restarting or a network hiccup: keep polling.
  }
  window.setTimeout(poll, 1000);
}

if (bar && bar.dataset.finished !== 'true') {
  window.setTimeout(poll, 1000);
}
