// Material's bundle fetches sitemap.xml next to every <link rel="alternate">; with
// mkdocs-static-i18n's per-page alternates that is two 404s on every page view
// (squidfunk/mkdocs-material#6582). The links stay in the HTML for search engines;
// the running page does not need them: the language switcher links to the twin page.
// Loaded before Material's bundle, so the bundle never sees them.
document.querySelectorAll('link[rel="alternate"][hreflang]').forEach(function (link) {
  link.remove();
});
