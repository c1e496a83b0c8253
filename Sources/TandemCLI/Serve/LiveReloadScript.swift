/// `/__tandem/live.js`: reloads the page after each rebuild and shows build errors over it.
///
/// Served as its own file because pages forbid inline scripts; it only talks to its own origin
/// (`connect-src 'self'`), and sets every error as text, never as HTML.
enum LiveReloadScript {
    static let source = #"""
        // tandem serve: live reload. Never part of `tandem build` output.
        //
        // One open page of the preview holds the event stream and passes every event on to the
        // others (a Web Lock elects it, a BroadcastChannel carries the events): browsers open at most
        // six connections to one address, so a stream per tab would leave the seventh tab waiting.
        // When that page closes, another takes the lock and the stream. Where the browser has no
        // Web Locks (an address other than localhost is not a secure context), each page has its own.
        (function () {
          "use strict";
          var script = document.currentScript;
          var page = script ? new URL(script.src).searchParams.get("build") : null;
          var overlay = null;
          var channel = typeof BroadcastChannel === "function" ? new BroadcastChannel("tandem-live") : null;
          var shared = channel !== null && !!(navigator.locks && navigator.locks.request);
          // What the page holding the stream tells a page that opens later: the build, and the
          // errors of a failed build since then.
          var last = {hello: null, errors: null};

          function handle(type, data) {
            if (type === "hello") {
              var build = JSON.parse(data).build;
              // This page is from another build: a reload was missed while the connection was down.
              if (page !== null && build !== page) location.reload();
            } else if (type === "reload") {
              location.reload();
            } else if (type === "errors") {
              show(JSON.parse(data).errors);
            }
          }

          function listen() {
            var events = new EventSource("/__tandem/events");
            ["hello", "reload", "errors"].forEach(function (type) {
              events.addEventListener(type, function (event) {
                if (type === "errors") last.errors = event.data;
                else { last.errors = null; if (type === "hello") last.hello = event.data; }
                if (channel) channel.postMessage({type: type, data: event.data});
                handle(type, event.data);
              });
            });
          }

          if (shared) {
            var holding = false;
            channel.addEventListener("message", function (message) {
              var m = message.data || {};
              if (m.type === "ask") {
                if (holding && last.hello) channel.postMessage({type: "hello", data: last.hello});
                if (holding && last.errors) channel.postMessage({type: "errors", data: last.errors});
              } else if (!holding) {
                handle(m.type, m.data);
              }
            });
            navigator.locks.request("tandem-live", function () {
              holding = true;
              listen();
              return new Promise(function () {}); // held until this page goes away
            });
            channel.postMessage({type: "ask"});
          } else {
            listen();
          }

          function show(errors) {
            if (overlay) overlay.remove();
            overlay = document.createElement("div");
            overlay.setAttribute("data-tandem-errors", String(errors.length));
            overlay.setAttribute("role", "alert");
            var style = overlay.style;
            style.position = "fixed";
            style.inset = "0";
            style.zIndex = "2147483647";
            style.overflow = "auto";
            style.padding = "2rem";
            style.background = "rgba(20, 20, 24, 0.94)";
            style.color = "#fff";
            style.font = "14px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace";

            var close = document.createElement("button");
            close.type = "button";
            close.textContent = "\u00d7";
            close.setAttribute("aria-label", "Hide the errors");
            close.style.cssText = "float:right;font:inherit;font-size:1.5rem;background:none;color:inherit;border:0;cursor:pointer";
            close.addEventListener("click", function () { overlay.remove(); overlay = null; });
            overlay.appendChild(close);

            var title = document.createElement("h2");
            title.textContent = "The site did not build: " + errors.length + " problem" +
              (errors.length === 1 ? "" : "s") + ". This page is from the last good build.";
            title.style.cssText = "font:inherit;font-weight:bold;color:#ff8a80;margin:0 0 1rem";
            overlay.appendChild(title);

            var list = document.createElement("ol");
            list.style.cssText = "margin:0;padding:0;list-style:none";
            errors.forEach(function (error) {
              var item = document.createElement("li");
              item.setAttribute("data-tandem-error", error.location);
              item.style.cssText = "margin:0 0 0.75rem;white-space:pre-wrap;word-break:break-word";
              var where = document.createElement("strong");
              where.textContent = error.location;
              item.appendChild(where);
              item.appendChild(document.createTextNode(": " + (error.severity === "warning" ? "warning: " : "") + error.message));
              list.appendChild(item);
            });
            overlay.appendChild(list);

            var hint = document.createElement("p");
            hint.textContent = "Fix the file and save: the page reloads by itself.";
            hint.style.cssText = "opacity:0.7;margin:1rem 0 0";
            overlay.appendChild(hint);
            document.body.appendChild(overlay);
          }
        })();

        """#
}
