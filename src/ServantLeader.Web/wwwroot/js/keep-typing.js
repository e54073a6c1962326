// What someone types while the live connection is down stays in the page but never reaches the server: Blazor
// does not replay input events after it reconnects (it throws on each of them instead). While the reconnect
// dialog is up, this keeps the browser's own events from Blazor, so typing simply goes into the field; once the
// dialog closes it sends each field's current text again for forms marked data-resend-on-reconnect, so the draft
// saves what is on the screen.
(() => {
  const dialogId = "components-reconnect-modal";
  let down = false;
  let dialog = null;

  function resend() {
    document.querySelectorAll("[data-resend-on-reconnect] textarea, [data-resend-on-reconnect] input[type=text]")
      .forEach(field => field.dispatchEvent(new Event("input", { bubbles: true })));
  }

  const held = ["input", "change", "keydown", "keyup", "keypress", "click", "dblclick", "mousedown", "mouseup",
    "pointerdown", "pointerup", "focus", "blur", "focusin", "focusout"];
  for (const type of held) {
    window.addEventListener(type, event => {
      // The dialog's own buttons (Retry, Reload) must keep working.
      if (down && event.isTrusted && !(dialog && dialog.contains(event.target))) {
        event.stopImmediatePropagation();
      }
    }, true);
  }

  function watch(found) {
    dialog = found;
    down = dialog.style.display !== "none";
    new MutationObserver(() => {
      if (dialog.style.display !== "none") {
        down = true;
      } else if (down) {
        down = false;
        resend();
      }
    }).observe(dialog, { attributes: true, attributeFilter: ["style"] });
  }

  const existing = document.getElementById(dialogId);
  if (existing) {
    watch(existing);
  } else {
    new MutationObserver((_, observer) => {
      const found = document.getElementById(dialogId);
      if (found) {
        observer.disconnect();
        watch(found);
      }
    }).observe(document.body, { childList: true });
  }
})();
