(function () {
  "use strict";
  // Reads only the page's own attributes and toggles classes: no markup is built from
  // data, so nothing in the article can become code.
  var doc = document.querySelector(".doc");
  var lit = null;

  function light(id) {
    if (id === lit) { return; }
    lit = id;
    var tagged = document.querySelectorAll("[data-entity]");
    for (var i = 0; i < tagged.length; i++) {
      tagged[i].classList.toggle("lit", id !== null && tagged[i].getAttribute("data-entity") === id);
    }
  }

  function entityOf(target) {
    var el = target && target.closest ? target.closest("[data-entity]") : null;
    return el ? el.getAttribute("data-entity") : null;
  }

  document.addEventListener("mouseover", function (event) { light(entityOf(event.target)); });
  document.addEventListener("focusin", function (event) { light(entityOf(event.target)); });

  var buttons = document.querySelectorAll(".legend button[data-type]");
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].addEventListener("click", function (event) {
      var button = event.currentTarget;
      var on = button.getAttribute("aria-pressed") !== "true";
      button.setAttribute("aria-pressed", on ? "true" : "false");
      if (doc) { doc.classList.toggle("off-" + button.getAttribute("data-type"), !on); }
    });
  }
})();
