// `embargo screenings list|show`: the screening records of a store
// (store/screenings.h): who screened what, when, against which list
// versions, with what result, from the CLI (screen, payments screen) and
// the service (/match, /payments/screen).
#pragma once

#include <iosfwd>
#include <string>

namespace embargo::cli {

struct ScreeningsArgs {
  std::string store;
  std::string actor;   // list: "" = anyone
  std::string kind;    // list: name, batch or payment; "" = any
  std::string since;   // list: UTC date or time prefix
  std::string search;  // list: text the subject contains
  long long limit = 50;
  std::string format = "text";  // list: text or json (JSON lines)
  long long id = 0;             // show
  std::string certificate;      // show: also write the record's certificate (HTML) here
};

// 0 listed; 1 the store failed.
int RunScreeningsList(const ScreeningsArgs& args, std::ostream& out, std::ostream& err);
// The record as JSON (and its certificate with --certificate); 1 when there
// is none.
int RunScreeningsShow(const ScreeningsArgs& args, std::ostream& out, std::ostream& err);

}  // namespace embargo::cli
