// The model-validation report as one self-contained HTML page (inline CSS and
// SVG, no scripts, no URLs), drawn from the JSON of IndependentEvalJson: data
// sources and list versions, deck composition, engine vs baseline key figures,
// a threshold-sweep chart (recall and false-alert rate, engine and baseline),
// a table per variant class and per source, the misses and the false alerts.
// Every number shown has an element id (kpi-engine-recall, class-<c>-engine,
// ...) so tests can read it back and compare with the JSON. Pure function;
// thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace embargo::eval {

std::string ValidationReportHtml(const nlohmann::json& report);

// How the page writes a rate: "97.53%".
std::string Percent(double rate);

}  // namespace embargo::eval
