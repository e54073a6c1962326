// Shows and hides the reconnect banner for the .NET 10 script, and brings a page back when its circuit is gone.
// The banner opens through its open attribute, not show() or showModal(): both move the focus into the dialog, and
// whoever is typing must stay in their field while the connection is down (see ReconnectBanner.razor).
const banner = document.getElementById("components-reconnect-modal");

banner.addEventListener("components-reconnect-state-changed", async event => {
  switch (event.detail.state) {
    case "show":
    case "retrying":
    case "paused":
      banner.setAttribute("open", "");
      break;
    case "hide":
      banner.removeAttribute("open");
      break;
    case "failed":
      // Gave up while the tab was hidden or the network was away: try again when the person comes back.
      document.addEventListener("visibilitychange", retryWhenVisible);
      break;
    case "rejected":
      // The server no longer holds this circuit (restarted, or evicted it): resume it from its persisted state.
      await resume();
      break;
  }
});

document.getElementById("components-reconnect-button").addEventListener("click", retry);
document.getElementById("components-resume-button").addEventListener("click", resume);

async function retry() {
  document.removeEventListener("visibilitychange", retryWhenVisible);
  try {
    // true: reconnected; false: the server answered but no longer holds the circuit.
    if (!(await Blazor.reconnect())) {
      await resume();
    }
  } catch {
    document.addEventListener("visibilitychange", retryWhenVisible);
  }
}

async function resume() {
  try {
    if (await Blazor.resumeCircuit()) {
      banner.removeAttribute("open");
    } else {
      location.reload();
    }
  } catch {
    banner.classList.remove("components-reconnect-paused");
    banner.classList.add("components-reconnect-resume-failed");
  }
}

async function retryWhenVisible() {
  if (document.visibilityState === "visible") {
    await retry();
  }
}
