// What someone types while the live connection is down stays in the page but never reaches the server: the .NET 10
// script, like the ones before it, does not queue input events while disconnected (it rejects each of them with
// "Cannot send data if the connection is not in the 'Connected' State"). While the reconnect banner
// (Components/Layout/ReconnectBanner.razor) is up, this keeps the browser's own events from Blazor, so typing simply
// goes into the field; once the connection is back it sends each field's current text again for forms marked
// data-resend-on-reconnect, so the draft saves what is on the screen.
(() => {
  const banner = document.getElementById("components-reconnect-modal");
  if (!banner) {
    return;   // the sign-in pages are plain forms with no live connection
  }
  let down = false;

  function resend() {
    document.querySelectorAll("[data-resend-on-reconnect] textarea, [data-resend-on-reconnect] input[type=text]")
      .forEach(field => field.dispatchEvent(new Event("input", { bubbles: true })));
  }

  const held = ["input", "change", "keydown", "keyup", "keypress", "click", "dblclick", "mousedown", "mouseup",
    "pointerdown", "pointerup", "focus", "blur", "focusin", "focusout"];
  for (const type of held) {
    window.addEventListener(type, event => {
      // The banner's own buttons (Try again, Resume) must keep working.
      if (down && event.isTrusted && !banner.contains(event.target)) {
        event.stopImmediatePropagation();
      }
    }, true);
  }

  // The script announces each state on the banner itself; every state but "hide" means the connection is down.
  banner.addEventListener("components-reconnect-state-changed", event => {
    if (event.detail.state !== "hide") {
      down = true;
    } else if (down) {
      down = false;
      resend();
    }
  });
})();
