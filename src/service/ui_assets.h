// The analyst's workbench (ui/: HTML, CSS and JavaScript), compiled into the
// binary so `embargo serve` needs no file beside it and the page loads
// nothing from the network. CMake writes the table from ui/ at configure
// time (cmake/ui_assets.cc.in); the page calls the same HTTP API scripts
// call, with the user's API key.
#pragma once

#include <string_view>

namespace embargo::service {

struct UiAsset {
  std::string_view name;          // "index.html", "app.js", "app.css"
  std::string_view content_type;  // "text/html; charset=utf-8" ...
  std::string_view body;
};

// The asset named `name`, or nullptr.
const UiAsset* FindUiAsset(std::string_view name);

}  // namespace embargo::service
