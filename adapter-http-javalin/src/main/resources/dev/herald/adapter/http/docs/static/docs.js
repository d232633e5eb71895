// Swagger UI on Herald's own description (docs/API.md §10). A file rather than an inline script, so that the page's
// Content-Security-Policy can allow scripts from this server only.
window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis],
  layout: "BaseLayout"
});
