// The gap report over HTTP (xref/gaps.h), for the workbench's Gaps page and
// for scripts: GET /gaps?regime=&format=json|csv|html&explain=true|false.
// Built from the snapshot's lists and its cross-list links (the links are
// computed once per snapshot; the report on each request: about a second
// over the reference lists, more with explain=true, which names each
// missing UN target's closest record on the national list and why it was
// not linked). The same report as `embargo gaps` without --store (no
// first-seen dates for undated lists). Thread-safe: reads only the pinned
// snapshot.
#pragma once

#include "service/http_types.h"

namespace embargo::service {

// 200 with the report as JSON (xref::GapReportToJson) in `body`, or CSV or
// HTML in `text` with its content_type; 400 on an unknown regime or
// format.
Response HandleGaps(const ServingSnapshot& snapshot, const Params& params);

}  // namespace embargo::service
