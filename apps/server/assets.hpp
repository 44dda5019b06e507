// The files the server serves from its binary: the live page (HTML, CSS, JavaScript written
// for sitrep, no outside resource) and the OpenAPI description of /v1.
#pragma once

#include <string_view>

namespace sitrep::server {

struct asset {
  std::string_view body;
  std::string_view type;  ///< Content-Type
};

/// "index.html", "app.js", "app.css" or "openapi.json"; index.html for any other name.
const asset& page_asset(std::string_view name);

}  // namespace sitrep::server
