// Swagger UI for /docs, from the locally served bundle (no CDN): the page works offline.
"use strict";
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
