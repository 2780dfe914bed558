#include "service/gaps_handler.h"

#include <fmt/format.h>

#include "service/cross_links.h"
#include "xref/gaps.h"
#include "xref/gaps_html.h"

namespace embargo::service {

Response HandleGaps(const ServingSnapshot& snapshot, const Params& params) {
  const std::string format = Param(params, "format", "json");
  if (format != "json" && format != "csv" && format != "html") {
    return ErrorResponse(400, "format must be json, csv or html");
  }
  const std::string explain = Param(params, "explain", "true");
  if (explain != "true" && explain != "false") {
    return ErrorResponse(400, "explain must be true or false");
  }
  xref::GapOptions options;
  if (std::string regime = Param(params, "regime"); !regime.empty()) {
    std::optional<std::string> known = xref::ParseRegime(regime);
    if (!known) {
      return ErrorResponse(400, fmt::format("unknown regime '{}' (known: {})", regime,
                                            fmt::join(xref::KnownRegimes(), ", ")));
    }
    options.regime = *known;
  }
  const ListSet& lists = snapshot.screener->lists();
  const CrossLinks::Linked& linked = snapshot.cross_links->Get(lists);
  xref::GapReport report = xref::BuildGapReport(lists, linked.result, options);
  if (explain == "true") xref::ExplainMissing(lists, linked.result, xref::XrefOptions{}, report);
  if (format == "html") return HtmlReportResponse(xref::GapReportToHtml(report));
  Response r;
  if (format == "json") {
    r.body = xref::GapReportToJson(report);
  } else {
    r.text = xref::GapReportToCsv(report);
    r.content_type = "text/csv; charset=utf-8";
  }
  return r;
}

}  // namespace embargo::service
