// `embargo show ID`: one record of the lists, its relations (a vessel's
// owner, operator and manager; OFAC's "Linked To:") with where each related
// party is listed, its counterparts on the other lists (its cross-list
// cluster, xref/xref.h) with their names side by side and the evidence of
// each link, the cases found ambiguous, and for each list with no
// counterpart the closest record there and why it was not linked. ID is an
// entity id (un_sc_sanctions-KPi.055) or a list's own key when only one
// record has it (KPi.055).
#pragma once

#include <iosfwd>
#include <string>

#include "cli/open_screener.h"
#include "xref/xref.h"

namespace embargo::cli {

struct ShowArgs {
  ListSource source;
  std::string id;
  std::string format = "text";  // text or json
  double name_threshold = xref::XrefOptions{}.name_threshold;
  int threads = 0;
};

// Returns the exit code: 0 ok, 1 bad lists or unknown id, 2 usage.
int RunShow(const ShowArgs& args, std::ostream& out, std::ostream& err);

}  // namespace embargo::cli
