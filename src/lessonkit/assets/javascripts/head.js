/* Language alternates of the page head point at the published site (site_url). Opened from anywhere
   else (file://, a copy, a preview server), the theme's script would fetch sitemap.xml beside each of
   them, fail, and log errors: drop them there; search engines read them on the portal. */
(function () {
  var links = document.querySelectorAll('link[rel="alternate"][hreflang]');
  for (var i = 0; i < links.length; i++) {
    var url;
    try { url = new URL(links[i].href, location.href); } catch (e) { url = null; }
    if (!url || url.origin !== location.origin || location.protocol === "file:") {
      links[i].parentNode.removeChild(links[i]);
    }
  }
})();
