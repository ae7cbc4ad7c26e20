// Draftail's editable box (role="textbox") carries no name of its own: screen readers announce
// "edit text" and axe reports aria-input-field-name. Name it by its field's visible label, or by
// the heading of the panel that holds the field when the panel's heading stands for the label.
(function () {
  "use strict";
  let count = 0;

  function labelOf(box) {
    const wrapper = box.closest(".w-field__wrapper");
    const label = wrapper && wrapper.querySelector(".w-field__label");
    if (label) {
      if (!label.id) {
        count += 1;
        label.id = `draftail-label-${count}`;
      }
      return label.id;
    }
    const panel = box.closest("[data-panel][aria-labelledby]");
    return panel ? panel.getAttribute("aria-labelledby") : "";
  }

  function nameEditors() {
    document
      .querySelectorAll('.public-DraftEditor-content[role="textbox"]:not([aria-labelledby])')
      .forEach((box) => {
        const id = labelOf(box);
        if (id) box.setAttribute("aria-labelledby", id);
      });
  }

  document.addEventListener("DOMContentLoaded", () => {
    nameEditors();
    // Editors of new stream blocks and inline panels appear later.
    new MutationObserver(nameEditors).observe(document.body, { childList: true, subtree: true });
  });
})();
