// storyline: small progressive enhancements; every page works without this file.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const text = document.getElementById("text");

  // Article reader: switch each kind of highlight on and off.
  document.querySelectorAll("input[data-toggle]").forEach((box) => {
    box.addEventListener("change", () => {
      if (text) text.classList.toggle("off-" + box.dataset.toggle, !box.checked);
    });
  });

  // Article reader: spotlight every mention of one actor.
  document.querySelectorAll("button.actor-toggle").forEach((button) => {
    button.addEventListener("click", () => {
      const on = button.getAttribute("aria-pressed") !== "true";
      button.setAttribute("aria-pressed", String(on));
      if (!text) return;
      text.querySelectorAll("[data-actor]").forEach((el) => {
        if (el.dataset.actor.split(" ").includes(button.dataset.actor)) el.classList.toggle("spot", on);
      });
      const first = text.querySelector(".spot");
      if (on && first) first.scrollIntoView({ block: "center", behavior: "smooth" });
    });
  });

  // Actor graph: hovering or focusing an actor lights its edges and dims the rest.
  document.querySelectorAll("svg.actor-graph").forEach((svg) => {
    const light = (id) => {
      svg.classList.toggle("focusing", Boolean(id));
      svg.querySelectorAll(".edge").forEach((edge) => {
        edge.classList.toggle("lit", Boolean(id) &&
          (edge.dataset.source === id || edge.dataset.target === id));
      });
    };
    svg.querySelectorAll(".node").forEach((node) => {
      node.addEventListener("mouseenter", () => light(node.dataset.actor));
      node.addEventListener("focus", () => light(node.dataset.actor));
      node.addEventListener("mouseleave", () => light(null));
      node.addEventListener("blur", () => light(null));
    });
  });
});
