// Wagtail 8 autosaves the editor's form in the background. On the "add" page the first autosave
// creates the record and then points the form at the record's edit address. A save button
// pressed while that autosave is still on its way would post the form to the "add" address a
// second time: the record would be created twice, and the second fails ("this URL is already
// used"), which on a busy server is what an officer saw. Here an explicit save waits for the
// autosave in flight to finish, then goes ahead, to wherever the form now points.
(function () {
  "use strict";
  const inFlight = new WeakMap();

  function settle(form) {
    const pending = inFlight.get(form);
    if (pending) {
      inFlight.delete(form);
      pending.resolve();
    }
  }

  document.addEventListener("w-autosave:save", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || event.defaultPrevented) return;
    if (inFlight.has(form)) return;
    let resolve;
    const promise = new Promise((done) => {
      resolve = done;
    });
    inFlight.set(form, { promise, resolve });
  });
  for (const name of ["w-autosave:success", "w-autosave:error", "w-autosave:deactivated"]) {
    document.addEventListener(name, (event) => settle(event.target));
  }

  document.addEventListener(
    "submit",
    (event) => {
      const form = event.target;
      const pending = form instanceof HTMLFormElement && inFlight.get(form);
      if (!pending) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      const submitter = event.submitter;
      const name = submitter && submitter.getAttribute("name");
      pending.promise.then(() => {
        // The autosave may have redrawn the buttons: press the one of the same name.
        let button = submitter && form.contains(submitter) ? submitter : null;
        if (!button && name) {
          button = form.querySelector(`[type="submit"][name="${CSS.escape(name)}"]`);
        }
        if (button) {
          form.requestSubmit(button);
        } else {
          form.requestSubmit();
        }
      });
    },
    true,
  );
})();
